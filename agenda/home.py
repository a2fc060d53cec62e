"""What is next on the agenda, on the home page."""

from agenda.selectors import upcoming_events
from core import home

LIMIT = 3


@home.section("agenda", template="agenda/home_section.html", order=25, shows=("agenda",))
def next_events(request) -> dict:
    return {"events": upcoming_events(LIMIT), "always": True}
