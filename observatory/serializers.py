"""JSON shapes of the observatory for the API and the JSON downloads (one shape for both)."""

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from core.territories import territory_name
from observatory.formatting import as_json_number
from observatory.models import Indicator, Observation, Target


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
