# ruff: noqa: E501  (demo prose)
"""Demo projects: the selected ideas of the challenge with results turned into projects at several
progress levels, and a standalone commitment of the anti-corruption plan. Idempotent."""

import datetime

from django.utils import timezone

from accounts.models import Office
from demo.offices import demo_office
from ideas.models import Idea, IdeaStatus
from projects.models import Project
from projects.services import project_create

RESULTS_CHALLENGE = "presupuesto-participativo-transparente"
DAY = datetime.timedelta(days=1)

OFFICES = [
    ("Secretaría de Planeación", "planeacion", "SP"),
    ("Secretaría de Hacienda", "hacienda", "SH"),
    ("Secretaría de Infraestructura", "infraestructura", "SI"),
    ("Secretaría de Desarrollo Social", "desarrollo-social", "SDS"),
    ("Secretaría Administrativa", "administrativa", "SA"),
    ("Secretaría Jurídica", "juridica", "SJ"),
    ("Oficina de Control Interno", "control-interno", "OCI"),
    ("Oficina de Control Interno Disciplinario", "control-disciplinario", "OCID"),
    ("Secretaría del Interior", "interior", "SIN"),
    ("Oficina TIC", "tic", "TIC"),
]

# For each selected idea (in order): title, summary, office, budget, territory, status, milestones
# (title, weight, due in days from today, done days ago or None, evidence).
PLANS = [
    (
        "Visor del presupuesto participativo, comuna por comuna",
        "Un visor público con cada proyecto del presupuesto participativo: cuánto se asignó, cuánto se ha pagado, quién lo ejecuta y en qué va, con datos abiertos que se actualizan cada mes.",
        "planeacion",
        420_000_000,
        "bucaramanga",
        "in_progress",
        [
            (
                "Inventario de los proyectos 2024–2026 de las 17 comunas",
                2,
                -120,
                125,
                "https://www.datos.gov.co/",
            ),
            ("Diseño del visor con las juntas administradoras locales", 2, -60, 70, ""),
            ("Publicación del visor con los datos de 2025", 4, -10, 8, "https://www.bucaramanga.gov.co/"),
            ("Actualización mensual automática desde el sistema financiero", 2, 60, None, ""),
        ],
    ),
    (
        "Asambleas comunales transmitidas y con acta pública",
        "Las asambleas de priorización del presupuesto participativo se transmiten en vivo y su acta se publica en la plataforma en menos de cinco días hábiles.",
        "interior",
        85_000_000,
        "comuna-14",
        "in_progress",
        [
            ("Protocolo de transmisión y actas acordado con los ediles", 1, -40, 45, ""),
            ("Piloto en la Comuna 14 Morrorico", 2, 20, None, ""),
            ("Extensión a las 17 comunas", 4, 150, None, ""),
        ],
    ),
    (
        "Semáforo de avance de los proyectos comunales",
        "Cada proyecto comunal con un semáforo (a tiempo, con retraso, detenido) calculado con sus hitos, visible en la plataforma y en las carteleras de las juntas de acción comunal.",
        "desarrollo-social",
        60_000_000,
        "comuna-1",
        "completed",
        [
            ("Criterios del semáforo concertados", 1, -150, 150, ""),
            ("Semáforo en la plataforma", 2, -90, 92, "https://www.bucaramanga.gov.co/"),
            ("Carteleras en las juntas de acción comunal", 1, -30, 31, ""),
        ],
    ),
]

COMMITMENT = (
    "Publicación en datos abiertos de toda la contratación directa",
    "Compromiso del Plan Anticorrupción 2026: cada contrato por contratación directa se publica en datos abiertos con su justificación, su supervisor y sus pagos.",
    "juridica",
    None,
    "bucaramanga",
    "in_progress",
    [
        (
            "Conjunto de datos definido con Colombia Compra Eficiente",
            1,
            -100,
            100,
            "https://www.colombiacompra.gov.co/",
        ),
        ("Primera publicación trimestral", 1, -15, 12, ""),
        ("Publicación trimestral del segundo semestre", 1, 30, None, ""),
        ("Informe de uso de los datos por veedurías", 1, 110, None, ""),
    ],
)


def seed_offices() -> dict[str, Office]:
    offices = {}
    for name, slug, acronym in OFFICES:
        # By name: the plan's activities may have brought the office in already.
        offices[slug] = demo_office(name, slug, acronym)
    return offices


def _create(spec, offices, idea=None) -> Project:
    title, summary, office, budget, territory, status, milestones = spec
    today = timezone.localdate()
    return project_create(
        title=title,
        summary=summary,
        office=offices[office],
        idea=idea,
        starts_on=today - 180 * DAY,
        ends_on=today + 240 * DAY,
        budget=budget,
        status=status,
        territory=territory,
        milestones=[
            {
                "title": name,
                "weight": weight,
                "due_on": today + due * DAY,
                "done_on": None if done is None else today - done * DAY,
                "evidence_url": evidence,
            }
            for name, weight, due, done, evidence in milestones
        ],
    )


def seed_projects() -> None:
    offices = seed_offices()
    selected = Idea.objects.filter(challenge__slug=RESULTS_CHALLENGE, status=IdeaStatus.SELECTED).order_by(
        "pk"
    )
    for idea, spec in zip(selected, PLANS, strict=False):
        if not Project.objects.filter(idea=idea).exists():
            _create(spec, offices, idea)
    if not Project.objects.filter(title=COMMITMENT[0]).exists():
        _create(COMMITMENT, offices)
