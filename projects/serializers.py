"""JSON shape of projects for the API and the JSON download (one shape for both)."""

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from projects.models import Milestone, Project
from projects.selectors import progress_percent


class MilestoneSerializer(serializers.ModelSerializer):
    evidence = serializers.SerializerMethodField(
        help_text="URLs de la evidencia: enlaces, documentos y fotos."
    )

    class Meta:
        model = Milestone
        fields = ["title", "due_on", "done_on", "weight", "evidence"]

    def get_evidence(self, milestone: Milestone) -> list[str]:
        request = self.context.get("request")
        urls = milestone.evidence_urls()
        if request is None:
            return urls
        return [url if "://" in url else request.build_absolute_uri(url) for url in urls]


class ProjectSerializer(serializers.ModelSerializer):
    url = serializers.SerializerMethodField()
    idea = serializers.IntegerField(source="idea_id", allow_null=True, read_only=True)
    challenge = serializers.IntegerField(source="challenge_id", allow_null=True, read_only=True)
    office = serializers.CharField(source="office.name", read_only=True)
    progress = serializers.SerializerMethodField(
        help_text="0–100: la suma de pesos de los hitos cumplidos sobre el total."
    )
    budget = serializers.SerializerMethodField(help_text="Pesos colombianos (COP), o null.")
    milestones = MilestoneSerializer(many=True, read_only=True)

    class Meta:
        model = Project
        fields = [
            "id",
            "title",
            "url",
            "idea",
            "challenge",
            "office",
            "status",
            "progress",
            "starts_on",
            "ends_on",
            "budget",
            "territory",
            "milestones",
            "updated_at",
        ]

    def get_url(self, project: Project) -> str:
        request = self.context.get("request")
        path = project.get_absolute_url()
        return request.build_absolute_uri(path) if request else path

    def get_progress(self, project: Project) -> int:
        return progress_percent(project.done_weight, project.total_weight)

    @extend_schema_field(OpenApiTypes.INT)
    def get_budget(self, project: Project) -> int | None:
        return int(project.budget) if project.budget is not None else None


class MilestoneDoneSerializer(serializers.Serializer):
    done_on = serializers.DateField(required=False)
    evidence_url = serializers.URLField(required=False, allow_blank=True, default="")
