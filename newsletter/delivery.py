"""Sending an edition: at most once per person and edition.

A Delivery row per (edition, subscriber) under a unique constraint, claimed in its own
committed transaction before the e-mail goes out. A worker that crashes half-way leaves the
claimed rows it had not finished; the next run marks them failed (it cannot know whether the
message left) and sends only the rows still pending. Run by the task worker (tasks.py).
"""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from core.urls import absolute
from newsletter.models import Delivery, DeliveryStatus, Edition, EditionStatus, Subscriber, SubscriberStatus
from newsletter.selectors import edition_content

BATCH_SIZE = 50


def unsubscribe_url(subscriber: Subscriber) -> str:
    return absolute(reverse("newsletter:unsubscribe", args=[subscriber.token]))


def edition_message(
    edition: Edition, subscriber: Subscriber, sections=None, connection=None
) -> EmailMultiAlternatives:
    """The e-mail of one edition for one person, with RFC 8058 one-click unsubscribe headers."""
    sections = edition_content(edition) if sections is None else sections
    link = unsubscribe_url(subscriber)
    with translation.override(settings.LANGUAGE_CODE):
        context = {"edition": edition, "sections": sections, "unsubscribe_url": link, "home": absolute("/")}
        text = render_to_string("newsletter/email/edition.txt", context)
        html = render_to_string("newsletter/email/edition.html", context)
    message = EmailMultiAlternatives(
        edition.subject,
        text,
        None,
        [subscriber.email],
        headers={"List-Unsubscribe": f"<{link}>", "List-Unsubscribe-Post": "List-Unsubscribe=One-Click"},
        connection=connection,
    )
    message.attach_alternative(html, "text/html")
    return message


def _queue_deliveries(edition: Edition) -> None:
    subscribers = Subscriber.objects.filter(status=SubscriberStatus.CONFIRMED).values_list("pk", flat=True)
    Delivery.objects.bulk_create(
        [Delivery(edition=edition, subscriber_id=pk) for pk in subscribers],
        ignore_conflicts=True,
        batch_size=500,
    )


def _claim(edition: Edition, size: int) -> list[int]:
    """Take the next batch of pending deliveries; committed before anything is sent."""
    with transaction.atomic():
        rows = list(
            Delivery.objects.select_for_update(skip_locked=True)
            .filter(edition=edition, status=DeliveryStatus.PENDING)
            .order_by("pk")
            .values_list("pk", flat=True)[:size]
        )
        Delivery.objects.filter(pk__in=rows).update(status=DeliveryStatus.CLAIMED, claimed_at=timezone.now())
    return rows


def edition_deliver(
    *, edition: Edition, batch_size: int = BATCH_SIZE, max_batches: int | None = None
) -> dict:
    """Send the edition to everyone not yet served, batch by batch; safe to run again after a crash."""
    edition = Edition.objects.get(pk=edition.pk)
    if edition.status == EditionStatus.SENT:
        return {"sent": 0, "failed": 0}
    _queue_deliveries(edition)
    # Claimed by a run that never finished: it may have sent them. Never send twice.
    Delivery.objects.filter(edition=edition, status=DeliveryStatus.CLAIMED).update(
        status=DeliveryStatus.FAILED, error="interrumpido: no se reenvía para no duplicar"
    )
    sections = edition_content(edition)
    sent = failed = batches = 0
    connection = get_connection()
    while max_batches is None or batches < max_batches:
        rows = _claim(edition, batch_size)
        if not rows:
            break
        batches += 1
        for delivery in Delivery.objects.filter(pk__in=rows).select_related("subscriber").order_by("pk"):
            try:
                if delivery.subscriber.status != SubscriberStatus.CONFIRMED:
                    raise ValueError("ya no está suscrita")
                edition_message(edition, delivery.subscriber, sections, connection).send()
            except Exception as error:  # noqa: BLE001  (logged on the person's row; the others go on)
                Delivery.objects.filter(pk=delivery.pk).update(
                    status=DeliveryStatus.FAILED, error=str(error)[:300]
                )
                failed += 1
            else:
                Delivery.objects.filter(pk=delivery.pk).update(
                    status=DeliveryStatus.SENT, sent_at=timezone.now()
                )
                sent += 1
    if not Delivery.objects.filter(
        edition=edition, status__in=(DeliveryStatus.PENDING, DeliveryStatus.CLAIMED)
    ).exists():
        Edition.objects.filter(pk=edition.pk).update(status=EditionStatus.SENT, sent_at=timezone.now())
    return {"sent": sent, "failed": failed}
