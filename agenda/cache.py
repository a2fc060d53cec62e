"""What bumps the page cache in the agenda (`agenda`: the list, the month, an event's page,
the calendars, the RSS and Atom feeds, the events API and the home page's next events): an
event saved, cancelled or deleted, a seat taken or freed (the services bump by themselves
where they promote from the waiting list with `QuerySet.update()`).

Pages that list what is not over yet are also cached only until the next event ends
(`selectors.next_event_end`); the month marks today, until midnight."""

from core import page_cache

AGENDA = "agenda"


def connect() -> None:
    from agenda.models import Event, Registration

    page_cache.watch(Event, lambda event: [AGENDA])
    page_cache.watch(Registration, lambda registration: [AGENDA])
