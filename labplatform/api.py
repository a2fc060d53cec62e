"""The public JSON API under /api/v1/: its router, schema and documentation.

Each app adds its viewsets to `router` in its own api.py; the URLs are mounted once here.
"""

from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerView
from rest_framework.routers import DefaultRouter

router = DefaultRouter()


def public_endpoints_only(endpoints):
    """drf-spectacular preprocessing hook: document /api/v1/ and nothing else."""
    return [endpoint for endpoint in endpoints if endpoint[0].startswith("/api/v1/")]


urlpatterns = [
    path("schema/", SpectacularAPIView.as_view(), name="api_schema"),
    path("docs/", SpectacularSwaggerView.as_view(url_name="api_schema"), name="api_docs"),
    path("", include(router.urls)),
]
