"""Writes of the live debate rooms. Each action checks who may (`check_*`), writes in one
transaction, records its event with the session's next `seq` and broadcasts it after commit.
"""

from __future__ import annotations

import datetime

from django.db import IntegrityError, transaction
from django.db.models import F, Max
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import Membership, NotificationKind, User
from accounts.notifications import notify_many
from accounts.roles import MODERATORS
from accounts.selectors import user_is_verified
from ideas.services import Refused
from labplatform.markdown import render_markdown
from sessions import events
from sessions.models import (
    Access,
    Attendance,
    DebateSession,
    FloorRequest,
    FloorRequestStatus,
    FloorTurn,
    Message,
    MessageKind,
    MessageStatus,
    Minutes,
    MinutesStatus,
    Mute,
    Poll,
    PollOption,
    PollStatus,
    PollVote,
    SessionStatus,
    Upvote,
)

__all__ = ["Refused"]

MESSAGE_MAX_LENGTH = 1000
# At most this many messages per person and session in the window.
MESSAGE_RATE = 5
MESSAGE_RATE_WINDOW = datetime.timedelta(seconds=60)
POLL_MAX_OPTIONS = 8
EXTEND_MAX_SECONDS = 600
NOTIFICATION_KIND = NotificationKind.DEBATE_SESSION


# ---------------------------------------------------------------------------------------- roles


def is_session_moderator(user, session: DebateSession) -> bool:
    """Named moderators of the session, the `moderators` group and superusers."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    if user.is_superuser:
        return True
    cache = user.__dict__.setdefault("_debate_moderator", {})
    if session.pk not in cache:
        cache[session.pk] = (
            user.groups.filter(name=MODERATORS).exists() or session.moderators.filter(pk=user.pk).exists()
        )
    return cache[session.pk]


def may_participate(user, session: DebateSession) -> bool:
    """Verified, and invited when the session is for invited organisations."""
    if not user_is_verified(user):
        return False
    if session.access == Access.INVITED:
        return Membership.objects.filter(
            user=user,
            status=Membership.Status.APPROVED,
            organization__in=session.invited_organizations.all(),
        ).exists()
    return True


def role_for(user, session: DebateSession) -> str:
    if is_session_moderator(user, session):
        return "moderator"
    if may_participate(user, session):
        return "participant"
    return "viewer"


def check_can_view(user, session: DebateSession) -> None:
    if session.public or role_for(user, session) != "viewer":
        return
    raise Refused("not_invited", _("Esta sesión es solo para las organizaciones invitadas."))


def check_moderator(user, session: DebateSession) -> None:
    if not is_session_moderator(user, session):
        raise Refused("not_moderator", _("Solo quien modera la sesión puede hacer esto."))


def check_can_participate(user, session: DebateSession) -> None:
    if not getattr(user, "is_authenticated", False):
        raise Refused("not_authenticated", _("Ingrese con su cuenta para participar."), 401)
    if not user_is_verified(user):
        raise Refused(
            "not_verified",
            _("Para participar, verifique su correo y autorice el tratamiento de sus datos personales."),
        )
    if not may_participate(user, session) and not is_session_moderator(user, session):
        raise Refused("not_invited", _("Esta sesión es solo para las organizaciones invitadas."))
    check_live(session)
    if Mute.objects.filter(session=session, user=user).exists():
        raise Refused("muted", _("La moderación silenció su participación en esta sesión."))


def check_live(session: DebateSession) -> None:
    if session.status == SessionStatus.LIVE:
        return
    if session.status == SessionStatus.PAUSED:
        raise Refused("not_live", _("La sesión está en pausa. Espere a que la moderación la reanude."), 409)
    if session.status == SessionStatus.CLOSED:
        raise Refused("not_live", _("La sesión ya terminó."), 409)
    raise Refused("not_live", _("La sesión aún no ha comenzado."), 409)


def _locked(session: DebateSession) -> DebateSession:
    """The session's current row, locked until commit: decisions depend on its status."""
    return DebateSession.objects.select_for_update().get(pk=session.pk)


def _person(user: User) -> dict:
    return {"id": user.pk, "name": user.public_name}


# ------------------------------------------------------------------------------------ lifecycle


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
    _notify_followers(
        session, _("Se programó la sesión de debate «%(title)s» sobre el reto «%(challenge)s».")
    )


def _notify_followers(session: DebateSession, template: str) -> None:
    if not session.challenge_id or not template:
        return
    from challenges.models import Follow

    followers = User.objects.filter(
        pk__in=Follow.objects.filter(challenge_id=session.challenge_id).values("user_id")
    )
    notify_many(
        recipients=followers,
        kind=NOTIFICATION_KIND,
        message=template % {"title": session.title, "challenge": session.challenge.title},
        url=session.get_absolute_url(),
    )


@transaction.atomic
def session_open(*, session: DebateSession, by: User) -> DebateSession:
    check_moderator(by, session)
    current = _locked(session)
    if current.status == SessionStatus.LIVE:
        raise Refused("already_live", _("La sesión ya está en vivo."), 409)
    if current.status == SessionStatus.CLOSED:
        raise Refused("closed", _("La sesión ya se cerró; no se puede abrir de nuevo."), 409)
    first_time = current.status == SessionStatus.SCHEDULED
    current.status = SessionStatus.LIVE
    current.save(update_fields=["status"])
    events.record(current.pk, "session.opened", {"status": current.status}, actor=by, by_moderator=True)
    if first_time:
        _notify_followers(current, _("La sesión de debate «%(title)s» está en vivo. Reto: «%(challenge)s»."))
    session.status = current.status
    return current


@transaction.atomic
def session_pause(*, session: DebateSession, by: User) -> DebateSession:
    check_moderator(by, session)
    current = _locked(session)
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
    current = _locked(session)
    if current.status == SessionStatus.CLOSED:
        raise Refused("closed", _("La sesión ya se cerró."), 409)
    now = timezone.now()
    turn = FloorTurn.objects.filter(session=current, ended_at__isnull=True).first()
    if turn:
        turn.ended_at = now
        turn.save(update_fields=["ended_at"])
        events.record(current.pk, "floor.ended", {"user": _person(turn.user)}, actor=by, by_moderator=True)
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
    current = _locked(session)
    if current.status == SessionStatus.CLOSED:
        raise Refused("closed", _("La sesión ya se cerró."), 409)
    current.announcement = text
    current.save(update_fields=["announcement"])
    events.record(current.pk, "announcement.pinned", {"text": text}, actor=by, by_moderator=True)
    return current


# ------------------------------------------------------------------------------------- messages


def message_payload(message: Message) -> dict:
    return {
        "id": message.pk,
        "kind": message.kind,
        "author": _person(message.author),
        "body_html": message.body_html,
        "status": message.status,
        "upvotes": message.upvote_count,
        "created_at": message.created_at,
    }


@transaction.atomic
def message_post(
    *, session: DebateSession, user: User, body: str, kind: str = MessageKind.INTERVENTION
) -> Message:
    current = _locked(session)
    check_can_participate(user, current)
    body = (body or "").strip()
    if kind not in MessageKind.values:
        raise Refused("invalid", _("El tipo de mensaje debe ser «question» o «intervention»."), 400)
    if not body:
        raise Refused("invalid", _("Escriba su mensaje."), 400)
    if len(body) > MESSAGE_MAX_LENGTH:
        raise Refused(
            "too_long", _("El mensaje admite hasta %(max)d caracteres.") % {"max": MESSAGE_MAX_LENGTH}, 400
        )
    is_moderator = is_session_moderator(user, current)
    since = timezone.now() - MESSAGE_RATE_WINDOW
    if (
        not is_moderator
        and Message.objects.filter(session=current, author=user, created_at__gte=since).count()
        >= MESSAGE_RATE
    ):
        raise Refused(
            "rate_limited",
            _("Envió muchos mensajes seguidos. Espere un minuto antes de escribir de nuevo."),
            429,
        )
    moderated = current.moderated and not is_moderator
    message = Message.objects.create(
        session=current,
        author=user,
        kind=kind,
        body=body,
        body_html=render_markdown(body),
        status=MessageStatus.PENDING if moderated else MessageStatus.APPROVED,
    )
    if moderated:
        # Viewers learn only that something waits; moderators fetch it (see the consumer).
        events.record(current.pk, "message.submitted", {"ref": message.pk}, actor=user)
    else:
        events.record(current.pk, "message.posted", {"message": message_payload(message)}, actor=user)
    return message


def _room_message(session: DebateSession, message_id) -> Message:
    try:
        return Message.objects.select_related("author").get(pk=int(message_id), session=session)
    except (Message.DoesNotExist, TypeError, ValueError):
        raise Refused("not_found", _("Ese mensaje no existe en esta sesión."), 404) from None


@transaction.atomic
def message_upvote(*, session: DebateSession, user: User, message_id) -> Message:
    current = _locked(session)
    check_can_participate(user, current)
    message = _room_message(current, message_id)
    if message.status != MessageStatus.APPROVED:
        raise Refused("not_found", _("Ese mensaje no existe en esta sesión."), 404)
    if message.author_id == user.pk:
        raise Refused("own_message", _("No puede apoyar su propio mensaje."), 409)
    try:
        with transaction.atomic():
            Upvote.objects.create(message=message, user=user)
    except IntegrityError:
        raise Refused("already_upvoted", _("Usted ya apoyó este mensaje."), 409) from None
    Message.objects.filter(pk=message.pk).update(upvote_count=F("upvote_count") + 1)
    message.refresh_from_db(fields=["upvote_count"])
    events.record(
        current.pk, "message.upvoted", {"message_id": message.pk, "upvotes": message.upvote_count}, actor=user
    )
    return message


@transaction.atomic
def message_approve(*, session: DebateSession, by: User, message_id) -> Message:
    check_moderator(by, session)
    current = _locked(session)
    message = _room_message(current, message_id)
    if message.status == MessageStatus.APPROVED:
        raise Refused("already_approved", _("Ese mensaje ya está publicado."), 409)
    message.status = MessageStatus.APPROVED
    message.save(update_fields=["status"])
    events.record(
        current.pk, "message.approved", {"message": message_payload(message)}, actor=by, by_moderator=True
    )
    return message


@transaction.atomic
def message_hide(*, session: DebateSession, by: User, message_id) -> Message:
    check_moderator(by, session)
    current = _locked(session)
    message = _room_message(current, message_id)
    if message.status == MessageStatus.HIDDEN:
        raise Refused("already_hidden", _("Ese mensaje ya está oculto."), 409)
    message.status = MessageStatus.HIDDEN
    message.save(update_fields=["status"])
    events.record(current.pk, "message.hidden", {"message_id": message.pk}, actor=by, by_moderator=True)
    return message


# --------------------------------------------------------------------------- queue and floor


def queue_payload(session: DebateSession) -> list[dict]:
    return [
        {"user": _person(request.user), "position": request.position}
        for request in FloorRequest.objects.filter(session=session, status=FloorRequestStatus.WAITING)
        .select_related("user")
        .order_by("position", "pk")
    ]


@transaction.atomic
def hand_raise(*, session: DebateSession, user: User) -> FloorRequest:
    current = _locked(session)
    check_can_participate(user, current)
    if FloorTurn.objects.filter(session=current, user=user, ended_at__isnull=True).exists():
        raise Refused("has_floor", _("Usted tiene la palabra en este momento."), 409)
    if FloorRequest.objects.filter(session=current, user=user, status=FloorRequestStatus.WAITING).exists():
        raise Refused("already_raised", _("Usted ya pidió la palabra."), 409)
    last = FloorRequest.objects.filter(session=current).aggregate(last=Max("position"))["last"] or 0
    request = FloorRequest.objects.create(session=current, user=user, position=last + 1)
    events.record(
        current.pk, "hand.raised", {"user": _person(user), "queue": queue_payload(current)}, actor=user
    )
    return request


@transaction.atomic
def hand_lower(*, session: DebateSession, user: User) -> None:
    current = _locked(session)
    if not getattr(user, "is_authenticated", False):
        raise Refused("not_authenticated", _("Ingrese con su cuenta para participar."), 401)
    changed = FloorRequest.objects.filter(
        session=current, user=user, status=FloorRequestStatus.WAITING
    ).update(status=FloorRequestStatus.LOWERED)
    if not changed:
        raise Refused("not_raised", _("Usted no había pedido la palabra."), 409)
    events.record(
        current.pk, "hand.lowered", {"user": _person(user), "queue": queue_payload(current)}, actor=user
    )


def _turn_payload(turn: FloorTurn) -> dict:
    return {"user": _person(turn.user), "started_at": turn.started_at, "ends_at": turn.ends_at}


def _end_open_turn(session: DebateSession, by: User, now) -> FloorTurn | None:
    turn = FloorTurn.objects.select_related("user").filter(session=session, ended_at__isnull=True).first()
    if turn:
        turn.ended_at = min(now, turn.ends_at) if turn.ends_at < now else now
        turn.save(update_fields=["ended_at"])
        events.record(session.pk, "floor.ended", {"user": _person(turn.user)}, actor=by, by_moderator=True)
    return turn


@transaction.atomic
def floor_give(*, session: DebateSession, by: User, user_id=None) -> FloorTurn:
    check_moderator(by, session)
    current = _locked(session)
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
    current = _locked(session)
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
    current = _locked(session)
    turn = _end_open_turn(current, by, timezone.now())
    if turn is None:
        raise Refused("no_floor", _("Nadie tiene la palabra."), 409)
    return turn


@transaction.atomic
def queue_reorder(*, session: DebateSession, by: User, order) -> list[dict]:
    check_moderator(by, session)
    current = _locked(session)
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
    current = _locked(session)
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
        {"user": _person(request.user), "queue": queue_payload(current)},
        actor=by,
        by_moderator=True,
    )


@transaction.atomic
def participant_mute(*, session: DebateSession, by: User, user_id) -> Mute:
    check_moderator(by, session)
    current = _locked(session)
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
        {"user": _person(person), "queue": queue_payload(current)},
        actor=by,
        by_moderator=True,
    )
    if FloorTurn.objects.filter(session=current, user=person, ended_at__isnull=True).exists():
        _end_open_turn(current, by, timezone.now())
    return mute


# ---------------------------------------------------------------------------------------- polls


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
    current = _locked(session)
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
    current = _locked(session)
    poll = _room_poll(current, poll_id)
    if poll.status == PollStatus.CLOSED:
        raise Refused("poll_closed", _("La encuesta ya está cerrada."), 409)
    poll.status, poll.closed_at = PollStatus.CLOSED, timezone.now()
    poll.save(update_fields=["status", "closed_at"])
    events.record(current.pk, "poll.closed", {"poll": poll_payload(poll)}, actor=by, by_moderator=True)
    return poll


@transaction.atomic
def poll_vote(*, session: DebateSession, user: User, poll_id, option_id) -> Poll:
    current = _locked(session)
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


# ---------------------------------------------------------------------------------- attendance


def attendance_start(*, session: DebateSession, user) -> Attendance | None:
    if not getattr(user, "is_authenticated", False):
        return None
    return Attendance.objects.create(session=session, user=user)


def attendance_end(*, attendance_id: int | None) -> None:
    if attendance_id:
        Attendance.objects.filter(pk=attendance_id, disconnected_at__isnull=True).update(
            disconnected_at=timezone.now()
        )


# ------------------------------------------------------------------------------------- minutes


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
    minutes.body = body
    minutes.status = MinutesStatus.PUBLISHED
    minutes.published_at = timezone.now()
    minutes.published_by = by
    minutes.save()
    return minutes
