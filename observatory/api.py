"""The observatory in the public JSON API: indicators with all their observations (read-only)."""

from django.db.models import QuerySet
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import permissions, viewsets

from core.api import CachedForAnonymous, TranslatedNotFound
from observatory.cache import OBSERVATORY
from observatory.models import Indicator
from observatory.selectors import indicators_for_api
from observatory.serializers import IndicatorSerializer


@extend_schema_view(
    list=extend_schema(
        summary="Indicadores del observatorio",
        description="Indicadores publicados con todas sus mediciones (`period` ISO: YYYY, YYYY-Qn o YYYY-MM; "
        "`value` numérico; `territory`: la ciudad, una comuna o un corregimiento) y sus metas.",
    ),
    retrieve=extend_schema(summary="Un indicador", description="Un indicador, por su identificador (slug)."),
)
class IndicatorViewSet(CachedForAnonymous, TranslatedNotFound, viewsets.ReadOnlyModelViewSet):
    page_cache_shows = (OBSERVATORY,)
    serializer_class = IndicatorSerializer
    permission_classes = [permissions.AllowAny]
    filter_backends: list = []
    lookup_field = "slug"
    queryset = Indicator.objects.none()  # the model, for the schema; get_queryset() reads

    def get_queryset(self) -> QuerySet[Indicator]:
        return indicators_for_api()
