"""What is next on the agenda, on the home page."""

from agenda.selectors import upcoming_events
from core import home, page_cache

LIMIT = 3


@home.section("agenda", template="agenda/home_section.html", order=25, shows=("agenda",))
def next_events(request) -> dict:
    events = upcoming_events(LIMIT)
    # The first of them to end leaves the section then.
    page_cache.shows(request, until=min((event.ends_at for event in events), default=None))
    return {"events": events, "always": True}
