"""Background e-mail about memberships and notifications (django-tasks)."""

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils import translation
from django_tasks import task

from accounts.models import Membership, Notification
from core.urls import site_url


@task()
def email_membership_decision(membership_id: int) -> None:
    membership = Membership.objects.select_related("user", "organization").filter(pk=membership_id).first()
    if membership is None or membership.user.deleted_at:
        return
    with translation.override(settings.LANGUAGE_CODE):
        context = {"membership": membership, "base_url": site_url()}
        subject = render_to_string("accounts/email/membership_decision_subject.txt", context).strip()
        body = render_to_string("accounts/email/membership_decision_message.txt", context)
    send_mail(subject, body, None, [membership.user.email])


@task()
def email_membership_request(membership_id: int) -> None:
    membership = Membership.objects.select_related("user", "organization").filter(pk=membership_id).first()
    if membership is None:
        return
    admins = (
        Membership.objects.filter(
            organization=membership.organization,
            role=Membership.Role.ADMIN,
            status=Membership.Status.APPROVED,
            user__deleted_at__isnull=True,
        )
        .select_related("user")
        .values_list("user__email", flat=True)
    )
    recipients = list(admins)
    if not recipients:
        return
    with translation.override(settings.LANGUAGE_CODE):
        context = {"membership": membership, "base_url": site_url()}
        subject = render_to_string("accounts/email/membership_request_subject.txt", context).strip()
        body = render_to_string("accounts/email/membership_request_message.txt", context)
    send_mail(subject, body, None, recipients)


@task()
def email_notification(notification_id: int) -> None:
    """E-mail one notice. The preference is checked again: it may have changed since."""
    notification = Notification.objects.select_related("recipient").filter(pk=notification_id).first()
    if notification is None:
        return
    recipient = notification.recipient
    if recipient.deleted_at or not recipient.is_active or not recipient.email_notifications:
        return
    base_url = site_url()
    link = notification.url
    if link.startswith("/"):
        link = f"{base_url}{link}"
    with translation.override(settings.LANGUAGE_CODE):
        context = {
            "notification": notification,
            "recipient": recipient,
            "link": link,
            "base_url": base_url,
        }
        subject = render_to_string("accounts/email/notification_subject.txt", context).strip()
        body = render_to_string("accounts/email/notification_message.txt", context)
    send_mail(subject, body, None, [recipient.email])
