"""Scale-out on the production services: two daphne processes on the Redis channel layer serve
one room, and every client, on either process, sees the same events in the same order.

Also: a room that stays idle longer than Redis' socket timeout still delivers."""

import asyncio
import json

import pytest
from channels.db import database_sync_to_async

from tests.accounts.factories import UserFactory
from tests.debates.conftest import open_room, session_cookie
from tests.debates.factories import make_session
from tests.debates.servers import daphne_processes

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.redis,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


class Client:
    def __init__(self, port: int, session_id: int, cookie: bytes | None):
        self.uri = f"ws://127.0.0.1:{port}/ws/sessions/{session_id}/"
        self.cookie = cookie
        self.events: list[dict] = []
        self.errors: list[dict] = []

    async def __aenter__(self):
        from websockets.asyncio.client import connect

        headers = {"Cookie": self.cookie.decode()} if self.cookie else {}
        self.socket = await connect(self.uri, origin="http://127.0.0.1", additional_headers=headers)
        self.snapshot = json.loads(await asyncio.wait_for(self.socket.recv(), 30))
        assert self.snapshot["type"] == "snapshot"
        return self

    async def __aexit__(self, *exc):
        await self.socket.close()

    async def send(self, **frame):
        await self.socket.send(json.dumps(frame))

    async def collect_until(self, seq: int, timeout: float = 60):
        async def loop():
            while not self.events or self.events[-1]["seq"] < seq:
                frame = json.loads(await self.socket.recv())
                if frame["type"] == "error":
                    self.errors.append(frame)
                elif "seq" in frame:
                    self.events.append(frame)

        await asyncio.wait_for(loop(), timeout)


async def test_two_daphne_processes_deliver_the_same_events_in_the_same_order(moderator):
    session = await database_sync_to_async(make_session)()
    people = [await database_sync_to_async(UserFactory)() for _ in range(2)]
    cookies = [await database_sync_to_async(session_cookie)(user) for user in [moderator, *people]]
    with daphne_processes(2) as (first, second):
        async with (
            Client(first, session.pk, cookies[0]) as chair,
            Client(second, session.pk, cookies[1]) as speaker,
            Client(first, session.pk, cookies[2]) as other,
            Client(first, session.pk, None) as viewer_one,
            Client(second, session.pk, None) as viewer_two,
        ):
            assert chair.snapshot["role"] == "moderator" and speaker.snapshot["role"] == "participant"
            clients = [chair, speaker, other, viewer_one, viewer_two]
            # Both processes write at once: the sequence decides one order for everybody.
            sends = []
            for n in range(4):
                sends.append(speaker.send(type="message.post", body=f"Desde el proceso dos, {n}"))
                sends.append(other.send(type="message.post", body=f"Desde el proceso uno, {n}"))
            sends += [speaker.send(type="hand.raise"), other.send(type="hand.raise")]
            await asyncio.gather(*sends)
            await chair.collect_until(10)
            await chair.send(type="floor.give")
            await chair.send(type="poll.open", question="¿Seguimos?", options=["Sí", "No"])
            await asyncio.gather(*(client.collect_until(12) for client in clients))
            expected = [(event["seq"], event["type"]) for event in chair.events]
            assert [seq for seq, _type in expected] == list(range(1, 13))
            for client in clients:
                assert [(event["seq"], event["type"]) for event in client.events] == expected
                assert [event.get("message", {}).get("body_html") for event in client.events] == [
                    event.get("message", {}).get("body_html") for event in chair.events
                ]
                assert not client.errors


async def test_an_idle_room_still_delivers_after_longer_than_the_redis_socket_timeout(citizen):
    session = await database_sync_to_async(make_session)()
    cookie = await database_sync_to_async(session_cookie)(citizen)
    watcher, connected = await open_room(session.pk)
    assert connected
    assert json.loads(await watcher.receive_from(timeout=10))["type"] == "snapshot"
    await asyncio.sleep(11)  # idle, longer than redis-py's default 5 s socket timeout
    speaker, connected = await open_room(session.pk, cookie)
    assert connected
    await speaker.receive_from(timeout=10)
    await speaker.send_to(text_data=json.dumps({"type": "message.post", "body": "¿Siguen ahí?"}))
    event = json.loads(await watcher.receive_from(timeout=10))
    assert event["type"] == "message.posted" and event["seq"] == 1
    await watcher.disconnect()
    await speaker.disconnect()
