"""The ASGI application: HTTP through Django, WebSocket origins checked, unknown paths refused."""

import pytest
from channels.testing import HttpCommunicator, WebsocketCommunicator

from labplatform.asgi import application

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


async def test_http_is_served_through_asgi():
    communicator = HttpCommunicator(application, "GET", "/salud/", headers=[(b"host", b"127.0.0.1")])
    response = await communicator.get_response()
    assert response["status"] == 200
    assert response["body"] == b'{"status": "ok"}'


async def test_websocket_from_a_foreign_origin_is_refused():
    communicator = WebsocketCommunicator(
        application,
        "/ws/sessions/1/",
        headers=[(b"origin", b"https://sitio-ajeno.example"), (b"host", b"127.0.0.1")],
    )
    connected, _ = await communicator.connect()
    assert not connected
    await communicator.disconnect()


async def test_websocket_to_an_unknown_path_is_refused():
    communicator = WebsocketCommunicator(
        application,
        "/ws/no-existe/",
        headers=[(b"origin", b"http://127.0.0.1:8000"), (b"host", b"127.0.0.1")],
    )
    with pytest.raises(ValueError, match="No route found"):
        await communicator.connect()
