"""The site's navigation (main menu, footer links, news feeds), cached between page changes.

Every page shows it, so it must not cost queries on every request: it is computed once per
site and language and kept in the cache until an editor publishes, unpublishes, moves or
deletes a page.
"""

from dataclasses import dataclass

from django.core.cache import cache
from django.urls import reverse
from django.utils.translation import get_language
from wagtail.models import Page, Site

from core.sections import sections

VERSION_KEY = "lab:navigation:version"
# The policy pages of Res. 1519 de 2020 (Anexo 2) besides the personal-data policy, which has its
# own route: terms of use, copyright, accessibility statement.
FOOTER_SLUGS = ["terminos-de-uso", "derechos-de-autor", "accesibilidad"]
TIMEOUT = 60 * 60 * 24


@dataclass(frozen=True)
class Link:
    title: str
    url: str


@dataclass(frozen=True)
class Navigation:
    menu: tuple[Link, ...]
    footer: tuple[Link, ...]
    news_url: str | None


def _build(site: Site, request) -> Navigation:
    from cms.models import NewsIndexPage

    root = site.root_page
    menu = [
        Link(page.title, page.get_url(request))
        for page in root.get_children().live().public().in_menu().order_by("path")
    ]
    menu += [Link(str(section.title), reverse(section.url_name)) for section in sections()]
    footer_pages = {
        page.slug: page
        for page in Page.objects.live().public().descendant_of(root).filter(slug__in=FOOTER_SLUGS)
    }
    footer = tuple(
        Link(footer_pages[slug].title, footer_pages[slug].get_url(request))
        for slug in FOOTER_SLUGS
        if slug in footer_pages
    )
    news_index = NewsIndexPage.objects.live().public().descendant_of(root).first()
    news_url = news_index.get_url(request) if news_index else None
    return Navigation(menu=tuple(menu), footer=footer, news_url=news_url)


def site_navigation(request) -> Navigation | None:
    """The navigation of the request's site, from the cache when it is there."""
    cached = getattr(request, "_lab_navigation", None)
    if cached is not None:
        return cached
    site = Site.find_for_request(request)
    if site is None:
        return None
    version = cache.get_or_set(VERSION_KEY, 1, None)
    key = f"lab:navigation:{version}:{site.pk}:{get_language()}"
    navigation = cache.get(key)
    if navigation is None:
        navigation = _build(site, request)
        cache.set(key, navigation, TIMEOUT)
    request._lab_navigation = navigation
    return navigation


def invalidate_navigation(**kwargs) -> None:
    try:
        cache.incr(VERSION_KEY)
    except ValueError:
        cache.set(VERSION_KEY, 2, None)
