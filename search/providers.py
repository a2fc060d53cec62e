"""What the site search offers from the apps below it: challenges, ideas, debate sessions,
news, pages, indicators and open datasets. Each provider runs a fixed number of queries."""

from html import unescape

from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from challenges.models import ChallengePage
from challenges.selectors import visible_challenges
from cms.models import NewsPage
from core import open_data
from core.search import SearchHit, register, text_filter
from ideas.models import Idea, IdeaStatus
from observatory.selectors import public_indicators
from sessions.selectors import public_sessions

# Ranking reads every candidate's text again (PostgreSQL's ts_rank has no index): a word found
# in thousands of rows would cost a scan of all of them. The rank orders the first candidates
# in the fallback order (the most supported ideas, the latest sessions); below this many matches
# it is the full ranking.
RANKED_CANDIDATES = 500


def _best_first(queryset, *fallback_ordering):
    if "search_rank" in queryset.query.annotations:
        candidates = queryset.order_by(*fallback_ordering).values("pk")[:RANKED_CANDIDATES]
        return queryset.filter(pk__in=candidates).order_by("-search_rank", *fallback_ordering)
    return queryset.order_by(*fallback_ordering)


@register("challenge", _("Retos"), order=10, shows=())  # pages: `site`, always declared
def challenges(query: str, limit: int) -> list[SearchHit]:
    rows = text_filter(visible_challenges(), ["title", "summary"], query)
    return [
        SearchHit("challenge", page.title, page.url, page.summary)
        for page in _best_first(rows, "-first_published_at", "-pk")[:limit]
    ]


# The fields searched in the largest tables: on PostgreSQL each vector has its GIN index
# (search/migrations/0002_search_vector_indexes.py), built from these same fields.
IDEA_FIELDS = ["title", "body"]
SESSION_FIELDS = ["title", "description"]


def matching_ideas(query: str):
    rows = text_filter(
        Idea.objects.exclude(status=IdeaStatus.HIDDEN).filter(challenge__live=True), IDEA_FIELDS, query
    )
    return _best_first(rows, "-support_count", "-pk")


@register("idea", _("Ideas"), order=20, shows=("participation",))
def ideas(query: str, limit: int) -> list[SearchHit]:
    return [
        SearchHit("idea", idea.title, idea.get_absolute_url(), unescape(strip_tags(idea.body_html)))
        for idea in matching_ideas(query)[:limit]
    ]


def matching_sessions(query: str):
    return _best_first(text_filter(public_sessions(), SESSION_FIELDS, query), "-starts_at", "-pk")


@register("session", _("Sesiones de debate"), order=30, shows=("sessions",))
def sessions(query: str, limit: int) -> list[SearchHit]:
    return [
        SearchHit("session", session.title, session.get_absolute_url(), session.description)
        for session in matching_sessions(query)[:limit]
    ]


@register("news", _("Noticias"), order=40, shows=())
def news(query: str, limit: int) -> list[SearchHit]:
    rows = text_filter(NewsPage.objects.live().public(), ["title", "summary"], query)
    return [
        SearchHit("news", page.title, page.url, page.summary)
        for page in _best_first(rows, "-date", "-pk")[:limit]
    ]


@register("page", _("Páginas"), order=50, shows=())
def pages(query: str, limit: int) -> list[SearchHit]:
    """Every other published page, through Wagtail's search backend (its indexed fields)."""
    rows = Page.objects.live().public().not_type(ChallengePage, NewsPage).not_page(Page.get_first_root_node())
    results = rows.specific().search(query, operator="and")[:limit]
    return [
        SearchHit(
            "page",
            page.title,
            page.url,
            getattr(page, "search_description", "") or getattr(page, "summary", ""),
        )
        for page in results
    ]


@register("indicator", _("Indicadores"), order=60, shows=("observatory",))
def indicators(query: str, limit: int) -> list[SearchHit]:
    rows = text_filter(public_indicators(), ["name", "description", "source"], query)
    return [
        SearchHit("indicator", indicator.name, indicator.get_absolute_url(), indicator.description)
        for indicator in _best_first(rows, "name", "pk")[:limit]
    ]


@register("dataset", _("Datos abiertos"), order=70, shows=open_data.namespaces)
def datasets(query: str, limit: int) -> list[SearchHit]:
    """The open-data catalogue is built in memory from its registry: matched the same way, and as
    the catalogue's own page matches (core.open_data.matches)."""
    hits = []
    for dataset in open_data.datasets():
        if open_data.matches(dataset, query, dataset.theme):
            hits.append(
                SearchHit(
                    "dataset",
                    dataset.title,
                    dataset.landing_page or "/datos/",
                    strip_tags(dataset.description),
                )
            )
    return hits[:limit]
