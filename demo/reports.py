"""Demo reports for `seed_demo`: a few in every status, handled by the `denuncias` account and
watched by `supervision`. Idempotent: nothing is added when reports exist already."""

import datetime

from django.utils import timezone

from reports import services
from reports.business_days import add_business_days, business_days_between
from reports.models import Outcome, Referral, Report, Status
from reports.selectors import today

HANDLER_EMAIL = "denuncias@laboratorio.example"

# (days ago received, category, kind, description, entity, territory, steps)
DEMO_REPORTS = [
    (
        2,
        "cobros_indebidos",
        "report",
        "En la ventanilla de licencias de construcción un funcionario pide 300.000 pesos en efectivo para "
        "'agilizar' el trámite, que es gratuito.",
        "Curaduría y Secretaría de Planeación",
        "comuna-15",
        [],
    ),
    (
        6,
        "contratacion",
        "report",
        "El contrato de mantenimiento de parques de la comuna 4 se adjudicó a una empresa creada hace dos "
        "meses, cuyo representante es cuñado de un concejal.",
        "Secretaría de Infraestructura",
        "comuna-4",
        [("in_review", "Se solicitó el expediente del proceso a la Secretaría.")],
    ),
    (
        9,
        "peculado",
        "report",
        "Las volquetas del municipio trabajan los fines de semana en una finca privada del corregimiento 2.",
        "Secretaría de Infraestructura",
        "corregimiento-2",
        [
            ("in_review", "Se revisan las bitácoras de los vehículos."),
            ("question", "¿Recuerda las placas de las volquetas o las fechas en que las vio?"),
            ("awaiting_completion", "Necesitamos las fechas o las placas para verificar las bitácoras."),
        ],
    ),
    (
        25,
        "soborno",
        "report",
        "Un inspector de tránsito recibe dinero para no inmovilizar motos en la carrera 33.",
        "Dirección de Tránsito de Bucaramanga",
        "comuna-12",
        [
            ("in_review", "Se verificó la información con la Dirección de Tránsito."),
            ("answered", "Se abrió indagación disciplinaria y se rotó al inspector mientras se investiga."),
        ],
    ),
    (
        40,
        "trafico_influencias",
        "report",
        "Un asesor del despacho presiona a los evaluadores de una convocatoria de estímulos culturales.",
        "Instituto Municipal de Cultura",
        "bucaramanga",
        [
            (
                "forwarded",
                "Los hechos pueden constituir delito: se trasladan a la autoridad competente.",
                "Fiscalía General de la Nación, Seccional Santander",
            )
        ],
    ),
    (
        70,
        "nepotismo",
        "information",
        "Solicito la lista de contratistas de prestación de servicios de la Secretaría de Salud "
        "y su parentesco declarado con directivos.",
        "Secretaría de Salud",
        "bucaramanga",
        [
            ("answered", "Se entregó la relación de contratistas publicada en SECOP II."),
            ("closed", "Respuesta entregada; no hubo más solicitudes."),
        ],
    ),
    (
        30,
        "otro",
        "report",
        "Se están vendiendo cupos escolares en un colegio público de la comuna 1.",
        "Secretaría de Educación",
        "comuna-1",
        [
            ("awaiting_completion", "Indique el nombre del colegio, por favor."),
            ("withdrawn_by_reporter", ""),
        ],
    ),
    (
        20,
        "contratacion",
        "report",
        "Las obras del acueducto del barrio Café Madrid llevan un año paradas y el anticipo ya se pagó.",
        "Acueducto Metropolitano de Bucaramanga",
        "comuna-2",
        [
            ("in_review", "Se pidió informe al supervisor del contrato."),
            ("extend", "Se espera el informe técnico."),
        ],
    ),
]


def seed_reports() -> None:
    from accounts.models import User

    handler = User.objects.filter(email=HANDLER_EMAIL).first()
    if handler is None:
        return
    if not Report.objects.exists():
        _seed_current(handler)
    if not Referral.objects.exists():
        seed_follow_up(handler)


def _seed_current(handler) -> None:
    for days_ago, category, kind, description, entity, territory, steps in DEMO_REPORTS:
        report, _receipt = services.report_create(
            category=category, kind=kind, description=description, entity=entity, territory=territory
        )
        received = today() - datetime.timedelta(days=days_ago)
        Report.objects.filter(pk=report.pk).update(
            received_on=received, due_on=add_business_days(received, report.term_days)
        )
        report.status_changes.update(
            created_at=timezone.make_aware(datetime.datetime.combine(received, datetime.time(9, 30)))
        )
        report.refresh_from_db()
        services.report_assign(report=report, by=handler, handler=handler)
        for step in steps:
            action = step[0]
            if action == "question":
                services.report_write(report=report, by=handler, body=step[1], internal=False)
            elif action == "withdrawn_by_reporter":
                services.reporter_withdraw(report=report)
            elif action == "extend":
                report.refresh_from_db()
                if report.due_on and report.due_on >= today():
                    services.report_extend(report=report, by=handler, days=10, reason=step[1])
            else:
                authority = step[2] if len(step) > 2 else ""
                services.report_change_status(
                    report=report, by=handler, to_status=action, reason=step[1], authority=authority
                )
            report.refresh_from_db()


# Reports of last year that went all the way: referred, decided, and rated by the reporters, so
# that the public figures have something to show beyond "< 5". (category, channel, month, day,
# authority, case reference, decision, business days to decide, satisfaction, would report again)
LAST_YEAR = [
    ("contratacion", "web", 2, 3, "contraloria", "CGB-2025-014", "fiscal_liability", 95, 5, True),
    (
        "contratacion",
        "web",
        2,
        17,
        "procuraduria",
        "IUS-E-2025-118732",
        "disciplinary_sanction",
        120,
        4,
        True,
    ),
    ("contratacion", "phone", 3, 9, "contraloria", "CGB-2025-031", "archived", 60, 2, False),
    ("contratacion", "web", 4, 21, "fiscalia", "680016000159202500412", "criminal_charges", 160, 5, True),
    ("contratacion", "in_person", 5, 6, "procuraduria", "IUS-E-2025-203311", "archived", 70, 3, True),
    (
        "cobros_indebidos",
        "web",
        3,
        12,
        "control_interno",
        "CID-2025-009",
        "disciplinary_sanction",
        45,
        5,
        True,
    ),
    (
        "cobros_indebidos",
        "phone",
        6,
        2,
        "control_interno",
        "CID-2025-022",
        "disciplinary_sanction",
        50,
        4,
        True,
    ),
    ("cobros_indebidos", "web", 7, 14, "personeria", "PB-2025-0877", "administrative_measure", 30, 4, None),
    ("cobros_indebidos", "web", 8, 19, "control_interno", "CID-2025-040", "archived", 40, 2, False),
    (
        "cobros_indebidos",
        "phone",
        9,
        8,
        "fiscalia",
        "680016000159202501533",
        "criminal_charges",
        110,
        5,
        True,
    ),
    ("soborno", "web", 4, 2, "fiscalia", "680016000159202500388", "criminal_charges", 140, 4, True),
    ("soborno", "web", 6, 24, "procuraduria", "IUS-E-2025-311020", "disciplinary_sanction", 90, 4, True),
    ("soborno", "letter", 8, 4, "control_interno", "CID-2025-037", "archived", 35, 1, False),
    ("nepotismo", "web", 5, 20, "procuraduria", "IUS-E-2025-260114", "not_competent", 25, 3, None),
    ("nepotismo", "email", 9, 15, "personeria", "PB-2025-1102", "administrative_measure", 28, 4, True),
    ("peculado", "web", 10, 6, "contraloria", "CGB-2025-077", "fiscal_liability", 80, 5, True),
]

SUMMARIES = {
    "fiscal_liability": "La Contraloría abrió proceso de responsabilidad fiscal y ordenó recuperar el "
    "sobrecosto pagado al contratista.",
    "disciplinary_sanction": "Se sancionó disciplinariamente al servidor público involucrado con suspensión "
    "en el ejercicio del cargo.",
    "archived": "La autoridad archivó la actuación: no encontró pruebas suficientes de los hechos denunciados.",
    "criminal_charges": "La Fiscalía imputó cargos penales; el proceso sigue en los juzgados de Bucaramanga.",
    "administrative_measure": "La entidad corrigió el procedimiento y publicó la información que faltaba.",
    "not_competent": "La autoridad declaró no ser competente y devolvió el caso, que se cerró con respuesta de fondo.",
}


def seed_follow_up(handler) -> None:
    """Referrals and decisions: the demo's Fiscalía case under investigation, the traffic
    inspector's case decided, and last year's reports all decided and rated."""
    forwarded = Report.objects.filter(status=Status.FORWARDED).order_by("pk").first()
    if forwarded is not None:
        referral = services.referral_create(
            report=forwarded,
            by=handler,
            authority="fiscalia",
            referred_on=forwarded.forwarded_on or forwarded.received_on,
            case_reference="680016000159202600123",
        )
        services.referral_update(referral=referral, by=handler, stage="investigating")
    answered = Report.objects.filter(status=Status.ANSWERED, category="soborno").order_by("pk").first()
    if answered is not None:
        services.referral_create(
            report=answered,
            by=handler,
            authority="control_interno",
            referred_on=answered.received_on + datetime.timedelta(days=3),
            case_reference="CID-2026-051",
            stage="acknowledged",
        )
        services.outcome_record(
            report=answered,
            by=handler,
            decision="disciplinary_sanction",
            decided_on=today(),
            authority="control_interno",
            summary="La Oficina de Control Interno Disciplinario suspendió al inspector por tres meses "
            "y la Dirección de Tránsito cambió los turnos de control en la carrera 33.",
        )
    year = today().year - 1
    for category, channel, month, day, authority, reference, decision, days, score, again in LAST_YEAR:
        received = datetime.date(year, month, day)
        report, _receipt = services.report_create(
            category=category,
            channel=channel,
            description="Denuncia de demostración del año anterior.",
            entity="Alcaldía de Bucaramanga",
        )
        answered_on = add_business_days(received, 12)
        decided_on = add_business_days(received, days)
        Report.objects.filter(pk=report.pk).update(
            received_on=received,
            due_on=None,
            status=Status.CLOSED,
            assigned_to=handler,
            responded_on=answered_on,
            responded_in_term=True,
            business_days_to_respond=business_days_between(received, answered_on),
            forwarded_to=str(dict(services.Authority.choices)[authority]),
            forwarded_on=answered_on,
        )
        report.status_changes.update(
            created_at=timezone.make_aware(datetime.datetime.combine(received, datetime.time(10, 0)))
        )
        Referral.objects.create(
            report=report,
            authority=authority,
            referred_on=answered_on,
            case_reference=reference,
            stage="decided",
            updated_on=decided_on,
            created_by=handler,
        )
        Outcome.objects.create(
            report=report,
            decision=decision,
            decided_on=decided_on,
            authority=authority,
            summary=SUMMARIES[decision],
            decided_by=handler,
            satisfaction=score,
            would_report_again=again,
            surveyed_on=decided_on + datetime.timedelta(days=10),
        )
