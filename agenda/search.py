"""Events in the site search."""

from django.utils import timezone
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

from agenda.cache import AGENDA
from agenda.models import Event
from core import search


@search.register("event", _("Agenda"), 45, shows=[AGENDA])
def search_events(query: str, limit: int) -> list[search.SearchHit]:
    events = search.text_filter(Event.objects.filter(public=True), ["title", "description", "venue"], query)
    events = events.order_by("-starts_at", "-pk").only("pk", "title", "description", "starts_at")[:limit]
    return [
        search.SearchHit(
            type="event",
            title=event.title,
            url=event.get_absolute_url(),
            excerpt=f"{timezone.localtime(event.starts_at):%Y-%m-%d %H:%M} · "
            f"{Truncator(event.description).words(30)}",
        )
        for event in events
    ]
