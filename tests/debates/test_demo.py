"""`seed_demo` adds debate sessions in every state, and running it again changes nothing."""

import io

import pytest
from django.core.management import call_command

from sessions.models import DebateSession, MinutesStatus, PollStatus, SessionEvent, SessionStatus

pytestmark = pytest.mark.django_db


def test_demo_sessions_in_every_state():
    call_command("seed_demo", "--allow-production", stdout=io.StringIO())
    counts = (DebateSession.objects.count(), SessionEvent.objects.count())
    call_command("seed_demo", "--allow-production", stdout=io.StringIO())
    assert (DebateSession.objects.count(), SessionEvent.objects.count()) == counts
    statuses = set(DebateSession.objects.values_list("status", flat=True))
    assert statuses == {SessionStatus.SCHEDULED, SessionStatus.LIVE, SessionStatus.CLOSED}
    live = DebateSession.objects.get(status=SessionStatus.LIVE)
    assert live.public and live.access == "verified" and not live.moderated
    assert live.challenge is not None
    assert live.floor_requests.filter(status="waiting").count() == 2
    assert live.messages.filter(status="approved").count() == 3
    assert live.polls.filter(status=PollStatus.OPEN).exists()
    assert live.moderators.filter(email="moderador@laboratorio.example").exists()
    closed = DebateSession.objects.get(status=SessionStatus.CLOSED)
    assert closed.minutes.status == MinutesStatus.PUBLISHED
    assert "personas distintas 3" in closed.minutes.body
