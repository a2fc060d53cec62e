# ruff: noqa: E501  (demo prose)
"""Demo content of the observatory: a dozen transparency and open-government indicators for
Bucaramanga with several years of observations (some by comuna), and the 2025 and 2026 plans with
their follow-ups. Idempotent: what exists is left alone."""

import datetime
import random
from decimal import Decimal

from django.db import transaction

from accounts.models import Office
from core.territories import CITY, COMUNAS
from demo.offices import demo_office
from observatory.models import (
    Activity,
    Component,
    Cut,
    FollowUp,
    Indicator,
    Observation,
    Plan,
    Progress,
    Target,
)
from observatory.periods import period_start

YEARS = list(range(2019, 2026))
ALCALDIA = "Alcaldía de Bucaramanga"

# slug, name, unit, higher is better, theme, periodicity, source, office, description, methodology,
# series (year → city value), by comuna, targets
INDICATORS = [
    (
        "indice-transparencia-ita",
        "Índice de Transparencia y Acceso a la Información (ITA) de la Alcaldía",
        "puntos",
        True,
        "transparencia",
        "yearly",
        "Procuraduría General de la Nación, matriz ITA",
        "Secretaría Administrativa",
        "Cumplimiento de la Alcaldía de las obligaciones de publicación de la Ley 1712 de 2014, de 0 a 100.",
        "La Procuraduría evalúa cada año la matriz de cumplimiento que diligencia la entidad y verifica en su "
        "sitio web cada categoría de información (Resolución 1519 de 2020). El puntaje va de 0 a 100.",
        [62, 68, 74, 79, 85, 88, 92],
        False,
        {"2025": 95, "2026": 98},
    ),
    (
        "contratacion-directa",
        "Contratos celebrados por contratación directa",
        "%",
        False,
        "contratacion",
        "yearly",
        "SECOP II, Colombia Compra Eficiente",
        "Secretaría Jurídica",
        "Porcentaje del valor contratado por la Alcaldía mediante contratación directa.",
        "Valor de los contratos de la modalidad «contratación directa» dividido por el valor total contratado "
        "en el año, según los datos abiertos de SECOP II (datos.gov.co).",
        [71.4, 69.8, 73.2, 66.5, 61.0, 57.3, 52.8],
        False,
        {"2025": 50, "2026": 45},
    ),
    (
        "procesos-un-solo-oferente",
        "Procesos competitivos con un solo oferente",
        "%",
        False,
        "contratacion",
        "yearly",
        "SECOP II, Colombia Compra Eficiente",
        "Secretaría Jurídica",
        "Procesos de licitación, selección abreviada y concurso de méritos que recibieron una sola oferta.",
        "Procesos competitivos adjudicados con una única oferta dividido por el total de procesos competitivos "
        "adjudicados en el año.",
        [38.0, 35.5, 41.2, 33.9, 29.4, 27.1, 24.6],
        False,
        {"2025": 25, "2026": 20},
    ),
    (
        "tiempo-respuesta-pqrsd",
        "Tiempo promedio de respuesta a PQRSD",
        "días hábiles",
        False,
        "atencion",
        "quarterly",
        "Sistema de gestión documental de la Alcaldía",
        "Secretaría Administrativa, Atención al Ciudadano",
        "Días hábiles que tarda en promedio la Alcaldía en responder peticiones, quejas, reclamos, sugerencias "
        "y denuncias.",
        "Promedio de días hábiles entre la radicación y la respuesta de las PQRSD cerradas en el trimestre.",
        None,
        True,
        {"2025-Q4": 10, "2026-Q4": 8},
    ),
    (
        "pqrsd-respondidas-a-tiempo",
        "PQRSD respondidas dentro del término legal",
        "%",
        True,
        "atencion",
        "quarterly",
        "Sistema de gestión documental de la Alcaldía",
        "Secretaría Administrativa, Atención al Ciudadano",
        "PQRSD respondidas dentro de los términos de la Ley 1755 de 2015.",
        "PQRSD respondidas dentro del término legal dividido por las PQRSD cuyo término venció en el trimestre.",
        None,
        False,
        {"2025-Q4": 90, "2026-Q4": 95},
    ),
    (
        "ejecucion-presupuestal",
        "Ejecución presupuestal de inversión",
        "%",
        True,
        "presupuesto",
        "yearly",
        "Secretaría de Hacienda, informe de ejecución presupuestal",
        "Secretaría de Hacienda",
        "Compromisos del presupuesto de inversión frente a la apropiación definitiva.",
        "Compromisos registrados al 31 de diciembre dividido por la apropiación definitiva del presupuesto de "
        "inversión del año.",
        [84.2, 71.5, 79.8, 86.3, 82.1, 88.7, 90.4],
        False,
        {"2025": 92, "2026": 93},
    ),
    (
        "presupuesto-participativo",
        "Presupuesto de inversión decidido con participación ciudadana",
        "%",
        True,
        "participacion",
        "yearly",
        "Secretaría de Planeación",
        "Secretaría de Planeación",
        "Parte del presupuesto de inversión asignada por las comunas y corregimientos en ejercicios de "
        "presupuesto participativo.",
        "Valor de los proyectos priorizados en presupuesto participativo dividido por el presupuesto de "
        "inversión del año.",
        [1.2, 0.8, 1.5, 2.1, 2.4, 3.0, 3.6],
        True,
        {"2025": 4, "2026": 5},
    ),
    (
        "datasets-abiertos",
        "Conjuntos de datos abiertos publicados",
        "conjuntos de datos",
        True,
        "transparencia",
        "yearly",
        "Portal de datos abiertos de Colombia (datos.gov.co)",
        "Oficina TIC",
        "Conjuntos de datos de la Alcaldía publicados y actualizados en datos.gov.co.",
        "Conjuntos de datos de la entidad en datos.gov.co con al menos una actualización en el año.",
        [12, 18, 27, 35, 41, 56, 68],
        False,
        {"2025": 70, "2026": 85},
    ),
    (
        "audiencias-rendicion-cuentas",
        "Espacios de rendición de cuentas con la ciudadanía",
        "espacios",
        True,
        "participacion",
        "yearly",
        "Informe de rendición de cuentas de la Alcaldía",
        "Secretaría de Planeación",
        "Audiencias públicas, diálogos en comunas y ferias de rendición de cuentas realizados en el año.",
        "Espacios presenciales o virtuales de diálogo de doble vía con la ciudadanía registrados en el informe "
        "anual de rendición de cuentas (Ley 1757 de 2015).",
        [4, 2, 6, 9, 11, 14, 17],
        True,
        {"2025": 18, "2026": 20},
    ),
    (
        "hallazgos-fiscales",
        "Hallazgos con incidencia fiscal de la Contraloría",
        "hallazgos",
        False,
        "integridad",
        "yearly",
        "Contraloría Municipal de Bucaramanga",
        "Oficina de Control Interno",
        "Hallazgos con presunta incidencia fiscal de las auditorías de la Contraloría Municipal a la Alcaldía.",
        "Hallazgos fiscales comunicados en los informes definitivos de auditoría del año.",
        [31, 27, 35, 22, 19, 16, 12],
        False,
        {"2025": 12, "2026": 10},
    ),
    (
        "indice-desempeno-institucional",
        "Índice de Desempeño Institucional (FURAG)",
        "puntos",
        True,
        "integridad",
        "yearly",
        "Departamento Administrativo de la Función Pública, FURAG",
        "Oficina de Control Interno",
        "Desempeño de la gestión de la Alcaldía según el Modelo Integrado de Planeación y Gestión (MIPG).",
        "Puntaje del Índice de Desempeño Institucional que calcula Función Pública con el Formulario Único de "
        "Reporte y Avance de Gestión (FURAG), de 0 a 100.",
        [70.1, 72.6, 75.3, 78.9, 80.2, 83.5, 85.1],
        False,
        {"2025": 85, "2026": 88},
    ),
    (
        "tramites-en-linea",
        "Trámites que se pueden hacer totalmente en línea",
        "%",
        True,
        "atencion",
        "yearly",
        "Sistema Único de Información de Trámites (SUIT)",
        "Oficina TIC",
        "Trámites de la Alcaldía inscritos en el SUIT que se pueden completar en línea de principio a fin.",
        "Trámites inscritos en el SUIT con nivel de digitalización total dividido por el total de trámites "
        "inscritos de la entidad.",
        [8.0, 19.5, 27.3, 33.8, 40.1, 47.6, 55.2],
        False,
        {"2025": 55, "2026": 65},
    ),
]


def _quarterly(rng: random.Random, start: float, end: float, noise: float) -> list[tuple[str, Decimal]]:
    periods = [f"{year}-Q{quarter}" for year in range(2021, 2026) for quarter in range(1, 5)]
    periods.append("2026-Q1")
    periods.append("2026-Q2")
    periods.append("2026-Q3")
    values = []
    for index, period in enumerate(periods):
        value = start + (end - start) * index / (len(periods) - 1) + rng.uniform(-noise, noise)
        values.append((period, Decimal(str(round(value, 1)))))
    return values


def _office(name: str) -> Office:
    """The office (dependencia) of that name, created on first use."""
    return demo_office(name)


@transaction.atomic
def seed_observatory() -> None:
    rng = random.Random(2026)  # noqa: S311  (demo numbers)
    for order, spec in enumerate(INDICATORS, start=1):
        (slug, name, unit, higher, theme, periodicity, source, office, description, methodology, series,
         by_comuna, targets) = spec  # fmt: skip
        indicator, created = Indicator.objects.get_or_create(
            slug=slug,
            defaults={
                "name": name,
                "unit": unit,
                "higher_is_better": higher,
                "theme": theme,
                "periodicity": periodicity,
                "source": source,
                "responsible_office": office,
                "description": description,
                "methodology": methodology,
                "order": order,
            },
        )
        if not created:
            continue
        if series is None:
            if slug == "tiempo-respuesta-pqrsd":
                points = _quarterly(rng, 16.5, 9.2, 1.2)
            else:
                points = _quarterly(rng, 71.0, 93.0, 2.5)
        else:
            points = [(str(year), Decimal(str(value))) for year, value in zip(YEARS, series, strict=True)]
        rows = [(period, CITY, value) for period, value in points]
        if by_comuna:
            for code, _name in COMUNAS:
                factor = rng.uniform(0.55, 1.45)
                for period, value in points[-4:]:
                    comuna_value = value * Decimal(str(round(factor, 3)))
                    comuna_value = comuna_value.quantize(
                        Decimal("1") if unit == "espacios" else Decimal("0.1")
                    )
                    rows.append((period, code, comuna_value))
        Observation.objects.bulk_create(
            [
                Observation(
                    indicator=indicator,
                    period=period,
                    period_start=period_start(period),
                    territory=territory,
                    value=value,
                )
                for period, territory, value in rows
            ]
        )
        Target.objects.bulk_create(
            [
                Target(indicator=indicator, period=period, value=Decimal(str(value)))
                for period, value in targets.items()
            ]
        )
    _seed_plans()


COMPONENTS = [
    (
        "Gestión del riesgo de corrupción",
        "Mapa de riesgos de corrupción de cada proceso, sus controles y su monitoreo.",
        [
            (
                "Actualizar la política de administración del riesgo",
                "Política actualizada y adoptada por resolución",
                "Política adoptada (sí/no)",
                "Secretaría de Planeación",
                (1, 15),
                (3, 31),
            ),
            (
                "Construir el mapa de riesgos de corrupción con todas las dependencias",
                "Mapa de riesgos publicado",
                "Procesos con riesgos identificados / total de procesos",
                "Oficina de Control Interno",
                (1, 15),
                (1, 31),
            ),
            (
                "Consultar el mapa de riesgos con la ciudadanía antes de su adopción",
                "Consulta en línea con informe de observaciones",
                "Observaciones respondidas / recibidas",
                "Secretaría de Planeación",
                (1, 10),
                (1, 25),
            ),
            (
                "Monitorear los controles del mapa de riesgos cada cuatrimestre",
                "Tres informes de monitoreo",
                "Informes publicados / 3",
                "Oficina de Control Interno",
                (4, 1),
                (12, 31),
            ),
        ],
    ),
    (
        "Racionalización de trámites",
        "Trámites más simples, más rápidos y en línea.",
        [
            (
                "Digitalizar el trámite de impuesto de industria y comercio",
                "Trámite en línea de principio a fin",
                "Trámite en línea (sí/no)",
                "Secretaría de Hacienda",
                (2, 1),
                (9, 30),
            ),
            (
                "Eliminar la exigencia de certificados que la Alcaldía ya tiene",
                "Cinco trámites sin certificados internos",
                "Trámites racionalizados / 5",
                "Secretaría Administrativa",
                (2, 1),
                (6, 30),
            ),
            (
                "Publicar en el SUIT los tiempos de respuesta reales de cada trámite",
                "SUIT actualizado",
                "Trámites actualizados / inscritos",
                "Oficina TIC",
                (3, 1),
                (7, 31),
            ),
        ],
    ),
    (
        "Rendición de cuentas",
        "Información, diálogo y responsabilidad frente a la ciudadanía.",
        [
            (
                "Realizar la audiencia pública de rendición de cuentas",
                "Audiencia con transmisión en vivo y acta",
                "Audiencia realizada (sí/no)",
                "Secretaría de Planeación",
                (3, 1),
                (4, 30),
            ),
            (
                "Hacer diálogos de rendición de cuentas en las 17 comunas",
                "17 diálogos con memorias",
                "Diálogos realizados / 17",
                "Secretaría de Planeación",
                (4, 1),
                (11, 30),
            ),
            (
                "Publicar el informe de gestión en lenguaje claro",
                "Informe en lenguaje claro y formato accesible",
                "Informe publicado (sí/no)",
                "Oficina de Prensa y Comunicaciones",
                (1, 15),
                (2, 28),
            ),
        ],
    ),
    (
        "Mecanismos para mejorar la atención al ciudadano",
        "Canales de atención accesibles, con respuesta oportuna.",
        [
            (
                "Capacitar a los servidores de atención en lenguaje claro y trato incluyente",
                "120 servidores capacitados",
                "Servidores capacitados / 120",
                "Secretaría Administrativa",
                (2, 1),
                (10, 31),
            ),
            (
                "Medir la satisfacción de la ciudadanía con los canales de atención",
                "Dos mediciones semestrales",
                "Mediciones realizadas / 2",
                "Secretaría Administrativa, Atención al Ciudadano",
                (5, 1),
                (12, 15),
            ),
            (
                "Adecuar el centro de atención para personas con discapacidad",
                "Centro de atención accesible",
                "Ajustes razonables hechos / previstos",
                "Secretaría de Infraestructura",
                (3, 1),
                (8, 31),
            ),
        ],
    ),
    (
        "Transparencia y acceso a la información",
        "Publicación proactiva y respuesta a las solicitudes de información (Ley 1712 de 2014).",
        [
            (
                "Actualizar la sección de transparencia según la Resolución 1519 de 2020",
                "Sección al 100 % de la matriz ITA",
                "Categorías con contenido / total",
                "Oficina TIC",
                (1, 15),
                (6, 30),
            ),
            (
                "Publicar 20 nuevos conjuntos de datos abiertos",
                "20 conjuntos en datos.gov.co",
                "Conjuntos publicados / 20",
                "Oficina TIC",
                (2, 1),
                (11, 30),
            ),
            (
                "Publicar el informe trimestral de solicitudes de acceso a la información",
                "Cuatro informes",
                "Informes publicados / 4",
                "Secretaría Administrativa",
                (1, 15),
                (12, 31),
            ),
        ],
    ),
    (
        "Iniciativas adicionales",
        "Acciones propias de la Alcaldía para la integridad y el gobierno abierto.",
        [
            (
                "Poner en marcha el Laboratorio de Innovación Pública",
                "Plataforma en línea con retos, debates y denuncias",
                "Componentes en funcionamiento / 4",
                "Secretaría de Planeación",
                (3, 1),
                (10, 31),
            ),
            (
                "Implementar el código de integridad con actividades en todas las dependencias",
                "Una actividad por dependencia",
                "Dependencias con actividad / total",
                "Secretaría Administrativa, Talento Humano",
                (2, 1),
                (11, 30),
            ),
        ],
    ),
]

# Progress by cut for each activity, in order: 2025 (three cuts) and 2026 (April and August).
PROGRESS_2025 = [
    [(100, 100, 100), (100, 100, 100), (100, 100, 100), (33, 66, 100)],
    [(20, 70, 100), (40, 80, 100), (30, 100, 100)],
    [(100, 100, 100), (10, 60, 100), (100, 100, 100)],
    [(25, 60, 95), (0, 50, 100), (30, 80, 100)],
    [(50, 85, 100), (15, 55, 90), (30, 65, 100)],
    [(20, 70, 100), (30, 70, 100)],
]
PROGRESS_2026 = [
    [(100, 100), (100, 100), (100, 100), (33, 66)],
    [(15, 55), (30, 70), (20, 60)],
    [(100, 100), (10, 50), (100, 100)],
    [(25, 55), (0, 40), (20, 60)],
    [(45, 80), (10, 45), (25, 50)],
    [(40, 85), (25, 60)],
]


def _seed_plans() -> None:
    for year, progress, cuts in (
        (2025, PROGRESS_2025, [Cut.APRIL, Cut.AUGUST, Cut.DECEMBER]),
        (2026, PROGRESS_2026, [Cut.APRIL, Cut.AUGUST]),
    ):
        plan, created = Plan.objects.get_or_create(
            year=year,
            defaults={
                "title": f"Plan Anticorrupción y de Atención al Ciudadano {year}",
                "summary": "La estrategia anual de la Alcaldía de Bucaramanga contra la corrupción y para una mejor "
                "atención a la ciudadanía (Ley 1474 de 2011, artículo 73), con sus seis componentes. La Oficina "
                "de Control Interno hace el seguimiento con corte a 30 de abril, 31 de agosto y 31 de diciembre.",
            },
        )
        if not created:
            continue
        follow_ups = []
        for cut in cuts:
            follow_up = FollowUp(plan=plan, cut=cut)
            cut_date = follow_up.cut_date
            follow_up.published_on = cut_date + datetime.timedelta(days=10)
            follow_up.summary = (
                f"Seguimiento de la Oficina de Control Interno con corte al {cut_date.day} de "
                f"{ {4: 'abril', 8: 'agosto', 12: 'diciembre'}[cut_date.month] } de {year}."
            )
            follow_up.save()
            follow_ups.append(follow_up)
        for number, ((name, description, activities), component_progress) in enumerate(
            zip(COMPONENTS, progress, strict=True), start=1
        ):
            component = Component.objects.create(plan=plan, number=number, name=name, description=description)
            for index, ((text, goal, indicator, office, start, due), percents) in enumerate(
                zip(activities, component_progress, strict=True), start=1
            ):
                activity = Activity.objects.create(
                    component=component,
                    code=f"{number}.{index}",
                    description=text,
                    goal=goal,
                    indicator=indicator,
                    responsible_office=_office(office),
                    start_date=datetime.date(year, *start),
                    due_date=datetime.date(year, *due),
                )
                for follow_up, percent in zip(follow_ups, percents, strict=True):
                    Progress.objects.create(
                        follow_up=follow_up,
                        activity=activity,
                        percent=percent,
                        evidence_url=f"https://www.bucaramanga.gov.co/transparencia/paac-{year}/{activity.code}/"
                        if percent
                        else "",
                    )
