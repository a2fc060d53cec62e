"""WebSocket routes of every app, gathered for the ASGI router."""

from sessions.routing import websocket_urlpatterns as debate_routes

websocket_urlpatterns = [*debate_routes]
