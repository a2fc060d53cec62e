"""Projects in the public JSON API: the list and one project (anyone), and marking a milestone
done (editors and the responsible office)."""

from django.db.models import QuerySet
from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import permissions, viewsets
from rest_framework.decorators import action
from rest_framework.generics import get_object_or_404
from rest_framework.response import Response

from core.api import CachedForAnonymous, RefusalSerializer, TranslatedNotFound
from core.refusals import Refused
from projects import services
from projects.cache import PROJECTS
from projects.models import Milestone, Project
from projects.selectors import projects_for_api
from projects.serializers import MilestoneDoneSerializer, ProjectSerializer


@extend_schema_view(
    list=extend_schema(
        summary="Proyectos",
        description="La implementación de las ideas seleccionadas y de los compromisos: dependencia, estado "
        "(`planned`, `in_progress`, `completed`, `cancelled`), avance (0–100, la suma de pesos de los hitos "
        "cumplidos sobre el total), fechas, presupuesto en COP y los hitos con su evidencia.",
    ),
    retrieve=extend_schema(summary="Un proyecto"),
)
class ProjectViewSet(CachedForAnonymous, TranslatedNotFound, viewsets.ReadOnlyModelViewSet):
    page_cache_shows = (PROJECTS,)
    serializer_class = ProjectSerializer
    permission_classes = [permissions.AllowAny]
    filter_backends: list = []
    queryset = Project.objects.none()  # the model, for the schema; get_queryset() reads

    def get_queryset(self) -> QuerySet[Project]:
        return projects_for_api()

    def handle_exception(self, exc):
        if isinstance(exc, Refused):
            return Response({"detail": exc.message, "code": exc.code}, status=exc.status)
        return super().handle_exception(exc)

    @extend_schema(
        summary="Marcar un hito como cumplido",
        description="Para los editores y las personas de la dependencia responsable. "
        "`done_on` es hoy si se omite.",
        request=MilestoneDoneSerializer,
        responses={
            200: ProjectSerializer,
            400: OpenApiResponse(RefusalSerializer, description="Fecha futura o anterior al inicio."),
            403: OpenApiResponse(RefusalSerializer, description="Sin permiso para actualizar este proyecto."),
            404: OpenApiResponse(RefusalSerializer, description="No existe."),
            409: OpenApiResponse(RefusalSerializer, description="El hito ya estaba cumplido."),
        },
    )
    @action(
        detail=True,
        methods=["post"],
        url_path=r"milestones/(?P<milestone_id>\d+)/done",
        permission_classes=[permissions.AllowAny],
    )
    def milestone_done(self, request, pk=None, milestone_id=None):
        project = self.get_object()
        milestone = get_object_or_404(Milestone.objects.filter(project=project), pk=milestone_id)
        serializer = MilestoneDoneSerializer(data=request.data)
        services.check_can_update(request.user, project)  # before validating: a stranger learns nothing
        serializer.is_valid(raise_exception=True)
        services.milestone_complete(
            milestone=milestone,
            user=request.user,
            done_on=serializer.validated_data.get("done_on"),
            evidence_url=serializer.validated_data.get("evidence_url", ""),
        )
        return Response(
            ProjectSerializer(self.get_queryset().get(pk=project.pk), context={"request": request}).data
        )
