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


class CachedForAnonymous:
    """A read-only API view whose answers to anonymous visitors are served from the page cache
    (core.page_cache) while `page_cache_namespaces()` are current (and not past
    `page_cache_until()`)."""

    page_cache_shows: tuple[str, ...] = ()

    def page_cache_namespaces(self, request) -> tuple[str, ...]:
        return self.page_cache_shows

    def page_cache_until(self, request):
        return None

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        if request.method in {"GET", "HEAD"}:
            from core import page_cache

            page_cache.shows(
                request._request, *self.page_cache_namespaces(request), until=self.page_cache_until(request)
            )
