"""Mis aportes in a real browser, at phone and desktop widths, and "Copiar enlace" on a
challenge's page announcing the copy."""

import re

import pytest
from playwright.sync_api import expect

from challenges.models import Follow
from ideas.models import Idea, Support
from sessions.models import Attendance
from tests.accounts.factories import UserFactory
from tests.browser.conftest import ARTIFACTS, DESKTOP
from tests.browser.test_participation import add_comment, log_in
from tests.challenges.factories import make_challenge
from tests.debates.factories import make_session
from tests.ideas.factories import IdeaFactory

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

PHONE_375 = {"width": 375, "height": 740}
URL = "/cuenta/mis-aportes/"


@pytest.fixture
def citizen(transactional_db):
    return UserFactory(display_name="Marta Lucía Ardila")


@pytest.fixture
def activity(citizen):
    """A bit of everything: her ideas (one hidden), a support in the vote, comments (one
    hidden), a followed challenge, a debate session she attended."""
    other = UserFactory(display_name="Carlos Ardila")
    voting = make_challenge("voting", title="Movilidad segura para ir al colegio")
    ideas = make_challenge("ideas", title="Parques de barrio para todas las edades")
    IdeaFactory(challenge=voting, author=citizen, title="Caminos escolares señalizados en la comuna 13")
    IdeaFactory(
        challenge=ideas,
        author=citizen,
        title="Idea retirada por moderación",
        status="hidden",
        hidden_reason="Expone datos personales de un vecino",
    )
    theirs = IdeaFactory(challenge=voting, author=other, title="Bicicletas públicas cerca de los colegios")
    Support.objects.create(idea=theirs, user=citizen, participant_type=citizen.participant_type)
    Idea.objects.filter(pk=theirs.pk).update(support_count=1)
    add_comment(theirs, citizen, "Me parece **muy** útil, sobre todo en la carrera 27.")
    hidden = add_comment(theirs, citizen, "Un comentario que moderación ocultó.")
    hidden.hidden, hidden.hidden_reason = True, "Lenguaje ofensivo"
    hidden.save()
    Follow.objects.create(user=citizen, challenge=ideas)
    Attendance.objects.create(
        session=make_session(title="Gobierno abierto: datos de contratación"), user=citizen
    )
    return voting, ideas


def test_my_activity_at_phone_and_desktop_widths(page, visit, assert_accessible, citizen, activity):
    log_in(page, citizen, then=URL)
    for label, size in (("phone", PHONE_375), ("desktop", DESKTOP)):
        page.set_viewport_size(size)
        visit(URL)
        expect(page.get_by_role("heading", level=1, name="Mis aportes")).to_be_visible()
        for title in (
            "Mis ideas",
            "Ideas que apoyo",
            "Mis comentarios",
            "Retos que sigo",
            "Sesiones de debate en las que participé",
        ):
            expect(page.get_by_role("heading", level=2, name=title)).to_be_visible()
        expect(page.get_by_text("Comentario ocultado por moderación.")).to_be_visible()
        expect(page.get_by_role("button", name=re.compile("^Dejar de seguir"))).to_be_visible()
        assert page.evaluate("document.documentElement.scrollWidth") <= size["width"], label
        assert_accessible(f"Mis aportes ({label}, {size['width']} px)")
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / f"my-activity-{label}.png"), full_page=True)

    # Withdrawing a support from here: the ideas' own inline control.
    page.get_by_role("button", name=re.compile("^Retirar mi apoyo")).click()
    expect(page.get_by_role("button", name=re.compile("^Apoyar esta idea"))).to_be_visible()
    assert not Support.objects.filter(user=citizen).exists()


def test_copy_link_on_a_challenge_page_announces_the_copy(page, visit, live_server, activity):
    _voting, ideas = activity
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=live_server.url)
    visit(ideas.url)
    copy = page.get_by_role("link", name="Copiar enlace")
    href = copy.get_attribute("href")
    assert href.endswith(ideas.url)
    copy.click()
    expect(page.locator("[data-share-status]")).to_have_text("Enlace copiado")
    assert page.evaluate("navigator.clipboard.readText()") == href
    # The link copied instead of leaving: still on the same page.
    assert page.url == live_server.url + ideas.url
    whatsapp = page.get_by_role("link", name="Compartir en WhatsApp (abre en una pestaña nueva)")
    assert whatsapp.get_attribute("href").startswith("https://wa.me/?text=")
