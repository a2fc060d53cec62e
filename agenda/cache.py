"""What bumps the page cache in the agenda (`agenda`: the home page's next events): an event
saved, cancelled or deleted, a seat taken or freed."""

from core import page_cache

AGENDA = "agenda"


def connect() -> None:
    from agenda.models import Event, Registration

    page_cache.watch(Event, lambda event: [AGENDA])
    page_cache.watch(Registration, lambda registration: [AGENDA])
