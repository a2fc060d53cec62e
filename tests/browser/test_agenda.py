"""The agenda and the newsletter in a real browser: a citizen registers for an event and gets the
confirmation (on the page and by e-mail); axe-core finds nothing serious on the agenda's list,
month and event pages and on /boletin/, at phone and desktop widths."""

import re
from pathlib import Path

import pytest
from django.core import mail
from django.utils import timezone
from playwright.sync_api import expect

from agenda.models import Registration
from tests.agenda.factories import EventFactory
from tests.browser.conftest import DESKTOP, PHONE
from tests.browser.test_participation import log_in

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

SHOTS = Path("/work/notes/shots/i17b")


def shoot(page, name: str) -> None:
    """Phone (375 px) and desktop (1280 px) screenshots, when the notes folder exists."""
    if not SHOTS.is_dir():
        return
    for width, height in ((375, 740), (1280, 800)):
        page.set_viewport_size({"width": width, "height": height})
        page.screenshot(path=str(SHOTS / f"{name}-{width}.png"), full_page=True)
    page.set_viewport_size({"width": 1280, "height": 800})


@pytest.fixture
def check_both_widths(page, assert_accessible):
    """axe-core at desktop and phone widths."""

    def check(where: str) -> None:
        for label, size in (("desktop", DESKTOP), ("phone", PHONE)):
            page.set_viewport_size(size)
            assert_accessible(f"{where} ({label}, {size['width']} px)")
        page.set_viewport_size(DESKTOP)

    return check


@pytest.fixture
def agenda_data(transactional_db):
    from tests.accounts.factories import UserFactory

    citizen = UserFactory(display_name="Diana Pabón")
    event = EventFactory(title="Taller de datos abiertos para veedurías", capacity=20)
    full = EventFactory(title="Formación en control social", kind="training", capacity=0)
    EventFactory(title="Reunión con juntas de acción comunal", kind="meeting", capacity=None)
    return citizen, event, full


def test_a_citizen_registers_for_an_event_and_gets_the_confirmation(agenda_data, page, check_both_widths):
    citizen, event, full = agenda_data
    page.goto("/agenda/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Agenda")
    check_both_widths("the agenda's list")
    shoot(page, "agenda-list")

    today = timezone.localdate()
    page.get_by_role("link", name="Mes", exact=True).click()
    expect(page).to_have_url(re.compile(rf"/agenda/mes/{today.year}/{today.month}/$"))
    check_both_widths("the agenda's month")
    shoot(page, "agenda-month")

    page.goto(full.get_absolute_url())
    expect(page.get_by_role("link", name="Ingresar para inscribirse")).to_be_visible()

    log_in(page, citizen, then=event.get_absolute_url())
    expect(page.get_by_role("heading", level=1)).to_have_text(event.title)
    check_both_widths("an event's page")
    shoot(page, "agenda-event")
    page.get_by_role("button", name="Inscribirme").click()

    expect(page.locator(".messages")).to_contain_text("Su inscripción quedó confirmada")
    expect(page.get_by_role("region", name="Inscripción")).to_contain_text("Está inscrita o inscrito")
    check_both_widths("an event's page after registering")
    shoot(page, "agenda-registered")
    assert Registration.objects.get(event=event, user=citizen).status == "registered"
    assert [message.subject for message in mail.outbox] == [f"Inscripción confirmada: {event.title}"]

    page.goto(full.get_absolute_url())
    page.get_by_role("button", name="Unirme a la lista de espera").click()
    expect(page.get_by_role("region", name="Inscripción")).to_contain_text("lista de espera, en el puesto 1")


def test_newsletter_page_is_accessible_and_says_why_input_is_refused(
    transactional_db, page, check_both_widths
):
    page.goto("/boletin/")
    check_both_widths("/boletin/")
    shoot(page, "boletin")
    page.get_by_role("button", name="Suscribirme").click()
    expect(page.get_by_role("alert")).to_contain_text("Revise los campos marcados")
    expect(page.get_by_label("Correo electrónico")).to_have_attribute("aria-invalid", "true")
    check_both_widths("/boletin/ with errors")
    shoot(page, "boletin-errores")
    page.get_by_label("Correo electrónico").fill("vecina@correo.example")
    page.get_by_label(re.compile("^Acepto el tratamiento")).check()
    page.get_by_role("button", name="Suscribirme").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Revise su correo")
    check_both_widths("the check-your-e-mail page")
