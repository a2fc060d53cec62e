"""Writes of the newsletter: double opt-in, unsubscribe, and queuing an edition (delivery.py sends it).

Sending is at most once per person and edition: a Delivery row per (edition, subscriber) under
a unique constraint, claimed in its own committed transaction before the e-mail goes out. A
worker that crashes half-way leaves the claimed rows it had not finished; the next run marks
them failed (it cannot know whether the message left) and sends only the rows still pending.
"""

import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core.refusals import Refused
from newsletter.delivery import BATCH_SIZE, edition_deliver, edition_message, unsubscribe_url  # noqa: F401
from newsletter.models import Edition, EditionStatus, Subscriber, SubscriberStatus

# A confirmation link is sent again only after this long: a stranger cannot flood someone's inbox.
RESEND_AFTER = datetime.timedelta(minutes=10)


def consent_text() -> str:
    return _(
        "Acepto que el Laboratorio de Innovación use mi correo solo para enviarme el boletín, según la "
        "política de tratamiento de datos personales. Puedo darme de baja en cualquier momento."
    )


def subscriber_request(*, email: str) -> Subscriber:
    """Ask for a subscription: nothing is sent until the link in the e-mail is followed.
    Asking again sends the link again (and never tells whether the address was subscribed)."""
    email = email.strip().lower()
    now = timezone.now()
    with transaction.atomic():
        subscriber, created = Subscriber.objects.select_for_update().get_or_create(
            email=email, defaults={"requested_at": now, "consent_text": consent_text()}
        )
        if (
            not created
            and subscriber.status == SubscriberStatus.PENDING
            and now - subscriber.requested_at < RESEND_AFTER
        ):
            return subscriber
        if not created and subscriber.status != SubscriberStatus.CONFIRMED:
            subscriber.status = SubscriberStatus.PENDING
            subscriber.requested_at = now
            subscriber.consent_text = consent_text()
            subscriber.save(update_fields=["status", "requested_at", "consent_text"])
        if subscriber.status == SubscriberStatus.PENDING:
            from newsletter.tasks import email_confirmation

            transaction.on_commit(lambda: email_confirmation.enqueue(subscriber.pk))
    return subscriber


def subscriber_confirm(*, token: str) -> Subscriber:
    with transaction.atomic():
        subscriber = Subscriber.objects.select_for_update().filter(token=token).first()
        if subscriber is None or subscriber.status == SubscriberStatus.UNSUBSCRIBED:
            raise Refused(
                "invalid_link", _("El enlace no es válido o ya no está vigente. Suscríbase de nuevo."), 404
            )
        if subscriber.status == SubscriberStatus.PENDING:
            subscriber.status = SubscriberStatus.CONFIRMED
            subscriber.confirmed_at = timezone.now()
            subscriber.save(update_fields=["status", "confirmed_at"])
    return subscriber


def subscriber_unsubscribe(*, token: str) -> Subscriber | None:
    with transaction.atomic():
        subscriber = Subscriber.objects.select_for_update().filter(token=token).first()
        if subscriber is None:
            return None
        if subscriber.status != SubscriberStatus.UNSUBSCRIBED:
            subscriber.status = SubscriberStatus.UNSUBSCRIBED
            subscriber.unsubscribed_at = timezone.now()
            subscriber.save(update_fields=["status", "unsubscribed_at"])
    return subscriber


def edition_test_send(*, edition: Edition, email: str) -> None:
    """A test send to one address (the editor's), not recorded as a delivery."""
    probe = Subscriber(email=email, token="prueba", requested_at=timezone.now())  # noqa: S106  (not a secret)
    edition_message(edition, probe).send()


def edition_send(*, edition: Edition) -> None:
    """Start sending: one pending delivery per confirmed subscriber; the worker does the rest."""
    from newsletter.tasks import send_edition

    with transaction.atomic():
        edition = Edition.objects.select_for_update().get(pk=edition.pk)
        if edition.status == EditionStatus.SENT:
            raise Refused("already_sent", _("Esta edición ya se envió."))
        edition.status = EditionStatus.SENDING
        edition.save(update_fields=["status"])
        transaction.on_commit(lambda: send_edition.enqueue(edition.pk))
