"""Background e-mail of the agenda: confirmation (or waiting list, or a freed seat) and the
reminder of the day before."""

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.utils import translation
from django_tasks import task

from agenda.calendar import event_ics
from agenda.models import Registration, RegistrationStatus
from core.urls import absolute


def _send(registration: Registration, template: str, reason: str = "") -> None:
    user = registration.user
    if user.deleted_at or not user.is_active or not user.email:
        return
    event = registration.event
    with translation.override(settings.LANGUAGE_CODE):
        context = {
            "registration": registration,
            "event": event,
            "reason": reason,
            "url": absolute(event.get_absolute_url()),
            "person": user.public_name,
        }
        subject = render_to_string(f"agenda/email/{template}_subject.txt", context).strip()
        body = render_to_string(f"agenda/email/{template}_message.txt", context)
    message = EmailMessage(subject, body, None, [user.email])
    if registration.status == RegistrationStatus.REGISTERED:
        message.attach("evento.ics", event_ics(event), "text/calendar")
    message.send()


@task()
def email_registration(registration_id: int, reason: str) -> None:
    registration = Registration.objects.select_related("user", "event").filter(pk=registration_id).first()
    if registration is None or registration.status == RegistrationStatus.CANCELLED:
        return
    _send(registration, "registration", reason)


@task()
def email_reminder(registration_id: int) -> None:
    registration = Registration.objects.select_related("user", "event").filter(pk=registration_id).first()
    if (
        registration is None
        or registration.status != RegistrationStatus.REGISTERED
        or registration.event.cancelled
    ):
        return
    _send(registration, "reminder")
