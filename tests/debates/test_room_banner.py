"""The room's state banner, the remaining time without JavaScript and the stream link."""

import re

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from sessions import services
from sessions.models import SessionStatus
from tests.debates.factories import make_session

pytestmark = pytest.mark.django_db


def room_html(client, session) -> str:
    return client.get(reverse("debates:room", args=[session.pk])).content.decode()


def banner(html: str) -> str:
    match = re.search(
        r'<div class="room-banner[^"]*" id="room-banner" role="status"( hidden)?>(.*?)</div>', html, re.S
    )
    assert match, "no banner"
    if match.group(1):
        return ""
    shown = re.sub(r"<p[^>]* hidden>.*?</p>", "", match.group(2), flags=re.S)
    return " ".join(re.sub(r"<[^>]+>", " ", shown).split())


def test_the_floor_holder_is_told_with_the_time_left_not_the_clock(
    client_for, live_session, citizen, session_moderator
):
    services.hand_raise(session=live_session, user=citizen)
    services.floor_give(session=live_session, by=session_moderator)
    html = room_html(client_for(citizen), live_session)
    text = banner(html)
    assert text.startswith("Usted tiene la palabra") and re.search(r"Le quedan [23]:\d\d$", text), text
    # The floor's countdown shows minutes:seconds left when the page was made, not the time of day.
    countdown = re.search(r'<span id="countdown-value">([^<]*)</span>', html).group(1)
    assert re.fullmatch(r"[23]:\d\d", countdown), countdown
    # Others see who speaks, with no banner of their own.
    assert banner(room_html(client_for(session_moderator), live_session)) == ""


def test_a_waiting_participant_sees_their_place_in_the_queue(
    client_for, live_session, citizen, other_citizen
):
    services.hand_raise(session=live_session, user=other_citizen)
    services.hand_raise(session=live_session, user=citizen)
    assert banner(room_html(client_for(citizen), live_session)) == "Usted es el número 2 en la fila"


def test_paused_and_closed_sessions_say_so(client):
    assert banner(room_html(client, make_session(SessionStatus.PAUSED))) == "Sesión en pausa"
    assert banner(room_html(client, make_session(SessionStatus.CLOSED))) == "La sesión terminó"


def test_opening_a_scheduled_session_early_asks_first(client_for, session_moderator):
    session = make_session(SessionStatus.SCHEDULED, moderators=[session_moderator])
    html = room_html(client_for(session_moderator), session)
    assert 'data-confirm-early="La sesión está programada para más tarde. ¿Abrirla ya?"' in html
    # The moderator's controls come before the floor.
    assert html.index('id="moderation-title"') < html.index('id="floor-title"')


def test_the_stream_link_is_shown_and_only_youtube_or_facebook_are_accepted(client):
    session = make_session(SessionStatus.LIVE, stream_url="https://www.youtube.com/live/abc123")
    session.full_clean()
    assert 'href="https://www.youtube.com/live/abc123"' in room_html(client, session)
    for bad in (
        "http://www.youtube.com/live/abc",
        "https://evil.example/youtube.com",
        "https://notyoutube.com/x",
    ):
        session.stream_url = bad
        with pytest.raises(ValidationError) as error:
            session.full_clean()
        assert "YouTube o Facebook Live" in str(error.value)


def test_a_challenge_page_links_its_sessions(client):
    from tests.challenges.factories import make_challenge

    challenge = make_challenge("ideas")
    session = make_session(SessionStatus.SCHEDULED, challenge=challenge, title="Debate del reto")
    make_session(SessionStatus.SCHEDULED, title="Otro debate")
    html = client.get(challenge.url).content.decode()
    assert f'<a href="{session.get_absolute_url()}">Debate del reto</a>' in html and "Otro debate" not in html
