"""JSON shapes of challenges for the public API (read only)."""

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from challenges.models import ChallengePage, Phase


class ChallengeSerializer(serializers.ModelSerializer):
    # `idea_count` and `support_count` come annotated (challenges.selectors.public_challenges), so that
    # a list costs the same queries at any length. (A docstring here would become public docs.)

    url = serializers.SerializerMethodField(help_text="Dirección de la página del reto en el sitio.")
    phase = serializers.ChoiceField(
        choices=Phase.choices, read_only=True, help_text="Fase actual, calculada con las fechas."
    )
    co_leads = serializers.SlugRelatedField(
        many=True, read_only=True, slug_field="name", help_text="Nombres de las entidades co-líderes."
    )
    idea_count = serializers.IntegerField(read_only=True, help_text="Ideas publicadas (sin las ocultas).")
    support_count = serializers.IntegerField(
        read_only=True, help_text="Suma de los apoyos de las ideas publicadas."
    )

    class Meta:
        model = ChallengePage
        fields = [
            "id",
            "title",
            "slug",
            "url",
            "summary",
            "phase",
            "co_leads",
            "idea_count",
            "support_count",
            "support_limit",
            "ideas_open_at",
            "ideas_close_at",
            "voting_open_at",
            "voting_close_at",
            "results_at",
            "closed_at",
        ]
        read_only_fields = fields

    @extend_schema_field(OpenApiTypes.URI)
    def get_url(self, challenge: ChallengePage) -> str | None:
        request = self.context.get("request")
        url = challenge.get_url(request=request)
        if url is None:
            return None
        return request.build_absolute_uri(url) if request is not None else url
