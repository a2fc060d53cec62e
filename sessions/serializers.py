"""JSON shapes of debate sessions for the public API (read only)."""

from rest_framework import serializers

from sessions.models import DebateSession, SessionStatus


class DebateSessionSerializer(serializers.ModelSerializer):
    status = serializers.ChoiceField(
        choices=SessionStatus.choices, read_only=True, help_text="Estado de la sesión."
    )
    url = serializers.SerializerMethodField(help_text="Dirección de la sala en el sitio.")
    ws_path = serializers.CharField(read_only=True, help_text="Ruta del WebSocket de la sala en vivo.")
    challenge = serializers.IntegerField(source="challenge_id", read_only=True, allow_null=True)

    class Meta:
        model = DebateSession
        fields = [
            "id",
            "title",
            "description",
            "status",
            "starts_at",
            "ends_at",
            "challenge",
            "url",
            "ws_path",
        ]

    def get_url(self, session: DebateSession) -> str:
        return session.get_absolute_url()
