"""Ideas, supports and comments in the public JSON API.

Thin on purpose: parse the input, call one service, render. The services decide who may act
in which phase and say why not (`Refused`); this module turns their refusals into HTTP.
"""

import django_filters
from django.db.models import QuerySet
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import mixins, permissions, status, viewsets
from rest_framework.decorators import action
from rest_framework.generics import get_object_or_404
from rest_framework.response import Response
from rest_framework.reverse import reverse

from challenges.selectors import visible_challenges
from core import ratelimit
from core.api import CachedForAnonymous, FollowSerializer, RefusalSerializer, TranslatedNotFound
from ideas import services
from ideas.cache import challenge_namespace
from ideas.models import COMUNA_CHOICES, Comment, Idea, IdeaStatus
from ideas.selectors import ORDERINGS, public_ideas
from ideas.serializers import (
    CommentCreateSerializer,
    CommentSerializer,
    IdeaCreateSerializer,
    IdeaSerializer,
    SupportSerializer,
)


class RefusalsAsResponses:
    # Answers a service's `Refused` with its status and `{"detail", "code"}`.

    def handle_exception(self, exc):
        if isinstance(exc, services.Refused):
            # A 401 must name a scheme (RFC 9110 §11.6.1): the site's session cookie.
            headers = {"WWW-Authenticate": 'Session realm="api"'} if exc.status == 401 else None
            return Response({"detail": exc.message, "code": exc.code}, status=exc.status, headers=headers)
        return super().handle_exception(exc)


class IdeaFilter(django_filters.FilterSet):
    challenge = django_filters.ModelChoiceFilter(
        queryset=lambda request: visible_challenges(), help_text="Solo las ideas de este reto (id)."
    )
    comuna = django_filters.ChoiceFilter(
        choices=COMUNA_CHOICES[1:],
        help_text="Solo las ideas de esta comuna o corregimiento (comuna-1 … comuna-17, "
        "corregimiento-1 … corregimiento-3).",
    )
    ordering = django_filters.ChoiceFilter(
        choices=[(name, name) for name in ORDERINGS],
        method="apply_ordering",
        help_text="Orden: -supports (más apoyadas, por omisión), supports, -created (más recientes), "
        "created, -comments (más comentadas).",
    )

    class Meta:
        model = Idea
        fields = ["challenge", "comuna"]

    def apply_ordering(self, queryset: QuerySet[Idea], name: str, value: str) -> QuerySet[Idea]:
        return queryset.order_by(*ORDERINGS[value])


def _refusals(*statuses: int) -> dict:
    """OpenAPI responses for the refusals an operation can get."""
    texts = {
        400: "Datos inválidos: errores por campo, o `{detail, code}` si el servicio los rechaza.",
        401: "Sin sesión (`not_authenticated`).",
        403: "Cuenta sin verificar, fase equivocada o falta de membresía; también sin token CSRF.",
        404: "No existe, no está publicada o fue ocultada por moderación.",
        409: "Ya usó todos los apoyos que el reto permite (`support_limit`).",
    }
    return {
        code: OpenApiResponse(
            response=OpenApiTypes.OBJECT if code == 400 else RefusalSerializer, description=texts[code]
        )
        for code in statuses
    }


IDEA_LIST_DESCRIPTION = (
    "Ideas publicadas (las ocultadas por moderación no aparecen), paginadas. "
    "`supported_by_me` dice si la cuenta con sesión apoya cada idea (false sin sesión). "
    "Un `ordering` desconocido recibe 400."
)
SUPPORT_DESCRIPTION = (
    "Apoyar la idea (cuenta verificada, fase de votación). 201 la primera vez; repetirlo no cambia "
    "nada y responde 200 con el mismo conteo."
)

FOLLOW_DESCRIPTION = (
    "Seguir la idea (cuenta verificada): avisos de sus cambios de estado, sus comentarios nuevos y "
    "los hitos de su implementación. 201 la primera vez; repetirlo no cambia nada y responde 200."
)


@extend_schema_view(
    list=extend_schema(
        summary="Ideas", description=IDEA_LIST_DESCRIPTION, responses={200: IdeaSerializer, **_refusals(400)}
    ),
    retrieve=extend_schema(
        summary="Una idea",
        description="Una idea publicada; las ocultadas por moderación responden 404.",
        responses={200: IdeaSerializer, **_refusals(404)},
    ),
)
class IdeaViewSet(
    CachedForAnonymous,
    RefusalsAsResponses,
    TranslatedNotFound,
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    viewsets.GenericViewSet,
):
    serializer_class = IdeaSerializer
    filterset_class = IdeaFilter
    # Reading is public; every write goes through a service that checks the account and the phase
    # and says why it refuses (401 without a session, 403 otherwise), which a DRF permission could not.
    permission_classes = [permissions.AllowAny]
    queryset = Idea.objects.none()  # the model, for the schema; get_queryset() reads

    def page_cache_namespaces(self, request) -> tuple[str, ...]:
        challenge = request.query_params.get("challenge", "")
        if challenge.isdigit() and self.action == "list":
            return (challenge_namespace(int(challenge)),)
        return ("participation",)

    def get_queryset(self) -> QuerySet[Idea]:
        return public_ideas(user=self.request.user).filter(challenge__in=visible_challenges())

    def published_idea(self) -> Idea:
        """The idea of the URL with its challenge (the services read its phase); 404 if hidden.

        DRF's get_object_or_404 also answers 404 to an id that is not a number."""
        ideas = (
            Idea.objects.exclude(status=IdeaStatus.HIDDEN)
            .filter(challenge__in=visible_challenges())
            .select_related("challenge")
        )
        return get_object_or_404(ideas, pk=self.kwargs["pk"])

    @extend_schema(
        summary="Proponer una idea",
        description="Cuenta verificada, reto en fase de recepción de ideas. `organization`: id de una "
        "organización de la que es miembro aprobado, para proponer en su nombre. `comuna`: dónde se "
        "haría realidad (vacío: toda la ciudad).",
        request=IdeaCreateSerializer,
        responses={201: IdeaSerializer, **_refusals(400, 401, 403)},
    )
    def create(self, request, *args, **kwargs):
        data = IdeaCreateSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        ratelimit.check(request, "idea")
        idea = services.idea_create(
            author=request.user,
            challenge=data.validated_data["challenge"],
            title=data.validated_data["title"],
            body=data.validated_data["body"],
            organization=data.validated_data.get("organization"),
            comuna=data.validated_data.get("comuna", ""),
        )
        idea = public_ideas(user=request.user).get(pk=idea.pk)
        return Response(
            IdeaSerializer(idea, context=self.get_serializer_context()).data,
            status=status.HTTP_201_CREATED,
            headers={"Location": reverse("idea-detail", kwargs={"pk": idea.pk}, request=request)},
        )

    @extend_schema(
        methods=["POST"],
        summary="Apoyar una idea",
        description=SUPPORT_DESCRIPTION,
        request=None,
        responses={
            201: OpenApiResponse(SupportSerializer, description="Apoyo registrado."),
            200: OpenApiResponse(SupportSerializer, description="Ya la apoyaba: nada cambió."),
            **_refusals(401, 403, 404, 409),
        },
    )
    @extend_schema(
        methods=["DELETE"],
        summary="Retirar el apoyo",
        description="Retirar el apoyo durante la fase de votación (200 también si no la apoyaba).",
        request=None,
        responses={200: SupportSerializer, **_refusals(401, 403, 404)},
    )
    @action(detail=True, methods=["post", "delete"], filter_backends=[])
    def support(self, request, *args, **kwargs):
        idea = self.published_idea()
        ratelimit.check(request, "support")
        if request.method == "POST":
            idea, changed = services.idea_support(user=request.user, idea=idea)
            code, supported = (status.HTTP_201_CREATED if changed else status.HTTP_200_OK), True
        else:
            idea, _changed = services.idea_withdraw_support(user=request.user, idea=idea)
            code, supported = status.HTTP_200_OK, False
        body = {"id": idea.pk, "support_count": idea.support_count, "supported_by_me": supported}
        return Response(SupportSerializer(body).data, status=code)

    @extend_schema(
        methods=["POST"],
        summary="Seguir una idea",
        description=FOLLOW_DESCRIPTION,
        request=None,
        responses={
            201: OpenApiResponse(FollowSerializer, description="Ahora la sigue."),
            200: OpenApiResponse(FollowSerializer, description="Ya la seguía: nada cambió."),
            **_refusals(401, 403, 404),
        },
    )
    @extend_schema(
        methods=["DELETE"],
        summary="Dejar de seguir una idea",
        description="Cualquier cuenta con sesión (200 también si no la seguía).",
        request=None,
        responses={200: FollowSerializer, **_refusals(401, 403, 404)},
    )
    @action(detail=True, methods=["post", "delete"], filter_backends=[])
    def follow(self, request, *args, **kwargs):
        idea = self.published_idea()
        if request.method == "POST":
            _follow, created = services.idea_follow(user=request.user, idea=idea)
            code, following = (status.HTTP_201_CREATED if created else status.HTTP_200_OK), True
        else:
            services.idea_unfollow(user=request.user, idea=idea)
            code, following = status.HTTP_200_OK, False
        return Response(FollowSerializer({"id": idea.pk, "following": following}).data, status=code)

    @extend_schema(
        methods=["GET"],
        summary="Comentarios de una idea",
        description="En orden de publicación. Un comentario ocultado por moderación conserva su lugar "
        "con `hidden: true` y `body_html` vacío.",
        responses={200: CommentSerializer(many=True), **_refusals(404)},
    )
    @extend_schema(
        methods=["POST"],
        summary="Comentar una idea",
        description="Cuenta verificada, mientras el reto admite comentarios. `parent`: id del "
        "comentario de esta idea al que responde.",
        request=CommentCreateSerializer,
        responses={201: CommentSerializer, **_refusals(400, 401, 403, 404)},
    )
    @action(detail=True, methods=["get", "post"], filter_backends=[])
    def comments(self, request, *args, **kwargs):
        idea = self.published_idea()
        if request.method == "POST":
            data = CommentCreateSerializer(data=request.data)
            data.is_valid(raise_exception=True)
            ratelimit.check(request, "comment")
            comment = services.comment_create(
                author=request.user,
                idea=idea,
                body=data.validated_data["body"],
                parent=data.validated_data.get("parent"),
            )
            return Response(CommentSerializer(comment).data, status=status.HTTP_201_CREATED)
        comments = Comment.objects.filter(idea=idea).select_related("author").order_by("created_at", "pk")
        page = self.paginate_queryset(comments)
        return self.get_paginated_response(CommentSerializer(page, many=True).data)
