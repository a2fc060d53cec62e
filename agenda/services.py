"""Writes of the agenda: registration with a waiting list, exact under concurrency, and the
reminders of the day before.

Every change to an event's seats locks the event's row first (SELECT ... FOR UPDATE), so two
people asking for the last seat at once, or a cancellation while someone registers, are
served one after the other and `registered_count` always equals the registered rows.
"""

import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.selectors import check_verified
from agenda.cache import AGENDA
from agenda.models import Event, Registration, RegistrationStatus
from core import page_cache
from core.refusals import Refused
from core.urls import absolute

ACTIVE = (RegistrationStatus.REGISTERED, RegistrationStatus.WAITLISTED)


def check_can_register(user, event: Event) -> None:
    check_verified(user)
    if not event.public or event.cancelled:
        raise Refused("event_closed", _("Este evento no recibe inscripciones."))
    if event.capacity is None:
        raise Refused("no_registration", _("Este evento no requiere inscripción: la entrada es libre."))
    if event.starts_at <= timezone.now():
        raise Refused("event_started", _("Las inscripciones se cerraron: el evento ya comenzó."))


def check_can_manage(user, event: Event) -> None:
    """Organisers of the event, editors and moderators (attendance list)."""
    if not getattr(user, "is_authenticated", False):
        raise Refused("not_authenticated", _("Ingrese con su cuenta."), 401)
    if user.is_superuser or user.groups.filter(name__in=("editors", "moderators")).exists():
        return
    if event.organizers.filter(pk=user.pk).exists():
        return
    raise Refused("not_organizer", _("Solo quienes organizan el evento pueden ver su lista de asistencia."))


def _send_on_commit(registration_id: int, reason: str) -> None:
    from agenda.tasks import email_registration

    transaction.on_commit(lambda: email_registration.enqueue(registration_id, reason))


def registration_create(*, user, event: Event) -> tuple[Registration, bool]:
    """Register `user`, or put them on the waiting list when the event is full.

    Returns the registration and whether it is new (asking again changes nothing).
    """
    check_can_register(user, event)
    now = timezone.now()
    with transaction.atomic():
        event = Event.objects.select_for_update().get(pk=event.pk)
        registration = Registration.objects.filter(event=event, user=user).first()
        if registration is not None and registration.status in ACTIVE:
            return registration, False
        status = (
            RegistrationStatus.REGISTERED
            if event.registered_count < event.capacity
            else RegistrationStatus.WAITLISTED
        )
        if registration is None:
            registration = Registration.objects.create(event=event, user=user, status=status, queued_at=now)
        else:
            registration.status = status
            registration.queued_at = now
            registration.cancelled_at = None
            registration.promoted_at = None
            registration.reminded_at = None
            registration.save(
                update_fields=["status", "queued_at", "cancelled_at", "promoted_at", "reminded_at"]
            )
        if status == RegistrationStatus.REGISTERED:
            Event.objects.filter(pk=event.pk).update(registered_count=event.registered_count + 1)
        _send_on_commit(registration.pk, status)
    return registration, True


def _promote(event: Event, seats: int) -> list[int]:
    """Give up to `seats` free seats to the first on the waiting list (the event row is locked)."""
    page_cache.bump(AGENDA)  # promotions are updates, which send no signal
    if seats <= 0:
        return []
    now = timezone.now()
    waiting = list(
        Registration.objects.filter(event=event, status=RegistrationStatus.WAITLISTED)
        .order_by("queued_at", "pk")
        .values_list("pk", flat=True)[:seats]
    )
    if waiting:
        Registration.objects.filter(pk__in=waiting).update(
            status=RegistrationStatus.REGISTERED, promoted_at=now
        )
        for registration_id in waiting:
            _send_on_commit(registration_id, "promoted")
    return waiting


def registration_cancel(*, user, event: Event) -> Registration | None:
    """Free the person's seat (or place on the waiting list); the first waiting takes the seat."""
    page_cache.bump(AGENDA)  # the seat count is an update, which sends no signal
    with transaction.atomic():
        event = Event.objects.select_for_update().get(pk=event.pk)
        registration = Registration.objects.filter(event=event, user=user, status__in=ACTIVE).first()
        if registration is None:
            return None
        was_registered = registration.status == RegistrationStatus.REGISTERED
        registration.status = RegistrationStatus.CANCELLED
        registration.cancelled_at = timezone.now()
        registration.save(update_fields=["status", "cancelled_at"])
        if was_registered:
            count = event.registered_count - 1
            if not event.cancelled and event.starts_at > timezone.now():
                count += len(_promote(event, event.capacity - count))
            Event.objects.filter(pk=event.pk).update(registered_count=count)
    return registration


def event_seats_fill(*, event: Event) -> int:
    """After an editor raised the capacity: the waiting list takes the new seats."""
    with transaction.atomic():
        event = Event.objects.select_for_update().get(pk=event.pk)
        if event.capacity is None or event.cancelled:
            return 0
        promoted = _promote(event, event.capacity - event.registered_count)
        if promoted:
            Event.objects.filter(pk=event.pk).update(registered_count=event.registered_count + len(promoted))
    return len(promoted)


def event_reminders_send(*, now: datetime.datetime | None = None) -> int:
    """Remind everyone registered for an event that starts tomorrow (America/Bogota). Once each:
    `reminded_at` is claimed by a conditional UPDATE before the e-mail is queued."""
    from agenda.tasks import email_reminder

    now = now or timezone.now()
    tomorrow = timezone.localdate(now) + datetime.timedelta(days=1)
    start = timezone.make_aware(datetime.datetime.combine(tomorrow, datetime.time.min))
    end = start + datetime.timedelta(days=1)
    candidates = list(
        Registration.objects.filter(
            status=RegistrationStatus.REGISTERED,
            reminded_at__isnull=True,
            event__cancelled=False,
            event__starts_at__gte=start,
            event__starts_at__lt=end,
        ).values_list("pk", flat=True)
    )
    sent = 0
    for registration_id in candidates:
        with transaction.atomic():
            claimed = Registration.objects.filter(pk=registration_id, reminded_at__isnull=True).update(
                reminded_at=now
            )
            if claimed:
                sent += 1
                transaction.on_commit(lambda pk=registration_id: email_reminder.enqueue(pk))
    return sent


def debate_event_sync(session) -> Event:
    """The agenda's event of a debate session, kept in step with the session's title and times."""
    event, _created = Event.objects.update_or_create(
        debate_session=session,
        defaults={
            "title": session.title,
            "kind": "debate",
            "description": session.description,
            "starts_at": session.starts_at,
            "ends_at": session.ends_at,
            "public": session.public,
        },
        create_defaults={
            "title": session.title,
            "kind": "debate",
            "description": session.description,
            "starts_at": session.starts_at,
            "ends_at": session.ends_at,
            "public": session.public,
            "online_url": absolute(session.get_absolute_url()),
        },
    )
    return event
