"""Rate limits on receipt look-ups, per client and for the whole site, in the cache.

The client is known only by an HMAC of its IP address (key derived from SECRET_KEY), kept
as a cache key for the window (15 minutes by default) and never written anywhere else.
Only wrong receipts count; once over a limit, every look-up gets 429 until the window ends.
"""

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _

from reports.crypto import keyed_digest
from reports.services import Refused


def _limits() -> tuple[int, int, int]:
    return (
        getattr(settings, "REPORTS_LOOKUP_CLIENT_LIMIT", 5),
        getattr(settings, "REPORTS_LOOKUP_GLOBAL_LIMIT", 100),
        getattr(settings, "REPORTS_LOOKUP_WINDOW", 15 * 60),
    )


def _client_address(request) -> str:
    # The same address allauth's rate limits use (X-Forwarded-For behind DJANGO_TRUSTED_PROXY_COUNT proxies).
    from allauth.account.adapter import get_adapter

    try:
        return get_adapter(request).get_client_ip(request)
    except PermissionDenied:
        return ""


def _keys(request) -> tuple[str, str]:
    client = keyed_digest("lookup-client", _client_address(request))
    return f"reports:lookup:client:{client}", "reports:lookup:global"


def check(request) -> None:
    per_client, overall, _window = _limits()
    client_key, global_key = _keys(request)
    counts = cache.get_many([client_key, global_key])
    if counts.get(client_key, 0) >= per_client or counts.get(global_key, 0) >= overall:
        raise Refused(
            "too_many_attempts",
            _("Demasiados intentos con códigos que no existen. Espere unos minutos e inténtelo de nuevo."),
            429,
        )


def failed(request) -> None:
    _per_client, _overall, window = _limits()
    for key in _keys(request):
        if not cache.add(key, 1, window):
            try:
                cache.incr(key)
            except ValueError:
                cache.set(key, 1, window)
