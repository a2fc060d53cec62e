"""Debate sessions in the public JSON API: a read-only list and detail."""

from django.db.models import QuerySet
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import permissions, viewsets

from core.api import CachedForAnonymous, TranslatedNotFound
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
