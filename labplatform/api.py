"""The public JSON API under /api/v1/: its router, schema and documentation.

Each app defines its viewsets in its own api.py; they are registered here, in one place, so
that the URL list never depends on which module happened to be imported first.
"""

from django.http import JsonResponse
from django.urls import include, path, re_path
from django.utils.translation import gettext
from django.views.decorators.csrf import csrf_exempt
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


@csrf_exempt  # it changes nothing; a CSRF refusal would be an HTML page
def not_found(request, *args, **kwargs):
    """Any other address under /api/v1/ (an id that is not a number, a stray path): JSON 404."""
    return JsonResponse({"detail": gettext("No encontrado.")}, status=404)


urlpatterns = [
    path("schema/", SpectacularAPIView.as_view(), name="api_schema"),
    path("docs/", SpectacularSwaggerView.as_view(url_name="api_schema"), name="api_docs"),
    path("search/", SiteSearchView.as_view(), name="api_search"),
    path("", include(router.urls)),
    re_path(r"^.*$", not_found),
]


ERROR_SCHEMA = {
    "type": "object",
    "properties": {
        "detail": {"type": "string", "description": "Motivo, en el idioma de la petición."},
        "code": {"type": "string"},
    },
    "required": ["detail"],
    "description": "Un error: `detail` siempre; en errores de validación, además, los campos con sus "
    "mensajes.",
}
ERRORS = {
    "400": "Datos o parámetros no válidos, JSON mal formado o anidado a demasiada profundidad.",
    "401": "Hace falta ingresar con una cuenta.",
    "403": "No permitido (permisos, fase, verificación o CSRF).",
    "404": "No existe (o el identificador está fuera de rango, o la página de resultados no existe).",
    "405": "Método no permitido.",
    "406": "Formato de respuesta no disponible.",
    "415": "Tipo de contenido no admitido: envíe JSON.",
    "429": "Demasiadas solicitudes: espere lo que indica la cabecera Retry-After.",
}
WRITE_ONLY_ERRORS = {"401", "403", "415", "429"}


def document_every_error(result, generator, request, public):
    """drf-spectacular postprocessing hook: every operation documents the errors the server
    really answers (as JSON with `detail`), so clients and schemathesis find no surprise."""
    result.setdefault("components", {}).setdefault("schemas", {})["Error"] = ERROR_SCHEMA
    reference = {"$ref": "#/components/schemas/Error"}
    for methods in result.get("paths", {}).values():
        for method, operation in methods.items():
            if method not in {"get", "post", "put", "patch", "delete"}:
                continue
            responses = operation.setdefault("responses", {})
            for status_code, description in ERRORS.items():
                if status_code in WRITE_ONLY_ERRORS and method == "get":
                    continue
                if status_code not in responses:
                    responses[status_code] = {
                        "description": description,
                        "content": {"application/json": {"schema": reference}},
                    }
                if status_code == "429":
                    responses[status_code].setdefault("headers", {})["Retry-After"] = {
                        "schema": {"type": "integer"},
                        "description": "Segundos que hay que esperar.",
                    }
    return result
