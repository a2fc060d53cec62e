"""Filing, following and handling reports within the legal terms, and key rotation."""

import datetime

import pytest
from django.core import mail
from django.db import connection
from django.test import override_settings

from reports import services
from reports.business_days import add_business_days, business_days_between
from reports.models import Report, Status
from reports.selectors import today
from reports.services import Refused
from tests.reports.conftest import DESCRIPTION, ENTITY, day

pytestmark = pytest.mark.django_db


def test_a_report_is_due_in_15_business_days_and_a_request_for_information_in_10(make_report):
    report, _receipt = make_report()
    information, _receipt = make_report(kind="information")
    assert report.due_on == add_business_days(today(), 15)
    assert information.due_on == add_business_days(today(), 10)
    assert report.status == Status.RECEIVED
    assert list(report.status_changes.values_list("to_status", flat=True)) == ["received"]


def test_the_receipt_is_16_digits_and_only_a_slow_hash_and_a_keyed_index_are_kept(make_report):
    report, receipt = make_report()
    assert len(receipt) == 16 and receipt.isdigit()
    assert services.receipt_format(receipt).count(" ") == 3
    stored = Report.objects.values("receipt_hash", "receipt_index").get(pk=report.pk)
    assert stored["receipt_hash"].startswith("argon2$argon2id$")
    assert receipt not in stored["receipt_hash"] and receipt not in stored["receipt_index"]
    assert services.report_find(receipt=services.receipt_format(receipt)) == report
    assert services.report_find(receipt=receipt[:-1] + str((int(receipt[-1]) + 1) % 10)) is None
    assert services.report_find(receipt="no es un código") is None


def test_one_slow_verification_per_look_up_right_or_wrong(make_report, monkeypatch):
    from django.contrib.auth.hashers import Argon2PasswordHasher

    report, receipt = make_report()
    calls = []
    original = Argon2PasswordHasher.verify
    monkeypatch.setattr(
        Argon2PasswordHasher, "verify", lambda self, *a: calls.append(1) or original(self, *a)
    )
    services.report_find(receipt=receipt)
    services.report_find(receipt="1111222233334444")
    assert len(calls) == 2


def test_bad_input_changes_nothing(make_report):
    with pytest.raises(Refused):
        make_report(category="no-existe")
    with pytest.raises(Refused):
        make_report(occurred_on=today() + datetime.timedelta(days=3))
    assert not Report.objects.exists()


def test_extension_once_before_the_deadline_up_to_the_original_term(make_report, handler):
    report, _ = make_report()
    due = report.due_on
    with pytest.raises(Refused) as too_long:
        services.report_extend(report=report, by=handler, days=16, reason="Pruebas técnicas")
    assert too_long.value.code == "too_long"
    with pytest.raises(Refused) as no_reason:
        services.report_extend(report=report, by=handler, days=5, reason=" ")
    assert no_reason.value.code == "reason_required"
    report = services.report_extend(
        report=report, by=handler, days=15, reason="Se pidió un peritaje de la obra."
    )
    assert report.due_on == add_business_days(due, 15)
    with pytest.raises(Refused) as twice:
        services.report_extend(report=report, by=handler, days=1, reason="Otra vez")
    assert twice.value.code == "already_extended"
    assert "peritaje" in report.status_changes.last().reason


def test_no_extension_after_the_deadline(make_report, handler):
    report, _ = make_report()
    Report.objects.filter(pk=report.pk).update(due_on=today() - datetime.timedelta(days=1))
    with pytest.raises(Refused) as late:
        services.report_extend(report=report, by=handler, days=5, reason="Tarde")
    assert late.value.code == "too_late"
    assert Report.objects.get(pk=report.pk).extension_days == 0


def test_awaiting_completion_stops_the_clock_until_the_reporter_adds_information(make_report, handler):
    report, receipt = make_report()
    left = business_days_between(today(), report.due_on)
    report = services.report_change_status(
        report=report,
        by=handler,
        to_status=Status.AWAITING_COMPLETION,
        reason="Indique la dirección de la obra.",
    )
    assert report.due_on is None and report.paused_days_left == left
    # Days go by while the clock is stopped: set the pause back three weeks.
    Report.objects.filter(pk=report.pk).update(paused_on=today() - datetime.timedelta(days=21))
    services.reporter_message(report=report, body="Es la obra de la carrera 27 con calle 45.")
    report.refresh_from_db()
    assert report.status == Status.IN_REVIEW
    assert report.due_on == add_business_days(today(), left)
    assert report.paused_on is None


def test_withdrawn_for_silence_only_after_a_month(make_report, handler):
    report, _ = make_report()
    services.report_change_status(
        report=report, by=handler, to_status="awaiting_completion", reason="Faltan datos"
    )
    with pytest.raises(Refused) as early:
        services.report_change_status(
            report=report, by=handler, to_status="withdrawn", reason="Sin respuesta"
        )
    assert early.value.code == "too_early"
    Report.objects.filter(pk=report.pk).update(paused_on=today() - datetime.timedelta(days=32))
    report = services.report_change_status(
        report=report, by=handler, to_status="withdrawn", reason="Sin respuesta"
    )
    assert report.status == Status.WITHDRAWN


def test_forwarding_records_the_authority_and_the_date(make_report, handler):
    report, _ = make_report()
    with pytest.raises(Refused):
        services.report_change_status(
            report=report, by=handler, to_status="forwarded", reason="No es competencia"
        )
    report = services.report_change_status(
        report=report,
        by=handler,
        to_status="forwarded",
        reason="Es competencia de la Procuraduría.",
        authority="Procuraduría Provincial de Bucaramanga",
    )
    assert (report.forwarded_to, report.forwarded_on) == ("Procuraduría Provincial de Bucaramanga", today())
    assert report.responded_in_term is True
    assert services.forward_by(report) == add_business_days(report.received_on, 5)


def test_answer_after_the_deadline_counts_as_late(make_report, handler):
    report, _ = make_report()
    Report.objects.filter(pk=report.pk).update(received_on=day("2025-12-15"), due_on=day("2026-01-07"))
    report.refresh_from_db()
    report = services.report_change_status(
        report=report, by=handler, to_status="answered", reason="Respuesta de fondo"
    )
    assert report.responded_in_term is False
    assert report.business_days_to_respond > 15


def test_a_status_change_needs_a_reason_and_follows_the_flow(make_report, handler):
    report, _ = make_report()
    with pytest.raises(Refused) as no_reason:
        services.report_change_status(report=report, by=handler, to_status="in_review", reason="")
    assert no_reason.value.code == "reason_required"
    services.report_change_status(
        report=report, by=handler, to_status="closed", reason="Hechos ya investigados"
    )
    with pytest.raises(Refused) as flow:
        services.report_change_status(report=report, by=handler, to_status="in_review", reason="Reabrir")
    assert flow.value.code == "wrong_status"


def test_only_handlers_handle(make_report, citizen, staff_user, superuser):
    report, _ = make_report()
    for user in (citizen, staff_user, superuser):
        with pytest.raises(Refused):
            services.report_change_status(report=report, by=user, to_status="in_review", reason="x")
        with pytest.raises(Refused):
            services.report_write(report=report, by=user, body="Hola", internal=False)


def test_the_reporter_with_an_email_hears_there_is_news_but_not_what(
    report_and_receipt, handler, django_capture_on_commit_callbacks
):
    report, _ = report_and_receipt
    with django_capture_on_commit_callbacks(execute=True):
        services.report_write(
            report=report, by=handler, body="¿Tiene fotos del acta de recibo?", internal=False
        )
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["rosa.quintero@correo.example"]
    assert "fotos" not in mail.outbox[0].body and "acta" not in mail.outbox[0].body
    assert "/denuncias/consultar/" in mail.outbox[0].body
    with django_capture_on_commit_callbacks(execute=True):
        services.report_write(report=report, by=handler, body="Nota: llamar a control interno", internal=True)
    assert len(mail.outbox) == 1


def test_reminders_three_business_days_before_and_when_the_deadline_passes(
    make_report, handler, supervisor, django_capture_on_commit_callbacks
):
    soon, _ = make_report()
    late, _ = make_report()
    calm, _ = make_report()
    services.report_assign(report=soon, by=handler, handler=handler)
    Report.objects.filter(pk=soon.pk).update(due_on=add_business_days(today(), 3))
    Report.objects.filter(pk=late.pk).update(due_on=today() - datetime.timedelta(days=1))
    with django_capture_on_commit_callbacks(execute=True):
        assert services.deadline_reminders_send() == (1, 1)
    subjects = sorted(message.subject for message in mail.outbox)
    assert len(subjects) == 2
    assert any("vence en 3 días hábiles" in s and soon.number in s for s in subjects)
    assert any("venció" in s and late.number in s for s in subjects)
    soon_mail = next(m for m in mail.outbox if soon.number in m.subject)
    assert sorted(soon_mail.to) == sorted([handler.email, supervisor.email])
    assert DESCRIPTION not in soon_mail.body and ENTITY not in soon_mail.body
    with django_capture_on_commit_callbacks(execute=True):
        assert services.deadline_reminders_send() == (0, 0)
    assert calm.pk not in {r.pk for r in [soon, late]}


def test_key_rotation_reencrypts_everything_and_old_reports_still_read(
    settings, make_report, handler, tmp_path
):
    from django.core.management import call_command

    from tests.reports.conftest import jpeg_with_gps

    settings.REPORTS_ENCRYPTION_KEYS = ["clave-antigua-de-prueba"]
    photo = _upload("foto.jpg", jpeg_with_gps())
    report, receipt = make_report(attachments=[photo])
    services.report_write(report=report, by=handler, body="Mensaje con la clave antigua", internal=False)

    def raw_description():
        with connection.cursor() as cursor:
            cursor.execute("SELECT description FROM reports_report WHERE id = %s", [report.pk])
            return cursor.fetchone()[0]

    before = raw_description()
    settings.REPORTS_ENCRYPTION_KEYS = ["clave-nueva-de-prueba", "clave-antigua-de-prueba"]
    # Before rotation: old rows read with the old key, still listed.
    assert Report.objects.get(pk=report.pk).description == DESCRIPTION
    call_command("rotate_report_keys", verbosity=0)
    assert raw_description() != before
    # After rotation the old key can go: everything reads with the new one alone.
    settings.REPORTS_ENCRYPTION_KEYS = ["clave-nueva-de-prueba"]
    rotated = Report.objects.get(pk=report.pk)
    assert rotated.description == DESCRIPTION
    assert rotated.messages.get().body == "Mensaje con la clave antigua"
    from reports import files

    attachment = rotated.attachments.get()
    assert files.load(attachment.stored_name) == jpeg_with_gps_bytes(photo)
    assert files.load(attachment.clean_name)
    assert services.report_find(receipt=receipt) == rotated


def _upload(name, data):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile(name, data, content_type="application/octet-stream")


def jpeg_with_gps_bytes(upload) -> bytes:
    upload.seek(0)
    return upload.read()


@override_settings(REPORTS_ENCRYPTION_KEYS=["solo-una-clave"])
def test_without_the_key_nothing_reads(make_report):
    from reports.crypto import InvalidToken

    report, _ = make_report()
    with override_settings(REPORTS_ENCRYPTION_KEYS=["otra-clave"]), pytest.raises(InvalidToken):
        Report.objects.get(pk=report.pk)
