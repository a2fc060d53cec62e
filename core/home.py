"""The registry of the home page: what each app shows at the city's front door.

The home page lives in cms/, on a low floor, and knows nothing of challenges, sessions or
reports. Each app registers, from its AppConfig.ready():

- a *section*: `@home.section("challenges", template="challenges/home_section.html", order=10)`
  over `context(request) -> dict | None` (None, or an empty dict, leaves the section out);
- a *headline figure*: `@home.figure("ideas", order=20)` over `figure() -> Figure | None`.

Both name, in `shows`, the page-cache namespaces of what they read (core.page_cache), so that
the home page served to anonymous visitors changes as soon as any of them does; a section that
also changes with time (days left) declares its own `until` from its context function.

Each context and figure function runs a fixed, small number of queries.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.utils.functional import Promise


@dataclass(frozen=True)
class Figure:
    value: int | float | str
    label: str | Promise
    url: str = ""


@dataclass(frozen=True)
class Section:
    name: str
    template: str
    order: int
    context: Callable[..., dict | None]
    shows: tuple[str, ...] = ()


@dataclass(frozen=True)
class Rendered:
    name: str
    template: str
    data: dict


_sections: dict[str, Section] = {}
_figures: dict[str, tuple[int, Callable[[], Figure | None]]] = {}
_figure_shows: dict[str, tuple[str, ...]] = {}


def section(name: str, *, template: str, order: int, shows: tuple[str, ...] = ()) -> Callable:
    def decorator(context: Callable[..., dict | None]) -> Callable[..., dict | None]:
        _sections[name] = Section(name=name, template=template, order=order, context=context, shows=shows)
        return context

    return decorator


def figure(name: str, *, order: int, shows: tuple[str, ...] = ()) -> Callable:
    def decorator(compute: Callable[[], Figure | None]) -> Callable[[], Figure | None]:
        _figures[name] = (order, compute)
        _figure_shows[name] = shows
        return compute

    return decorator


def namespaces() -> set[str]:
    """The page-cache namespaces of everything the home page shows."""
    found = {name for section in _sections.values() for name in section.shows}
    return found.union(*_figure_shows.values())


def sections(request) -> list[Rendered]:
    """The registered sections that have something to show, in their order."""
    rendered = []
    for registered in sorted(_sections.values(), key=lambda item: (item.order, item.name)):
        data = registered.context(request)
        if data:
            rendered.append(Rendered(name=registered.name, template=registered.template, data=data))
    return rendered


def figures() -> list[Figure]:
    found = [
        compute() for _, (_, compute) in sorted(_figures.items(), key=lambda item: (item[1][0], item[0]))
    ]
    return [item for item in found if item is not None]
