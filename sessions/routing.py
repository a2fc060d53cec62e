"""WebSocket routes of the live debate rooms."""

from django.urls import path

from sessions.consumers import RoomConsumer

websocket_urlpatterns: list = [
    path("ws/sessions/<int:session_id>/", RoomConsumer.as_asgi()),
]
