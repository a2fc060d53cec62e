"""The reporter's side through the pages and the API: file, keep the code, come back, answer."""

import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from reports import services
from reports.models import Attachment, Report, Status
from tests.reports.conftest import DESCRIPTION, a_pdf, form_data, jpeg_with_gps, pdf_text

pytestmark = pytest.mark.django_db
RECEIPT = re.compile(r"\b(\d{4} \d{4} \d{4} \d{4})\b")


def file_report(client, **overrides):
    response = client.post(reverse("reports:create"), form_data(**overrides))
    assert response.status_code == 201, response.content.decode()[:3000]
    return RECEIPT.search(response.content.decode()).group(1), response


def test_the_form_files_a_report_and_shows_the_receipt_once_with_the_deadline(client):
    page = client.get(reverse("reports:create"))
    assert page.status_code == 200
    assert "Canal de denuncias" in page.content.decode()
    receipt, response = file_report(client)
    html = response.content.decode()
    report = Report.objects.get()
    assert "solo se muestra esta vez" in html
    assert report.due_on.strftime("%Y") in html
    # Not in any address, not in the database.
    assert receipt.replace(" ", "") not in response.get("Location", "")
    assert services.report_find(receipt=receipt) == report
    # The form page again shows no code.
    assert not RECEIPT.search(client.get(reverse("reports:create")).content.decode())


def test_the_receipt_page_offers_to_copy_and_print_the_code_with_our_own_script(client):
    from django.contrib.staticfiles import finders

    receipt, response = file_report(client)
    html = response.content.decode()
    # Both buttons are hidden until site.js shows them: without it there is nothing to click.
    copy = re.search(r"<button [^>]*data-copy=[^>]*>Copiar código</button>", html).group(0)
    assert " hidden " in copy and f'data-copy="{receipt}"' in copy
    assert 'data-copied-text="Código copiado"' in copy and 'data-copy-select="receipt-code"' in copy
    status = re.search(r'<p [^>]*id="receipt-copy-status"[^>]*>', html).group(0)
    assert 'aria-live="polite"' in status and 'data-copy-status="receipt-copy-status"' in copy
    assert re.search(r"<button [^>]*hidden data-print>Imprimir</button>", html)
    # Our script and the print stylesheet, from our own origin; no inline script on the page.
    assert '<script src="/static/js/site.js"></script>' in html
    assert '<link rel="stylesheet" href="/static/css/reports.css">' in html
    assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", html)
    assert "'unsafe-inline'" not in response.get("Content-Security-Policy", "")
    script = open(finders.find("js/site.js"), encoding="utf-8").read()
    assert 'querySelectorAll("[data-copy]")' in script and "window.print()" in script
    print_css = open(finders.find("css/reports.css"), encoding="utf-8").read()
    assert "@media print" in print_css and "nav, .no-print" in print_css


def test_the_honeypot_and_the_time_check_turn_bots_away_and_keep_nothing(client):
    import time

    from reports.forms import form_token

    filled = client.post(reverse("reports:create"), form_data(website="http://spam.example"))
    too_fast = client.post(reverse("reports:create"), form_data(started=form_token(time.time())))
    forged = client.post(reverse("reports:create"), form_data(started="123"))
    for response in (filled, too_fast, forged):
        assert response.status_code == 400
        assert "Revise el formulario" in response.content.decode()
    assert not Report.objects.exists()


def test_missing_facts_get_a_clear_message_and_change_nothing(client):
    response = client.post(reverse("reports:create"), form_data(description="", category=""))
    assert response.status_code == 400
    html = response.content.decode()
    assert "Qué pasó" in html and "Este campo es obligatorio" in html
    assert not Report.objects.exists()


def test_a_file_of_the_wrong_type_is_refused(client):
    bad = SimpleUploadedFile("programa.exe", b"MZ\x90\x00binario", content_type="application/octet-stream")
    response = client.post(reverse("reports:create"), {**form_data(), "attachments": [bad]})
    assert response.status_code == 400
    assert "no es de un tipo aceptado" in response.content.decode()
    assert not Report.objects.exists() and not Attachment.objects.exists()


def test_too_many_files_are_refused(client):
    pdfs = [
        SimpleUploadedFile(f"acta{i}.pdf", a_pdf("acta"), content_type="application/pdf") for i in range(6)
    ]
    response = client.post(reverse("reports:create"), {**form_data(), "attachments": pdfs})
    assert response.status_code == 400
    assert "hasta 5 archivos" in response.content.decode()
    assert not Report.objects.exists()


def test_with_the_code_the_reporter_reads_answers_and_withdraws(client, handler):
    photo = SimpleUploadedFile("obra.jpg", jpeg_with_gps(), content_type="image/jpeg")
    receipt, _ = file_report(client, attachments=[photo])
    report = Report.objects.get()
    services.report_write(report=report, by=handler, body="¿En qué fecha firmaron el acta?", internal=False)
    services.report_write(report=report, by=handler, body="Nota interna: revisar contrato 112", internal=True)
    services.report_change_status(
        report=report, by=handler, to_status="awaiting_completion", reason="Falta la fecha del acta."
    )

    status = client.post(reverse("reports:lookup"), {"receipt": receipt})
    html = status.content.decode()
    assert status.status_code == 200
    assert "Pendiente de completar" in html and "Falta la fecha del acta." in html
    assert "¿En qué fecha firmaron el acta?" in html
    assert "Nota interna" not in html and "contrato 112" not in html

    answer = client.post(
        reverse("reports:reporter_message"), {"receipt": receipt, "body": "El acta se firmó el 2 de octubre."}
    )
    assert answer.status_code == 200
    assert "El acta se firmó el 2 de octubre." in answer.content.decode()
    report.refresh_from_db()
    assert report.status == Status.IN_REVIEW and report.due_on is not None

    withdraw = client.post(reverse("reports:reporter_withdraw"), {"receipt": receipt, "confirm": "on"})
    assert withdraw.status_code == 200
    assert Report.objects.get().status == Status.WITHDRAWN


def test_a_wrong_code_gets_a_generic_answer(client, make_report):
    make_report()
    response = client.post(reverse("reports:lookup"), {"receipt": "0000 0000 0000 0000"})
    assert response.status_code == 404
    assert "No encontramos una denuncia con ese código" in response.content.decode()
    malformed = client.post(reverse("reports:lookup"), {"receipt": "12345"})
    assert malformed.status_code == 400
    assert "16 dígitos" in malformed.content.decode()


def test_brute_force_gets_429_and_finds_nothing(client, make_report, settings):
    settings.REPORTS_LOOKUP_CLIENT_LIMIT = 5
    _report, receipt = make_report()
    statuses = []
    for guess in range(1, 9):
        response = client.post(reverse("reports:lookup"), {"receipt": f"{guess:016d}"})
        statuses.append(response.status_code)
        assert "Estado de su denuncia" not in response.content.decode()
    assert statuses[:5] == [404] * 5
    assert set(statuses[5:]) == {429}
    # Even the right code waits: nothing tells a guesser whether a guess was right.
    assert client.post(reverse("reports:lookup"), {"receipt": receipt}).status_code == 429
    # Another client is not blocked by this one.
    assert (
        client.post(reverse("reports:lookup"), {"receipt": receipt}, REMOTE_ADDR="10.9.8.7").status_code
        == 200
    )


def test_the_global_limit_stops_guessing_from_many_addresses(client, make_report, settings):
    settings.REPORTS_LOOKUP_GLOBAL_LIMIT = 6
    _report, receipt = make_report()
    codes = [
        client.post(
            reverse("reports:lookup"), {"receipt": f"{n:016d}"}, REMOTE_ADDR=f"10.0.0.{n}"
        ).status_code
        for n in range(1, 9)
    ]
    assert codes[:6] == [404] * 6 and set(codes[6:]) == {429}
    # Wrong codes sent on purpose do not lock reporters out: a right code still opens its report.
    right = client.post(reverse("reports:lookup"), {"receipt": receipt}, REMOTE_ADDR="10.0.1.1")
    assert right.status_code == 200 and "Estado de su denuncia" in right.content.decode()


def test_pages_of_the_channel_are_not_cached_and_send_no_referrer(client, make_report):
    _report, receipt = make_report()
    responses = [
        client.get(reverse("reports:create")),
        client.post(reverse("reports:create"), form_data()),
        client.get(reverse("reports:lookup")),
        client.post(reverse("reports:lookup"), {"receipt": receipt}),
        client.post(
            "/api/v1/reports/lookup/",
            {"receipt": receipt},
            content_type="application/json",
        ),
        client.post(
            "/api/v1/reports/",
            {"category": "otro", "description": "x", "entity": "y"},
            content_type="application/json",
        ),
    ]
    for response in responses:
        assert "no-store" in response["Cache-Control"], response
        assert response["Referrer-Policy"] == "no-referrer"


def test_the_api_files_looks_up_and_answers(client, handler):
    created = client.post(
        "/api/v1/reports/",
        {
            "category": "cobros_indebidos",
            "description": "Cobran 50.000 pesos por una cita en el centro de salud.",
            "entity": "ESE ISABU",
            "territory": "comuna-1",
            "contact": {"email": "anonimo@correo.example"},
            "fears_retaliation": True,
        },
        content_type="application/json",
    )
    assert created.status_code == 201
    body = created.json()
    assert RECEIPT.fullmatch(body["receipt"]) and body["due_on"]
    report = Report.objects.get()
    assert report.fears_retaliation and report.contact_email == "anonimo@correo.example"
    services.report_write(report=report, by=handler, body="¿Tiene el recibo?", internal=False)
    services.report_write(report=report, by=handler, body="interno", internal=True)

    looked = client.post(
        "/api/v1/reports/lookup/",
        {"receipt": body["receipt"].replace(" ", "")},
        content_type="application/json",
    )
    assert looked.status_code == 200
    data = looked.json()
    assert data["status"] == "received" and data["due_on"] == body["due_on"]
    assert [(m["author"], m["body"]) for m in data["messages"]] == [("handler", "¿Tiene el recibo?")]
    assert data["history"][0]["status"] == "received"

    answered = client.post(
        "/api/v1/reports/lookup/messages/",
        {"receipt": body["receipt"], "body": "Sí, lo tengo en papel."},
        content_type="application/json",
    )
    assert answered.status_code == 201
    assert answered.json()["messages"][-1] == {
        "author": "reporter",
        "body": "Sí, lo tengo en papel.",
        "created_at": answered.json()["messages"][-1]["created_at"],
    }


def test_the_api_refuses_bad_input_in_spanish_and_keeps_nothing(client):
    response = client.post(
        "/api/v1/reports/", {"category": "inventada", "description": ""}, content_type="application/json"
    )
    assert response.status_code == 400
    assert set(response.json()) >= {"category", "description", "entity"}
    assert not Report.objects.exists()


def test_api_wrong_receipt_answers_in_the_language_asked(client, make_report):
    make_report()
    spanish = client.post("/api/v1/reports/lookup/", {"receipt": "0" * 16}, content_type="application/json")
    assert spanish.status_code == 404
    assert spanish.json()["detail"] == "No encontramos una denuncia con ese código."
    english = client.post(
        "/api/v1/reports/lookup/",
        {"receipt": "0" * 16},
        content_type="application/json",
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert english.status_code == 404
    assert "código" not in english.json()["detail"] and english.json()["detail"]


def test_api_brute_force_gets_429(client, make_report, settings):
    settings.REPORTS_LOOKUP_CLIENT_LIMIT = 3
    make_report()
    codes = [
        client.post(
            "/api/v1/reports/lookup/", {"receipt": f"{n:016d}"}, content_type="application/json"
        ).status_code
        for n in range(5)
    ]
    assert codes == [404, 404, 404, 429, 429]
    assert (
        client.post(
            "/api/v1/reports/lookup/messages/",
            {"receipt": "1" * 16, "body": "hola"},
            content_type="application/json",
        ).status_code
        == 429
    )


def test_public_statistics_show_counts_and_no_content(client, make_report, handler):
    report, _ = make_report(category="nepotismo")
    make_report(category="soborno")
    services.report_change_status(
        report=report, by=handler, to_status="answered", reason="Respuesta de fondo"
    )
    page = client.get(reverse("reports:statistics"))
    html = page.content.decode()
    assert page.status_code == 200
    assert "100,0 %" in html or "100.0 %" in html
    assert DESCRIPTION not in html
    semester = client.get(reverse("reports:semiannual"))
    assert "semestre" in semester.content.decode()
    assert DESCRIPTION not in semester.content.decode()


def test_the_statistics_query_count_does_not_grow_with_reports(client, make_report):
    from reports.models import Report as R
    from tests.utils import count_queries

    make_report()
    client.get(reverse("reports:statistics"))  # the site navigation is cached after the first page
    first = count_queries(lambda: client.get(reverse("reports:statistics")))
    template = R.objects.get()
    for n in range(30):
        template.pk = None
        template.receipt_index = f"{n:064d}"
        template.save()
    assert count_queries(lambda: client.get(reverse("reports:statistics"))) == first


def test_the_footer_links_to_the_channel_and_the_menu_lists_it(client):
    from core import sections

    assert "reports:create" in [section.url_name for section in sections.sections()]
    html = client.get(reverse("reports:lookup")).content.decode()
    assert 'href="/denuncias/"' in html and "Canal de denuncias" in html


def test_computed_indicators_count_reports_per_month(make_report, handler):
    from core.indicators import computed_indicators

    report, _ = make_report()
    services.report_change_status(report=report, by=handler, to_status="answered", reason="ok")
    indicators = {indicator.slug: indicator for indicator in computed_indicators()}
    received = list(indicators["denuncias-recibidas"].compute())
    in_term = list(indicators["denuncias-respondidas-en-termino"].compute())
    month = report.received_on.strftime("%Y-%m")
    assert received == [(month, 1)]
    assert [(period, float(value)) for period, value in in_term] == [(month, 100.0)]


def test_the_statistics_are_open_data_in_the_catalogue(client, make_report):
    from core import open_data

    make_report(category="peculado")
    csv_text = client.get(reverse("reports:statistics_csv")).content.decode()
    header, row = csv_text.strip().splitlines()
    assert header.startswith("periodo,recibidas,tema_contratacion")
    assert row.split(",")[1] == "1"
    data = client.get(reverse("reports:statistics_json")).json()
    # One report of a category in a month is hidden (null), so that nobody can be singled out.
    assert data["estadisticas"][0]["tema_peculado"] is None
    assert DESCRIPTION not in csv_text
    identifiers = [dataset.identifier for dataset in open_data.datasets()]
    assert "denuncias/estadisticas" in identifiers


def test_the_reporter_downloads_the_files_of_the_conversation_with_the_code(client, handler, make_report):
    from tests.reports.conftest import has_gps

    photo = SimpleUploadedFile("foto.jpg", jpeg_with_gps(), content_type="image/jpeg")
    report, receipt = make_report(attachments=[photo])
    other, _ = make_report(
        attachments=[SimpleUploadedFile("b.pdf", a_pdf("otra"), content_type="application/pdf")]
    )
    pdf = SimpleUploadedFile("respuesta.pdf", a_pdf("respuesta oficial"), content_type="application/pdf")
    services.report_write(
        report=report, by=handler, body="Adjunto la respuesta.", internal=False, attachments=[pdf]
    )
    page = client.post(reverse("reports:lookup"), {"receipt": receipt}).content.decode()
    assert "Descargar respuesta.pdf" in page
    answer = report.attachments.get(message__isnull=False)
    got = client.post(reverse("reports:reporter_attachment"), {"receipt": receipt, "attachment": answer.pk})
    assert got.status_code == 200 and b"respuesta oficial" in pdf_text(got.content)
    own_photo = report.attachments.get(message__isnull=True)
    got_photo = client.post(
        reverse("reports:reporter_attachment"), {"receipt": receipt, "attachment": own_photo.pk}
    )
    assert not has_gps(got_photo.content)
    # Another report's file, with this code: not found.
    foreign = other.attachments.get()
    assert (
        client.post(
            reverse("reports:reporter_attachment"), {"receipt": receipt, "attachment": foreign.pk}
        ).status_code
        == 404
    )


def test_the_reporter_adds_files_from_the_status_page(client, make_report):
    _report, receipt = make_report()
    pdf = SimpleUploadedFile("contrato.pdf", a_pdf("contrato"), content_type="application/pdf")
    response = client.post(
        reverse("reports:reporter_message"), {"receipt": receipt, "body": "", "attachments": [pdf]}
    )
    assert response.status_code == 200
    assert "Descargar contrato.pdf" in response.content.decode()
    empty = client.post(reverse("reports:reporter_message"), {"receipt": receipt, "body": ""})
    assert empty.status_code == 400 and "Escriba un mensaje o adjunte un archivo" in empty.content.decode()
    assert Attachment.objects.count() == 1


def test_supervisors_find_the_audit_log_from_the_statistics(client_for, supervisor, superuser):
    page = client_for(supervisor).get(reverse("reports:statistics")).content.decode()
    assert reverse("reports:audit_log") in page
    admin = client_for(superuser).get("/django-admin/").content.decode()
    assert "/django-admin/reports/" not in admin


def test_the_files_of_an_internal_note_are_not_the_reporters_to_download(client, handler, make_report):
    report, receipt = make_report()
    note = SimpleUploadedFile("informe-interno.pdf", a_pdf("solo gestores"), content_type="application/pdf")
    services.report_write(report=report, by=handler, body="Nota interna.", internal=True, attachments=[note])
    internal = report.attachments.get()
    page = client.post(reverse("reports:lookup"), {"receipt": receipt}).content.decode()
    assert "informe-interno.pdf" not in page
    got = client.post(reverse("reports:reporter_attachment"), {"receipt": receipt, "attachment": internal.pk})
    assert got.status_code == 404
    assert b"solo gestores" not in got.content
