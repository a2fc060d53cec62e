"""Protection of the reporter and of the reports: nothing readable at rest, no trace of the
client, and only report handlers read reports, each read written in the audit log."""

import io
import json
import logging
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.db import connection
from django.urls import reverse

from reports import services
from reports.models import AuditEntry, Report
from tests.reports.conftest import DESCRIPTION, a_pdf, form_data, has_gps, jpeg_with_gps

pytestmark = pytest.mark.django_db

IP = "203.0.113.77"
USER_AGENT = "NavegadorDelDenunciante/9.9"
REFERER = "https://foro-vecinal.example/hilo-obra-parque"
SECRETS = [
    DESCRIPTION,
    "interventor",
    "Secretaría de Infraestructura",
    "Parque Centenario",
    "Julián Mantilla",
    "Rosa Quintero",
    "rosa.quintero@correo.example",
    "3001234567",
    "Pregunta del gestor sobre el contrato",
    "Respuesta de la denunciante",
    "acta-de-recibo.pdf",
    "CamaraDelDenunciante",
    IP,
    USER_AGENT,
    "foro-vecinal",
]


def _every_table_as_text() -> str:
    chunks = []
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names():
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")  # noqa: S608
            chunks.extend(repr(row) for row in cursor.fetchall())
    return "\n".join(chunks)


def _media_as_bytes(root: Path) -> bytes:
    return b"".join(path.read_bytes() for path in root.rglob("*") if path.is_file())


def test_a_dump_of_the_database_and_of_the_media_folder_shows_nothing_of_the_report(
    client, handler, _private_media, caplog
):
    caplog.set_level(logging.DEBUG)
    meta = {"REMOTE_ADDR": IP, "HTTP_USER_AGENT": USER_AGENT, "HTTP_REFERER": REFERER}
    photo = SimpleUploadedFile("foto-obra.jpg", jpeg_with_gps(), content_type="image/jpeg")
    pdf = SimpleUploadedFile(
        "acta-de-recibo.pdf", a_pdf("Acta de recibo Parque Centenario"), content_type="application/pdf"
    )
    response = client.post(
        reverse("reports:create"),
        {
            **form_data(
                contact_name="Rosa Quintero",
                contact_email="rosa.quintero@correo.example",
                contact_phone="3001234567",
                people_involved="Ingeniero Julián Mantilla",
            ),
            "attachments": [photo, pdf],
        },
        **meta,
    )
    assert response.status_code == 201
    receipt = response.content.decode().split('id="receipt-code">')[1].split("<")[0]
    report = Report.objects.get()
    services.report_write(
        report=report, by=handler, body="Pregunta del gestor sobre el contrato", internal=False
    )
    client.post(
        reverse("reports:reporter_message"),
        {"receipt": receipt, "body": "Respuesta de la denunciante"},
        **meta,
    )
    client.post("/api/v1/reports/lookup/", {"receipt": receipt}, content_type="application/json", **meta)

    out = io.StringIO()
    call_command("dumpdata", stdout=out)
    dump = out.getvalue()
    tables = _every_table_as_text()
    media = _media_as_bytes(_private_media)
    assert media, "the attachments were stored"
    for secret in SECRETS:
        assert secret not in dump, secret
        assert json.dumps(secret)[1:-1] not in dump, secret
        assert secret not in tables, secret
        assert secret.encode() not in media, secret
        assert secret not in caplog.text, secret
    digits = receipt.replace(" ", "")
    assert digits not in dump and digits not in tables
    # Stored under random names, with no extension that tells what they are.
    names = [path.name for path in (_private_media / "reports").iterdir()]
    assert names and all("." not in name and len(name) >= 40 for name in names)


def test_the_handler_sees_the_photo_without_gps_and_the_original_only_on_request(
    client_for, handler, make_report
):
    photo = SimpleUploadedFile("foto.jpg", jpeg_with_gps(), content_type="image/jpeg")
    report, _ = make_report(attachments=[photo])
    attachment = report.attachments.get()
    client = client_for(handler)
    clean = client.get(reverse("reports:attachment", args=[report.pk, attachment.pk]))
    assert clean.status_code == 200 and clean["Content-Type"] == "image/png"
    assert not has_gps(clean.content)
    original = client.get(reverse("reports:attachment", args=[report.pk, attachment.pk]) + "?original=1")
    assert has_gps(original.content)
    actions = list(AuditEntry.objects.filter(report=report).values_list("action", flat=True))
    assert sorted(actions) == ["view_attachment", "view_original"]


@pytest.mark.parametrize(
    "who", ["anonymous", "citizen", "editor", "staff_user", "superuser", "supervisor", "moderator"]
)
def test_nobody_but_a_handler_reads_a_report(who, request, client, client_for, make_report):
    report, _ = make_report(
        attachments=[SimpleUploadedFile("a.pdf", a_pdf("x"), content_type="application/pdf")]
    )
    attachment = report.attachments.get()
    if who != "anonymous":
        client = client_for(request.getfixturevalue(who))
    urls = [
        reverse("reports:dashboard"),
        reverse("reports:handle", args=[report.pk]),
        reverse("reports:attachment", args=[report.pk, attachment.pk]),
    ]
    for url in urls:
        response = client.get(url)
        assert response.status_code in (302, 403), (url, response.status_code)
        assert DESCRIPTION not in response.content.decode(errors="ignore")
    posted = client.post(
        reverse("reports:change_status", args=[report.pk]), {"to_status": "closed", "reason": "x"}
    )
    assert posted.status_code in (302, 403)
    assert Report.objects.get().status == "received"
    # The admin has no reports, and the API has no list or detail of them.
    for url in ["/django-admin/reports/", "/django-admin/reports/report/", f"/api/v1/reports/{report.pk}/"]:
        response = client.get(url)
        assert response.status_code in (302, 404, 405), (url, response.status_code)
        assert DESCRIPTION not in response.content.decode(errors="ignore")
    assert not AuditEntry.objects.exists()


def test_every_read_by_a_handler_writes_an_audit_entry(client_for, handler, make_report):
    report, _ = make_report()
    client = client_for(handler)
    dashboard = client.get(reverse("reports:dashboard"))
    assert dashboard.status_code == 200 and report.number in dashboard.content.decode()
    assert DESCRIPTION not in dashboard.content.decode()  # the list reads no content
    assert not AuditEntry.objects.exists()
    for _ in range(2):
        page = client.get(reverse("reports:handle", args=[report.pk]))
        assert DESCRIPTION in page.content.decode()
        assert page["Cache-Control"].startswith("no-store") and page["Referrer-Policy"] == "same-origin"
    entries = list(AuditEntry.objects.values_list("user", "report", "action"))
    assert entries == [(handler.pk, report.pk, "view")] * 2


def test_the_audit_log_is_append_only_and_visible_to_supervisors_only(
    client_for, handler, supervisor, editor, make_report
):
    report, _ = make_report()
    client_for(handler).get(reverse("reports:handle", args=[report.pk]))
    entry = AuditEntry.objects.get()
    with pytest.raises(TypeError):
        entry.save()
    with pytest.raises(TypeError):
        entry.delete()
    with pytest.raises(TypeError):
        AuditEntry.objects.all().delete()
    with pytest.raises(TypeError):
        AuditEntry.objects.update(action="assign")
    assert client_for(editor).get(reverse("reports:audit_log")).status_code == 403
    page = client_for(supervisor).get(reverse("reports:audit_log"))
    assert page.status_code == 200
    assert handler.display_name in page.content.decode() and report.number in page.content.decode()


def test_a_handler_handles_from_the_dashboard(client_for, handler, other_handler, report_and_receipt):
    report, _receipt = report_and_receipt
    client = client_for(handler)
    assert (
        client.post(reverse("reports:assign", args=[report.pk]), {"handler": other_handler.pk}).status_code
        == 302
    )
    assert (
        client.post(
            reverse("reports:write", args=[report.pk]), {"body": "Nota: pedir el contrato", "internal": "1"}
        ).status_code
        == 302
    )
    assert (
        client.post(
            reverse("reports:extend", args=[report.pk]), {"days": "40", "reason": "Peritaje"}
        ).status_code
        == 400
    )
    refused = client.post(
        reverse("reports:change_status", args=[report.pk]), {"to_status": "in_review", "reason": ""}
    )
    assert refused.status_code == 400 and "Revise el formulario" in refused.content.decode()
    assert (
        client.post(
            reverse("reports:change_status", args=[report.pk]),
            {"to_status": "in_review", "reason": "Se revisa"},
        ).status_code
        == 302
    )
    report.refresh_from_db()
    assert report.assigned_to == other_handler and report.status == "in_review"
    assert report.messages.get().internal
    page = client.get(reverse("reports:handle", args=[report.pk]))
    assert "Nota: pedir el contrato" in page.content.decode()


def test_an_error_report_on_the_channel_shows_no_ip_user_agent_or_text(rf):
    from reports import privacy

    request = rf.post(
        "/denuncias/",
        {"description": DESCRIPTION},
        REMOTE_ADDR=IP,
        HTTP_USER_AGENT=USER_AGENT,
        HTTP_REFERER=REFERER,
    )
    privacy.protect(request)
    text = _error_report(request, DESCRIPTION)
    for secret in (IP, USER_AGENT, REFERER, DESCRIPTION):
        assert secret not in text


def _error_report(request, description: str) -> str:
    """The DEBUG page and the ADMINS e-mail of an error with the description in a local variable."""
    import sys

    from django.views.debug import ExceptionReporter

    try:
        raise RuntimeError(len(description))
    except RuntimeError:
        reporter = ExceptionReporter(request, *sys.exc_info())
        return reporter.get_traceback_text() + reporter.get_traceback_html()


def test_the_dashboard_costs_the_same_queries_with_more_reports(client_for, handler, make_report):
    from tests.utils import count_queries

    client = client_for(handler)
    make_report()
    client.get(reverse("reports:dashboard"))
    first = count_queries(lambda: client.get(reverse("reports:dashboard")))
    template = Report.objects.get()
    for n in range(25):
        template.pk = None
        template.receipt_index = f"{n:064d}"
        template.assigned_to = handler
        template.save()
    assert count_queries(lambda: client.get(reverse("reports:dashboard"))) == first


def test_a_fixture_dump_loads_back_with_the_keys(make_report, tmp_path):
    report, receipt = make_report(contact_email="rosa.quintero@correo.example")
    path = tmp_path / "reports.json"
    call_command("dumpdata", "reports.report", "reports.statuschange", output=str(path))
    assert "rosa.quintero" not in path.read_text()
    Report.objects.all().delete()
    call_command("loaddata", str(path), verbosity=0)
    loaded = Report.objects.get(pk=report.pk)
    assert loaded.description == DESCRIPTION and loaded.contact_email == "rosa.quintero@correo.example"
    assert services.report_find(receipt=receipt) == loaded


def test_the_dashboard_lists_open_reports_first_overdue_then_due_soonest(client_for, handler, make_report):
    import datetime

    from reports.selectors import dashboard_reports, today

    later, _ = make_report()
    overdue, _ = make_report()
    closed, _ = make_report()
    paused, _ = make_report()
    Report.objects.filter(pk=overdue.pk).update(due_on=today() - datetime.timedelta(days=2))
    services.report_change_status(report=closed, by=handler, to_status="closed", reason="Archivada")
    services.report_change_status(
        report=paused, by=handler, to_status="awaiting_completion", reason="Faltan datos"
    )
    order = [report.pk for report in dashboard_reports(handler)]
    assert order == [overdue.pk, later.pk, paused.pk, closed.pk]
    page = client_for(handler).get(reverse("reports:dashboard")).content.decode()
    assert "vencida" in page and "detenido" in page
