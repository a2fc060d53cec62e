"""Debate sessions around now, in a chosen status."""

import datetime

from django.utils import timezone

from sessions.models import DebateSession, SessionStatus

HOUR = datetime.timedelta(hours=1)


def make_session(status: str = SessionStatus.LIVE, *, moderators=(), **fields) -> DebateSession:
    now = timezone.now()
    starts_at = {
        SessionStatus.SCHEDULED: now + 24 * HOUR,
        SessionStatus.CLOSED: now - 48 * HOUR,
    }.get(status, now - HOUR / 4)
    session = DebateSession.objects.create(
        title=fields.pop("title", "Gobierno abierto en Bucaramanga"),
        description=fields.pop("description", "Cómo abrir los datos de la contratación municipal."),
        starts_at=starts_at,
        ends_at=starts_at + 2 * HOUR,
        status=status,
        **fields,
    )
    if moderators:
        session.moderators.set(moderators)
    return session
