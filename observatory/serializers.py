"""JSON shapes of the observatory for the API and the JSON downloads (one shape for both)."""

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from core.territories import territory_name
from observatory.formatting import as_json_number
from observatory.models import Control, Indicator, Observation, Risk, RiskAction, RiskFollowUp, Target


@extend_schema_field(OpenApiTypes.NUMBER)
class PlainNumberField(serializers.Field):
    """A JSON number (12, 45.3), not a string: open data is for machines."""

    def to_representation(self, value):
        return as_json_number(value)


class ObservationSerializer(serializers.ModelSerializer):
    period = serializers.CharField(help_text="ISO: YYYY, YYYY-Qn o YYYY-MM.")
    value = PlainNumberField()
    territory = serializers.CharField(help_text="bucaramanga, comuna-1 … comuna-17, corregimiento-1 … 3.")
    territory_name = serializers.SerializerMethodField()

    class Meta:
        model = Observation
        fields = ["period", "value", "territory", "territory_name", "note"]

    def get_territory_name(self, observation: Observation) -> str:
        return territory_name(observation.territory)


class TargetSerializer(serializers.ModelSerializer):
    value = PlainNumberField()

    class Meta:
        model = Target
        fields = ["period", "value"]


class IndicatorSerializer(serializers.ModelSerializer):
    url = serializers.SerializerMethodField()
    observations = ObservationSerializer(many=True, read_only=True)
    targets = TargetSerializer(many=True, read_only=True)
    modified = serializers.DateTimeField(source="updated_at", read_only=True)

    class Meta:
        model = Indicator
        fields = [
            "slug",
            "name",
            "unit",
            "source",
            "description",
            "methodology",
            "theme",
            "periodicity",
            "higher_is_better",
            "responsible_office",
            "computed",
            "url",
            "modified",
            "observations",
            "targets",
        ]
        read_only_fields = fields

    def get_url(self, indicator: Indicator) -> str:
        request = self.context.get("request")
        path = indicator.get_absolute_url()
        return request.build_absolute_uri(path) if request else path


class RiskValuationField(serializers.Field):
    def __init__(self, which: str, **kwargs):
        self.which = which
        kwargs["source"] = "*"
        kwargs["read_only"] = True
        super().__init__(**kwargs)

    def to_representation(self, risk: Risk) -> dict:
        return {
            "probability": getattr(risk, f"{self.which}_probability"),
            "impact": getattr(risk, f"{self.which}_impact"),
            "level": getattr(risk, f"{self.which}_level"),
        }


VALUATION_SCHEMA = {
    "type": "object",
    "properties": {
        "probability": {"type": "integer", "minimum": 1, "maximum": 5},
        "impact": {"type": "integer", "minimum": 3, "maximum": 5},
        "level": {"type": "string", "enum": ["low", "moderate", "high", "extreme"]},
    },
    "required": ["probability", "impact", "level"],
}


@extend_schema_field(VALUATION_SCHEMA)
class InherentField(RiskValuationField):
    def __init__(self, **kwargs):
        super().__init__("inherent", **kwargs)


@extend_schema_field(VALUATION_SCHEMA)
class ResidualField(RiskValuationField):
    def __init__(self, **kwargs):
        super().__init__("residual", **kwargs)


class ControlSerializer(serializers.ModelSerializer):
    class Meta:
        model = Control
        fields = ["description", "kind", "owner", "documented", "frequency"]


class RiskActionSerializer(serializers.ModelSerializer):
    class Meta:
        model = RiskAction
        fields = ["description", "owner", "starts_on", "due_on", "done_on"]


class RiskFollowUpSerializer(serializers.ModelSerializer):
    cut = serializers.DateField(source="cut_on", help_text="YYYY-04-30, YYYY-08-31 o YYYY-12-31.")

    class Meta:
        model = RiskFollowUp
        fields = ["cut", "progress", "notes"]


class RiskSerializer(serializers.ModelSerializer):
    office = serializers.CharField(source="office.name", read_only=True)
    url = serializers.SerializerMethodField()
    inherent = InherentField()
    residual = ResidualField()
    controls = ControlSerializer(many=True, read_only=True)
    actions = RiskActionSerializer(many=True, read_only=True)
    followups = RiskFollowUpSerializer(many=True, read_only=True)

    class Meta:
        model = Risk
        fields = [
            "id",
            "code",
            "url",
            "process",
            "office",
            "title",
            "description",
            "causes",
            "consequences",
            "inherent",
            "residual",
            "controls",
            "actions",
            "followups",
            "updated_at",
        ]

    def get_url(self, risk: Risk) -> str:
        request = self.context.get("request")
        path = risk.get_absolute_url()
        return request.build_absolute_uri(path) if request else path
