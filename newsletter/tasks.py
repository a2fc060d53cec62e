"""Background e-mail of the newsletter: the confirmation link and the sending of an edition."""

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django_tasks import task

from core.urls import absolute
from newsletter.delivery import edition_deliver
from newsletter.models import Edition, Subscriber, SubscriberStatus


@task()
def email_confirmation(subscriber_id: int) -> None:
    subscriber = Subscriber.objects.filter(pk=subscriber_id, status=SubscriberStatus.PENDING).first()
    if subscriber is None:
        return
    with translation.override(settings.LANGUAGE_CODE):
        context = {"url": absolute(reverse("newsletter:confirm", args=[subscriber.token]))}
        subject = render_to_string("newsletter/email/confirm_subject.txt", context).strip()
        body = render_to_string("newsletter/email/confirm_message.txt", context)
    send_mail(subject, body, None, [subscriber.email])


@task()
def send_edition(edition_id: int) -> None:
    edition = Edition.objects.filter(pk=edition_id).first()
    if edition is not None:
        edition_deliver(edition=edition)
