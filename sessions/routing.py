"""WebSocket routes of the live debate rooms."""

websocket_urlpatterns: list = []
