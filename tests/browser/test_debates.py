"""A live debate room in two real browsers, a moderator's and a citizen's, served by daphne.

The room needs WebSockets, which pytest-django's live server does not speak: a daphne process
serves the test database, so this runs in the PostgreSQL pass (the SQLite test database lives
in the test process' memory). The citizen raises a hand, the moderator gives the floor and both
see the countdown; the moderator opens a poll, the citizen votes and both see the result;
axe-core finds nothing serious on the room and the list.
"""

import os
import re
from pathlib import Path

import pytest
from django.db import connection
from playwright.sync_api import expect

from sessions.models import PollVote, SessionStatus
from tests.accounts.factories import UserFactory
from tests.browser.conftest import DESKTOP, describe_violations
from tests.debates.conftest import session_cookie
from tests.debates.factories import make_session
from tests.debates.servers import daphne_processes

SHOTS = Path(os.environ.get("LAB_SCREENSHOTS", Path(__file__).resolve().parents[2] / "docs" / "screenshots"))

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture
def room():
    """Made before the browser starts: while it runs, the test body has other database connections."""
    chair = UserFactory(display_name="Rocío Duarte")
    citizen = UserFactory(display_name="Diana Pabón")
    session = make_session(SessionStatus.LIVE, moderators=[chair], title="Datos abiertos de la contratación")
    return session, chair, citizen, session_cookie(chair), session_cookie(citizen)


def _context(browser, base_url: str, cookie: bytes, requested: list[str]):
    context = browser.new_context(locale="es-CO", viewport=DESKTOP, base_url=base_url)
    context.on("request", lambda request: requested.append(request.url))
    name, value = cookie.decode().split("=", 1)
    context.add_cookies([{"name": name, "value": value, "url": base_url}])
    page = context.new_page()
    page.set_default_timeout(15_000)
    return context, page


def _assert_accessible(page, where: str) -> None:
    from axe_playwright_python.sync_playwright import Axe

    violations = Axe().run(page).response["violations"]
    blocking = [v for v in violations if v["impact"] in {"serious", "critical"}]
    assert not blocking, f"axe-core on {where}:\n{describe_violations(blocking)}"


def test_hand_floor_countdown_and_poll_in_two_browsers(room, browser):
    session, chair, citizen, chair_cookie, citizen_cookie = room
    requested: list[str] = []
    with daphne_processes(1, debug=True) as (port,):
        base = f"http://127.0.0.1:{port}"
        chair_context, chair_page = _context(browser, base, chair_cookie, requested)
        citizen_context, citizen_page = _context(browser, base, citizen_cookie, requested)
        try:
            for page in (chair_page, citizen_page):
                page.goto(session.get_absolute_url())
                expect(page.locator("#connection")).to_have_text(re.compile("Conectado"))
            _assert_accessible(citizen_page, "the room (citizen)")

            citizen_page.get_by_role("button", name="Pedir la palabra").click()
            expect(chair_page.locator("#queue")).to_contain_text("Diana Pabón")
            expect(citizen_page.get_by_role("button", name="Bajar la mano")).to_be_visible()
            chair_page.get_by_role("button", name="Dar la palabra al siguiente").click()
            for page in (chair_page, citizen_page):
                expect(page.locator("#floor")).to_contain_text("Tiene la palabra: Diana Pabón")
                expect(page.locator("#countdown")).to_be_visible()
                expect(page.locator("#countdown-value")).to_have_text(re.compile(r"^[23]:\d\d$"))
            expect(chair_page.locator("#queue-empty")).to_be_visible()
            # The floor holder is told so, with a minutes:seconds countdown, and is not offered the floor.
            banner = citizen_page.locator("#room-banner")
            expect(banner).to_contain_text("Usted tiene la palabra")
            expect(citizen_page.locator("#room-banner-time")).to_have_text(re.compile(r"^[23]:\d\d$"))
            expect(citizen_page.get_by_role("button", name="Pedir la palabra")).to_be_hidden()
            expect(chair_page.locator("#room-banner")).to_be_hidden()
            # The moderator's controls come first in the room.
            assert chair_page.evaluate(
                "document.querySelector('.room__moderation').compareDocumentPosition("
                "document.querySelector('.room__floor')) & Node.DOCUMENT_POSITION_FOLLOWING"
            )

            chair_page.get_by_label("Pregunta de la encuesta").fill(
                "¿Con qué frecuencia se publican los contratos?"
            )
            chair_page.get_by_label("Opciones (una por línea, entre 2 y 8)").fill("Cada día\nCada semana")
            chair_page.get_by_role("button", name="Abrir la encuesta").click()
            citizen_page.get_by_role("button", name="Votar: Cada día").click()
            for page in (chair_page, citizen_page):
                poll = page.locator("#polls .poll").first
                expect(poll).to_contain_text("¿Con qué frecuencia se publican los contratos?")
                expect(poll.locator("li").first).to_contain_text("1 voto")
            expect(citizen_page.locator("#polls")).to_contain_text("Usted votó")
            for page, who in ((citizen_page, "participant"), (chair_page, "moderator")):
                for width, size in (("375", {"width": 375, "height": 740}), ("1280", DESKTOP)):
                    page.set_viewport_size(size)
                    _assert_accessible(page, f"the room ({who}, {width} px)")
                    SHOTS.mkdir(parents=True, exist_ok=True)
                    page.screenshot(path=str(SHOTS / f"room-{who}-{width}.png"), full_page=True)

            citizen_page.goto("/sesiones/")
            expect(citizen_page.get_by_role("heading", name="En vivo ahora")).to_be_visible()
            _assert_accessible(citizen_page, "the list of sessions")
        finally:
            chair_context.close()
            citizen_context.close()
    try:
        assert PollVote.objects.filter(user=citizen).count() == 1
    finally:
        connection.close()  # this body's own connection (see `room`), before the database is dropped
    foreign = [url for url in requested if not url.startswith((base, "ws://127.0.0.1", "data:", "blob:"))]
    assert not foreign, foreign
