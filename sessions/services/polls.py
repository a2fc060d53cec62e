"""Live polls: opening, closing and voting (counts kept by constraint)."""

from __future__ import annotations

import datetime

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import NotificationKind, User
from core.refusals import Refused
from sessions import events
from sessions.models import (
    DebateSession,
    Poll,
    PollOption,
    PollStatus,
    PollVote,
)
from sessions.services.access import check_can_participate, check_live, check_moderator, lock_session

MESSAGE_MAX_LENGTH = 1000
# At most this many messages per person and session in the window.
MESSAGE_RATE = 5
MESSAGE_RATE_WINDOW = datetime.timedelta(seconds=60)
POLL_MAX_OPTIONS = 8
EXTEND_MAX_SECONDS = 600
NOTIFICATION_KIND = NotificationKind.DEBATE_SESSION


def poll_payload(poll: Poll) -> dict:
    options = list(poll.options.all())
    return {
        "id": poll.pk,
        "question": poll.question,
        "status": poll.status,
        "total": sum(option.vote_count for option in options),
        "options": [{"id": o.pk, "label": o.label, "votes": o.vote_count} for o in options],
    }


@transaction.atomic
def poll_open(*, session: DebateSession, by: User, question: str, options) -> Poll:
    check_moderator(by, session)
    current = lock_session(session)
    check_live(current)
    question = (question or "").strip() if isinstance(question, str) else ""
    labels = (
        [o.strip() for o in options if isinstance(o, str) and o.strip()] if isinstance(options, list) else []
    )
    if not question or len(question) > 300:
        raise Refused("invalid", _("Escriba la pregunta de la encuesta (hasta 300 caracteres)."), 400)
    if (
        not 2 <= len(labels) <= POLL_MAX_OPTIONS
        or len(set(labels)) != len(labels)
        or any(len(x) > 200 for x in labels)
    ):
        raise Refused(
            "invalid",
            _("Una encuesta necesita entre 2 y %(max)d opciones distintas.") % {"max": POLL_MAX_OPTIONS},
            400,
        )
    poll = Poll.objects.create(session=current, question=question)
    PollOption.objects.bulk_create(
        [PollOption(poll=poll, label=label, position=index) for index, label in enumerate(labels, start=1)]
    )
    events.record(current.pk, "poll.opened", {"poll": poll_payload(poll)}, actor=by, by_moderator=True)
    return poll


def _room_poll(session: DebateSession, poll_id) -> Poll:
    try:
        return Poll.objects.get(pk=int(poll_id), session=session)
    except (Poll.DoesNotExist, TypeError, ValueError):
        raise Refused("not_found", _("Esa encuesta no existe en esta sesión."), 404) from None


@transaction.atomic
def poll_close(*, session: DebateSession, by: User, poll_id) -> Poll:
    check_moderator(by, session)
    current = lock_session(session)
    poll = _room_poll(current, poll_id)
    if poll.status == PollStatus.CLOSED:
        raise Refused("poll_closed", _("La encuesta ya está cerrada."), 409)
    poll.status, poll.closed_at = PollStatus.CLOSED, timezone.now()
    poll.save(update_fields=["status", "closed_at"])
    events.record(current.pk, "poll.closed", {"poll": poll_payload(poll)}, actor=by, by_moderator=True)
    return poll


@transaction.atomic
def poll_vote(*, session: DebateSession, user: User, poll_id, option_id) -> Poll:
    current = lock_session(session)
    check_can_participate(user, current)
    poll = _room_poll(current, poll_id)
    if poll.status != PollStatus.OPEN:
        raise Refused("poll_closed", _("La encuesta ya está cerrada."), 409)
    try:
        option = poll.options.get(pk=int(option_id))
    except (PollOption.DoesNotExist, TypeError, ValueError):
        raise Refused("invalid", _("Elija una de las opciones de la encuesta."), 400) from None
    try:
        with transaction.atomic():
            PollVote.objects.create(poll=poll, option=option, user=user)
    except IntegrityError:
        raise Refused("already_voted", _("Usted ya votó en esta encuesta."), 409) from None
    PollOption.objects.filter(pk=option.pk).update(vote_count=F("vote_count") + 1)
    events.record(current.pk, "poll.voted", {"poll": poll_payload(poll)}, actor=user)
    return poll
