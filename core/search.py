"""The registry of site search: each app says what it offers to `/buscar/` and
`/api/v1/search/` (challenges, ideas, sessions, pages, news, indicators, datasets, projects,
consultations, events, risks), from its AppConfig.ready().

A provider is `provider(query: str, limit: int) -> list[SearchHit]`: the public objects
that match the query, best first, at most `limit`, in a bounded number of SQL queries that
does not grow with the data. `register(..., shows=...)` names the page-cache namespaces
(core.page_cache) whose changes change what it finds (or a function that returns them, for
namespaces known only once every app has started): the search answers anonymous visitors
from the page cache only while every provider has said so. `text_filter` is the shared
matcher that providers use, so that every type ignores case and accents and understands
Spanish word forms in the same way.
"""

import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from django.db import connections
from django.db.models import Func, Q, QuerySet, TextField
from django.utils.functional import Promise


@dataclass(frozen=True)
class SearchHit:
    type: str  # one of CONTRACTS.md's search types: challenge, idea, session, event, page, ...
    title: str
    url: str
    excerpt: str = ""


Provider = Callable[[str, int], list[SearchHit]]
Shows = Iterable[str] | Callable[[], Iterable[str]]


@dataclass(frozen=True)
class SearchType:
    type: str
    label: str | Promise  # the group's heading on /buscar/, e.g. _("Retos")
    order: int
    provider: Provider
    shows: Shows | None = None


_types: dict[str, SearchType] = {}


def register(
    type: str,  # noqa: A002
    label: str | Promise,
    order: int,
    *,
    shows: Shows | None = None,
) -> Callable[[Provider], Provider]:
    def decorator(provider: Provider) -> Provider:
        _types[type] = SearchType(type=type, label=label, order=order, provider=provider, shows=shows)
        return provider

    return decorator


def namespaces() -> set[str] | None:
    """The page-cache namespaces of everything the search finds; None when a provider has not
    said what it shows (then the search is never served from the page cache)."""
    found: set[str] = set()
    for search_type in _types.values():
        if search_type.shows is None:
            return None
        found.update(search_type.shows() if callable(search_type.shows) else search_type.shows)
    return found


def search_types() -> list[SearchType]:
    return sorted(_types.values(), key=lambda search_type: (search_type.order, search_type.type))


# The PostgreSQL text search configuration: Spanish stemming over unaccented words. The search
# app's migration creates it (with the `unaccent` extension) on PostgreSQL only.
SEARCH_CONFIG = "lab_spanish"
# The SQLite function that folds case and strips accents (registered on every connection).
SQLITE_FOLD_FUNCTION = "lab_fold"
MAX_WORDS = 10


def fold(text: str | None) -> str:
    """Lower case, no accents: «Corrupción» and «CORRUPCION» both give «corrupcion»."""
    if not text:
        return ""
    decomposed = unicodedata.normalize("NFKD", str(text).casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def stem(word: str) -> str:
    """A light Spanish stem for databases without one: «denuncias» → «denunci»."""
    for suffix in ("iones", "ion", "es", "as", "os", "s", "a", "o", "e"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


def query_words(query: str) -> list[str]:
    return [word for word in (fold(part).strip(".,;:¡!¿?\"'()«»") for part in query.split()) if word][
        :MAX_WORDS
    ]


class _Folded(Func):
    function = SQLITE_FOLD_FUNCTION
    output_field = TextField()


def text_filter(queryset: QuerySet, fields: Sequence[str], query: str) -> QuerySet:
    """The rows of `queryset` whose `fields` match every word of `query`.

    Case, accents and Spanish word forms do not matter: on PostgreSQL it is full-text search
    with the unaccented Spanish configuration (`search_rank` is annotated, best first when the
    provider orders by it); on SQLite every field is folded by a registered function and each
    word's stem must appear in one of them; elsewhere a plain case-insensitive match.
    """
    words = query_words(query)
    if not words:
        return queryset.none()
    vendor = connections[queryset.db].vendor
    if vendor == "postgresql":
        from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector

        vector = SearchVector(*fields, config=SEARCH_CONFIG)
        search_query = SearchQuery(" ".join(words), config=SEARCH_CONFIG, search_type="plain")
        return (
            queryset.alias(search_vector=vector)
            .filter(search_vector=search_query)
            .annotate(search_rank=SearchRank(vector, search_query))
        )
    if vendor == "sqlite":
        aliases = {f"_folded_{index}": _Folded(field) for index, field in enumerate(fields)}
        queryset = queryset.alias(**aliases)
        for word in words:
            condition = Q()
            for alias in aliases:
                condition |= Q(**{f"{alias}__contains": stem(word)})
            queryset = queryset.filter(condition)
        return queryset
    for word in words:
        condition = Q()
        for field in fields:
            condition |= Q(**{f"{field}__icontains": word})
        queryset = queryset.filter(condition)
    return queryset


def register_sqlite_functions(sender, connection, **kwargs) -> None:
    """`connection_created` receiver: the folding function on every SQLite connection."""
    if connection.vendor == "sqlite":
        connection.connection.create_function(SQLITE_FOLD_FUNCTION, 1, fold, deterministic=True)
