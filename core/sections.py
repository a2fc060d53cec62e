"""The registry of the site's sections that are not Wagtail pages (sessions, observatory,
reports): each app registers its entry in the main menu from its AppConfig.ready().

Wagtail pages shown in menus come first, in tree order; these follow, by `order`.
"""

from dataclasses import dataclass

from django.utils.functional import Promise


@dataclass(frozen=True)
class Section:
    url_name: str
    title: str | Promise
    order: int


_sections: dict[str, Section] = {}


def register(url_name: str, title: str | Promise, order: int) -> None:
    _sections[url_name] = Section(url_name=url_name, title=title, order=order)


def sections() -> list[Section]:
    return sorted(_sections.values(), key=lambda section: (section.order, section.url_name))
