"""Fixtures of the debate rooms: sessions, a named session moderator, WebSocket clients."""

from collections.abc import Callable

import pytest
from channels.testing import WebsocketCommunicator
from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.contrib.sessions.backends.db import SessionStore

from labplatform.asgi import application
from sessions.models import SessionStatus
from tests.accounts.factories import UserFactory
from tests.debates.factories import make_session

ORIGIN = (b"origin", b"http://127.0.0.1:8000")
HOST = (b"host", b"127.0.0.1")


@pytest.fixture
def session_moderator(db):
    return UserFactory(display_name="Rocío Duarte")


@pytest.fixture
def live_session(session_moderator):
    return make_session(SessionStatus.LIVE, moderators=[session_moderator])


def session_cookie(user) -> bytes:
    store = SessionStore()
    store[SESSION_KEY] = str(user.pk)
    store[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    store[HASH_SESSION_KEY] = user.get_session_auth_hash()
    store.save()
    return f"{settings.SESSION_COOKIE_NAME}={store.session_key}".encode()


@pytest.fixture
def make_cookie() -> Callable:
    """A session cookie for `user`, written through the database (sync: call it before connecting)."""
    return session_cookie


async def open_room(session_id: int, cookie: bytes | None = None, origin=ORIGIN):
    headers = [origin, HOST]
    if cookie:
        headers.append((b"cookie", cookie))
    communicator = WebsocketCommunicator(application, f"/ws/sessions/{session_id}/", headers=headers)
    connected, _ = await communicator.connect()
    return communicator, connected
