"""A person's inbox: store a notice, and e-mail it after commit when the person allows e-mail."""

from collections.abc import Iterable

from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone

from accounts import tasks
from accounts.models import Notification, User


def _reachable(user: User | None) -> bool:
    # Deleted accounts are tombstones: nothing more is sent to them.
    return user is not None and user.is_active and user.deleted_at is None


def _email_on_commit(notification_ids: list[int]) -> None:
    def enqueue() -> None:
        for notification_id in notification_ids:
            tasks.email_notification.enqueue(notification_id)

    if notification_ids:
        transaction.on_commit(enqueue)


def notify(*, recipient: User, kind: str, message: str, url: str = "") -> Notification | None:
    """Tell one person something in the site, and by e-mail if they allow it."""
    if not _reachable(recipient):
        return None
    notification = Notification(recipient=recipient, kind=kind, message=message[:1000], url=url[:500])
    notification.full_clean(exclude=["recipient"])
    notification.save()
    if recipient.email_notifications:
        _email_on_commit([notification.pk])
    return notification


def notify_many(*, recipients: Iterable[User], kind: str, message: str, url: str = "") -> list[Notification]:
    """The same notice for many people (followers of a challenge): one INSERT, e-mails after commit."""
    people = [user for user in recipients if _reachable(user)]
    notifications = Notification.objects.bulk_create(
        [Notification(recipient=user, kind=kind, message=message[:1000], url=url[:500]) for user in people]
    )
    _email_on_commit(
        [n.pk for n, user in zip(notifications, people, strict=True) if user.email_notifications]
    )
    return notifications


def notifications_mark_all_read(*, user: User) -> int:
    return Notification.objects.filter(recipient=user, read_at__isnull=True).update(read_at=timezone.now())


def email_preference_update(*, user: User, email_notifications: bool) -> User:
    user.email_notifications = email_notifications
    user.save(update_fields=["email_notifications"])
    return user


def user_notifications(user: User) -> QuerySet[Notification]:
    return Notification.objects.filter(recipient=user).order_by("-created_at", "-pk")


def unread_count(user) -> int:
    if not getattr(user, "is_authenticated", False):
        return 0
    return Notification.objects.filter(recipient=user, read_at__isnull=True).count()
