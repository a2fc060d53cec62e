"""The report channel in a real browser: report anonymously with a photo, keep the code, come
back with it and answer the handler's question; the handler sees the photo without its GPS
metadata; axe-core finds nothing serious on the form, the look-up and the status pages."""

import re

import pytest
from django.db import connections
from playwright.sync_api import expect

from reports import services
from reports.models import Report
from tests.accounts.factories import UserFactory
from tests.browser.conftest import DESKTOP, PHONE
from tests.browser.test_participation import log_in
from tests.reports.conftest import has_gps, jpeg_with_gps

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

DESCRIPTION = "En la obra del puente peatonal de la carrera 27 cobran por dejar pasar las volquetas."
QUESTION = "¿En qué horario vio los cobros?"
ANSWER = "Entre las 6 y las 8 de la mañana, de lunes a viernes."


@pytest.fixture
def check_both_widths(page, assert_accessible):
    def check(where: str) -> None:
        for label, size in (("desktop", DESKTOP), ("phone", PHONE)):
            page.set_viewport_size(size)
            assert_accessible(f"{where} ({label}, {size['width']} px)")
        page.set_viewport_size(DESKTOP)

    return check


@pytest.fixture
def handler(db):
    return UserFactory(display_name="Oficina de Transparencia", groups=["report_handlers"])


@pytest.fixture(autouse=True)
def _settings(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    # Playwright fills a form in milliseconds; people do not, and the time check is for bots.
    settings.REPORTS_FORM_MIN_SECONDS = 0


def test_report_anonymously_with_a_photo_and_follow_it_with_the_code(
    handler, page, visit, check_both_widths, screenshot
):
    visit("/denuncias/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Canal de denuncias")
    check_both_widths("the report form")
    screenshot("report-form")
    form = page.get_by_role("main")
    form.get_by_label("Denuncia", exact=True).check()
    form.get_by_label("Tema").select_option("cobros_indebidos")
    form.get_by_label(re.compile(r"^Qué pasó")).fill(DESCRIPTION)
    form.get_by_label(re.compile(r"^Entidad u oficina")).fill("Secretaría de Infraestructura")
    form.get_by_label(re.compile(r"^Comuna o corregimiento")).select_option("comuna-13")
    form.locator("input[name='attachments']").set_input_files(
        {"name": "volquetas.jpg", "mimeType": "image/jpeg", "buffer": jpeg_with_gps()}
    )
    form.get_by_role("button", name="Enviar denuncia").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Recibimos su denuncia")
    receipt = page.locator("#receipt-code").inner_text().strip()
    assert re.fullmatch(r"\d{4} \d{4} \d{4} \d{4}", receipt)
    assert receipt.replace(" ", "") not in page.url
    # The code is copied with one click, and a screen reader hears so.
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    expect(page.get_by_role("button", name="Imprimir")).to_be_visible()
    page.get_by_role("button", name="Copiar código").click()
    expect(page.locator("#receipt-copy-status")).to_have_text("Código copiado")
    assert page.evaluate("navigator.clipboard.readText()") == receipt
    check_both_widths("the receipt page")
    screenshot("report-receipt")

    report = Report.objects.get()
    assert report.contact_email == "" and report.description == DESCRIPTION
    services.report_write(report=report, by=handler, body=QUESTION, internal=False)

    # Later, with the code and nothing else.
    visit("/denuncias/consultar/")
    check_both_widths("the look-up page")
    page.get_by_label(re.compile(r"^Código de seguimiento")).fill(receipt)
    page.get_by_role("button", name="Consultar").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Estado de su denuncia")
    expect(page.get_by_role("main")).to_contain_text(QUESTION)
    check_both_widths("the status page")
    screenshot("report-status")
    page.get_by_label(re.compile(r"^Su mensaje")).fill(ANSWER)
    page.get_by_role("button", name="Enviar mensaje").click()
    expect(page.get_by_role("status")).to_contain_text("Su mensaje quedó en la denuncia")
    expect(page.get_by_role("main")).to_contain_text(ANSWER)
    assert report.messages.filter(author="reporter").get().body == ANSWER

    # The handler reads it, and sees the photo without GPS.
    log_in(page, handler, f"/denuncias/gestion/{report.pk}/")
    expect(page.get_by_role("main")).to_contain_text(DESCRIPTION)
    expect(page.get_by_role("main")).to_contain_text(ANSWER)
    check_both_widths("the handler's report page")
    screenshot("report-handle")
    link = page.get_by_role("link", name=re.compile(r"^Imagen sin metadatos"))
    photo = page.request.get(link.get_attribute("href"))
    assert photo.ok and photo.headers["content-type"] == "image/png"
    assert not has_gps(photo.body())

    visit("/denuncias/gestion/")
    expect(page.get_by_role("main")).to_contain_text(report.number)
    check_both_widths("the handlers' dashboard")
    visit("/denuncias/estadisticas/")
    check_both_widths("the statistics page")
    # Database work done while Playwright runs uses connections of its own (see the browser
    # fixture): close them, or PostgreSQL could not drop the test database afterwards.
    connections.close_all()
