"""Writes of the report channel: file a report, follow it with the receipt, handle it within
the legal terms (Ley 1755 de 2015), and re-encrypt everything with a new key.

Handlers' actions take a report already loaded through `selectors.access_report` (which
checked the handler and wrote the audit entry); each writes in one transaction, with the
row locked, and records the change in the history the reporter sees.
"""

import calendar
import datetime
import secrets

from django.contrib.auth.hashers import Argon2PasswordHasher
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils.translation import gettext as _

from core.refusals import Refused
from reports import crypto, files, rules
from reports.business_days import add_business_days, business_days_between
from reports.models import (
    OPEN_STATUSES,
    RESPONDED_STATUSES,
    Attachment,
    AuditAction,
    AuditEntry,
    Kind,
    Message,
    Report,
    Status,
    StatusChange,
)
from reports.selectors import today

TERMS = {Kind.REPORT: 15, Kind.INFORMATION: 10}
FORWARD_WITHIN = 5

# Status changes a handler may make, from each status.
HANDLER_FLOW = {
    Status.RECEIVED: {
        Status.IN_REVIEW,
        Status.AWAITING_COMPLETION,
        Status.ANSWERED,
        Status.FORWARDED,
        Status.CLOSED,
    },
    Status.IN_REVIEW: {Status.AWAITING_COMPLETION, Status.ANSWERED, Status.FORWARDED, Status.CLOSED},
    Status.AWAITING_COMPLETION: {Status.IN_REVIEW, Status.CLOSED, Status.WITHDRAWN},
    Status.ANSWERED: {Status.CLOSED},
    Status.FORWARDED: {Status.CLOSED},
    Status.CLOSED: set(),
    Status.WITHDRAWN: set(),
}

_hasher = Argon2PasswordHasher()
# A hash to verify against when no report has the index: a miss costs what a hit costs.
_DUMMY_HASH = _hasher.encode("0" * 16, _hasher.salt())


# Receipts


def receipt_generate() -> str:
    return "".join(secrets.choice("0123456789") for _ in range(16))


def receipt_format(receipt: str) -> str:
    return " ".join(receipt[i : i + 4] for i in range(0, 16, 4))


def receipt_normalize(text: str) -> str | None:
    """16 digits, whatever spaces or dashes people typed between them; None if not a receipt."""
    digits = "".join(ch for ch in (text or "") if ch not in " -\u00a0\t")
    return digits if len(digits) == 16 and digits.isascii() and digits.isdigit() else None


def _receipt_index(receipt: str) -> str:
    return crypto.keyed_digest("receipt", receipt)


def report_find(*, receipt: str) -> Report | None:
    """The report of this receipt, or None. One indexed query and exactly one slow verification."""
    code = receipt_normalize(receipt)
    report = Report.objects.filter(receipt_index=_receipt_index(code)).first() if code else None
    if report is None:
        _hasher.verify(code or "x", _DUMMY_HASH)
        return None
    return report if _hasher.verify(code, report.receipt_hash) else None


# Filing and following


def _add_month(day: datetime.date) -> datetime.date:
    year, month = (day.year + 1, 1) if day.month == 12 else (day.year, day.month + 1)
    return day.replace(year=year, month=month, day=min(day.day, calendar.monthrange(year, month)[1]))


def _save_files(report: Report, message: Message | None, checked: list[files.CheckedFile]) -> None:
    for upload in checked:
        clean_name = files.store(files.without_metadata(upload.data)) if upload.is_image else ""
        Attachment.objects.create(
            report=report,
            message=message,
            stored_name=files.store(upload.data),
            clean_name=clean_name,
            original_filename=upload.name,
            content_type=upload.content_type,
            size=len(upload.data),
        )


def _check_files(uploads) -> list[files.CheckedFile]:
    try:
        return files.check_files(uploads or [])
    except files.BadFile as bad:
        raise Refused("bad_file", str(bad), 400) from bad


def report_create(
    *,
    category: str,
    description: str,
    entity: str,
    kind: str = Kind.REPORT,
    territory: str = "",
    place: str = "",
    occurred_on: datetime.date | None = None,
    people_involved: str = "",
    how_known: str = "",
    how_known_detail: str = "",
    contact_name: str = "",
    contact_email: str = "",
    contact_phone: str = "",
    fears_retaliation: bool = False,
    attachments=(),
) -> tuple[Report, str]:
    """File a report. Returns it with its receipt, which exists nowhere else afterwards."""
    checked = _check_files(attachments)
    if occurred_on and occurred_on > today():
        raise Refused("future_date", _("La fecha de los hechos no puede ser posterior a hoy."), 400)
    receipt = receipt_generate()
    received_on = today()
    term = TERMS.get(kind, TERMS[Kind.REPORT])
    report = Report(
        kind=kind,
        category=category,
        description=description.strip(),
        entity=entity.strip(),
        territory=territory,
        place=place.strip(),
        occurred_on=occurred_on,
        people_involved=people_involved.strip(),
        how_known=how_known,
        how_known_detail=how_known_detail.strip(),
        contact_name=contact_name.strip(),
        contact_email=contact_email.strip(),
        contact_phone=contact_phone.strip(),
        fears_retaliation=fears_retaliation,
        receipt_hash=_hasher.encode(receipt, _hasher.salt()),
        receipt_index=_receipt_index(receipt),
        received_on=received_on,
        term_days=term,
        due_on=add_business_days(received_on, term),
    )
    try:
        report.full_clean()
    except ValidationError as invalid:
        raise Refused("invalid", " ".join(invalid.messages), 400) from invalid
    with transaction.atomic():
        report.save()
        StatusChange.objects.create(
            report=report, to_status=Status.RECEIVED, reason=_("Denuncia recibida por el canal de denuncias.")
        )
        _save_files(report, None, checked)
    return report, receipt


def _locked(report: Report) -> Report:
    return Report.objects.select_for_update().get(pk=report.pk)


def _record(report: Report, to_status: str, reason: str, by=None) -> None:
    StatusChange.objects.create(
        report=report, from_status=report.status, to_status=to_status, reason=reason, by=by
    )
    report.status = to_status


def _resume_clock(report: Report, day: datetime.date) -> None:
    report.due_on = add_business_days(day, max(report.paused_days_left or 0, 1))
    report.paused_days_left = None
    report.paused_on = None


def reporter_message(*, report: Report, body: str, attachments=()) -> Message:
    """The reporter answers or adds information; awaiting completion, this restarts the clock."""
    body = (body or "").strip()
    checked = _check_files(attachments)
    if not body and not checked:
        raise Refused("empty", _("Escriba un mensaje o adjunte un archivo."), 400)
    if len(body) > 10_000:
        raise Refused("too_long", _("El mensaje no puede pasar de 10.000 caracteres."), 400)
    with transaction.atomic():
        report = _locked(report)
        if report.status not in OPEN_STATUSES:
            raise Refused(
                "closed",
                _(
                    "Esta denuncia ya está «%(status)s»: no admite más mensajes. "
                    "Si tiene hechos nuevos, presente otra."
                )
                % {"status": report.get_status_display().lower()},
                409,
            )
        message = Message.objects.create(report=report, author=Message.Author.REPORTER, body=body)
        _save_files(report, message, checked)
        if report.status == Status.AWAITING_COMPLETION:
            _record(
                report,
                Status.IN_REVIEW,
                _("Quien denuncia completó la información; el término sigue corriendo."),
            )
            _resume_clock(report, today())
        report.save()
    return message


def reporter_withdraw(*, report: Report) -> Report:
    with transaction.atomic():
        report = _locked(report)
        if report.status not in OPEN_STATUSES:
            raise Refused("closed", _("Esta denuncia ya no está en trámite."), 409)
        _record(report, Status.WITHDRAWN, _("Quien denuncia desistió de la denuncia."))
        report.due_on = None
        report.save()
    return report


# Handling


def _check_handler(user) -> None:
    if not rules.can_handle(user):
        raise Refused("forbidden", _("Solo la Oficina de Transparencia gestiona denuncias."), 403)


def _audit(user, report: Report, action: str) -> None:
    AuditEntry.objects.create(user=user, report=report, action=action)


def _notify_reporter_on_commit(report: Report) -> None:
    from reports import tasks

    if report.contact_email:
        report_id = report.pk
        transaction.on_commit(lambda: tasks.email_reporter_news.enqueue(report_id))


def report_assign(*, report: Report, by, handler) -> Report:
    _check_handler(by)
    if handler is not None and not rules.can_handle(handler):
        raise Refused(
            "not_handler", _("Solo se puede asignar a una persona de la Oficina de Transparencia."), 400
        )
    with transaction.atomic():
        report = _locked(report)
        report.assigned_to = handler
        report.save(update_fields=["assigned_to", "updated_at"])
        _audit(by, report, AuditAction.ASSIGN)
    return report


def report_change_status(*, report: Report, by, to_status: str, reason: str, authority: str = "") -> Report:
    _check_handler(by)
    reason = (reason or "").strip()
    if not reason:
        raise Refused(
            "reason_required", _("Escriba el motivo del cambio de estado: quien denuncia lo verá."), 400
        )
    day = today()
    with transaction.atomic():
        report = _locked(report)
        if to_status not in HANDLER_FLOW.get(report.status, set()):
            raise Refused(
                "wrong_status",
                _("Una denuncia «%(from)s» no puede pasar a «%(to)s».")
                % {
                    "from": report.get_status_display().lower(),
                    "to": str(Status(to_status).label).lower() if to_status in Status.values else to_status,
                },
                409,
            )
        if to_status == Status.WITHDRAWN and (report.paused_on is None or day < _add_month(report.paused_on)):
            raise Refused(
                "too_early",
                _("Solo se puede dar por desistida después de un mes sin respuesta de quien denuncia."),
                409,
            )
        if to_status == Status.FORWARDED:
            authority = (authority or "").strip()
            if not authority:
                raise Refused(
                    "authority_required", _("Indique la autoridad competente a la que se traslada."), 400
                )
            report.forwarded_to = authority[:200]
            report.forwarded_on = day
        if to_status == Status.AWAITING_COMPLETION:
            report.paused_days_left = (
                max(business_days_between(day, report.due_on), 0) if report.due_on else 0
            )
            report.paused_on = day
            report.due_on = None
        elif report.status == Status.AWAITING_COMPLETION:
            if to_status == Status.IN_REVIEW:
                _resume_clock(report, day)
            else:
                report.paused_days_left = None
        if to_status in RESPONDED_STATUSES and report.responded_on is None:
            total = report.term_days + report.extension_days
            if report.due_on is None:
                left = 0
            elif day <= report.due_on:
                left = business_days_between(day, report.due_on)
            else:
                left = -business_days_between(report.due_on, day)
            report.responded_on = day
            report.responded_in_term = left >= 0
            report.business_days_to_respond = max(total - left, 0)
        _record(report, to_status, reason, by)
        report.save()
        _audit(by, report, AuditAction.CHANGE_STATUS)
        _notify_reporter_on_commit(report)
    return report


def report_extend(*, report: Report, by, days: int, reason: str) -> Report:
    """One extension, before the deadline, with a reason, of at most the original term."""
    _check_handler(by)
    reason = (reason or "").strip()
    if not reason:
        raise Refused("reason_required", _("Escriba el motivo de la prórroga: quien denuncia lo verá."), 400)
    with transaction.atomic():
        report = _locked(report)
        if report.extension_days:
            raise Refused("already_extended", _("El término de esta denuncia ya se prorrogó una vez."), 409)
        if report.status not in (Status.RECEIVED, Status.IN_REVIEW) or report.due_on is None:
            raise Refused(
                "not_running", _("Solo se prorroga una denuncia en trámite con el término corriendo."), 409
            )
        if today() > report.due_on:
            raise Refused(
                "too_late", _("El término ya venció: la prórroga debe pedirse antes del vencimiento."), 409
            )
        if not 1 <= days <= report.term_days:
            raise Refused(
                "too_long",
                _("La prórroga puede ser de 1 a %(max)s días hábiles (hasta el doble del término inicial).")
                % {"max": report.term_days},
                400,
            )
        report.extension_days = days
        report.extension_reason = reason
        report.due_on = add_business_days(report.due_on, days)
        StatusChange.objects.create(
            report=report,
            from_status=report.status,
            to_status=report.status,
            reason=_("Término prorrogado hasta el %(date)s: %(reason)s")
            % {"date": report.due_on.isoformat(), "reason": reason},
            by=by,
        )
        report.save()
        _audit(by, report, AuditAction.EXTEND)
        _notify_reporter_on_commit(report)
    return report


def report_write(*, report: Report, by, body: str, internal: bool, attachments=()) -> Message:
    """A message to the reporter, or an internal note that the reporter never sees."""
    _check_handler(by)
    body = (body or "").strip()
    if not body:
        raise Refused("empty", _("Escriba el mensaje."), 400)
    checked = _check_files(attachments)
    with transaction.atomic():
        report = _locked(report)
        if not internal and report.status in (Status.CLOSED, Status.WITHDRAWN):
            raise Refused("closed", _("Esta denuncia ya no está en trámite."), 409)
        message = Message.objects.create(
            report=report, author=Message.Author.HANDLER, handler=by, body=body, internal=internal
        )
        _save_files(report, message, checked)
        _audit(by, report, AuditAction.NOTE if internal else AuditAction.MESSAGE)
        if not internal:
            _notify_reporter_on_commit(report)
    return message


def forward_by(report: Report) -> datetime.date:
    return add_business_days(report.received_on, FORWARD_WITHIN)


# Keys


def reports_rotate_keys() -> dict[str, int]:
    """Re-encrypt every report, message, history entry and file with the newest key."""
    from reports.crypto import EncryptedTextField

    counts: dict[str, int] = {}
    for model in (Report, StatusChange, Message, Attachment):
        fields = [f.name for f in model._meta.fields if isinstance(f, EncryptedTextField)]
        n = 0
        for obj in model.objects.only("pk", *fields).iterator(chunk_size=200):
            with transaction.atomic():
                if model is Attachment:
                    obj.stored_name = files.rotate_file(obj.stored_name)
                    if obj.clean_name:
                        obj.clean_name = files.rotate_file(obj.clean_name)
                    model.objects.filter(pk=obj.pk).update(
                        stored_name=obj.stored_name, clean_name=obj.clean_name
                    )
                # Reading decrypted with whichever key; saving encrypts with the newest.
                model.objects.filter(pk=obj.pk).update(**{name: getattr(obj, name) for name in fields})
            n += 1
        counts[model._meta.model_name] = n
    return counts


# Reminders


def deadline_reminders_send(day: datetime.date | None = None) -> tuple[int, int]:
    """Remind the assigned handler and the supervisors 3 business days before a deadline and
    once it has passed. Idempotent: each deadline is announced once of each kind."""
    from reports import tasks

    day = day or today()
    soon_limit = add_business_days(day, 3)
    running = Report.objects.filter(status__in=(Status.RECEIVED, Status.IN_REVIEW), due_on__isnull=False)
    soon = list(
        running.filter(due_on__gte=day, due_on__lte=soon_limit)
        .exclude(reminded_soon_for=models.F("due_on"))
        .values_list("pk", flat=True)
    )
    overdue = list(
        running.filter(due_on__lt=day)
        .exclude(reminded_overdue_for=models.F("due_on"))
        .values_list("pk", flat=True)
    )
    with transaction.atomic():
        Report.objects.filter(pk__in=soon).update(reminded_soon_for=models.F("due_on"))
        Report.objects.filter(pk__in=overdue).update(reminded_overdue_for=models.F("due_on"))

        def enqueue() -> None:
            for pk in soon:
                tasks.email_deadline_reminder.enqueue(pk, False)
            for pk in overdue:
                tasks.email_deadline_reminder.enqueue(pk, True)

        transaction.on_commit(enqueue)
    return len(soon), len(overdue)
