"""Debate sessions in the public JSON API: a read-only list and detail, and following one."""

from django.db.models import QuerySet
from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import permissions, status, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from core.api import CachedForAnonymous, FollowSerializer, RefusalSerializer, TranslatedNotFound
from sessions import services
from sessions.cache import SESSIONS
from sessions.models import DebateSession
from sessions.serializers import DebateSessionSerializer


@extend_schema_view(
    list=extend_schema(
        summary="Sesiones de debate",
        description="Sesiones públicas, de la más reciente a la más antigua, con su estado y la ruta "
        "del WebSocket de su sala (protocolo en docs/realtime-protocol.md).",
    ),
    retrieve=extend_schema(summary="Una sesión de debate"),
)
class DebateSessionViewSet(CachedForAnonymous, TranslatedNotFound, viewsets.ReadOnlyModelViewSet):
    page_cache_shows = (SESSIONS,)
    serializer_class = DebateSessionSerializer
    permission_classes = [permissions.AllowAny]
    filter_backends: list = []
    queryset = DebateSession.objects.none()

    def get_queryset(self) -> QuerySet[DebateSession]:
        return DebateSession.objects.filter(public=True).order_by("-starts_at", "-pk")

    @extend_schema(
        methods=["POST"],
        summary="Seguir una sesión de debate",
        description="Seguir la sesión (cuenta verificada): avisos si cambia de fecha, cuando empieza y "
        "cuando se publica su acta. 201 la primera vez; repetirlo no cambia nada y responde 200.",
        request=None,
        responses={
            201: OpenApiResponse(FollowSerializer, description="Ahora la sigue."),
            200: OpenApiResponse(FollowSerializer, description="Ya la seguía: nada cambió."),
            401: OpenApiResponse(RefusalSerializer, description="Sin sesión (`not_authenticated`)."),
            403: OpenApiResponse(
                RefusalSerializer, description="Cuenta sin verificar; también sin token CSRF."
            ),
            404: OpenApiResponse(RefusalSerializer, description="No existe o no es pública."),
        },
    )
    @extend_schema(
        methods=["DELETE"],
        summary="Dejar de seguir una sesión de debate",
        description="Cualquier cuenta con sesión (200 también si no la seguía).",
        request=None,
        responses={
            200: FollowSerializer,
            401: OpenApiResponse(RefusalSerializer, description="Sin sesión (`not_authenticated`)."),
            403: OpenApiResponse(RefusalSerializer, description="Sin token CSRF."),
            404: OpenApiResponse(RefusalSerializer, description="No existe o no es pública."),
        },
    )
    @action(detail=True, methods=["post", "delete"])
    def follow(self, request, *args, **kwargs):
        session = self.get_object()
        if request.method == "POST":
            _follow, created = services.session_follow(user=request.user, session=session)
            code, following = (status.HTTP_201_CREATED if created else status.HTTP_200_OK), True
        else:
            services.session_unfollow(user=request.user, session=session)
            code, following = status.HTTP_200_OK, False
        return Response(FollowSerializer({"id": session.pk, "following": following}).data, status=code)
