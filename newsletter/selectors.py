"""What an edition carries: composed from news, open challenges, upcoming events and results."""

from dataclasses import dataclass, field

from django.utils import timezone

from agenda.selectors import upcoming_events
from challenges.models import Phase
from challenges.selectors import phase_filter, visible_challenges
from cms.models import NewsPage
from core.urls import absolute
from newsletter.models import Edition


@dataclass
class Item:
    title: str
    url: str
    summary: str = ""


@dataclass
class Section:
    title: str
    items: list[Item] = field(default_factory=list)


def edition_content(edition: Edition) -> list[Section]:
    """The sections of an edition, with absolute links (a bounded number of queries)."""
    from django.utils.translation import gettext as _

    sections = []
    if edition.include_news:
        news = NewsPage.objects.live().public().order_by("-date", "-pk")[:5]
        sections.append(
            Section(
                _("Noticias"), [Item(page.title, absolute(page.url or ""), page.summary) for page in news]
            )
        )
    if edition.include_challenges:
        open_ = (
            visible_challenges()
            .filter(phase_filter(Phase.IDEAS) | phase_filter(Phase.VOTING))
            .order_by("-ideas_open_at")[:5]
        )
        sections.append(
            Section(
                _("Retos abiertos"),
                [Item(page.title, absolute(page.url or ""), page.summary) for page in open_],
            )
        )
    if edition.include_events:
        sections.append(
            Section(
                _("Próximos eventos"),
                [
                    Item(
                        event.title,
                        absolute(event.get_absolute_url()),
                        f"{timezone.localtime(event.starts_at):%Y-%m-%d %H:%M} · {event.venue}",
                    )
                    for event in upcoming_events(5)
                ],
            )
        )
    if edition.include_results:
        results = visible_challenges().filter(phase_filter(Phase.RESULTS)).order_by("-results_at")[:5]
        sections.append(
            Section(
                _("Resultados publicados"),
                [Item(page.title, absolute(page.url or ""), page.summary) for page in results],
            )
        )
    return [section for section in sections if section.items]
