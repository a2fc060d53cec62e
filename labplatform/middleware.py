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
