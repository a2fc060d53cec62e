"""Demo reports for `seed_demo`: a few in every status, handled by the `denuncias` account and
watched by `supervision`. Idempotent: nothing is added when reports exist already."""

import datetime

from django.utils import timezone

from reports import services
from reports.business_days import add_business_days
from reports.models import Report
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

    if Report.objects.exists():
        return
    handler = User.objects.filter(email=HANDLER_EMAIL).first()
    if handler is None:
        return
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
