"""Content-Security-Policy: strict on public pages, wider on the admin screens."""

from dataclasses import replace

from csp.middleware import CSPMiddleware
from django.conf import settings

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
