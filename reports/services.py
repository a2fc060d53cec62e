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
    STAFF_CHANNELS,
    STAGE_ORDER,
    Attachment,
    AuditAction,
    AuditEntry,
    Authority,
    Channel,
    Decision,
    Kind,
    Message,
    Outcome,
    Referral,
    Report,
    Stage,
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
    channel: str = Channel.WEB,
    received_on: datetime.date | None = None,
    received_reason: str = "",
) -> tuple[Report, str]:
    """File a report. Returns it with its receipt, which exists nowhere else afterwards.
    Staff recording a report received on another channel give the date of receipt: the
    terms run from it (see `report_record`)."""
    checked = _check_files(attachments)
    if occurred_on and occurred_on > today():
        raise Refused("future_date", _("La fecha de los hechos no puede ser posterior a hoy."), 400)
    receipt = receipt_generate()
    received_on = received_on or today()
    term = TERMS.get(kind, TERMS[Kind.REPORT])
    report = Report(
        kind=kind,
        channel=channel,
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
            report=report,
            to_status=Status.RECEIVED,
            reason=received_reason or _("Denuncia recibida por el canal de denuncias."),
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


# Other channels: staff record what arrived by phone, in person, by letter or e-mail


RECORD_WITHIN_DAYS = 60


def check_record(*, by, channel: str, received_on: datetime.date | None) -> None:
    _check_handler(by)
    if channel not in STAFF_CHANNELS:
        raise Refused(
            "wrong_channel",
            _("Elija por dónde llegó la denuncia: teléfono, en persona, carta o correo electrónico."),
            400,
        )
    if received_on is None:
        raise Refused("date_required", _("Indique la fecha en que se recibió la denuncia."), 400)
    if received_on > today():
        raise Refused("future_date", _("La fecha de recepción no puede ser posterior a hoy."), 400)
    if received_on < today() - datetime.timedelta(days=RECORD_WITHIN_DAYS):
        raise Refused(
            "too_old",
            _(
                "La fecha de recepción no puede tener más de %(days)s días: "
                "registre la denuncia el día en que llega."
            )
            % {"days": RECORD_WITHIN_DAYS},
            400,
        )


def report_record(*, by, channel: str, received_on: datetime.date | None, **fields) -> tuple[Report, str]:
    """A report received by phone, in person, by letter or by e-mail, recorded by a handler on
    the reporter's behalf. The legal terms run from the date of receipt; the receipt is handed
    over (printed or read out) and, as for the web form, exists nowhere else afterwards."""
    check_record(by=by, channel=channel, received_on=received_on)
    reason = _(
        "Denuncia recibida por %(channel)s el %(date)s y registrada por la Oficina de Transparencia."
    ) % {
        "channel": str(Channel(channel).label).lower(),
        "date": received_on.isoformat(),
    }
    with transaction.atomic():
        report, receipt = report_create(
            channel=channel, received_on=received_on, received_reason=reason, **fields
        )
        _audit(by, report, AuditAction.RECORD)
    return report, receipt


# Referrals to the competent authorities, and the outcome


def _authority(authority: str, other_authority: str) -> tuple[str, str]:
    if authority not in Authority.values:
        raise Refused("wrong_authority", _("Elija la autoridad competente."), 400)
    other_authority = (other_authority or "").strip()
    if authority == Authority.OTHER and not other_authority:
        raise Refused("authority_required", _("Escriba el nombre de la otra entidad."), 400)
    return authority, other_authority[:200] if authority == Authority.OTHER else ""


def _check_day(day: datetime.date | None, report: Report, what: str) -> datetime.date:
    if day is None:
        raise Refused("date_required", _("Indique la fecha (%(what)s).") % {"what": what}, 400)
    if day > today():
        raise Refused(
            "future_date", _("La fecha (%(what)s) no puede ser posterior a hoy.") % {"what": what}, 400
        )
    if day < report.received_on:
        raise Refused(
            "before_receipt",
            _("La fecha (%(what)s) no puede ser anterior a la recepción de la denuncia (%(date)s).")
            % {"what": what, "date": report.received_on.isoformat()},
            400,
        )
    return day


def _check_followable(report: Report) -> None:
    if report.status == Status.WITHDRAWN:
        raise Refused(
            "withdrawn", _("Quien denuncia desistió de esta denuncia: no se remite ni se decide."), 409
        )


def _history(report: Report, by, reason: str) -> None:
    StatusChange.objects.create(
        report=report, from_status=report.status, to_status=report.status, reason=reason, by=by
    )


def referral_create(
    *,
    report: Report,
    by,
    authority: str,
    referred_on: datetime.date | None,
    other_authority: str = "",
    case_reference: str = "",
    stage: str = Stage.SENT,
) -> Referral:
    """Refer the report to a competent authority; the reporter sees it in the history."""
    _check_handler(by)
    authority, other_authority = _authority(authority, other_authority)
    if stage not in Stage.values:
        raise Refused("wrong_stage", _("Elija una etapa válida."), 400)
    with transaction.atomic():
        report = _locked(report)
        _check_followable(report)
        referred_on = _check_day(referred_on, report, _("remisión"))
        referral = Referral.objects.create(
            report=report,
            authority=authority,
            other_authority=other_authority,
            referred_on=referred_on,
            case_reference=(case_reference or "").strip()[:100],
            stage=stage,
            updated_on=referred_on,
            created_by=by,
        )
        _history(
            report,
            by,
            _("Remitida a %(authority)s el %(date)s. Etapa: %(stage)s.")
            % {
                "authority": referral.authority_name,
                "date": referred_on.isoformat(),
                "stage": str(referral.get_stage_display()).lower(),
            },
        )
        _audit(by, report, AuditAction.REFER)
        _notify_reporter_on_commit(report)
    return referral


def referral_update(
    *,
    referral: Referral,
    by,
    stage: str,
    updated_on: datetime.date | None = None,
    case_reference: str | None = None,
) -> Referral:
    """News from the authority: the referral moves on (never back); each change is dated and logged."""
    _check_handler(by)
    if stage not in Stage.values:
        raise Refused("wrong_stage", _("Elija una etapa válida."), 400)
    updated_on = updated_on or today()
    with transaction.atomic():
        referral = Referral.objects.select_for_update().select_related("report").get(pk=referral.pk)
        report = referral.report
        _check_followable(report)
        if STAGE_ORDER[stage] < STAGE_ORDER[referral.stage]:
            raise Refused(
                "stage_back",
                _("La remisión ya está «%(current)s»: no puede volver a «%(stage)s».")
                % {
                    "current": str(referral.get_stage_display()).lower(),
                    "stage": str(Stage(stage).label).lower(),
                },
                409,
            )
        if updated_on > today():
            raise Refused("future_date", _("La fecha de la novedad no puede ser posterior a hoy."), 400)
        if updated_on < referral.referred_on:
            raise Refused(
                "before_referral", _("La fecha de la novedad no puede ser anterior a la remisión."), 400
            )
        new_reference = referral.case_reference if case_reference is None else case_reference.strip()[:100]
        if stage == referral.stage and new_reference == referral.case_reference:
            raise Refused("unchanged", _("No hay nada nuevo: cambie la etapa o el radicado."), 400)
        referral.stage = stage
        referral.case_reference = new_reference
        referral.updated_on = updated_on
        referral.save(update_fields=["stage", "case_reference", "updated_on"])
        _history(
            report,
            by,
            _("%(authority)s: la remisión está «%(stage)s» desde el %(date)s.")
            % {
                "authority": referral.authority_name,
                "stage": str(referral.get_stage_display()).lower(),
                "date": updated_on.isoformat(),
            },
        )
        _audit(by, report, AuditAction.REFERRAL_STAGE)
        _notify_reporter_on_commit(report)
    return referral


def outcome_record(
    *,
    report: Report,
    by,
    decision: str,
    decided_on: datetime.date | None,
    authority: str,
    summary: str,
    other_authority: str = "",
) -> Outcome:
    """The decision, with a summary written for the reporter. Recording it again corrects it;
    the referral to the deciding authority is marked decided."""
    _check_handler(by)
    if decision not in Decision.values:
        raise Refused("wrong_decision", _("Elija la decisión."), 400)
    authority, other_authority = _authority(authority, other_authority)
    summary = (summary or "").strip()
    if not summary:
        raise Refused(
            "summary_required", _("Escriba un resumen de la decisión: quien denuncia lo leerá."), 400
        )
    if len(summary) > 5000:
        raise Refused("too_long", _("El resumen no puede pasar de 5.000 caracteres."), 400)
    with transaction.atomic():
        report = _locked(report)
        _check_followable(report)
        decided_on = _check_day(decided_on, report, _("decisión"))
        outcome, _created = Outcome.objects.update_or_create(
            report=report,
            defaults={
                "decision": decision,
                "decided_on": decided_on,
                "authority": authority,
                "other_authority": other_authority,
                "summary": summary,
                "decided_by": by,
            },
        )
        referrals = Referral.objects.filter(report=report, authority=authority).exclude(stage=Stage.DECIDED)
        if authority == Authority.OTHER:
            referrals = referrals.filter(other_authority=other_authority)
        referrals.filter(referred_on__lte=decided_on).update(stage=Stage.DECIDED, updated_on=decided_on)
        _history(
            report,
            by,
            _("Decisión de %(authority)s del %(date)s: %(decision)s.")
            % {
                "authority": outcome.authority_name,
                "date": decided_on.isoformat(),
                "decision": str(outcome.get_decision_display()).lower(),
            },
        )
        _audit(by, report, AuditAction.DECIDE)
        _notify_reporter_on_commit(report)
    return outcome


def outcome_survey_answer(*, report: Report, satisfaction: int, would_report_again: bool | None) -> Outcome:
    """The reporter's short survey on the outcome, once; it feeds the public statistics only."""
    if satisfaction not in range(1, 6):
        raise Refused("wrong_satisfaction", _("Elija de 1 (nada satisfecho) a 5 (muy satisfecho)."), 400)
    with transaction.atomic():
        outcome = Outcome.objects.select_for_update().filter(report=report).first()
        if outcome is None:
            raise Refused("no_outcome", _("Esta denuncia todavía no tiene una decisión."), 409)
        if outcome.surveyed_on is not None:
            raise Refused("already_answered", _("Usted ya respondió la encuesta. ¡Gracias!"), 409)
        outcome.satisfaction = satisfaction
        outcome.would_report_again = would_report_again
        outcome.surveyed_on = today()
        outcome.save(update_fields=["satisfaction", "would_report_again", "surveyed_on", "updated_at"])
    return outcome


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
