"""The observatory in a real browser: an editor uploads a CSV, sees the preview, confirms, and the
chart shows the new point; axe-core finds nothing serious on the home, an indicator, the plan and the
report statistics with their charts, and nothing scrolls sideways at 320 px."""

import re

import pytest
from playwright.sync_api import expect

from accounts.models import User
from observatory.models import Observation
from tests.accounts.factories import PASSWORD

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

ITA = "/observatorio/indice-transparencia-ita/"
PAGES = [
    "/observatorio/",
    ITA,
    "/observatorio/presupuesto-participativo/?territorio=todos",
    "/observatorio/plan-anticorrupcion/2026/",
    "/observatorio/participantes-nuevos-universidades/",
    "/denuncias/estadisticas/",
]
SIGN_IN = re.compile(r"^\s*(Ingresar|Iniciar sesión)\s*$")
NEW_FILE = (
    "periodo,territorio,valor,nota\n"
    "2026,bucaramanga,97.5,Medición preliminar de la matriz ITA\n"
    "2025,bucaramanga,92,\n"
).encode()


@pytest.fixture
def editora(demo_content):
    user = User.objects.get(email="editora@laboratorio.example")
    user.set_password(PASSWORD)
    user.save()
    return user


def log_in(page, user, then: str) -> None:
    page.goto(f"/cuenta/login/?next={then}")
    form = page.get_by_role("main")
    form.locator("input[name='login']").fill(user.email)
    form.locator("input[name='password']").fill(PASSWORD)
    form.get_by_role("button", name=SIGN_IN).click()
    expect(page).to_have_url(re.compile(re.escape(then) + "$"))


def test_an_editor_uploads_previews_confirms_and_the_chart_shows_the_point(
    editora, page, assert_accessible, screenshot
):
    log_in(page, editora, "/observatorio/gestion/")
    page.get_by_role("link", name=re.compile("Cargar — Índice de Transparencia")).click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Cargar mediciones")

    # A bad file first: its lines are named, nothing is saved.
    page.locator("input[type=file]").set_input_files(
        files=[{"name": "ita.csv", "mimeType": "text/csv", "buffer": b"periodo,valor\n2026-13,97.5\n"}]
    )
    page.get_by_role("button", name="Revisar el archivo").click()
    expect(page.get_by_role("alert")).to_contain_text("Línea 2:")
    expect(page.get_by_role("alert")).to_contain_text("no se guardó nada")
    assert_accessible("the upload page with errors")
    assert not Observation.objects.filter(indicator__slug="indice-transparencia-ita", period="2026").exists()

    page.locator("input[type=file]").set_input_files(
        files=[{"name": "ita-2026.csv", "mimeType": "text/csv", "buffer": NEW_FILE}]
    )
    page.get_by_role("button", name="Revisar el archivo").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Vista previa")
    expect(page.get_by_role("status")).to_contain_text("nuevas, 1; actualizadas, 0; sin cambios, 1")
    preview = page.get_by_role("table")
    expect(preview).to_contain_text("97,5")
    expect(preview).to_contain_text("Nueva")
    assert_accessible("the preview")
    screenshot("observatory-preview")
    assert not Observation.objects.filter(indicator__slug="indice-transparencia-ita", period="2026").exists()

    page.get_by_role("button", name="Confirmar y guardar").click()
    expect(page).to_have_url(re.compile(re.escape(ITA) + "$"))
    expect(page.get_by_role("status").first).to_contain_text("Nuevas: 1; actualizadas: 0; sin cambios: 1")
    point = page.locator('svg.chart [data-series="Bucaramanga"] [data-period="2026"]')
    expect(point).to_have_attribute("data-value", "97.5")
    expect(page.locator("svg.chart desc")).to_contain_text("97,5 puntos en 2026")
    expect(page.get_by_role("table")).to_contain_text("97,5")
    screenshot("observatory-indicator-after-upload")


def test_axe_finds_no_serious_violation_and_nothing_scrolls_sideways(demo_content, check_pages):
    check_pages(PAGES)


def test_the_chart_reads_without_colour_and_the_territories_can_be_chosen(
    demo_content, page, visit, screenshot
):
    visit("/observatorio/presupuesto-participativo/")
    page.get_by_label("Comuna 12 Cabecera del Llano").check()
    page.get_by_role("button", name="Ver en la gráfica").click()
    expect(page.locator('svg.chart [data-series="Comuna 12 Cabecera del Llano"]')).to_have_count(1)
    expect(page.locator('svg.chart [data-series="Bucaramanga"]')).to_have_count(1)
    expect(page.get_by_role("img", name=re.compile("Gráfica: Presupuesto"))).to_be_visible()
    screenshot("observatory-territories")


def test_the_figures_are_images_with_names_and_their_numbers_are_written_out(
    demo_content, page, visit, screenshot
):
    visit("/observatorio/plan-anticorrupcion/2026/")
    main = page.get_by_role("main")
    progress = main.get_by_role("img", name="Avance por componente")
    expect(progress).to_be_visible()
    expect(main.locator(".bars__value").first).to_have_text(re.compile(r"^\d+(,\d)? %$"))
    activities = main.get_by_role("list", name="Las actividades del plan")
    expect(activities).to_contain_text("actividades terminadas")
    screenshot("plan-figures")

    visit("/denuncias/estadisticas/")
    main = page.get_by_role("main")
    expect(main.get_by_role("img", name=re.compile("^Gráfica: denuncias recibidas por mes"))).to_be_visible()
    expect(main.get_by_role("img", name="Por canal")).to_be_visible()
    expect(main.get_by_role("table", name=re.compile("^Respuesta a las denuncias"))).to_be_visible()
    screenshot("report-statistics-figures")

    visit("/observatorio/")
    by_type = page.get_by_role("img", name="Gráfica: cuentas verificadas por tipo de participante")
    expect(by_type).to_be_visible()
    visit(ITA)
    expect(page.get_by_role("list", name="Cifras principales")).to_contain_text("el último valor medido")
