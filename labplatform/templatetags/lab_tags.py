"""Template tags used by the site-wide templates."""

from django import template
from wagtail.models import Page, Site

register = template.Library()


def _site_root(context) -> Page | None:
    request = context.get("request")
    site = Site.find_for_request(request) if request is not None else None
    return site.root_page if site else None


@register.simple_tag(takes_context=True)
def main_menu(context) -> list[Page]:
    """The home page's children that editors mark "show in menus", once per request."""
    request = context.get("request")
    cached = getattr(request, "_lab_main_menu", None)
    if cached is not None:
        return cached
    root = _site_root(context)
    pages = list(root.get_children().live().public().in_menu().specific()) if root else []
    if request is not None:
        request._lab_main_menu = pages
    return pages


@register.simple_tag(takes_context=True)
def page_by_slug(context, slug: str) -> Page | None:
    root = _site_root(context)
    if root is None:
        return None
    return Page.objects.live().public().descendant_of(root).filter(slug=slug).first()


@register.simple_tag(takes_context=True)
def news_index(context) -> Page | None:
    from cms.models import NewsIndexPage

    return NewsIndexPage.objects.live().first()


@register.filter
def startswith(value: str, prefix: str) -> bool:
    return bool(prefix) and str(value).startswith(str(prefix))
