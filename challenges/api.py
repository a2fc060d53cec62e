"""The challenges of the public JSON API: a read-only list and detail."""

from django.db.models import QuerySet
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import permissions, viewsets

from challenges.models import ChallengePage
from challenges.selectors import next_phase_boundary, public_challenges
from challenges.serializers import ChallengeSerializer
from core.api import CachedForAnonymous, TranslatedNotFound


@extend_schema_view(
    list=extend_schema(
        summary="Retos",
        description="Retos publicados, del más reciente al más antiguo, con su fase actual y los "
        "totales de sus ideas publicadas. Las fechas van en ISO 8601 con el desfase de America/Bogota.",
    ),
    retrieve=extend_schema(summary="Un reto", description="Un reto publicado, por el id de su página."),
)
class ChallengeViewSet(CachedForAnonymous, TranslatedNotFound, viewsets.ReadOnlyModelViewSet):
    page_cache_shows = ("participation", "organizations")
    serializer_class = ChallengeSerializer
    permission_classes = [permissions.AllowAny]
    filter_backends: list = []
    queryset = ChallengePage.objects.none()  # the model, for the schema; get_queryset() reads

    def page_cache_until(self, request):
        return next_phase_boundary  # called only when the answer is stored

    def get_queryset(self) -> QuerySet[ChallengePage]:
        return public_challenges()
