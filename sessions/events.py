"""The only module that touches the channel layer: record an event with its sequence number,
then broadcast it once committed.

An event is serialised ONCE to a JSON text here; consumers forward that text to their
sockets as is, without parsing it again and without database work per connection.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from core import page_cache
from sessions.cache import session_namespace

# Event types that moderators cause: the minutes list them as moderation actions.
MODERATION_TYPES = frozenset(
    {
        "session.opened",
        "session.paused",
        "session.closed",
        "message.approved",
        "message.hidden",
        "floor.given",
        "floor.extended",
        "floor.ended",
        "queue.reordered",
        "queue.removed",
        "participant.muted",
        "poll.opened",
        "poll.closed",
        "announcement.pinned",
    }
)


def group_name(session_id: int) -> str:
    return f"debate.{session_id}"


@dataclass(frozen=True)
class Event:
    type: str
    session_id: int
    seq: int
    payload: dict[str, Any] = field(default_factory=dict)
    at: str = ""

    def to_json(self) -> str:
        return json.dumps(
            {"type": self.type, "seq": self.seq, "at": self.at, **self.payload},
            cls=DjangoJSONEncoder,
            ensure_ascii=False,
            separators=(",", ":"),
        )

    def layer_message(self) -> dict[str, Any]:
        # `event` and `ref` let a consumer react to a type (a moderator fetching a message that
        # waits for approval) without parsing the text.
        return {
            "type": "room.event",
            "text": self.to_json(),
            "event": self.type,
            "ref": self.payload.get("ref"),
        }


def record(
    session_id: int, type_: str, payload: dict[str, Any], *, actor=None, by_moderator: bool = False
) -> Event:
    """Give the event the session's next `seq` and append it to the log, in the caller's
    transaction; broadcast it after commit. The row lock keeps the sequence gap-free and ordered."""
    from sessions.models import DebateSession, SessionEvent

    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("events.record runs inside the service's transaction")
    DebateSession.objects.filter(pk=session_id).update(seq=F("seq") + 1)
    seq = DebateSession.objects.filter(pk=session_id).values_list("seq", flat=True).get()
    now = timezone.now()
    SessionEvent.objects.create(
        session_id=session_id,
        seq=seq,
        type=type_,
        actor=actor,
        by_moderator=by_moderator,
        payload=payload,
    )
    event = Event(type=type_, session_id=session_id, seq=seq, payload=payload, at=now.isoformat())
    publish_on_commit(event)
    page_cache.bump(session_namespace(session_id))  # the room's page shows the state it leads to
    return event


def publish_on_commit(event: Event) -> None:
    message = event.layer_message()
    transaction.on_commit(lambda: publish_now(event.session_id, message))


def publish_now(session_id: int, message: dict[str, Any]) -> None:
    layer = get_channel_layer()
    if layer is None:
        return
    async_to_sync(layer.group_send)(group_name(session_id), message)
