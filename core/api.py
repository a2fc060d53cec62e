"""What every app's part of the JSON API shares: the shape of a refusal, a translated 404, the
JSON parser with a depth limit and the exception handler that turns every error into JSON."""

from django.http import Http404
from django.utils.translation import gettext as _
from rest_framework import serializers
from rest_framework.exceptions import NotFound, ParseError, ValidationError
from rest_framework.parsers import JSONParser
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler

from core.ratelimit import RateLimited
from core.refusals import Refused


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


class FollowSerializer(serializers.Serializer):
    # What following or unfollowing something (an idea, a debate session) returns.

    id = serializers.IntegerField(help_text="Id de lo seguido.")
    following = serializers.BooleanField(help_text="Si la cuenta con sesión lo sigue ahora.")


# Deeper than this, a JSON body is refused (400): no form or object of the API nests more than a
# few levels, and a very deep body would exhaust the parser's stack.
MAX_JSON_DEPTH = 32


def _depth_exceeds(value, limit: int) -> bool:
    stack = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, dict | list):
            if depth > limit:
                return True
            children = item.values() if isinstance(item, dict) else item
            stack.extend((child, depth + 1) for child in children)
    return False


class LimitedJSONParser(JSONParser):
    """DRF's JSON parser, with absurdly nested bodies refused as malformed (400)."""

    def parse(self, stream, media_type=None, parser_context=None):
        try:
            data = super().parse(stream, media_type, parser_context)
        except RecursionError as error:
            raise ParseError(_("El JSON enviado está anidado a demasiada profundidad.")) from error
        if _depth_exceeds(data, MAX_JSON_DEPTH):
            raise ParseError(_("El JSON enviado está anidado a demasiada profundidad."))
        return data


def _out_of_range(value) -> bool:
    text = str(value).lstrip("-")
    return text.isdigit() and int(text) > 2**63 - 1


def exception_handler(exc, context):
    """Every error of the API as JSON with `detail` (and a 4xx, never a 5xx, for bad input).

    REST_FRAMEWORK["EXCEPTION_HANDLER"]: rate limits (429 with Retry-After), refusals of the
    services (their status, `detail` and `code`), ids too large for the database (404),
    input nested too deep (400); validation errors keep their field errors and gain a `detail`.
    """
    if isinstance(exc, RateLimited):
        return Response(
            {"detail": exc.message, "code": "rate_limited"},
            status=429,
            headers={"Retry-After": str(exc.retry_after)},
        )
    if isinstance(exc, Refused):
        headers = {"WWW-Authenticate": 'Session realm="api"'} if exc.status == 401 else None
        return Response({"detail": exc.message, "code": exc.code}, status=exc.status, headers=headers)
    if isinstance(exc, OverflowError):
        # An id too large for the database: in the address, no such object (404); in a filter
        # or a body, bad input (400).
        in_path = any(_out_of_range(value) for value in (context.get("kwargs") or {}).values())
        exc = NotFound() if in_path else ParseError(_("Un identificador está fuera de rango."))
    elif isinstance(exc, Http404):
        exc = NotFound()
    elif isinstance(exc, RecursionError):
        exc = ParseError(_("El JSON enviado está anidado a demasiada profundidad."))
    response = drf_exception_handler(exc, context)
    if response is None:
        return None
    if isinstance(exc, ValidationError):
        data = response.data
        if isinstance(data, dict) and "detail" not in data:
            response.data = {"detail": _("Revise los datos enviados."), **data}
        elif isinstance(data, list):
            response.data = {
                "detail": " ".join(str(item) for item in data) or _("Revise los datos enviados.")
            }
    return response


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
