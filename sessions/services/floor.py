"""The speaking queue and the floor: raising hands, giving, extending and ending turns, muting."""

from __future__ import annotations

import datetime

from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import NotificationKind, User
from core.refusals import Refused
from sessions import events
from sessions.models import (
    DebateSession,
    FloorRequest,
    FloorRequestStatus,
    FloorTurn,
    Mute,
)
from sessions.services.access import (
    check_can_participate,
    check_live,
    check_moderator,
    is_session_moderator,
    lock_session,
    person_payload,
)

MESSAGE_MAX_LENGTH = 1000
# At most this many messages per person and session in the window.
MESSAGE_RATE = 5
MESSAGE_RATE_WINDOW = datetime.timedelta(seconds=60)
POLL_MAX_OPTIONS = 8
EXTEND_MAX_SECONDS = 600
NOTIFICATION_KIND = NotificationKind.DEBATE_SESSION


def queue_payload(session: DebateSession) -> list[dict]:
    return [
        {"user": person_payload(request.user), "position": request.position}
        for request in FloorRequest.objects.filter(session=session, status=FloorRequestStatus.WAITING)
        .select_related("user")
        .order_by("position", "pk")
    ]


@transaction.atomic
def hand_raise(*, session: DebateSession, user: User) -> FloorRequest:
    current = lock_session(session)
    check_can_participate(user, current)
    if FloorTurn.objects.filter(session=current, user=user, ended_at__isnull=True).exists():
        raise Refused("has_floor", _("Usted tiene la palabra en este momento."), 409)
    if FloorRequest.objects.filter(session=current, user=user, status=FloorRequestStatus.WAITING).exists():
        raise Refused("already_raised", _("Usted ya pidió la palabra."), 409)
    last = FloorRequest.objects.filter(session=current).aggregate(last=Max("position"))["last"] or 0
    request = FloorRequest.objects.create(session=current, user=user, position=last + 1)
    events.record(
        current.pk, "hand.raised", {"user": person_payload(user), "queue": queue_payload(current)}, actor=user
    )
    return request


@transaction.atomic
def hand_lower(*, session: DebateSession, user: User) -> None:
    current = lock_session(session)
    if not getattr(user, "is_authenticated", False):
        raise Refused("not_authenticated", _("Ingrese con su cuenta para participar."), 401)
    changed = FloorRequest.objects.filter(
        session=current, user=user, status=FloorRequestStatus.WAITING
    ).update(status=FloorRequestStatus.LOWERED)
    if not changed:
        raise Refused("not_raised", _("Usted no había pedido la palabra."), 409)
    events.record(
        current.pk,
        "hand.lowered",
        {"user": person_payload(user), "queue": queue_payload(current)},
        actor=user,
    )


def _turn_payload(turn: FloorTurn) -> dict:
    return {"user": person_payload(turn.user), "started_at": turn.started_at, "ends_at": turn.ends_at}


def _end_open_turn(session: DebateSession, by: User, now) -> FloorTurn | None:
    turn = FloorTurn.objects.select_related("user").filter(session=session, ended_at__isnull=True).first()
    if turn:
        turn.ended_at = min(now, turn.ends_at) if turn.ends_at < now else now
        turn.save(update_fields=["ended_at"])
        events.record(
            session.pk, "floor.ended", {"user": person_payload(turn.user)}, actor=by, by_moderator=True
        )
    return turn


@transaction.atomic
def floor_give(*, session: DebateSession, by: User, user_id=None) -> FloorTurn:
    check_moderator(by, session)
    current = lock_session(session)
    check_live(current)
    waiting = FloorRequest.objects.select_related("user").filter(
        session=current, status=FloorRequestStatus.WAITING
    )
    if user_id is None:
        request = waiting.order_by("position", "pk").first()
        if request is None:
            raise Refused("queue_empty", _("Nadie ha pedido la palabra."), 409)
    else:
        try:
            request = waiting.get(user_id=int(user_id))
        except (FloorRequest.DoesNotExist, TypeError, ValueError):
            raise Refused(
                "not_in_queue", _("Esa persona no está en la lista de intervenciones."), 409
            ) from None
    now = timezone.now()
    _end_open_turn(current, by, now)
    request.status = FloorRequestStatus.GRANTED
    request.save(update_fields=["status"])
    turn = FloorTurn.objects.create(
        session=current,
        user=request.user,
        started_at=now,
        ends_at=now + datetime.timedelta(seconds=current.speaking_time),
    )
    events.record(
        current.pk,
        "floor.given",
        {"floor": _turn_payload(turn), "queue": queue_payload(current)},
        actor=by,
        by_moderator=True,
    )
    return turn


@transaction.atomic
def floor_extend(*, session: DebateSession, by: User, seconds=60) -> FloorTurn:
    check_moderator(by, session)
    current = lock_session(session)
    try:
        seconds = int(seconds)
    except (TypeError, ValueError):
        seconds = 0
    if not 1 <= seconds <= EXTEND_MAX_SECONDS:
        raise Refused(
            "invalid", _("Indique entre 1 y %(max)d segundos más.") % {"max": EXTEND_MAX_SECONDS}, 400
        )
    turn = FloorTurn.objects.select_related("user").filter(session=current, ended_at__isnull=True).first()
    if turn is None:
        raise Refused("no_floor", _("Nadie tiene la palabra."), 409)
    turn.ends_at = max(turn.ends_at, timezone.now()) + datetime.timedelta(seconds=seconds)
    turn.save(update_fields=["ends_at"])
    events.record(current.pk, "floor.extended", {"floor": _turn_payload(turn)}, actor=by, by_moderator=True)
    return turn


@transaction.atomic
def floor_end(*, session: DebateSession, by: User) -> FloorTurn:
    check_moderator(by, session)
    current = lock_session(session)
    turn = _end_open_turn(current, by, timezone.now())
    if turn is None:
        raise Refused("no_floor", _("Nadie tiene la palabra."), 409)
    return turn


@transaction.atomic
def queue_reorder(*, session: DebateSession, by: User, order) -> list[dict]:
    check_moderator(by, session)
    current = lock_session(session)
    requests = {
        request.user_id: request
        for request in FloorRequest.objects.filter(session=current, status=FloorRequestStatus.WAITING)
    }
    try:
        wanted = [int(user_id) for user_id in order]
    except (TypeError, ValueError):
        wanted = None
    if wanted is None or len(wanted) != len(set(wanted)) or set(wanted) != set(requests):
        raise Refused(
            "invalid",
            _("El nuevo orden debe incluir, una sola vez, a cada persona que está en la lista."),
            400,
        )
    for position, user_id in enumerate(wanted, start=1):
        requests[user_id].position = position
    FloorRequest.objects.bulk_update(requests.values(), ["position"])
    queue = queue_payload(current)
    events.record(current.pk, "queue.reordered", {"queue": queue}, actor=by, by_moderator=True)
    return queue


@transaction.atomic
def queue_remove(*, session: DebateSession, by: User, user_id) -> None:
    check_moderator(by, session)
    current = lock_session(session)
    try:
        request = FloorRequest.objects.select_related("user").get(
            session=current, status=FloorRequestStatus.WAITING, user_id=int(user_id)
        )
    except (FloorRequest.DoesNotExist, TypeError, ValueError):
        raise Refused("not_in_queue", _("Esa persona no está en la lista de intervenciones."), 409) from None
    request.status = FloorRequestStatus.REMOVED
    request.save(update_fields=["status"])
    events.record(
        current.pk,
        "queue.removed",
        {"user": person_payload(request.user), "queue": queue_payload(current)},
        actor=by,
        by_moderator=True,
    )


@transaction.atomic
def participant_mute(*, session: DebateSession, by: User, user_id) -> Mute:
    check_moderator(by, session)
    current = lock_session(session)
    try:
        person = User.objects.get(pk=int(user_id))
    except (User.DoesNotExist, TypeError, ValueError):
        raise Refused("not_found", _("Esa persona no existe."), 404) from None
    if is_session_moderator(person, current):
        raise Refused("is_moderator", _("No se puede silenciar a quien modera la sesión."), 409)
    try:
        with transaction.atomic():
            mute = Mute.objects.create(session=current, user=person, muted_by=by)
    except IntegrityError:
        raise Refused("already_muted", _("Esa persona ya está silenciada."), 409) from None
    FloorRequest.objects.filter(session=current, user=person, status=FloorRequestStatus.WAITING).update(
        status=FloorRequestStatus.REMOVED
    )
    events.record(
        current.pk,
        "participant.muted",
        {"user": person_payload(person), "queue": queue_payload(current)},
        actor=by,
        by_moderator=True,
    )
    if FloorTurn.objects.filter(session=current, user=person, ended_at__isnull=True).exists():
        _end_open_turn(current, by, timezone.now())
    return mute
