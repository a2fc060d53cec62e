"""The page cache for anonymous visitors: a page is rendered once and served from the cache
until what it shows changes.

A view (or a Wagtail page, or a template tag) declares what its page shows with
`shows(request, *namespaces, until=...)`; a service bumps what it changes with
`bump(*namespaces)` (on commit). A namespace is a short name for a part of the site's data:
`site` (the page tree, the menu, site settings: every page shows it), `challenge:<id>` (a
challenge's ideas, supports and comments), `participation` (totals over every challenge),
`observatory`, `reports-stats`, `sessions`, `session:<id>`, `organizations`, ... Each
namespace has a version in the cache; a stored page remembers the versions it was rendered
with and is served only while they are all still current. Phase boundaries in time are
declared with `until` (the page expires then); `PAGE_CACHE_SECONDS` is the safety net.

`PageCacheMiddleware` answers before URL resolving and before Wagtail's page tree when it
hits. It serves and stores only:

- GET (HEAD is served from what GET stored) without a session cookie and without pending
  messages: a signed-in visitor always has a session cookie, so no database is read to
  decide; a response is stored only when the visitor turned out anonymous;
- 200 responses of views that declared what they show, that set no cookie of their own;
- with every CSRF token of the page replaced by a placeholder: each visitor gets a token of
  their own CSRF cookie in its place (a new cookie when they have none), so a form on a
  cached page posts as on a fresh one, with or without JavaScript.

The key is host, scheme, path with query, language and the Accept header.
"""

from __future__ import annotations

import hashlib
import re
import secrets
import time
from collections.abc import Callable, Iterable
from datetime import datetime, timedelta
from functools import wraps
from typing import TypeVar

from django.conf import settings
from django.core.cache import caches
from django.db import transaction
from django.http import HttpResponse
from django.middleware.csrf import _unmask_cipher_token, get_token
from django.utils import timezone

SITE = "site"
PLACEHOLDER = "__page_cache_csrf_token__"
_TOKEN = re.compile(r"(?<![A-Za-z0-9])[A-Za-z0-9]{64}(?![A-Za-z0-9])")
_VERSION_PREFIX = "pcv:"
T = TypeVar("T")
_PAGE_PREFIX = "pc:"


def _cache():
    return caches[getattr(settings, "PAGE_CACHE_ALIAS", "default")]


def _enabled() -> bool:
    return getattr(settings, "PAGE_CACHE_SECONDS", 0) > 0


class Declaration:
    """What the page being rendered shows: namespaces, the moment it goes stale, a veto."""

    __slots__ = ("despite_no_store", "namespaces", "until", "vetoed")

    def __init__(self) -> None:
        self.namespaces: set[str] = {SITE}
        self.until: list[datetime | Callable[[], datetime | None]] = []
        self.vetoed = False
        self.despite_no_store = False

    def expires(self) -> datetime | None:
        """The earliest `until` (callables are called now: only for a page about to be stored)."""
        moments = [moment() if callable(moment) else moment for moment in self.until]
        return min((moment for moment in moments if moment is not None), default=None)


# Declaring (views, page hooks, template tags)


def shows(request, *namespaces: str, until: datetime | Callable[[], datetime | None] | None = None) -> None:
    """The response to `request` may be cached for anonymous visitors until one of
    `namespaces` is bumped or `until` (a phase boundary, say; or a function that returns
    it, called only when the page is stored) is reached. Call it as many times as the page
    has parts; call it before reading what the page shows."""
    declaration = getattr(request, "page_cache", None)
    if declaration is None:
        declaration = request.page_cache = Declaration()
    declaration.namespaces.update(namespaces)
    if until is not None:
        declaration.until.append(until)


def never(request) -> None:
    """The response to `request` is personal (or changes on every visit): never cache it."""
    shows(request)
    request.page_cache.vetoed = True


def cached(*namespaces: str, despite_no_store: bool = False) -> Callable:
    """Decorator for a function view: `@cached("session:{pk}")` declares the namespaces,
    formatted with the view's keyword arguments. `despite_no_store`: the view marks its
    response `Cache-Control: no-store` for browsers and proxies (a form with its CSRF token, as
    allauth's sign-in), and the page is still the same for every anonymous visitor once the
    token is replaced; the header stays on what the visitor gets."""

    def decorator(view):
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            shows(request, *(name.format(**kwargs) for name in namespaces))
            request.page_cache.despite_no_store = despite_no_store
            return view(request, *args, **kwargs)

        return wrapper

    return decorator


def next_local_midnight(now: datetime | None = None) -> datetime:
    """The next midnight in the site's time zone: for pages whose figures count days."""
    local = timezone.localtime(now or timezone.now())
    return (local + timedelta(days=1)).replace(hour=0, minute=0, second=0, microsecond=0)


# Bumping (services, signals)


def bump(*namespaces: str) -> None:
    """What `namespaces` name has changed: pages showing it are rendered afresh. Bumped at
    once (a rolled-back change only costs a fresh rendering) and again when the current
    transaction commits (a page rendered meanwhile from the data before the commit is not
    kept)."""
    names = tuple(namespaces)
    if names:
        bump_now(names)
        if transaction.get_connection().in_atomic_block:
            transaction.on_commit(lambda: bump_now(names), robust=True)


def bump_now(namespaces: Iterable[str]) -> None:
    version = _new_version()
    _cache().set_many({_VERSION_PREFIX + name: version for name in namespaces}, timeout=None)


def watch(model, namespaces: Callable[[object], Iterable[str]]) -> None:
    """Bump `namespaces(instance)` whenever an instance of `model` is saved or deleted (the
    admin screens included). Updates through `QuerySet.update()` send no signal: the service
    that runs them bumps by itself."""
    from django.db.models.signals import post_delete, post_save

    def receiver(sender, instance, **kwargs):
        if kwargs.get("raw"):
            return
        bump(*namespaces(instance))

    # Kept alive by the registry below (signals hold weak references).
    _receivers.append(receiver)
    post_save.connect(receiver, sender=model, weak=False, dispatch_uid=f"page_cache:{model._meta.label}:save")
    post_delete.connect(
        receiver, sender=model, weak=False, dispatch_uid=f"page_cache:{model._meta.label}:delete"
    )


_receivers: list[Callable] = []


def _new_version() -> int:
    # Nanoseconds: a page whose rendering started before a bump is never stored with the new
    # version (see PageCacheMiddleware); the random low digits keep two bumps apart.
    return time.time_ns() + secrets.randbelow(1000)


def _versions(names: Iterable[str]) -> dict[str, int]:
    names = list(names)
    found = _cache().get_many([_VERSION_PREFIX + name for name in names])
    versions = {}
    for name in names:
        version = found.get(_VERSION_PREFIX + name)
        if version is None:
            # A namespace never bumped (or lost by the cache): a version of its own, older than
            # any rendering under way (a bump is always newer) and never one it had before.
            version = -secrets.randbits(62)
            if not _cache().add(_VERSION_PREFIX + name, version, timeout=None):
                version = _cache().get(_VERSION_PREFIX + name, version)
        versions[name] = version
    return versions


# Fragments (the shared part of a signed-in page)


def fragment(parts: Iterable[object], namespaces: Iterable[str], render: Callable[[], T], until=None) -> T:
    """What `render()` returns (a text, or any value the cache can pickle), cached under
    `parts` while `namespaces` are current (and not past `until`): for a part of a page that
    is the same for everyone who sees it."""
    if not _enabled():
        return render()
    names = sorted(set(namespaces))
    key = _PAGE_PREFIX + "f:" + hashlib.sha256(repr(tuple(parts)).encode()).hexdigest()
    entry = _cache().get(key)
    if entry is not None and _versions(entry[0]) == entry[0]:
        return entry[1]
    started = time.time_ns()
    text = render()
    versions = _versions(names)
    timeout = _timeout(until)
    if timeout and all(version < started for version in versions.values()):
        _cache().set(key, (versions, text), timeout)
    return text


# The middleware


def _timeout(until: datetime | None) -> int:
    seconds = settings.PAGE_CACHE_SECONDS
    if until is not None:
        seconds = min(seconds, int((until - timezone.now()).total_seconds()))
    return max(seconds, 0)


def _key(request) -> str:
    parts = "\n".join(
        (
            request.scheme,
            request.get_host(),
            request.get_full_path(),
            getattr(request, "LANGUAGE_CODE", ""),
            request.headers.get("Accept", ""),
        )
    )
    return _PAGE_PREFIX + hashlib.sha256(parts.encode()).hexdigest()


def may_store(request) -> bool:
    """Whether the response to `request` could be stored at all (to skip work when not)."""
    return _enabled() and _candidate(request)


def _candidate(request) -> bool:
    return (
        request.method in {"GET", "HEAD"}
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and "messages" not in request.COOKIES
    )


def _without_tokens(content: bytes, secret: str | None) -> bytes | None:
    """The page with each CSRF token of `secret` replaced by the placeholder; None when the
    secret itself shows (a page like that is not stored)."""
    if not secret:
        return content
    text = content.decode("utf-8", errors="surrogateescape")
    if secret in text:
        return None

    def replace(match: re.Match) -> str:
        token = match.group(0)
        return PLACEHOLDER if _unmask_cipher_token(token) == secret else token

    return _TOKEN.sub(replace, text).encode("utf-8", errors="surrogateescape")


def _kept_from_caches(response) -> bool:
    control = response.get("Cache-Control", "")
    return "no-store" in control or "private" in control


class PageCacheMiddleware:
    """Serves anonymous visitors from the page cache (see the module's description)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not _enabled() or not _candidate(request):
            return self.get_response(request)
        key = _key(request)
        entry = _cache().get(key)
        if entry is not None and _versions(entry["versions"]) == entry["versions"]:
            return self._hit(request, entry)
        started = time.time_ns()
        response = self.get_response(request)
        if request.method == "GET":
            self._store(request, response, key, started)
        return response

    @staticmethod
    def _hit(request, entry) -> HttpResponse:
        content = entry["content"]
        if entry["tokens"]:
            content = content.replace(PLACEHOLDER.encode(), get_token(request).encode())
        response = HttpResponse(content, status=200)
        for name, value in entry["headers"]:
            response.headers[name] = value
        response.headers["X-Page-Cache"] = "hit"
        return response

    @staticmethod
    def _store(request, response, key: str, started: int) -> None:
        declaration: Declaration | None = getattr(request, "page_cache", None)
        if (
            declaration is None
            or declaration.vetoed
            or response.status_code != 200
            or response.streaming
            or response.cookies
            or response.has_header("Set-Cookie")
            or (not declaration.despite_no_store and _kept_from_caches(response))
            or request.user.is_authenticated
        ):
            return
        timeout = _timeout(declaration.expires())
        if not timeout:
            return
        content = _without_tokens(response.content, request.META.get("CSRF_COOKIE"))
        if content is None:
            return
        versions = _versions(sorted(declaration.namespaces))
        if any(version >= started for version in versions.values()):
            return  # something the page shows changed while it was being rendered
        entry = {
            "versions": versions,
            "content": content,
            "tokens": PLACEHOLDER.encode() in content,
            "headers": [
                (name, value) for name, value in response.headers.items() if name.lower() != "set-cookie"
            ],
        }
        _cache().set(key, entry, timeout)
        response.headers["X-Page-Cache"] = "miss"
