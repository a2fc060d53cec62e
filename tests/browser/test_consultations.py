"""Consultations and the library in a real browser: a citizen comments on a section and sees its
count change; axe-core finds nothing serious on every new page at phone and desktop widths."""

import re
import shutil
from pathlib import Path

import pytest
from playwright.sync_api import expect

from consultations.models import ConsultationComment, ConsultationPage
from library.models import EasyReadPage, LibraryResourcePage
from tests.accounts.factories import UserFactory
from tests.browser.conftest import ARTIFACTS, DESKTOP
from tests.browser.test_participation import log_in
from tests.consultations.factories import make_consultation

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

PHONE_375 = {"width": 375, "height": 740}
SHOTS = Path("/work/notes/shots/i17a")


def test_comment_on_a_section_and_see_the_count_change(page, visit, screenshot):
    consultation = make_consultation("open", sections=3)
    citizen = UserFactory(display_name="Diana Pabón")
    section = consultation.sections.order_by("sort_order").first()
    log_in(page, citizen, consultation.url)
    count = page.locator(f"[data-section-count='{section.pk}']")
    expect(count).to_have_text("0 observaciones")
    block = page.locator(f"#seccion-{section.pk}")
    block.get_by_text("Comentar la sección 1").click()
    block.get_by_label("En contra").check()
    block.get_by_label("Su observación").fill("Un mes es demasiado: que sea cada semana.")
    block.get_by_label("Redacción propuesta (opcional)").fill(section.text.replace("cada mes", "cada semana"))
    block.get_by_role("button", name="Publicar observación").click()
    expect(page.locator(f"[data-section-count='{section.pk}']")).to_have_text("1 observación")
    expect(page.get_by_text("Su observación quedó publicada")).to_be_visible()
    expect(page.locator(".wording-diff ins")).to_contain_text("semana")
    comment = ConsultationComment.objects.get()
    assert (comment.author_id, comment.stance) == (citizen.pk, "against")
    if SHOTS.parent.is_dir():
        SHOTS.mkdir(exist_ok=True)
        for path in screenshot("consulta-comentada"):
            shutil.copy(path, SHOTS / path.name)


def test_new_pages_are_accessible_at_375_and_1280(demo_content, page, visit, assert_accessible):
    open_page = ConsultationPage.objects.get(slug="borrador-paac-2027")
    answered = ConsultationPage.objects.get(slug="politica-riesgos-corrupcion-2026")
    paths = [
        "/consultas/",
        open_page.url,
        open_page.url + "?postura=against",
        answered.url,
        answered.url + "informe/",
        "/biblioteca/",
        "/biblioteca/?tema=oversight",
        LibraryResourcePage.objects.order_by("pk").first().url,
        EasyReadPage.objects.get(about="reports").url,
    ]
    for path in paths:
        for size in (PHONE_375, DESKTOP):
            page.set_viewport_size(size)
            visit(path)
            assert_accessible(f"{path} at {size['width']} px")
            width = page.evaluate("document.documentElement.scrollWidth")
            assert width <= size["width"], f"{path} scrolls sideways at {size['width']} px"
            if SHOTS.parent.is_dir():
                SHOTS.mkdir(exist_ok=True)
                name = re.sub(r"[^a-z0-9]+", "-", path.strip("/").lower()) or "inicio"
                page.screenshot(path=str(SHOTS / f"{name}-{size['width']}.png"), full_page=True)
    # The office's screens: the answer form (with a proposed wording's diff) and the report preview.
    comment = ConsultationComment.objects.filter(section__page=answered).order_by("pk").first()
    answer_path = f"{answered.url}comentarios/{comment.pk}/responder/"
    log_in(page, UserFactory(display_name="Laura Editora", groups=["editors"]), answer_path)
    for size in (PHONE_375, DESKTOP):
        page.set_viewport_size(size)
        visit(answer_path)
        expect(page.get_by_label("Respuesta pública")).to_have_value(comment.answer.body)
        assert_accessible(f"{answer_path} at {size['width']} px")
    assert ARTIFACTS
