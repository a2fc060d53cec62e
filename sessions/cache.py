"""What bumps the page cache in live sessions: `sessions` (the list of sessions, the API's
list) when a session is saved, and `session:<id>` (its room page as read without JavaScript,
its calendar file, its minutes) on each event of the room (`events.record`) and each save of
the session or its minutes."""

from core import page_cache

SESSIONS = "sessions"


def session_namespace(session_id: int) -> str:
    return f"session:{session_id}"


def connect() -> None:
    from sessions.models import DebateSession, Minutes

    page_cache.watch(DebateSession, lambda session: [SESSIONS, session_namespace(session.pk)])
    page_cache.watch(Minutes, lambda minutes: [SESSIONS, session_namespace(minutes.session_id)])
