"""What a session leaves behind: attendance and the minutes (acta)."""

from __future__ import annotations

import datetime

from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from accounts.models import NotificationKind, User
from core.refusals import Refused
from sessions.models import (
    Attendance,
    DebateSession,
    Minutes,
    MinutesStatus,
)
from sessions.services.access import check_moderator
from sessions.services.follows import tell_session_followers

MESSAGE_MAX_LENGTH = 1000
# At most this many messages per person and session in the window.
MESSAGE_RATE = 5
MESSAGE_RATE_WINDOW = datetime.timedelta(seconds=60)
POLL_MAX_OPTIONS = 8
EXTEND_MAX_SECONDS = 600
NOTIFICATION_KIND = NotificationKind.DEBATE_SESSION


def attendance_start(*, session: DebateSession, user) -> Attendance | None:
    if not getattr(user, "is_authenticated", False):
        return None
    return Attendance.objects.create(session=session, user=user)


def attendance_end(*, attendance_id: int | None) -> None:
    if attendance_id:
        Attendance.objects.filter(pk=attendance_id, disconnected_at__isnull=True).update(
            disconnected_at=timezone.now()
        )


def minutes_generate(*, session: DebateSession) -> Minutes:
    """Write (or rewrite, while a draft) the minutes from what the database recorded."""
    from sessions.minutes import minutes_text

    minutes, created = Minutes.objects.get_or_create(
        session=session, defaults={"body": minutes_text(session)}
    )
    if not created and minutes.status == MinutesStatus.DRAFT:
        minutes.body = minutes_text(session)
        minutes.save(update_fields=["body"])
    return minutes


@transaction.atomic
def minutes_publish(*, minutes: Minutes, by: User, body: str) -> Minutes:
    check_moderator(by, minutes.session)
    body = (body or "").strip()
    if not body:
        raise Refused("invalid", _("El acta no puede quedar vacía."), 400)
    if len(body) > 100_000:
        raise Refused("invalid", _("El acta es demasiado larga."), 400)
    first_time = minutes.status != MinutesStatus.PUBLISHED
    minutes.body = body
    minutes.status = MinutesStatus.PUBLISHED
    minutes.published_at = timezone.now()
    minutes.published_by = by
    minutes.save()
    if first_time:
        tell_session_followers(
            minutes.session,
            gettext_noop("Se publicó el acta de la sesión de debate «%(title)s»."),
            url=reverse("debates:minutes", args=[minutes.session_id]),
            excluding=[by.pk],
        )
    return minutes
