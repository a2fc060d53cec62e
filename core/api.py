"""What every app's part of the JSON API shares: the shape of a refusal and a translated 404."""

from django.http import Http404
from rest_framework import serializers
from rest_framework.exceptions import NotFound


class TranslatedNotFound:
    """Django's Http404 says "No <Model> matches the given query." in English whatever the
    language; answer with DRF's "No encontrado." / "Not found." instead."""

    def handle_exception(self, exc):
        if isinstance(exc, Http404):
            exc = NotFound()
        return super().handle_exception(exc)


class RefusalSerializer(serializers.Serializer):
    # What a refused action returns; DRF's own errors have the same shape without `code`.

    detail = serializers.CharField(help_text="Motivo, en el idioma de la petición.")
    code = serializers.CharField(
        required=False,
        help_text="Para programas: not_authenticated, not_verified, wrong_phase, not_a_member, "
        "support_limit, hidden, invalid.",
    )
