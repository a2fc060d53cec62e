"""Rate limits on cheap or anonymous writes, with counters in the cache (Redis in production).

A write names its scope (`report`, `comment`, `idea`, `support`, `floor`, `message`...) and who
makes it: a signed-in person by their account id, anyone else by a keyed hash of their
address. That hash uses a key derived from SECRET_KEY and the current day (UTC), so it changes
every day, cannot be reversed without the secret, and lives only as a cache key that expires
with its window: no IP address is stored anywhere.

Over the limit, `hit()` raises `RateLimited`; core.middleware answers pages with the site's 429
page and the API's exception handler with JSON `{"detail"}`, both with `Retry-After`. Limits are
`(count, seconds)` per scope in settings.RATE_LIMITS (defaults below).
"""

import datetime
import hashlib
import hmac
import math
import time

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _

DEFAULTS: dict[str, tuple[int, int]] = {
    # Each report starts a legal deadline: a few per client per hour is plenty for a person.
    "report": (5, 60 * 60),
    "comment": (10, 60),
    "idea": (5, 60 * 60),
    # Each picture sent with an idea form is decoded (the form may be sent again to confirm).
    "idea_image": (20, 60 * 60),
    "support": (60, 60),
    "floor": (6, 60),
    "message": (5, 10),
    "registration": (20, 60),
}


class RateLimited(Exception):
    def __init__(self, retry_after: int):
        super().__init__("rate limited")
        self.retry_after = max(1, int(retry_after))
        self.message = _(
            "Ha hecho demasiadas solicitudes seguidas. Espere %(seconds)s segundos e inténtelo de nuevo."
        ) % {"seconds": self.retry_after}


def limit_of(scope: str) -> tuple[int, int]:
    return {**DEFAULTS, **getattr(settings, "RATE_LIMITS", {})}[scope]


def client_address(request) -> str:
    """The client's address as allauth sees it (X-Forwarded-For behind trusted proxies)."""
    from allauth.account.adapter import get_adapter

    try:
        return get_adapter(request).get_client_ip(request) or ""
    except PermissionDenied:
        return ""


def _daily_key(day: datetime.date) -> bytes:
    return hmac.new(
        settings.SECRET_KEY.encode(), f"ratelimit:{day.isoformat()}".encode(), hashlib.sha256
    ).digest()


def anonymous_key(address: str) -> str:
    day = datetime.datetime.now(datetime.UTC).date()
    return "a:" + hmac.new(_daily_key(day), address.encode(), hashlib.sha256).hexdigest()[:32]


def who(request=None, user=None) -> str:
    """The counter's key for a request (or a user, from the live rooms)."""
    user = user if user is not None else getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return f"u:{user.pk}"
    return anonymous_key(client_address(request) if request is not None else "")


def hit(scope: str, key: str) -> None:
    """Count one write in `scope` by `key`; RateLimited once over the scope's limit."""
    count, window = limit_of(scope)
    now = time.time()
    start = math.floor(now / window) * window
    cache_key = f"ratelimit:{scope}:{key}:{start}"
    if cache.add(cache_key, 1, window + 1):
        used = 1
    else:
        try:
            used = cache.incr(cache_key)
        except ValueError:  # expired between add and incr
            cache.set(cache_key, 1, window + 1)
            used = 1
    if used > count:
        raise RateLimited(math.ceil(start + window - now))


def check(request, scope: str) -> None:
    hit(scope, who(request))
