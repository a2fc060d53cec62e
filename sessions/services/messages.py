"""Messages in a room: posting (rate limited), upvotes, moderation."""

from __future__ import annotations

import datetime

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import NotificationKind, User
from core.markdown import render_markdown
from core.refusals import Refused
from sessions import events
from sessions.models import (
    DebateSession,
    Message,
    MessageKind,
    MessageStatus,
    Upvote,
)
from sessions.services.access import (
    check_can_participate,
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


def message_payload(message: Message) -> dict:
    return {
        "id": message.pk,
        "kind": message.kind,
        "author": person_payload(message.author),
        "body_html": message.body_html,
        "status": message.status,
        "upvotes": message.upvote_count,
        "created_at": message.created_at,
    }


@transaction.atomic
def message_post(
    *, session: DebateSession, user: User, body: str, kind: str = MessageKind.INTERVENTION
) -> Message:
    current = lock_session(session)
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
    current = lock_session(session)
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
    current = lock_session(session)
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
    current = lock_session(session)
    message = _room_message(current, message_id)
    if message.status == MessageStatus.HIDDEN:
        raise Refused("already_hidden", _("Ese mensaje ya está oculto."), 409)
    message.status = MessageStatus.HIDDEN
    message.save(update_fields=["status"])
    events.record(current.pk, "message.hidden", {"message_id": message.pk}, actor=by, by_moderator=True)
    return message
