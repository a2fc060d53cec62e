"""Rate limits on receipt look-ups, per client and for the whole site, in the cache.

The client is known only by an HMAC of its IP address (key derived from SECRET_KEY), kept
as a cache key for the window (15 minutes by default) and never written anywhere else.
Only wrong receipts count. Over the per-client limit, every look-up from that client gets 429
until the window ends. Over the site-wide limit, wrong receipts get 429 while right ones still
open their report: otherwise a handful of addresses sending wrong codes on purpose could lock
every reporter out of the channel (someone accused has reason to try). A wrong receipt never
reaches the slow hash (the keyed index finds nothing), so misses stay cheap either way.
"""

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _

from core.refusals import Refused
from reports.crypto import keyed_digest


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


def _too_many() -> Refused:
    return Refused(
        "too_many_attempts",
        _("Demasiados intentos con códigos que no existen. Espere unos minutos e inténtelo de nuevo."),
        429,
    )


def check(request) -> None:
    """Before a look-up: a client over its limit gets 429."""
    per_client, _overall, _window = _limits()
    client_key, _global_key = _keys(request)
    if (cache.get(client_key) or 0) >= per_client:
        raise _too_many()


def failed(request) -> None:
    """After a wrong receipt: count it; over the site-wide limit, answer 429 instead of 404."""
    _per_client, overall, window = _limits()
    counts = []
    for key in _keys(request):
        if cache.add(key, 1, window):
            counts.append(1)
            continue
        try:
            counts.append(cache.incr(key))
        except ValueError:
            cache.set(key, 1, window)
            counts.append(1)
    if counts[1] > overall:
        raise _too_many()
