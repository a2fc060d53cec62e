"""The challenges of the public JSON API: a read-only list and detail."""

from django.db.models import Count, IntegerField, Q, QuerySet, Sum, Value
from django.db.models.functions import Coalesce
from django.http import Http404
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import permissions, viewsets
from rest_framework.exceptions import NotFound

from challenges.models import ChallengePage
from challenges.serializers import ChallengeSerializer
from ideas.models import IdeaStatus


def visible_challenges() -> QuerySet[ChallengePage]:
    """Challenges anyone may see: published and outside private sections of the site.

    Evaluate it late (per request): `public()` reads the current view restrictions."""
    return ChallengePage.objects.live().public()


def public_challenges() -> QuerySet[ChallengePage]:
    """Visible challenges with the totals of their published ideas, newest first, in one query
    (plus one for the co-leads of the whole page)."""
    published = ~Q(ideas__status=IdeaStatus.HIDDEN)
    return (
        visible_challenges()
        .annotate(
            # One join only (ideas), so the count and the sum are not multiplied by each other.
            idea_count=Count("ideas", filter=published),
            support_count=Coalesce(
                Sum("ideas__support_count", filter=published), Value(0), output_field=IntegerField()
            ),
        )
        .prefetch_related("co_leads")
        .order_by("-ideas_open_at", "-pk")
    )


class TranslatedNotFound:
    """Django's Http404 says "No <Model> matches the given query." in English whatever the
    language; answer with DRF's "No encontrado." / "Not found." instead."""

    def handle_exception(self, exc):
        if isinstance(exc, Http404):
            exc = NotFound()
        return super().handle_exception(exc)


@extend_schema_view(
    list=extend_schema(
        summary="Retos",
        description="Retos publicados, del más reciente al más antiguo, con su fase actual y los "
        "totales de sus ideas publicadas. Las fechas van en ISO 8601 con el desfase de America/Bogota.",
    ),
    retrieve=extend_schema(summary="Un reto", description="Un reto publicado, por el id de su página."),
)
class ChallengeViewSet(TranslatedNotFound, viewsets.ReadOnlyModelViewSet):
    serializer_class = ChallengeSerializer
    permission_classes = [permissions.AllowAny]
    filter_backends: list = []
    queryset = ChallengePage.objects.none()  # the model, for the schema; get_queryset() reads

    def get_queryset(self) -> QuerySet[ChallengePage]:
        return public_challenges()
