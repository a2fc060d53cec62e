"""The registry of open datasets: each app says what it publishes, the catalogue lists them all.

An app registers a provider (a function returning `Dataset`s) in its AppConfig.ready(); the
DCAT-style catalogue at /datos/catalogo.json and the open-data page read them from here, so a
new dataset is harvested by the national portal as soon as its app publishes it.
"""

import datetime
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from core.search import fold, query_words, stem

CSV = "text/csv"
JSON = "application/json"
ATOM = "application/atom+xml"


@dataclass(frozen=True)
class Distribution:
    url: str  # site-relative ("/observatorio/...csv"); the catalogue makes it absolute
    media_type: str
    title: str = ""


@dataclass(frozen=True)
class Dataset:
    identifier: str  # stable: "observatorio/indicador/<slug>", "retos/<id>/ideas"
    title: str
    description: str
    modified: datetime.date | datetime.datetime | None
    distributions: tuple[Distribution, ...]
    keywords: tuple[str, ...] = ()
    theme: tuple[str, ...] = ()
    landing_page: str = ""  # site-relative URL of the page people read
    accrual_periodicity: str = ""  # ISO 8601 repeating duration, e.g. "R/P1M"
    extra: dict = field(default_factory=dict)


Provider = Callable[[], Iterable[Dataset]]
_providers: dict[str, Provider] = {}
_namespaces: dict[str, tuple[str, ...]] = {}


def register(name: str, *, shows: Iterable[str] = ()) -> Callable[[Provider], Provider]:
    """Decorator: `@open_data.register("observatory", shows=["observatory"])` over a function
    that yields datasets; `shows` names the page-cache namespaces (core.page_cache) whose
    changes change the datasets, so that the catalogue and the open-data page follow them."""

    def decorator(provider: Provider) -> Provider:
        _providers[name] = provider
        _namespaces[name] = tuple(shows)
        return provider

    return decorator


def datasets() -> list[Dataset]:
    """Every dataset the platform publishes now, ordered by identifier."""
    found = [dataset for _, provider in sorted(_providers.items()) for dataset in provider()]
    return sorted(found, key=lambda dataset: dataset.identifier)


def namespaces() -> set[str]:
    """The page-cache namespaces of every registered dataset."""
    return {name for names in _namespaces.values() for name in names}


# Finding datasets: the open-data page's search and filters, and the site search.


def matches(dataset: Dataset, query: str, themes: Iterable[str] = ()) -> bool:
    """Whether every word of `query` is in the dataset's title, description, keywords or
    `themes`, the way core.search matches: case, accents and Spanish word forms do not matter."""
    words = [stem(word) for word in query_words(query)]
    haystack = fold(" ".join([str(dataset.title), str(dataset.description), *map(str, dataset.keywords)]))
    haystack += " " + fold(" ".join(map(str, themes)))
    return bool(words) and all(word in haystack for word in words)


def in_title(dataset: Dataset, query: str) -> bool:
    words = [stem(word) for word in query_words(query)]
    return all(word in fold(str(dataset.title)) for word in words)


def catalogue_themes(found: Iterable[Dataset]) -> dict[str, tuple[str, ...]]:
    """Each dataset's themes, by identifier: those it declares, and those of its keywords that name
    a theme some dataset of the catalogue declares («participación ciudadana» is the theme
    «Participación ciudadana»), so that a dataset whose app gives only keywords is still found
    under its theme."""
    found = list(found)
    declared = {fold(str(theme)): str(theme) for dataset in found for theme in dataset.theme}
    themes = {}
    for dataset in found:
        named = {fold(str(theme)): str(theme) for theme in dataset.theme}
        for keyword in dataset.keywords:
            if fold(str(keyword)) in declared:
                named.setdefault(fold(str(keyword)), declared[fold(str(keyword))])
        themes[dataset.identifier] = tuple(sorted(named.values(), key=fold))
    return themes
