"""The registry of site search: each app says what it offers to `/buscar/` and
`/api/v1/search/` (challenges, ideas, sessions, pages, news, indicators, datasets, projects,
consultations, events, risks), from its AppConfig.ready().

A provider is `provider(query: str, limit: int) -> list[SearchHit]`: the public objects
that match the query, best first, at most `limit`, in a bounded number of SQL queries that
does not grow with the data. `text_filter` is the shared matcher that providers use, so that
every type ignores case and accents and understands Spanish word forms in the same way.
"""

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from django.db.models import Q, QuerySet
from django.utils.functional import Promise


@dataclass(frozen=True)
class SearchHit:
    type: str  # one of CONTRACTS.md's search types: challenge, idea, session, event, page, ...
    title: str
    url: str
    excerpt: str = ""


Provider = Callable[[str, int], list[SearchHit]]


@dataclass(frozen=True)
class SearchType:
    type: str
    label: str | Promise  # the group's heading on /buscar/, e.g. _("Retos")
    order: int
    provider: Provider


_types: dict[str, SearchType] = {}


def register(type: str, label: str | Promise, order: int) -> Callable[[Provider], Provider]:  # noqa: A002
    def decorator(provider: Provider) -> Provider:
        _types[type] = SearchType(type=type, label=label, order=order, provider=provider)
        return provider

    return decorator


def search_types() -> list[SearchType]:
    return sorted(_types.values(), key=lambda search_type: (search_type.order, search_type.type))


def text_filter(queryset: QuerySet, fields: Sequence[str], query: str) -> QuerySet:
    """The rows of `queryset` whose `fields` match every word of `query`.

    A plain, case-insensitive match on every database; the site search replaces it with
    accent-insensitive Spanish full-text search where the database has it.
    """
    words = [word for word in query.split() if word][:10]
    for word in words:
        condition = Q()
        for field in fields:
            condition |= Q(**{f"{field}__icontains": word})
        queryset = queryset.filter(condition)
    return queryset
