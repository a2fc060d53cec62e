"""A session's life: scheduling and rescheduling, opening, pausing, closing, the pinned announcement."""

from __future__ import annotations

import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from accounts.models import NotificationKind, User
from core.refusals import Refused
from sessions import events
from sessions.models import (
    Access,
    Attendance,
    DebateSession,
    FloorRequest,
    FloorRequestStatus,
    FloorTurn,
    Poll,
    PollStatus,
    SessionStatus,
)
from sessions.services.access import check_moderator, lock_session, person_payload
from sessions.services.follows import tell_session_followers
from sessions.services.polls import poll_payload
from sessions.services.records import minutes_generate

MESSAGE_MAX_LENGTH = 1000
# At most this many messages per person and session in the window.
MESSAGE_RATE = 5
MESSAGE_RATE_WINDOW = datetime.timedelta(seconds=60)
POLL_MAX_OPTIONS = 8
EXTEND_MAX_SECONDS = 600
NOTIFICATION_KIND = NotificationKind.DEBATE_SESSION


@transaction.atomic
def session_create(
    *,
    title: str,
    starts_at: datetime.datetime,
    ends_at: datetime.datetime,
    description: str = "",
    challenge=None,
    moderators: list[User] | None = None,
    public: bool = True,
    access: str = Access.VERIFIED,
    speaking_time: int = 180,
    moderated: bool = False,
) -> DebateSession:
    session = DebateSession(
        title=title.strip(),
        description=description.strip(),
        challenge=challenge,
        starts_at=starts_at,
        ends_at=ends_at,
        public=public,
        access=access,
        speaking_time=speaking_time,
        moderated=moderated,
    )
    if not session.title:
        raise Refused("invalid", _("Escriba un título para la sesión."), 400)
    if ends_at <= starts_at:
        raise Refused("invalid", _("La sesión debe terminar después de empezar."), 400)
    session.full_clean()
    session.save()
    if moderators:
        session.moderators.set(moderators)
    notify_scheduled(session)
    return session


def notify_scheduled(session: DebateSession) -> None:
    """Tell the followers of the linked challenge that a session was scheduled."""
    if session.challenge_id:
        tell_session_followers(
            session,
            gettext_noop("Se programó la sesión de debate «%(title)s» sobre el reto «%(challenge)s»."),
        )


def notify_rescheduled(session: DebateSession, *, by: User | None = None) -> None:
    """Tell the followers of the session (and of its challenge) its new date."""
    tell_session_followers(
        session,
        gettext_noop("La sesión de debate «%(title)s» cambió de fecha: ahora empieza el %(starts_at)s."),
        excluding=[by.pk if by else None],
    )


@transaction.atomic
def session_reschedule(
    *,
    session: DebateSession,
    starts_at: datetime.datetime,
    ends_at: datetime.datetime,
    by: User | None = None,
) -> DebateSession:
    """Move a session that has not started; its followers are told when the start changes."""
    current = lock_session(session)
    if current.status != SessionStatus.SCHEDULED:
        raise Refused(
            "not_scheduled", _("Solo se puede cambiar la fecha de una sesión que no ha empezado."), 409
        )
    if ends_at <= starts_at:
        raise Refused("invalid", _("La sesión debe terminar después de empezar."), 400)
    moved = current.starts_at != starts_at
    current.starts_at, current.ends_at = starts_at, ends_at
    current.full_clean()
    current.save(update_fields=["starts_at", "ends_at"])
    if moved:
        notify_rescheduled(current, by=by)
    session.starts_at, session.ends_at = current.starts_at, current.ends_at
    return current


@transaction.atomic
def session_open(*, session: DebateSession, by: User) -> DebateSession:
    check_moderator(by, session)
    current = lock_session(session)
    if current.status == SessionStatus.LIVE:
        raise Refused("already_live", _("La sesión ya está en vivo."), 409)
    if current.status == SessionStatus.CLOSED:
        raise Refused("closed", _("La sesión ya se cerró; no se puede abrir de nuevo."), 409)
    first_time = current.status == SessionStatus.SCHEDULED
    current.status = SessionStatus.LIVE
    current.save(update_fields=["status"])
    events.record(current.pk, "session.opened", {"status": current.status}, actor=by, by_moderator=True)
    if first_time:
        tell_session_followers(
            current,
            gettext_noop("La sesión de debate «%(title)s» está en vivo. Reto: «%(challenge)s».")
            if current.challenge_id
            else gettext_noop("La sesión de debate «%(title)s» está en vivo."),
            excluding=[by.pk],
        )
    session.status = current.status
    return current


@transaction.atomic
def session_pause(*, session: DebateSession, by: User) -> DebateSession:
    check_moderator(by, session)
    current = lock_session(session)
    if current.status != SessionStatus.LIVE:
        raise Refused("not_live", _("Solo se puede pausar una sesión en vivo."), 409)
    current.status = SessionStatus.PAUSED
    current.save(update_fields=["status"])
    events.record(current.pk, "session.paused", {"status": current.status}, actor=by, by_moderator=True)
    session.status = current.status
    return current


@transaction.atomic
def session_close(*, session: DebateSession, by: User) -> DebateSession:
    check_moderator(by, session)
    current = lock_session(session)
    if current.status == SessionStatus.CLOSED:
        raise Refused("closed", _("La sesión ya se cerró."), 409)
    now = timezone.now()
    turn = FloorTurn.objects.filter(session=current, ended_at__isnull=True).first()
    if turn:
        turn.ended_at = now
        turn.save(update_fields=["ended_at"])
        events.record(
            current.pk, "floor.ended", {"user": person_payload(turn.user)}, actor=by, by_moderator=True
        )
    for poll in Poll.objects.filter(session=current, status=PollStatus.OPEN):
        poll.status, poll.closed_at = PollStatus.CLOSED, now
        poll.save(update_fields=["status", "closed_at"])
        events.record(current.pk, "poll.closed", {"poll": poll_payload(poll)}, actor=by, by_moderator=True)
    FloorRequest.objects.filter(session=current, status=FloorRequestStatus.WAITING).update(
        status=FloorRequestStatus.REMOVED
    )
    Attendance.objects.filter(session=current, disconnected_at__isnull=True).update(disconnected_at=now)
    current.status = SessionStatus.CLOSED
    current.save(update_fields=["status"])
    events.record(current.pk, "session.closed", {"status": current.status}, actor=by, by_moderator=True)
    minutes_generate(session=current)
    session.status = current.status
    return current


@transaction.atomic
def announcement_pin(*, session: DebateSession, by: User, text: str) -> DebateSession:
    check_moderator(by, session)
    text = (text or "").strip()
    if len(text) > 500:
        raise Refused("invalid", _("El anuncio admite hasta 500 caracteres."), 400)
    current = lock_session(session)
    if current.status == SessionStatus.CLOSED:
        raise Refused("closed", _("La sesión ya se cerró."), 409)
    current.announcement = text
    current.save(update_fields=["announcement"])
    events.record(current.pk, "announcement.pinned", {"text": text}, actor=by, by_moderator=True)
    return current
