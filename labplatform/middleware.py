"""Content-Security-Policy: strict on public pages, wider on the admin screens; pages in Spanish first."""

from dataclasses import replace

from csp.middleware import CSPMiddleware
from django.conf import settings
from django.middleware.locale import LocaleMiddleware
from django.utils import translation

# The Wagtail and Django admins and the API docs use inline scripts and styles: they get
# 'unsafe-inline' there, and only there (signed-in staff pages, never public ones).
_ADMIN_UPDATE = {
    "script-src": ["'unsafe-inline'"],
    "style-src": ["'unsafe-inline'"],
    "img-src": ["blob:"],
    "frame-src": ["'self'"],
}


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if not report_only and request.path_info.startswith(settings.CSP_ADMIN_URL_PREFIXES):
            update = dict(parts.update or {})
            for directive, sources in _ADMIN_UPDATE.items():
                update[directive] = [*update.get(directive, []), *sources]
            parts = replace(parts, update=update)
        return parts


class SpanishFirstLocaleMiddleware(LocaleMiddleware):
    """Pages in Spanish whatever the browser's Accept-Language says; English only by choice.

    The visitor's choice is the language cookie set by the language switcher. The JSON API keeps
    following Accept-Language, so that programs get their error messages in their language.
    """

    def process_request(self, request):
        if request.path_info.startswith(settings.LOCALE_FOLLOWS_BROWSER_PREFIXES) and not (
            request.path_info.startswith(settings.LOCALE_SPANISH_FIRST_PAGES)
        ):
            return super().process_request(request)
        language = settings.LANGUAGE_CODE
        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        if chosen:
            try:
                language = translation.get_supported_language_variant(chosen)
            except LookupError:
                pass
        translation.activate(language)
        request.LANGUAGE_CODE = translation.get_language()


class SiteErrorPagesMiddleware:
    """Under `make run` (DEBUG on) a missing page or a failure shows the site's own Spanish page,
    as citizens see it, instead of Django's technical page; the traceback still goes to the log.
    With DEBUG off Django's own handlers already render 404.html and 500.html."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        import logging

        from django.core.exceptions import PermissionDenied
        from django.http import Http404
        from django.shortcuts import render

        if not settings.DEBUG or request.path.startswith("/api/"):
            return None
        if isinstance(exception, Http404):
            return render(request, "404.html", status=404)
        if isinstance(exception, PermissionDenied):
            return render(request, "403.html", status=403)
        logging.getLogger("django.request").error(
            "Internal Server Error: %s", request.path, exc_info=exception
        )
        return render(request, "500.html", status=500)
