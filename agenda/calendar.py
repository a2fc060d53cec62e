"""iCalendar (RFC 5545) files of the agenda, written with the icalendar library."""

from collections.abc import Iterable

import icalendar
from django.utils import timezone

from agenda.models import Event
from core.urls import absolute, site_url


def _component(event: Event) -> icalendar.Event:
    url = absolute(event.get_absolute_url())
    component = icalendar.Event()
    component.add("uid", f"evento-{event.pk}@{site_url().split('://', 1)[-1]}")
    component.add("dtstamp", event.updated_at or timezone.now())
    component.add("dtstart", event.starts_at)
    component.add("dtend", event.ends_at)
    component.add("summary", event.title)
    description = event.description
    if event.online_url:
        description = f"{description}\n\n{event.online_url}".strip()
    component.add("description", f"{description}\n\n{url}".strip())
    location = ", ".join(part for part in (event.venue, event.address) if part) or event.online_url
    if location:
        component.add("location", location)
    component.add("url", url)
    component.add("status", "CANCELLED" if event.cancelled else "CONFIRMED")
    return component


def _calendar(name: str) -> icalendar.Calendar:
    cal = icalendar.Calendar()
    cal.add("prodid", "-//Laboratorio de Innovación Bucaramanga//Agenda//ES")
    cal.add("version", "2.0")
    cal.add("x-wr-calname", name)
    return cal


def event_ics(event: Event) -> bytes:
    cal = _calendar(event.title)
    cal.add_component(_component(event))
    return cal.to_ical()


def agenda_ics(events: Iterable[Event], name: str) -> bytes:
    cal = _calendar(name)
    for event in events:
        cal.add_component(_component(event))
    return cal.to_ical()
