"""Reads of the agenda: the public events, a month, what is next, a person's registrations."""

import calendar
import datetime

from django.db.models import Min, QuerySet
from django.utils import timezone

from agenda.models import Event, Registration, RegistrationStatus


def public_events() -> QuerySet[Event]:
    return Event.objects.filter(public=True).select_related("office", "organization")


def upcoming_events(limit: int = 5) -> list[Event]:
    """What is next: public events not yet over, soonest first (one query)."""
    return list(
        public_events()
        .filter(ends_at__gte=timezone.now(), cancelled=False)
        .order_by("starts_at", "pk")[:limit]
    )


def next_event_end(*, since: datetime.datetime | None = None) -> datetime.datetime | None:
    """The next moment a public event ends (after `since`, now by default): pages listing
    what is not over yet change then (the page cache's `until`; one query)."""
    since = since or timezone.now()
    return public_events().filter(ends_at__gte=since).aggregate(at=Min("ends_at"))["at"]


def events_in_month(year: int, month: int) -> list[Event]:
    first = datetime.date(year, month, 1)
    following = first + datetime.timedelta(days=calendar.monthrange(year, month)[1])
    start = timezone.make_aware(datetime.datetime.combine(first, datetime.time.min))
    end = timezone.make_aware(datetime.datetime.combine(following, datetime.time.min))
    return list(public_events().filter(starts_at__gte=start, starts_at__lt=end).order_by("starts_at", "pk"))


def month_grid(year: int, month: int, events: list[Event]) -> list[list[dict]]:
    """Weeks (Monday first) of days, each with its events; days of other months are None."""
    by_day: dict[datetime.date, list[Event]] = {}
    for event in events:
        by_day.setdefault(timezone.localtime(event.starts_at).date(), []).append(event)
    weeks = []
    for week in calendar.Calendar(firstweekday=0).monthdatescalendar(year, month):
        weeks.append(
            [{"date": day, "events": by_day.get(day, [])} if day.month == month else None for day in week]
        )
    return weeks


def registration_of(user, event: Event) -> Registration | None:
    if not getattr(user, "is_authenticated", False):
        return None
    return (
        Registration.objects.filter(
            event=event, user=user, status__in=(RegistrationStatus.REGISTERED, RegistrationStatus.WAITLISTED)
        )
        .only("pk", "status", "queued_at")
        .first()
    )


def waiting_position(registration: Registration) -> int:
    return (
        Registration.objects.filter(
            event_id=registration.event_id,
            status=RegistrationStatus.WAITLISTED,
            queued_at__lt=registration.queued_at,
        ).count()
        + 1
    )


def attendance(event: Event) -> QuerySet[Registration]:
    """The registered people, with the minimum personal data: name and e-mail."""
    return (
        Registration.objects.filter(event=event, status=RegistrationStatus.REGISTERED)
        .select_related("user")
        .only("pk", "created_at", "promoted_at", "user__display_name", "user__email", "user__deleted_at")
        .order_by("created_at", "pk")
    )
