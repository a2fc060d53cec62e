"""The live room over WebSocket, through the real ASGI application: every frame, every role."""

import json

import pytest
from channels.db import database_sync_to_async

from sessions.models import (
    FloorRequest,
    FloorTurn,
    Message,
    MessageStatus,
    Mute,
    Poll,
    PollVote,
    SessionEvent,
    SessionStatus,
)
from tests.accounts.factories import UserFactory
from tests.debates.conftest import open_room, session_cookie
from tests.debates.factories import make_session

# serialized_rollback: the flush after each test then leaves the database empty for the next
# serialized test (it would otherwise re-create the role groups, which the next one restores).
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

TIMEOUT = 5


async def receive(communicator) -> dict:
    return json.loads(await communicator.receive_from(timeout=TIMEOUT))


async def receive_type(communicator, wanted: str) -> dict:
    """The next frame of type `wanted`, skipping the events in between."""
    for _ in range(20):
        frame = await receive(communicator)
        if frame["type"] == wanted:
            return frame
    raise AssertionError(f"no {wanted}")


async def connect(session, user=None):
    cookie = await database_sync_to_async(session_cookie)(user) if user else None
    communicator, connected = await open_room(session.pk, cookie)
    assert connected
    snapshot = await receive(communicator)
    assert snapshot["type"] == "snapshot"
    return communicator, snapshot


async def send(communicator, **frame) -> None:
    await communicator.send_to(text_data=json.dumps(frame))


async def expect_error(communicator, code: str) -> dict:
    """The next error on this connection; events of the room broadcast before it are skipped."""
    frame = await receive(communicator)
    while "seq" in frame and frame["type"] != "snapshot":
        frame = await receive(communicator)
    assert frame["type"] == "error", frame
    assert frame["code"] == code, frame
    assert frame["detail"]
    return frame


# ------------------------------------------------------------------------------ connect, roles


async def test_roles_in_the_snapshot(live_session, citizen, moderator, session_moderator, unverified_user):
    superuser = await database_sync_to_async(UserFactory)(is_superuser=True, is_staff=True)
    for user, role in [
        (None, "viewer"),
        (unverified_user, "viewer"),
        (citizen, "participant"),
        (moderator, "moderator"),
        (session_moderator, "moderator"),
        (superuser, "moderator"),
    ]:
        communicator, snapshot = await connect(live_session, user)
        assert snapshot["role"] == role, user
        assert snapshot["session"]["status"] == "live"
        assert snapshot["seq"] == 0
        await communicator.disconnect()


async def test_foreign_origin_is_refused(live_session):
    communicator, connected = await open_room(
        live_session.pk, origin=(b"origin", b"https://sitio-ajeno.example")
    )
    assert not connected


async def test_unknown_session_is_refused(db):
    communicator, connected = await open_room(999_999)
    assert not connected


async def test_private_session_is_closed_to_anonymous_viewers(organization, org_admin, citizen):
    session = await database_sync_to_async(make_session)(public=False, access="invited")
    await database_sync_to_async(session.invited_organizations.add)(organization)
    communicator, connected = await open_room(session.pk)
    assert not connected
    cookie = await database_sync_to_async(session_cookie)(citizen)
    communicator, connected = await open_room(session.pk, cookie)
    assert not connected
    communicator, snapshot = await connect(session, org_admin)
    assert snapshot["role"] == "participant"
    await communicator.disconnect()


# --------------------------------------------------------------------------- participant frames


async def test_message_post_is_broadcast_to_every_viewer(live_session, citizen):
    viewer, _ = await connect(live_session)
    speaker, _ = await connect(live_session, citizen)
    await send(speaker, type="message.post", body="¿Cuándo se publican los **contratos**?", kind="question")
    for communicator in (viewer, speaker):
        event = await receive(communicator)
        assert event["type"] == "message.posted"
        assert event["seq"] == 1
        assert event["message"]["kind"] == "question"
        assert "<strong>contratos</strong>" in event["message"]["body_html"]
        assert event["message"]["author"]["name"] == "Diana Pabón"
    await viewer.disconnect()
    await speaker.disconnect()


async def test_bad_frames_get_errors_and_the_connection_stays_open(live_session, citizen):
    communicator, _ = await connect(live_session, citizen)
    await communicator.send_to(text_data="esto no es JSON")
    await expect_error(communicator, "invalid_frame")
    await send(communicator, type="no.existe")
    await expect_error(communicator, "unknown_type")
    await send(communicator, type="message.post")
    await expect_error(communicator, "invalid_frame")
    await send(communicator, type="message.post", body="  ")
    await expect_error(communicator, "invalid")
    await send(communicator, type="message.post", body="x" * 1001)
    await expect_error(communicator, "too_long")
    await send(communicator, type="message.post", body="hola", kind="grito")
    await expect_error(communicator, "invalid")
    await send(communicator, type="message.upvote", message="1")
    await expect_error(communicator, "invalid_frame")
    await send(communicator, type="snapshot.request")
    assert (await receive(communicator))["type"] == "snapshot"
    assert await database_sync_to_async(Message.objects.count)() == 0
    await communicator.disconnect()


async def test_viewers_and_unverified_accounts_cannot_participate(live_session, unverified_user):
    anonymous, _ = await connect(live_session)
    for frame in ({"type": "message.post", "body": "hola"}, {"type": "hand.raise"}):
        await send(anonymous, **frame)
        await expect_error(anonymous, "not_authenticated")
    unverified, _ = await connect(live_session, unverified_user)
    await send(unverified, type="hand.raise")
    await expect_error(unverified, "not_verified")
    assert await database_sync_to_async(FloorRequest.objects.count)() == 0
    await anonymous.disconnect()
    await unverified.disconnect()


async def test_upvote_once_and_not_ones_own(live_session, citizen, other_citizen):
    author, _ = await connect(live_session, citizen)
    voter, _ = await connect(live_session, other_citizen)
    await send(author, type="message.post", body="¿Habrá datos por comuna?", kind="question")
    message_id = (await receive(voter))["message"]["id"]
    await receive(author)
    await send(voter, type="message.upvote", message=message_id)
    event = await receive(author)
    assert event == {**event, "type": "message.upvoted", "message_id": message_id, "upvotes": 1}
    await receive(voter)
    await send(voter, type="message.upvote", message=message_id)
    await expect_error(voter, "already_upvoted")
    await send(author, type="message.upvote", message=message_id)
    await expect_error(author, "own_message")
    message = await database_sync_to_async(Message.objects.get)(pk=message_id)
    assert message.upvote_count == 1
    await author.disconnect()
    await voter.disconnect()


async def test_hands_and_the_floor(live_session, citizen, other_citizen, session_moderator):
    first, _ = await connect(live_session, citizen)
    second, _ = await connect(live_session, other_citizen)
    chair, _ = await connect(live_session, session_moderator)
    await send(first, type="hand.raise")
    raised = await receive(chair)
    assert raised["type"] == "hand.raised" and [q["user"]["id"] for q in raised["queue"]] == [citizen.pk]
    await send(first, type="hand.raise")
    await expect_error(first, "already_raised")
    await send(second, type="hand.raise")
    assert [q["user"]["id"] for q in (await receive(chair))["queue"]] == [citizen.pk, other_citizen.pk]
    await send(second, type="hand.lower")
    assert (await receive(chair))["type"] == "hand.lowered"
    await send(second, type="hand.lower")
    await expect_error(second, "not_raised")
    # A participant cannot give the floor.
    await send(first, type="floor.give")
    await expect_error(first, "not_moderator")
    # No target: the head of the queue.
    await send(chair, type="floor.give")
    given = await receive(chair)
    assert given["type"] == "floor.given"
    assert given["floor"]["user"]["id"] == citizen.pk
    assert given["queue"] == []
    await send(chair, type="floor.extend", seconds=30)
    extended = await receive(chair)
    assert extended["type"] == "floor.extended" and extended["floor"]["ends_at"] > given["floor"]["ends_at"]
    await send(chair, type="floor.extend", seconds=0)
    await expect_error(chair, "invalid")
    await send(chair, type="floor.end")
    assert (await receive(chair))["type"] == "floor.ended"
    await send(chair, type="floor.end")
    await expect_error(chair, "no_floor")
    await send(chair, type="floor.give")
    await expect_error(chair, "queue_empty")
    turn = await database_sync_to_async(FloorTurn.objects.get)()
    assert turn.ended_at is not None
    for communicator in (first, second, chair):
        await communicator.disconnect()


async def _drain(communicator, count: int):
    for _ in range(count):
        await receive(communicator)
    return communicator


async def test_floor_give_to_someone_in_the_queue_and_reorder_and_remove(
    live_session, citizen, other_citizen, moderator
):
    first, _ = await connect(live_session, citizen)
    second, _ = await connect(live_session, other_citizen)
    chair, _ = await connect(live_session, moderator)
    await send(first, type="hand.raise")
    await send(second, type="hand.raise")
    await _drain(chair, 2)
    await send(chair, type="queue.reorder", order=[other_citizen.pk, citizen.pk])
    reordered = await receive(chair)
    assert [q["user"]["id"] for q in reordered["queue"]] == [other_citizen.pk, citizen.pk]
    await send(chair, type="queue.reorder", order=[other_citizen.pk])
    await expect_error(chair, "invalid")
    await send(chair, type="queue.remove", user=other_citizen.pk)
    removed = await receive(chair)
    assert removed["type"] == "queue.removed" and [q["user"]["id"] for q in removed["queue"]] == [citizen.pk]
    await send(chair, type="queue.remove", user=other_citizen.pk)
    await expect_error(chair, "not_in_queue")
    await send(chair, type="floor.give", user=other_citizen.pk)
    await expect_error(chair, "not_in_queue")
    await send(chair, type="floor.give", user=citizen.pk)
    assert (await receive(chair))["floor"]["user"]["id"] == citizen.pk
    for communicator in (first, second, chair):
        await communicator.disconnect()


async def test_mute(live_session, citizen, moderator):
    person, _ = await connect(live_session, citizen)
    chair, _ = await connect(live_session, moderator)
    await send(person, type="hand.raise")
    await receive(chair)
    await send(chair, type="participant.mute", user=citizen.pk)
    muted = await receive(chair)
    assert muted["type"] == "participant.muted" and muted["queue"] == []
    await send(chair, type="participant.mute", user=citizen.pk)
    await expect_error(chair, "already_muted")
    await send(chair, type="participant.mute", user=moderator.pk)
    await expect_error(chair, "is_moderator")
    await _drain(person, 2)
    await send(person, type="message.post", body="¿Me escuchan?")
    await expect_error(person, "muted")
    assert await database_sync_to_async(Mute.objects.filter(user=citizen).count)() == 1
    await person.disconnect()
    await chair.disconnect()


async def test_polls(live_session, citizen, other_citizen, moderator):
    voter, _ = await connect(live_session, citizen)
    chair, _ = await connect(live_session, moderator)
    await send(voter, type="poll.open", question="¿Sí?", options=["Sí", "No"])
    await expect_error(voter, "not_moderator")
    await send(chair, type="poll.open", question="¿Publicar los contratos por comuna?", options=["Sí"])
    await expect_error(chair, "invalid")
    await send(chair, type="poll.open", question="¿Publicar los contratos por comuna?", options=["Sí", "No"])
    opened = await receive(voter)
    await receive(chair)
    poll = opened["poll"]
    assert opened["type"] == "poll.opened" and [o["label"] for o in poll["options"]] == ["Sí", "No"]
    yes = poll["options"][0]["id"]
    await send(voter, type="poll.vote", poll=poll["id"], option=yes)
    voted = await receive(chair)
    assert voted["type"] == "poll.voted" and voted["poll"]["total"] == 1
    assert voted["poll"]["options"][0]["votes"] == 1
    await receive(voter)
    await send(voter, type="poll.vote", poll=poll["id"], option=yes)
    await expect_error(voter, "already_voted")
    await send(voter, type="poll.vote", poll=poll["id"], option=999_999)
    await expect_error(voter, "invalid")
    await send(chair, type="poll.close", poll=poll["id"])
    closed = await receive(voter)
    assert closed["type"] == "poll.closed" and closed["poll"]["status"] == "closed"
    await receive(chair)
    await send(voter, type="poll.vote", poll=poll["id"], option=yes)
    await expect_error(voter, "poll_closed")
    await send(chair, type="poll.close", poll=poll["id"])
    await expect_error(chair, "poll_closed")
    assert await database_sync_to_async(PollVote.objects.count)() == 1
    await voter.disconnect()
    await chair.disconnect()


async def test_moderated_mode_approve_and_hide(citizen, moderator):
    session = await database_sync_to_async(make_session)(moderated=True)
    viewer, _ = await connect(session)
    author, _ = await connect(session, citizen)
    chair, _ = await connect(session, moderator)
    await send(author, type="message.post", body="Una pregunta que espera aprobación")
    public = await receive(viewer)
    assert public["type"] == "message.submitted" and "message" not in public
    for_chair = await receive(chair)
    assert for_chair["message"]["status"] == "pending"
    assert for_chair["message"]["body_html"] == "<p>Una pregunta que espera aprobación</p>"
    message_id = for_chair["message"]["id"]
    await receive(author)
    await send(author, type="message.approve", message=message_id)
    await expect_error(author, "not_moderator")
    await send(chair, type="message.approve", message=message_id)
    approved = await receive(viewer)
    assert approved["type"] == "message.approved" and approved["message"]["status"] == "approved"
    await receive(chair)
    await send(chair, type="message.approve", message=message_id)
    await expect_error(chair, "already_approved")
    await send(chair, type="message.hide", message=message_id)
    hidden = await receive(viewer)
    assert hidden == {**hidden, "type": "message.hidden", "message_id": message_id}
    await receive(chair)
    await send(chair, type="message.hide", message=message_id)
    await expect_error(chair, "already_hidden")
    await send(chair, type="message.hide", message=999_999)
    await expect_error(chair, "not_found")
    message = await database_sync_to_async(Message.objects.get)(pk=message_id)
    assert message.status == MessageStatus.HIDDEN
    for communicator in (viewer, author, chair):
        await communicator.disconnect()


async def test_session_lifecycle_and_announcement(citizen, session_moderator):
    session = await database_sync_to_async(make_session)(
        SessionStatus.SCHEDULED, moderators=[session_moderator]
    )
    person, _ = await connect(session, citizen)
    chair, _ = await connect(session, session_moderator)
    await send(person, type="hand.raise")
    await expect_error(person, "not_live")
    await send(person, type="session.open")
    await expect_error(person, "not_moderator")
    await send(chair, type="session.open")
    assert (await receive(person))["type"] == "session.opened"
    await receive(chair)
    await send(chair, type="session.open")
    await expect_error(chair, "already_live")
    await send(chair, type="announcement.pin", text="Receso de 10 minutos a las 10:30")
    pinned = await receive(person)
    assert pinned["type"] == "announcement.pinned" and pinned["text"] == "Receso de 10 minutos a las 10:30"
    await receive(chair)
    await send(person, type="announcement.pin", text="Hola")
    await expect_error(person, "not_moderator")
    await send(chair, type="session.pause")
    assert (await receive(person))["type"] == "session.paused"
    await receive(chair)
    await send(person, type="message.post", body="¿Seguimos?")
    await expect_error(person, "not_live")
    await send(person, type="session.close")
    await expect_error(person, "not_moderator")
    await send(chair, type="session.close")
    closed = await receive(person)
    assert closed["type"] == "session.closed" and closed["seq"] == 4
    await receive(chair)
    await send(chair, type="session.close")
    await expect_error(chair, "closed")
    await send(chair, type="session.open")
    await expect_error(chair, "closed")
    seqs = await database_sync_to_async(lambda: list(SessionEvent.objects.values_list("seq", flat=True)))()
    assert seqs == [1, 2, 3, 4]
    assert (
        await database_sync_to_async(lambda: session.__class__.objects.get(pk=session.pk).status)()
        == "closed"
    )
    assert await database_sync_to_async(
        lambda: hasattr(session.__class__.objects.get(pk=session.pk), "minutes")
    )()
    await person.disconnect()
    await chair.disconnect()


async def test_flood_is_throttled(live_session, citizen):
    communicator, _ = await connect(live_session, citizen)
    for _ in range(30):
        await send(communicator, type="ping")
    frames = [await receive(communicator) for _ in range(11)]
    assert [f["type"] for f in frames].count("pong") == 10
    assert [f["code"] for f in frames if f["type"] == "error"] == ["throttled"]
    assert await communicator.receive_nothing(timeout=0.3)
    await communicator.disconnect()


async def test_reconnect_recovers_missed_events_through_a_snapshot(
    live_session, citizen, other_citizen, moderator
):
    chair, _ = await connect(live_session, moderator)
    person, _ = await connect(live_session, citizen)
    await send(person, type="message.post", body="Primera intervención")
    first = await receive(person)
    await receive(chair)
    await person.disconnect()
    # While away: a message, a raised hand, the floor, a poll.
    other, _ = await connect(live_session, other_citizen)
    await send(other, type="message.post", body="Mientras usted no estaba")
    await send(other, type="hand.raise")
    await _drain(chair, 2)
    await send(chair, type="floor.give")
    await send(chair, type="poll.open", question="¿Continuamos?", options=["Sí", "No"])
    await _drain(chair, 2)
    person, snapshot = await connect(live_session, citizen)
    assert snapshot["seq"] == 5 and snapshot["seq"] > first["seq"]
    assert [m["body_html"] for m in snapshot["messages"]] == [
        "<p>Primera intervención</p>",
        "<p>Mientras usted no estaba</p>",
    ]
    assert snapshot["floor"]["user"]["id"] == other_citizen.pk
    assert [p["question"] for p in snapshot["polls"]] == ["¿Continuamos?"]
    # The next event follows on from the snapshot's seq without a gap.
    await send(chair, type="floor.end")
    assert (await receive(person))["seq"] == snapshot["seq"] + 1
    for communicator in (chair, person, other):
        await communicator.disconnect()
    assert await database_sync_to_async(Poll.objects.count)() == 1


async def test_a_moderator_may_post_a_stream_of_messages(live_session, session_moderator):
    """What the load benchmark does: a moderator posts 5 messages a second for a while."""
    chair, _ = await connect(live_session, session_moderator)
    for n in range(30):
        await send(chair, type="message.post", body=f"Respuesta {n}")
    frames = [await receive(chair) for _ in range(30)]
    seqs = [frame.get("seq", frame) for frame in frames]
    assert seqs == list(range(1, 31))
    await chair.disconnect()


async def test_a_moderator_removed_while_connected_is_refused_from_the_next_frame(live_session, moderator):
    chair, snapshot = await connect(live_session, moderator)
    assert snapshot["role"] == "moderator"
    await send(chair, type="announcement.pin", text="Primera ronda")
    assert (await receive(chair))["type"] == "announcement.pinned"

    def leave_the_group():
        moderator.groups.clear()

    await database_sync_to_async(leave_the_group)()
    await send(chair, type="announcement.pin", text="Ya no debería poder")
    await expect_error(chair, "not_moderator")
    await chair.disconnect()
