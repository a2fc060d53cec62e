"""The registry of "Mis aportes": what each app shows a signed-in person of their own activity.

The page lives in accounts/, on a low floor, and knows nothing of ideas, challenges or debate
sessions. Each app registers, from its AppConfig.ready(), a section over a selector:

    @activity.section("ideas", title=_("Mis ideas"), template="ideas/activity/ideas.html", order=10)
    def my_ideas(user) -> QuerySet: ...

The selector returns the person's own rows, ordered, ready for a list (related rows joined or
prefetched), so that a slice of it costs a fixed number of queries whatever its length. The
overview shows the first `OVERVIEW_LIMIT` rows of each section with a "ver todo" link; the
section's own page paginates the same selector.

Never anybody else's data: the selector is given the signed-in user and nothing else.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.utils.functional import Promise

OVERVIEW_LIMIT = 5


@dataclass(frozen=True)
class Section:
    name: str
    title: str | Promise
    template: str
    order: int
    rows: Callable[[Any], Any]
    empty: str | Promise = ""


@dataclass(frozen=True)
class Shown:
    """A section with the rows to show: `more` says whether the person has more than these."""

    section: Section
    rows: list
    more: bool

    @property
    def name(self) -> str:
        return self.section.name


_sections: dict[str, Section] = {}


def section(
    name: str, *, title: str | Promise, template: str, order: int, empty: str | Promise = ""
) -> Callable:
    def decorator(rows: Callable[[Any], Any]) -> Callable[[Any], Any]:
        _sections[name] = Section(
            name=name, title=title, template=template, order=order, rows=rows, empty=empty
        )
        return rows

    return decorator


def registered() -> list[Section]:
    return sorted(_sections.values(), key=lambda item: (item.order, item.name))


def get(name: str) -> Section | None:
    return _sections.get(name)


def overview(user, limit: int = OVERVIEW_LIMIT) -> list[Shown]:
    """Every registered section with its first `limit` rows: one slice (one query, plus the
    selector's prefetches) per section, whatever the person has done."""
    shown = []
    for registered_section in registered():
        rows = list(registered_section.rows(user)[: limit + 1])
        shown.append(Shown(section=registered_section, rows=rows[:limit], more=len(rows) > limit))
    return shown
