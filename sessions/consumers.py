"""The live room's WebSocket consumer: authenticate, send a snapshot, turn each client frame
into one service call, and forward the events of the room as the text they were sent in."""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from typing import Any

from channels.db import database_sync_to_async
from channels.generic.websocket import AsyncWebsocketConsumer
from django.core.serializers.json import DjangoJSONEncoder
from django.utils.translation import gettext as _

from core import ratelimit
from sessions import events, selectors, services
from sessions.models import Message, MessageStatus

# Per connection: a bucket of BURST frames, refilled at RATE frames per second. Moderators run
# the session and get a larger one (a quick series of decisions, answers in a stream).
THROTTLE_BURST = 10
THROTTLE_RATE = 2.0
MODERATOR_THROTTLE_BURST = 40
MODERATOR_THROTTLE_RATE = 20.0
MAX_FRAME_BYTES = 8192
# Per person, whatever the number of connections: core.ratelimit's scopes.
PER_PERSON_LIMITS = {"message.post": "message", "hand.raise": "floor"}


def _dumps(data: dict[str, Any]) -> str:
    return json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, separators=(",", ":"))


class Invalid(Exception):
    pass


def _field(frame: dict, name: str, kind: type | tuple, *, required: bool = True):
    value = frame.get(name)
    if value is None and not required:
        return None
    if isinstance(value, bool) or not isinstance(value, kind):
        raise Invalid(name)
    return value


# type → (moderator only, fields to service arguments, service)
def _participant(service: Callable, **fields) -> tuple[bool, Callable, dict]:
    return False, service, fields


def _moderator(service: Callable, **fields) -> tuple[bool, Callable, dict]:
    return True, service, fields


FRAMES: dict[str, tuple[bool, Callable, dict]] = {
    "message.post": _participant(services.message_post, body=("body", str, True), kind=("kind", str, False)),
    "message.upvote": _participant(services.message_upvote, message_id=("message", int, True)),
    "hand.raise": _participant(services.hand_raise),
    "hand.lower": _participant(services.hand_lower),
    "poll.vote": _participant(
        services.poll_vote, poll_id=("poll", int, True), option_id=("option", int, True)
    ),
    "session.open": _moderator(services.session_open),
    "session.pause": _moderator(services.session_pause),
    "session.close": _moderator(services.session_close),
    "message.approve": _moderator(services.message_approve, message_id=("message", int, True)),
    "message.hide": _moderator(services.message_hide, message_id=("message", int, True)),
    "floor.give": _moderator(services.floor_give, user_id=("user", int, False)),
    "floor.extend": _moderator(services.floor_extend, seconds=("seconds", int, False)),
    "floor.end": _moderator(services.floor_end),
    "queue.reorder": _moderator(services.queue_reorder, order=("order", list, True)),
    "queue.remove": _moderator(services.queue_remove, user_id=("user", int, True)),
    "participant.mute": _moderator(services.participant_mute, user_id=("user", int, True)),
    "poll.open": _moderator(
        services.poll_open, question=("question", str, True), options=("options", list, True)
    ),
    "poll.close": _moderator(services.poll_close, poll_id=("poll", int, True)),
    "announcement.pin": _moderator(services.announcement_pin, text=("text", str, True)),
}


class RoomConsumer(AsyncWebsocketConsumer):
    session = None
    role = "viewer"
    attendance_id: int | None = None

    async def connect(self) -> None:
        self.user = self.scope.get("user")
        session_id = self.scope["url_route"]["kwargs"]["session_id"]
        self.session = await database_sync_to_async(selectors.session_for_room)(session_id)
        if self.session is None or not await database_sync_to_async(self._may_view)():
            await self.close(code=4403)
            return
        self.group = events.group_name(self.session.pk)
        self.tokens = float(THROTTLE_BURST)
        self.refilled_at = time.monotonic()
        self.throttle_warned = False
        await self.channel_layer.group_add(self.group, self.channel_name)
        await self.accept()
        attendance = await database_sync_to_async(services.attendance_start)(
            session=self.session, user=self.user
        )
        self.attendance_id = attendance.pk if attendance else None
        await self.send_snapshot()
        self.tokens = float(MODERATOR_THROTTLE_BURST if self.role == "moderator" else THROTTLE_BURST)

    def _may_view(self) -> bool:
        try:
            services.check_can_view(self.user, self.session)
        except services.Refused:
            return False
        return True

    async def disconnect(self, code: int) -> None:
        if self.session is None:
            return
        await self.channel_layer.group_discard(events.group_name(self.session.pk), self.channel_name)
        if self.attendance_id:
            await database_sync_to_async(services.attendance_end)(attendance_id=self.attendance_id)

    async def send_snapshot(self) -> None:
        snapshot = await database_sync_to_async(self._snapshot)()
        self.role = snapshot["role"]
        await self.send(text_data=_dumps(snapshot))

    def _snapshot(self) -> dict:
        self.session.refresh_from_db()
        # The role is decided again for each snapshot: a fresh look at groups and membership.
        if getattr(self.user, "is_authenticated", False):
            self.user.__dict__.pop("_debate_moderator", None)
            self.user.__dict__.pop("_lab_is_verified", None)
        return selectors.room_snapshot(self.session, self.user)

    async def error(self, code: str, detail: str, ref: Any = None) -> None:
        frame = {"type": "error", "code": code, "detail": detail}
        if ref is not None:
            frame["ref"] = ref
        await self.send(text_data=_dumps(frame))

    def _take_token(self) -> bool:
        now = time.monotonic()
        burst, rate = (
            (MODERATOR_THROTTLE_BURST, MODERATOR_THROTTLE_RATE)
            if self.role == "moderator"
            else (THROTTLE_BURST, THROTTLE_RATE)
        )
        self.tokens = min(burst, self.tokens + (now - self.refilled_at) * rate)
        self.refilled_at = now
        if self.tokens < 1:
            return False
        self.tokens -= 1
        self.throttle_warned = False
        return True

    async def receive(self, text_data: str | None = None, bytes_data: bytes | None = None) -> None:
        if not self._take_token():
            # One warning per burst of dropped frames: a flood gets no flood of answers.
            if not self.throttle_warned:
                self.throttle_warned = True
                await self.error("throttled", _("Envía demasiados mensajes seguidos. Espere unos segundos."))
            return
        if text_data is None or len(text_data) > MAX_FRAME_BYTES:
            await self.error(
                "invalid_frame", _("Cada mensaje debe ser un objeto JSON de texto de hasta 8 KB.")
            )
            return
        try:
            frame = json.loads(text_data)
        except (ValueError, RecursionError):
            # RecursionError: arrays or objects nested thousands deep fit in a frame.
            frame = None
        if not isinstance(frame, dict) or not isinstance(frame.get("type"), str):
            await self.error("invalid_frame", _("Cada mensaje debe ser un objeto JSON con un campo «type»."))
            return
        kind = frame["type"]
        ref = frame.get("ref") if isinstance(frame.get("ref"), (str, int)) else None
        if kind == "snapshot.request":
            await self.send_snapshot()
            return
        if kind == "ping":
            await self.send(text_data=_dumps({"type": "pong", "ref": ref}))
            return
        if kind not in FRAMES:
            await self.error(
                "unknown_type", _("Tipo de mensaje desconocido: «%(type)s».") % {"type": kind[:40]}, ref
            )
            return
        moderator_only, service, fields = FRAMES[kind]
        try:
            arguments = {
                argument: _field(frame, name, kind_, required=required)
                for argument, (name, kind_, required) in fields.items()
            }
        except Invalid as invalid:
            await self.error(
                "invalid_frame",
                _("Falta el campo «%(field)s» o su valor no es válido.") % {"field": invalid},
                ref,
            )
            return
        arguments = {name: value for name, value in arguments.items() if value is not None}
        if moderator_only:
            arguments["by"] = self.user
        else:
            arguments["user"] = self.user
        try:
            await database_sync_to_async(self._call)(service, moderator_only, arguments, kind)
        except services.Refused as refusal:
            await self.error(refusal.code, str(refusal.message), ref)
        except ratelimit.RateLimited as limited:
            await self.error("rate_limited", limited.message, ref)

    def _call(self, service: Callable, moderator_only: bool, arguments: dict, kind: str = "") -> None:
        if getattr(self.user, "is_authenticated", False):
            # A connection lives for hours: each frame is judged by who the person is now (a
            # moderator removed from the session, an account deactivated, a group changed).
            self.user.refresh_from_db(fields=["is_active", "is_superuser"])
            self.user.__dict__.pop("_debate_moderator", None)
            self.user.__dict__.pop("_lab_is_verified", None)
            for cache_name in ("_perm_cache", "_group_perm_cache", "_user_perm_cache"):
                self.user.__dict__.pop(cache_name, None)
        if moderator_only:
            services.check_moderator(self.user, self.session)
        elif kind in PER_PERSON_LIMITS and self.role != "moderator" and self.user.is_authenticated:
            # Across every connection (and server process) of the same person, not just this one.
            ratelimit.hit(PER_PERSON_LIMITS[kind], ratelimit.who(user=self.user))
        service(session=self.session, **arguments)

    async def room_event(self, message: dict) -> None:
        if message.get("event") == "message.submitted" and self.role == "moderator":
            # The only event with per-connection work, and only for moderators: the text
            # that waits for approval is not broadcast to the room.
            full = await database_sync_to_async(self._pending_message)(message.get("ref"), message["text"])
            await self.send(text_data=full)
            return
        await self.send(text_data=message["text"])

    def _pending_message(self, message_id: int, text: str) -> str:
        data = json.loads(text)
        found = (
            Message.objects.select_related("author")
            .filter(pk=message_id, status=MessageStatus.PENDING)
            .first()
        )
        if found is not None:
            data["message"] = services.message_payload(found)
        return _dumps(data)
