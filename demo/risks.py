# ruff: noqa: E501  (demo prose)
"""Demo corruption risk map of the Alcaldía de Bucaramanga (PAAC component 1): a dozen risks of its
processes with controls, actions and the control office's follow-ups at the last legal cuts. Idempotent."""

import datetime

from django.utils import timezone

from demo.projects import seed_offices
from observatory.models import CUT_DATES, Control, Risk, RiskAction, RiskFollowUp

P = "preventive"
D = "detective"
C = "corrective"

# code, process, office, title, description, causes, consequences, (inherent p, i), (residual p, i),
# controls [(description, kind, owner, documented, frequency)], actions [(description, owner, done)]
RISKS = [
    (
        "RC-01",
        "contratacion",
        "juridica",
        "Direccionamiento de procesos de contratación hacia un proponente",
        "Estudios previos y pliegos con requisitos hechos a la medida de un oferente determinado.",
        "Requisitos habilitantes restrictivos; presión de terceros; falta de revisión jurídica independiente.",
        "Pérdida de recursos por sobrecostos; obras y servicios de baja calidad; sanciones disciplinarias y fiscales.",
        (4, 5),
        (2, 5),
        [
            (
                "Uso obligatorio de los pliegos tipo de Colombia Compra Eficiente",
                P,
                "Secretaría Jurídica",
                True,
                "each_time",
            ),
            (
                "Comité de contratación revisa estudios previos por encima de la menor cuantía",
                P,
                "Comité de contratación",
                True,
                "each_time",
            ),
            (
                "Revisión por muestreo de procesos adjudicados con un único oferente",
                D,
                "Oficina de Control Interno",
                True,
                "quarterly",
            ),
        ],
        [
            (
                "Publicar en SECOP II todos los documentos del proceso desde la etapa de planeación",
                "Secretaría Jurídica",
                True,
            ),
            (
                "Capacitar a los estructuradores en pliegos tipo y pluralidad de oferentes",
                "Secretaría Administrativa",
                False,
            ),
        ],
    ),
    (
        "RC-02",
        "contratacion",
        "infraestructura",
        "Supervisión deficiente de contratos de obra pública",
        "Recibo a satisfacción de obras incompletas o con especificaciones distintas a las contratadas.",
        "Supervisores con demasiados contratos a cargo; ausencia de registro fotográfico; conflictos de interés.",
        "Detrimento patrimonial; obras inconclusas; riesgo para la comunidad.",
        (4, 5),
        (3, 4),
        [
            (
                "Informe mensual de supervisión con registro fotográfico georreferenciado",
                D,
                "Secretaría de Infraestructura",
                True,
                "monthly",
            ),
            ("Límite de contratos por supervisor", P, "Secretaría de Infraestructura", False, "continuous"),
        ],
        [
            ("Tablero público de avance de obras con sus pagos", "Oficina TIC", False),
            ("Veedurías ciudadanas invitadas a cada comité de obra", "Secretaría del Interior", False),
        ],
    ),
    (
        "RC-03",
        "contratacion",
        "juridica",
        "Fraccionamiento de contratos para evadir la licitación",
        "División de un mismo objeto contractual en varios contratos de menor cuantía o contratación directa.",
        "Planeación deficiente del plan anual de adquisiciones; urgencia aparente.",
        "Contratación sin pluralidad de oferentes; sanciones de los entes de control.",
        (3, 4),
        (2, 4),
        [
            (
                "Cruce trimestral del plan anual de adquisiciones con los contratos firmados",
                D,
                "Secretaría Jurídica",
                True,
                "quarterly",
            )
        ],
        [("Alertas automáticas por objetos repetidos en SECOP II", "Oficina TIC", False)],
    ),
    (
        "RC-04",
        "tramites",
        "planeacion",
        "Cobro indebido por agilizar licencias y certificados",
        "Servidores o intermediarios que piden dinero para dar prioridad a un trámite de licencia o certificado de uso de suelo.",
        "Tiempos de respuesta largos; trámites presenciales; poca información sobre los requisitos.",
        "Pérdida de confianza ciudadana; trato desigual; investigaciones disciplinarias y penales.",
        (4, 4),
        (2, 4),
        [
            (
                "Radicación y seguimiento en línea con turno público",
                P,
                "Secretaría de Planeación",
                True,
                "continuous",
            ),
            (
                "Encuesta de percepción a quienes terminan un trámite",
                D,
                "Secretaría Administrativa",
                True,
                "monthly",
            ),
        ],
        [
            ("Racionalizar los cinco trámites más demandados (SUIT)", "Secretaría de Planeación", True),
            ("Campaña «Los trámites no tienen intermediarios»", "Secretaría del Interior", False),
        ],
    ),
    (
        "RC-05",
        "tramites",
        "hacienda",
        "Manipulación de la base catastral o del impuesto predial",
        "Modificación indebida de avalúos o descuentos del impuesto predial a cambio de una dádiva.",
        "Accesos amplios al sistema tributario; falta de trazabilidad de los cambios.",
        "Menor recaudo; inequidad tributaria; detrimento patrimonial.",
        (3, 5),
        (2, 5),
        [
            (
                "Doble aprobación para todo cambio de avalúo o descuento",
                P,
                "Secretaría de Hacienda",
                True,
                "each_time",
            ),
            (
                "Revisión mensual del registro de cambios del sistema tributario",
                D,
                "Oficina de Control Interno",
                True,
                "monthly",
            ),
        ],
        [("Depurar perfiles de acceso al sistema tributario", "Oficina TIC", True)],
    ),
    (
        "RC-06",
        "talento_humano",
        "administrativa",
        "Vinculación de personal sin el lleno de requisitos",
        "Nombramientos o contratos de prestación de servicios de personas que no cumplen el perfil a cambio de favores políticos.",
        "Presión política; verificación documental débil.",
        "Servicio deficiente; nulidad de actos administrativos; sanciones disciplinarias.",
        (3, 4),
        (2, 4),
        [
            (
                "Verificación de títulos y experiencia con las instituciones que los expiden",
                P,
                "Secretaría Administrativa",
                True,
                "each_time",
            ),
            (
                "Publicación de las hojas de vida en el SIGEP antes de la posesión",
                P,
                "Secretaría Administrativa",
                True,
                "each_time",
            ),
        ],
        [("Lista de chequeo de requisitos firmada por dos servidores", "Secretaría Administrativa", True)],
    ),
    (
        "RC-07",
        "talento_humano",
        "administrativa",
        "Pago de nómina a personas que no trabajan",
        "Inclusión en nómina o en contratos de servicios de personas que no prestan el servicio («nómina paralela»).",
        "Controles de asistencia manuales; falta de cruce entre dependencias.",
        "Detrimento patrimonial; responsabilidad fiscal.",
        (2, 5),
        (1, 5),
        [
            (
                "Cruce mensual de nómina con control de acceso y productos entregados",
                D,
                "Secretaría Administrativa",
                True,
                "monthly",
            )
        ],
        [("Sistema biométrico de registro en las sedes principales", "Secretaría Administrativa", False)],
    ),
    (
        "RC-08",
        "hacienda",
        "hacienda",
        "Pagos sin el cumplimiento de requisitos",
        "Trámite de cuentas de cobro sin el informe de supervisión o sin los soportes de ejecución.",
        "Presión por ejecutar el presupuesto al cierre de vigencia.",
        "Pagos por bienes o servicios no recibidos; responsabilidad fiscal.",
        (3, 5),
        (2, 4),
        [
            (
                "Lista de chequeo de soportes en la central de cuentas",
                P,
                "Secretaría de Hacienda",
                True,
                "each_time",
            )
        ],
        [
            (
                "Cuentas de cobro electrónicas con el informe de supervisión adjunto",
                "Secretaría de Hacienda",
                False,
            )
        ],
    ),
    (
        "RC-09",
        "planeacion",
        "planeacion",
        "Uso indebido de información privilegiada en el ordenamiento territorial",
        "Filtración de cambios en usos de suelo del POT antes de su publicación para favorecer compras de predios.",
        "Borradores circulando sin control; falta de acuerdos de confidencialidad.",
        "Enriquecimiento de terceros; pérdida de legitimidad del POT.",
        (2, 5),
        (2, 4),
        [
            (
                "Acuerdos de confidencialidad y registro de acceso a los borradores",
                P,
                "Secretaría de Planeación",
                True,
                "continuous",
            )
        ],
        [
            (
                "Publicar los borradores del POT a toda la ciudadanía al mismo tiempo",
                "Secretaría de Planeación",
                False,
            )
        ],
    ),
    (
        "RC-10",
        "juridica",
        "juridica",
        "Vencimiento deliberado de términos en procesos judiciales",
        "Dejar vencer términos de defensa judicial para favorecer a un demandante a cambio de una dádiva.",
        "Seguimiento manual de los procesos; abogados externos sin control de gestión.",
        "Condenas contra el municipio; detrimento patrimonial.",
        (2, 5),
        (1, 5),
        [
            (
                "Alertas de vencimiento de términos en el sistema de gestión judicial",
                P,
                "Secretaría Jurídica",
                True,
                "continuous",
            ),
            (
                "Comité de conciliación revisa el estado de cada proceso",
                D,
                "Comité de conciliación",
                True,
                "monthly",
            ),
        ],
        [("Informe trimestral de procesos con términos próximos a vencer", "Secretaría Jurídica", True)],
    ),
    (
        "RC-11",
        "documental",
        "administrativa",
        "Pérdida o alteración de expedientes",
        "Sustracción o alteración de documentos de expedientes contractuales o disciplinarios.",
        "Archivo de gestión sin control de préstamo; expedientes solo en papel.",
        "Imposibilidad de probar hechos; impunidad.",
        (3, 4),
        (2, 3),
        [
            (
                "Préstamo de expedientes con registro y devolución firmada",
                P,
                "Secretaría Administrativa",
                True,
                "each_time",
            )
        ],
        [
            (
                "Digitalizar los expedientes contractuales de 2020 en adelante",
                "Secretaría Administrativa",
                False,
            )
        ],
    ),
    (
        "RC-12",
        "control",
        "control-disciplinario",
        "Dilación de procesos disciplinarios hasta su prescripción",
        "Demora injustificada en las etapas del proceso disciplinario para que prescriba la acción.",
        "Carga de trabajo; conflicto de interés del operador disciplinario.",
        "Impunidad; pérdida de confianza en el control interno.",
        (3, 4),
        (2, 4),
        [
            (
                "Tablero de términos de cada proceso disciplinario",
                D,
                "Oficina de Control Interno Disciplinario",
                True,
                "monthly",
            )
        ],
        [
            (
                "Reparto aleatorio de los procesos entre los operadores",
                "Oficina de Control Interno Disciplinario",
                True,
            )
        ],
    ),
]

NOTES = [
    "Se verificó la aplicación de los controles en una muestra de casos; las acciones avanzan según lo previsto.",
    "Los controles están documentados; falta evidencia de su aplicación en dos dependencias.",
    "Se recomienda fortalecer el control detectivo y publicar los resultados del monitoreo.",
]


def _past_cuts(today: datetime.date, count: int = 3) -> list[datetime.date]:
    cuts = [
        datetime.date(year, month, day)
        for year in (today.year - 1, today.year)
        for month, day in CUT_DATES.values()
    ]
    return sorted(cut for cut in cuts if cut < today)[-count:]


def seed_risks() -> None:
    offices = seed_offices()
    today = timezone.localdate()
    cuts = _past_cuts(today)
    for n, spec in enumerate(RISKS):
        (
            code,
            process,
            office,
            title,
            description,
            causes,
            consequences,
            inherent,
            residual,
            controls,
            actions,
        ) = spec
        if Risk.objects.filter(code=code).exists():
            continue
        risk = Risk(
            code=code,
            process=process,
            office=offices[office],
            title=title,
            description=description,
            causes=causes,
            consequences=consequences,
            inherent_probability=inherent[0],
            inherent_impact=inherent[1],
            residual_probability=residual[0],
            residual_impact=residual[1],
        )
        risk.full_clean()
        risk.save()
        for order, (text, kind, owner, documented, frequency) in enumerate(controls):
            Control.objects.create(
                risk=risk,
                sort_order=order,
                description=text,
                kind=kind,
                owner=owner,
                documented=documented,
                frequency=frequency,
            )
        for order, (text, owner, done) in enumerate(actions):
            RiskAction.objects.create(
                risk=risk,
                sort_order=order,
                description=text,
                owner=owner,
                starts_on=datetime.date(today.year, 2, 1),
                due_on=datetime.date(today.year, 12, 15),
                done_on=cuts[-1] - datetime.timedelta(days=10) if done else None,
            )
        for step, cut in enumerate(cuts):
            RiskFollowUp.objects.create(
                risk=risk,
                cut_on=cut,
                progress=min(100, 20 + 30 * step + 5 * (n % 3)),
                notes=NOTES[(n + step) % len(NOTES)],
            )
