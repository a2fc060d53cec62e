"""Reports to the end in a real browser: a handler records a report taken by phone and prints
its receipt, refers it and records the decision; the reporter reads both with the code and
answers the survey; the public figures with their charts and tables. axe-core finds nothing
serious on any of these pages, at phone and desktop widths."""

import datetime
import re
import shutil

import pytest
from django.db import connections
from playwright.sync_api import expect

from reports import services
from reports.models import Outcome, Report
from reports.selectors import today
from tests.accounts.factories import UserFactory
from tests.browser.conftest import DESKTOP, PHONE
from tests.browser.test_participation import log_in

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

SHOTS = "/work/notes/shots/i16a"
DESCRIPTION = "Por teléfono: en la inspección de policía de la comuna 3 cobran por agilizar las querellas."
SUMMARY = (
    "La Personería pidió a la Secretaría del Interior abrir actuación y publicar los turnos de atención."
)


@pytest.fixture
def check_both_widths(page, assert_accessible):
    def check(where: str) -> None:
        for label, size in (("desktop", DESKTOP), ("phone", PHONE)):
            page.set_viewport_size(size)
            assert_accessible(f"{where} ({label}, {size['width']} px)")
        page.set_viewport_size(DESKTOP)

    return check


@pytest.fixture
def keep(screenshot):
    def take(name: str) -> None:
        for path in screenshot(name):
            try:
                shutil.copy(path, SHOTS)
            except OSError:
                pass

    return take


@pytest.fixture
def handler(db):
    return UserFactory(display_name="Oficina de Transparencia", groups=["report_handlers"])


def test_a_phone_report_is_recorded_referred_decided_and_followed_with_the_code(
    handler, page, visit, check_both_widths, keep
):
    log_in(page, handler, "/denuncias/gestion/registrar/")
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Registrar una denuncia recibida por otro canal"
    )
    check_both_widths("the staff recording page")
    form = page.get_by_role("main")
    form.get_by_label("Teléfono", exact=True).check()
    form.get_by_label(re.compile(r"^Fecha de recepción")).fill(
        (today() - datetime.timedelta(days=2)).isoformat()
    )
    form.get_by_label("Denuncia", exact=True).check()
    form.get_by_label("Tema").select_option("cobros_indebidos")
    form.get_by_label(re.compile(r"^Qué pasó")).fill(DESCRIPTION)
    form.get_by_label(re.compile(r"^Entidad u oficina")).fill("Secretaría del Interior")
    form.get_by_role("button", name="Registrar y ver la constancia").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Constancia de recepción de denuncia")
    receipt = page.locator("#receipt-code").inner_text().strip()
    assert re.fullmatch(r"\d{4} \d{4} \d{4} \d{4}", receipt)
    check_both_widths("the printable receipt")
    keep("report-staff-receipt")

    report = Report.objects.get()
    assert report.channel == "phone"
    visit(f"/denuncias/gestion/{report.pk}/")
    referral = page.get_by_role("main").locator("form[action$='/remitir/']")
    referral.get_by_label(re.compile(r"^Autoridad competente")).select_option("personeria")
    referral.get_by_label(re.compile(r"^Radicado")).fill("PB-2026-0311")
    referral.get_by_role("button", name="Remitir").click()
    expect(page.get_by_role("status")).to_contain_text("Remisión guardada")
    decision = page.get_by_role("main").locator("form[action$='/decision/']")
    decision.get_by_label(re.compile(r"^Decisión")).select_option("administrative_measure")
    decision.get_by_label(re.compile(r"^Autoridad que decidió")).select_option("personeria")
    decision.get_by_label(re.compile(r"^Resumen para quien denuncia")).fill(SUMMARY)
    decision.get_by_role("button", name="Guardar la decisión").click()
    expect(page.get_by_role("status")).to_contain_text("Decisión guardada")
    check_both_widths("the handler's report page with referrals and the decision")
    keep("report-handle-follow-up")
    page.context.clear_cookies()

    visit("/denuncias/consultar/")
    page.get_by_label(re.compile(r"^Código de seguimiento")).fill(receipt)
    page.get_by_role("button", name="Consultar").click()
    main = page.get_by_role("main")
    expect(main).to_contain_text("Personería de Bucaramanga")
    expect(main).to_contain_text("PB-2026-0311")
    expect(main).to_contain_text(SUMMARY)
    check_both_widths("the status page with the outcome and the survey")
    keep("report-status-outcome")
    main.get_by_label("4: satisfecho/a").check()
    main.get_by_label("Sí", exact=True).check()
    main.get_by_role("button", name="Enviar respuestas").click()
    expect(page.get_by_role("status")).to_contain_text("Gracias por responder")
    assert Outcome.objects.get().satisfaction == 4
    connections.close_all()


def test_the_public_figures_have_charts_and_tables(handler, page, visit, check_both_widths, keep):
    last_year = today().year - 1
    for index in range(12):
        report, _receipt = services.report_create(
            category=["contratacion", "cobros_indebidos"][index % 2],
            description="Cifras de prueba.",
            entity="Alcaldía",
            channel="phone" if index < 6 else "web",
        )
        received = datetime.date(last_year - (index % 2), 5, 4)
        Report.objects.filter(pk=report.pk).update(received_on=received)
        report.refresh_from_db()
        services.report_change_status(report=report, by=handler, to_status="answered", reason="Respondida.")
        Outcome.objects.create(
            report=report,
            decision=["archived", "disciplinary_sanction"][index % 2],
            decided_on=received + datetime.timedelta(days=40),
            authority="procuraduria",
            summary="Resumen.",
            satisfaction=3 + index % 3,
            surveyed_on=today(),
        )
    visit("/denuncias/estadisticas/")
    main = page.get_by_role("main")
    expect(main.get_by_role("heading", name="Por canal")).to_be_visible()
    expect(main.get_by_role("img", name=re.compile("^Gráfica: denuncias recibidas por año"))).to_be_visible()
    expect(main.get_by_role("img", name=re.compile("^Gráfica: denuncias recibidas por mes"))).to_be_visible()
    expect(main.get_by_role("table", name="Por año de recepción")).to_contain_text(str(last_year))
    check_both_widths("the public figures")
    keep("report-figures")
    connections.close_all()
