"""Frames an attacker would send to a live room: JSON nested thousands deep, frames over the
size cap, and a flood of messages or raised hands from one person over several connections.
Each gets an error frame on that connection, which stays open."""

import json

import pytest

from sessions.models import Message
from tests.debates.test_consumers import connect, expect_error, receive, receive_type, send

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.mark.parametrize("text", ["[" * 4000 + "]" * 4000, '{"a":' * 1600 + "1" + "}" * 1600, "{" * 4000])
async def test_a_deeply_nested_frame_gets_an_error_and_the_room_stays_open(live_session, citizen, text):
    communicator, _ = await connect(live_session, citizen)
    await communicator.send_to(text_data=text)
    await expect_error(communicator, "invalid_frame")
    await send(communicator, type="ping", ref="sigue")
    assert (await receive(communicator)) == {"type": "pong", "ref": "sigue"}
    await communicator.disconnect()


async def test_a_frame_over_the_size_cap_gets_an_error(live_session, citizen):
    communicator, _ = await connect(live_session, citizen)
    await send(communicator, type="message.post", body="x" * 20_000)
    frame = await expect_error(communicator, "invalid_frame")
    assert "8 KB" in frame["detail"]
    await send(communicator, type="ping", ref=1)
    assert (await receive(communicator))["type"] == "pong"
    await communicator.disconnect()


async def test_messages_and_raised_hands_are_limited_per_person_across_connections(
    live_session, citizen, settings
):
    settings.RATE_LIMITS = {"message": (2, 86400), "floor": (1, 86400)}  # no window turns over mid-test
    first, _ = await connect(live_session, citizen)
    second, _ = await connect(live_session, citizen)
    await send(first, type="message.post", body="Primera pregunta", kind="question")
    await receive_type(first, "message.posted")
    await send(second, type="message.post", body="Segunda pregunta", kind="question")
    await receive_type(second, "message.posted")
    await send(second, type="message.post", body="Tercera pregunta", kind="question")
    frame = await expect_error(second, "rate_limited")
    assert "demasiadas solicitudes" in frame["detail"]
    await send(first, type="hand.raise")
    await receive_type(first, "hand.raised")
    await send(first, type="hand.lower")
    await receive_type(first, "hand.lowered")
    await send(second, type="hand.raise")
    await expect_error(second, "rate_limited")
    bodies = [m async for m in Message.objects.filter(session=live_session).values_list("body", flat=True)]
    assert sorted(bodies) == ["Primera pregunta", "Segunda pregunta"]
    await send(second, type="ping", ref=json.dumps("ok"))
    assert (await receive_type(second, "pong"))["ref"] == '"ok"'
    await first.disconnect()
    await second.disconnect()
