"""Projects and the risk map in a real browser: from an idea of the challenge with results to its
project page and back; the risk heat map read at 375 px; axe-core finds nothing serious on any of
the new pages."""

import os
import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from ideas.models import Idea
from projects.models import Project

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

SHOTS = Path(os.environ.get("SHOTS_DIR", Path(__file__).resolve().parents[2] / "test-artifacts"))
PHONE_375 = {"width": 375, "height": 740}


def _shoot(page, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def test_from_an_idea_with_results_to_its_project_and_back(demo_content, page, visit, assert_accessible):
    project = Project.objects.filter(idea__isnull=False, milestones__done_on__isnull=True).distinct().first()
    idea = Idea.objects.select_related("challenge").get(pk=project.idea_id)
    visit(idea.challenge.url)
    results = page.get_by_role("region", name="Clasificación final de las ideas")
    expect(results).to_be_visible()
    page.get_by_role("link", name=project.title).first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text(project.title)

    visit(idea.get_absolute_url())
    implementation = page.get_by_role("complementary", name="Implementación")
    expect(implementation).to_contain_text("% de avance")
    implementation.get_by_role("link", name=project.title).click()
    expect(page).to_have_url(re.compile(re.escape(project.get_absolute_url()) + "$"))
    expect(page.get_by_role("heading", name="Historial de cambios")).to_be_visible()
    expect(page.get_by_role("table").first).to_contain_text("Pendiente")
    assert_accessible("la página de un proyecto")

    page.get_by_role("link", name=idea.title).click()
    expect(page).to_have_url(re.compile(re.escape(idea.get_absolute_url()) + "$"))
    expect(page.get_by_role("heading", level=1)).to_have_text(idea.title)


def test_the_risk_heat_map_at_375_px(demo_content, page, visit, assert_accessible):
    page.set_viewport_size(PHONE_375)
    visit("/observatorio/riesgos/")
    residual = page.get_by_role("table", name="Riesgo residual (después de los controles)")
    expect(residual).to_be_visible()
    # A cell says its level in words, not only by colour, and links to its risks.
    expect(residual.get_by_role("cell").filter(has_text="Extrema").first).to_be_visible()
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE_375["width"], f"the risk map is {width} px wide in a 375 px window"
    _shoot(page, "risk-map-375")
    assert_accessible("el mapa de riesgos a 375 px")
    page.get_by_role("table", name="Riesgo inherente (antes de los controles)").get_by_role(
        "link", name="RC-01"
    ).click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("RC-01")
    expect(page.get_by_role("heading", name="Seguimiento de la oficina de control interno")).to_be_visible()


def test_the_new_pages_pass_axe_and_fit_320_px(demo_content, check_pages):
    project = Project.objects.filter(idea__isnull=False).first()
    check_pages(
        [
            "/proyectos/",
            "/proyectos/?estado=in_progress",
            project.get_absolute_url(),
            "/observatorio/riesgos/",
            "/observatorio/riesgos/RC-02/",
        ]
    )
