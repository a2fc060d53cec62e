"""Template tags used by the site-wide templates."""

from django import template

from cms.navigation import Navigation
from cms.navigation import site_navigation as cached_site_navigation

register = template.Library()


@register.simple_tag(takes_context=True)
def site_navigation(context) -> Navigation | None:
    """The main menu and footer links of the request's site (cached, see cms.navigation)."""
    request = context.get("request")
    return cached_site_navigation(request) if request is not None else None


@register.filter
def startswith(value: str, prefix: str) -> bool:
    return bool(prefix) and str(value).startswith(str(prefix))
