"""The public JSON API under /api/v1/: its router, schema and documentation.

Each app defines its viewsets in its own api.py; they are registered here, in one place, so
that the URL list never depends on which module happened to be imported first.
"""

from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerView
from rest_framework.routers import DefaultRouter

from agenda.api import EventViewSet
from challenges.api import ChallengeViewSet
from consultations.api import ConsultationViewSet
from ideas.api import IdeaViewSet
from observatory.api import IndicatorViewSet, RiskViewSet
from projects.api import ProjectViewSet
from reports.api import ReportHandlingViewSet, ReportViewSet
from search.api import SiteSearchView
from sessions.api import DebateSessionViewSet

router = DefaultRouter()
router.register("challenges", ChallengeViewSet, basename="challenge")
router.register("consultations", ConsultationViewSet, basename="consultation")
router.register("events", EventViewSet, basename="event")
router.register("ideas", IdeaViewSet, basename="idea")
router.register("indicators", IndicatorViewSet, basename="indicator")
router.register("projects", ProjectViewSet, basename="project")
router.register("reports", ReportViewSet, basename="report")
router.register("reports", ReportHandlingViewSet, basename="report-handling")
router.register("risks", RiskViewSet, basename="risk")
router.register("sessions", DebateSessionViewSet, basename="debate-session")


def public_endpoints_only(endpoints):
    """drf-spectacular preprocessing hook: document /api/v1/ and nothing else."""
    return [endpoint for endpoint in endpoints if endpoint[0].startswith("/api/v1/")]


urlpatterns = [
    path("schema/", SpectacularAPIView.as_view(), name="api_schema"),
    path("docs/", SpectacularSwaggerView.as_view(url_name="api_schema"), name="api_docs"),
    path("search/", SiteSearchView.as_view(), name="api_search"),
    path("", include(router.urls)),
]
