"""GET /api/v1/search/?q=...: the site search as JSON, the same hits as /buscar/."""

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, inline_serializer
from rest_framework import serializers
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.views import APIView

from search.selectors import clean_query, declare_cached, excerpt, site_search


def _page_url(request, number: int) -> str:
    query = request.GET.copy()
    query["page"] = number
    return request.build_absolute_uri(f"{request.path}?{query.urlencode()}")


class SiteSearchView(APIView):
    permission_classes = [AllowAny]

    @extend_schema(
        summary="Búsqueda en todo el sitio",
        description="Retos, ideas, sesiones, páginas, noticias, indicadores y datos abiertos; sin "
        "distinguir mayúsculas ni tildes.",
        parameters=[
            OpenApiParameter("q", OpenApiTypes.STR, description="Palabras que se buscan"),
            OpenApiParameter("type", OpenApiTypes.STR, description="Solo un tipo: challenge, idea, ..."),
            OpenApiParameter("page", OpenApiTypes.INT, description="Página de resultados"),
        ],
        responses=inline_serializer(
            "SearchResults",
            {
                "count": serializers.IntegerField(),
                "next": serializers.URLField(allow_null=True),
                "previous": serializers.URLField(allow_null=True),
                "results": inline_serializer(
                    "SearchHit",
                    {
                        "type": serializers.CharField(),
                        "title": serializers.CharField(),
                        "url": serializers.CharField(),
                        "excerpt": serializers.CharField(),
                    },
                    many=True,
                ),
            },
        ),
    )
    def get(self, request):
        declare_cached(request._request)
        query = clean_query(request.query_params.get("q"))
        results = site_search(
            query=query, type=request.query_params.get("type"), page_number=request.query_params.get("page")
        )
        page = results.page
        return Response(
            {
                "count": page.paginator.count,
                "next": _page_url(request, page.next_page_number()) if page.has_next() else None,
                "previous": _page_url(request, page.previous_page_number()) if page.has_previous() else None,
                "results": [
                    {
                        "type": hit.type,
                        "title": hit.title,
                        "url": request.build_absolute_uri(hit.url),
                        "excerpt": excerpt(hit.excerpt, query),
                    }
                    for hit in page.object_list
                ],
            }
        )
