"""The registry of open datasets: each app says what it publishes, the catalogue lists them all.

An app registers a provider (a function returning `Dataset`s) in its AppConfig.ready(); the
DCAT-style catalogue at /datos/catalogo.json and the open-data page read them from here, so a
new dataset is harvested by the national portal as soon as its app publishes it.
"""

import datetime
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

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
