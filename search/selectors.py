"""Reads of the site search: every registered type asked once, the hits paginated and grouped."""

from dataclasses import dataclass

from django.core.paginator import Page, Paginator
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language

from core import page_cache, search
from core.search import SearchHit, SearchType, fold, query_words, search_types, stem

PER_PAGE = 20
# At most this many hits of each type: the search stays a fixed number of queries.
PER_TYPE_LIMIT = 100
MAX_QUERY_LENGTH = 200
EXCERPT_LENGTH = 220


@dataclass(frozen=True)
class Group:
    type: SearchType
    hits: list[SearchHit]


@dataclass(frozen=True)
class Results:
    query: str
    page: Page
    groups: list[Group]
    counts: list[tuple[SearchType, int]]


def declare_cached(request) -> None:
    """A search's answer is the same for every anonymous visitor who asks the same question:
    /buscar/?q=... and /api/v1/search/?q=... are served from the page cache (each query string
    its own entry) until anything searchable changes, i.e. any namespace a provider declares
    (`core.search.register(shows=...)`). Most searches repeat a few popular words; the rest cost
    a fresh search, as before. A provider that declares nothing keeps the search out of the
    cache, rather than stale."""
    names = search.namespaces()
    if names is not None:
        page_cache.shows(request, *names)


def clean_query(raw: str | None) -> str:
    return " ".join((raw or "").split())[:MAX_QUERY_LENGTH]


def _every_hit(query: str) -> list[tuple[str, list[SearchHit]]]:
    return [(search_type.type, search_type.provider(query, PER_TYPE_LIMIT)) for search_type in search_types()]


def every_hit(query: str) -> list[tuple[str, list[SearchHit]]]:
    """Each type's hits for `query`, best first. The same question gets the same answer until
    something searchable changes, signed in or not: the hits are kept as a shared fragment
    (core.page_cache.fragment) under the namespaces the providers declare, so that a search
    repeated by signed-in people (whom the page cache never serves) costs no SQL either."""
    names = search.namespaces()
    if names is None:
        return _every_hit(query)
    return page_cache.fragment(
        ("search", query, get_language()), {page_cache.SITE, *names}, lambda: _every_hit(query)
    )


def site_search(*, query: str, type: str | None = None, page_number=1) -> Results:  # noqa: A002
    """The hits for `query` (of one `type`, or all), a page of them and the counts per type."""
    hits: list[SearchHit] = []
    counts: list[tuple[SearchType, int]] = []
    if query_words(query):
        by_type = {search_type.type: search_type for search_type in search_types()}
        for type_name, found in every_hit(query):
            counts.append((by_type[type_name], len(found)))
            if not type or type == type_name:
                hits.extend(found)
    page = Paginator(hits, PER_PAGE).get_page(page_number)
    by_type = {search_type.type: search_type for search_type in search_types()}
    groups: list[Group] = []
    for hit in page.object_list:
        if not groups or groups[-1].type.type != hit.type:
            groups.append(Group(type=by_type[hit.type], hits=[]))
        groups[-1].hits.append(hit)
    return Results(query=query, page=page, groups=groups, counts=[c for c in counts if c[1]])


def _folded_with_positions(text: str) -> tuple[str, list[int]]:
    """The folded text and, for each of its characters, the index of the original one."""
    folded, positions = [], []
    for index, char in enumerate(text):
        for folded_char in fold(char):
            folded.append(folded_char)
            positions.append(index)
    return "".join(folded), positions


def excerpt(text: str, query: str, length: int = EXCERPT_LENGTH) -> str:
    """About `length` characters of `text` around the first word of `query` found in it."""
    text = " ".join((text or "").split())
    if len(text) <= length:
        return text
    folded, positions = _folded_with_positions(text)
    starts = [folded.find(stem(word)) for word in query_words(query)]
    starts = [start for start in starts if start >= 0]
    first = positions[min(starts)] if starts else 0
    begin = max(0, first - length // 3)
    if begin:
        space = text.find(" ", begin)
        begin = space + 1 if 0 <= space < first else begin
    end = min(len(text), begin + length)
    if end < len(text):
        space = text.rfind(" ", begin, end)
        end = space if space > first else end
    return ("…" if begin else "") + text[begin:end] + ("…" if end < len(text) else "")


def highlight(text: str, query: str) -> SafeString:
    """`text` escaped, with each word of `query` (any case, accents, ending) in <mark>."""
    folded, positions = _folded_with_positions(text)
    spans: list[tuple[int, int]] = []
    for word in {stem(word) for word in query_words(query)}:
        start = folded.find(word)
        while start >= 0 and word:
            end = start + len(word)
            # Mark the whole word the stem starts, up to the next non-letter.
            while end < len(folded) and folded[end].isalnum():
                end += 1
            spans.append((positions[start], positions[end - 1] + 1))
            start = folded.find(word, end)
    merged: list[list[int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    parts, cursor = [], 0
    for start, end in merged:
        parts.append(escape(text[cursor:start]))
        parts.append(f"<mark>{escape(text[start:end])}</mark>")
        cursor = end
    parts.append(escape(text[cursor:]))
    return mark_safe("".join(parts))  # noqa: S308  (every piece escaped above)
