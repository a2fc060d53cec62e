"""The observatory in the public JSON API: indicators with all their observations (read-only)."""

from django.db.models import QuerySet
from django.http import HttpResponsePermanentRedirect
from django.urls import reverse
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import permissions, viewsets

from core.api import CachedForAnonymous, TranslatedNotFound
from observatory.cache import OBSERVATORY, RISKS
from observatory.models import Indicator, Risk
from observatory.participation import renamed_slug
from observatory.selectors import indicators_for_api, risks_for_api
from observatory.serializers import IndicatorSerializer, RiskSerializer


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

    def retrieve(self, request, *args, **kwargs):
        # A series that changed its slug answers the old one with a permanent redirect.
        new = renamed_slug(kwargs["slug"])
        if new is not None:
            url = reverse("indicator-detail", kwargs={"slug": new})
            query = request.META.get("QUERY_STRING", "")
            return HttpResponsePermanentRedirect(f"{url}?{query}" if query else url)
        return super().retrieve(request, *args, **kwargs)


@extend_schema_view(
    list=extend_schema(
        summary="Mapa de riesgos de corrupción",
        description="Los riesgos de corrupción por proceso y dependencia (PAAC, componente 1): causas, "
        "consecuencias, valoración inherente y residual (`probability` 1–5, `impact` 3–5, `level` "
        "`low`/`moderate`/`high`/`extreme` según la matriz de la guía del DAFP), controles, acciones y "
        "seguimientos en los cortes legales (`cut` YYYY-04-30, YYYY-08-31, YYYY-12-31).",
    ),
    retrieve=extend_schema(summary="Un riesgo de corrupción"),
)
class RiskViewSet(CachedForAnonymous, TranslatedNotFound, viewsets.ReadOnlyModelViewSet):
    page_cache_shows = (RISKS,)
    serializer_class = RiskSerializer
    permission_classes = [permissions.AllowAny]
    filter_backends: list = []
    queryset = Risk.objects.none()  # the model, for the schema; get_queryset() reads

    def get_queryset(self) -> QuerySet[Risk]:
        return risks_for_api()
