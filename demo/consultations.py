"""Demo consultations and library for `seed_demo`: the PAAC 2027 draft open to comments (a dozen
sections, comments with stances and proposed wordings), the 2026 risk-map policy answered with
its published report, a dozen library resources and two easy-read pages. Idempotent: pages are
found by slug."""

import datetime

from allauth.account.models import EmailAddress
from django.conf import settings
from django.utils import timezone

from accounts.models import Consent, Office, Organization, User
from cms.models import HomePage
from consultations.models import (
    CommentAnswer,
    ConsultationComment,
    ConsultationIndexPage,
    ConsultationPage,
    ConsultationSection,
)
from core.markdown import render_markdown
from demo.offices import demo_office
from library.models import EasyReadPage, LibraryIndexPage, LibraryResourcePage

DAY = datetime.timedelta(days=1)

OFFICES = [
    ("Secretaría de Planeación", "secretaria-de-planeacion", "SP"),
    ("Oficina de Control Interno de Gestión", "oficina-de-control-interno", "OCI"),
]

EXTRA_CITIZENS = [
    ("jorge.mantilla@correo.example", "Jorge Mantilla", "citizen"),
    ("luz.amparo@correo.example", "Luz Amparo Rueda", "citizen"),
    ("veedor.norte@correo.example", "Óscar Villamizar", "civil_society"),
]

PAAC_SECTIONS = [
    (
        "1",
        "Objetivo del plan",
        "Prevenir los actos de corrupción en la Alcaldía de Bucaramanga y mejorar la "
        "atención a la ciudadanía durante 2027, con actividades, metas y responsables verificables.",
    ),
    (
        "2",
        "Alcance",
        "El plan aplica a todas las secretarías, oficinas y entidades descentralizadas del "
        "municipio, y a los contratistas que presten servicios de atención al ciudadano.",
    ),
    (
        "3",
        "Gestión del riesgo de corrupción",
        "La Oficina Asesora de Planeación actualizará el mapa de riesgos "
        "de corrupción cada cuatro meses con la participación de los líderes de proceso.",
    ),
    (
        "4",
        "Racionalización de trámites",
        "Se priorizarán los cinco trámites con más quejas: licencias de "
        "construcción, impuesto predial, certificados de estratificación, permisos de eventos y espacio público.",
    ),
    (
        "5",
        "Rendición de cuentas",
        "La administración hará dos audiencias públicas de rendición de cuentas al año, "
        "una de ellas en un corregimiento, y publicará el informe quince días antes.",
    ),
    (
        "6",
        "Mecanismos para mejorar la atención al ciudadano",
        "Se habilitará atención en Lengua de Señas "
        "Colombiana en la sede principal y se medirá la satisfacción de los usuarios cada trimestre.",
    ),
    (
        "7",
        "Transparencia y acceso a la información",
        "La contratación del municipio se publicará en datos "
        "abiertos cada mes, con el valor, el plazo, las adiciones y el supervisor de cada contrato.",
    ),
    (
        "8",
        "Iniciativas adicionales",
        "Se creará un código de integridad para los servidores públicos con "
        "talleres obligatorios para los cargos de libre nombramiento.",
    ),
    (
        "9",
        "Participación ciudadana en el seguimiento",
        "Las veedurías ciudadanas registradas podrán pedir "
        "información sobre el avance de cualquier actividad del plan y recibirán respuesta en diez días hábiles.",
    ),
    (
        "10",
        "Seguimiento y evaluación",
        "La Oficina de Control Interno hará el seguimiento con cortes al 30 de "
        "abril, 31 de agosto y 31 de diciembre, y publicará cada informe en la sección de transparencia.",
    ),
    (
        "11",
        "Presupuesto",
        "Las actividades del plan se financiarán con los recursos de funcionamiento de cada "
        "dependencia responsable, sin crear nuevos rubros.",
    ),
    (
        "12",
        "Vigencia",
        "El plan rige desde su publicación hasta el 31 de diciembre de 2027 y podrá ajustarse "
        "con la debida justificación, que se publicará.",
    ),
]

PAAC_COMMENTS = [
    (
        "3",
        "ciudadana@laboratorio.example",
        "for",
        "Muy bien que el mapa se actualice seguido. Pido que las "
        "actualizaciones se publiquen también en datos abiertos.",
        "",
    ),
    (
        "3",
        "jorge.mantilla@correo.example",
        "against",
        "Cuatro meses es mucho tiempo para riesgos de contratación en época electoral.",
        "La Oficina Asesora de Planeación actualizará el mapa de riesgos de "
        "corrupción cada dos meses con la participación de los líderes de proceso y de las veedurías ciudadanas.",
    ),
    (
        "4",
        "gremio@laboratorio.example",
        "for",
        "Los comerciantes del centro llevamos años pidiendo simplificar "
        "los permisos de eventos. Ofrecemos acompañar las pruebas de los nuevos formularios.",
        "",
    ),
    (
        "5",
        "veedor.norte@correo.example",
        "against",
        "Una sola audiencia fuera del casco urbano no basta: los "
        "tres corregimientos tienen realidades distintas.",
        "La administración hará tres audiencias públicas de "
        "rendición de cuentas al año, una en cada corregimiento por turnos, y publicará el informe treinta días "
        "antes.",
    ),
    (
        "6",
        "luz.amparo@correo.example",
        "for",
        "Como madre de un joven sordo celebro la atención en LSC. "
        "Sugiero extenderla a los CAI y a las inspecciones de policía.",
        "",
    ),
    (
        "7",
        "investigadora@laboratorio.example",
        "for",
        "Desde la UIS podemos ayudar a definir el esquema de los "
        "datos. Es clave incluir el NIT del contratista y el código del proceso en SECOP II.",
        "La contratación "
        "del municipio se publicará en datos abiertos cada mes, con el valor, el plazo, las adiciones, el "
        "supervisor, el NIT del contratista y el código del proceso en SECOP II de cada contrato.",
    ),
    (
        "7",
        "ciudadana@laboratorio.example",
        "neutral",
        "¿Los datos tendrán un formato que se pueda abrir en una "
        "hoja de cálculo? Muchos no sabemos usar otros formatos.",
        "",
    ),
    (
        "9",
        "veedor.norte@correo.example",
        "for",
        "Diez días hábiles es razonable si de verdad se cumple. ¿Qué pasa si no responden a tiempo?",
        "",
    ),
    (
        "10",
        "jorge.mantilla@correo.example",
        "neutral",
        "Sería bueno que el informe de seguimiento diga "
        "claramente qué actividades están atrasadas y por qué.",
        "",
    ),
    (
        "11",
        "gremio@laboratorio.example",
        "against",
        "Sin presupuesto propio las actividades quedan de últimas. Pedimos un rubro identificable.",
        "",
    ),
]

RISK_SECTIONS = [
    (
        "1",
        "Riesgos en la contratación directa",
        "Direccionamiento de contratos de prestación de servicios a "
        "personas recomendadas, sin verificar su idoneidad.",
    ),
    (
        "2",
        "Riesgos en trámites de urbanismo",
        "Cobro indebido por agilizar licencias de construcción o por omitir visitas de control.",
    ),
    (
        "3",
        "Riesgos en el recaudo de impuestos",
        "Manipulación de la base de datos del impuesto predial para "
        "reducir el valor a pagar de ciertos predios.",
    ),
    (
        "4",
        "Riesgos en la gestión documental",
        "Pérdida o alteración de expedientes de procesos disciplinarios y de contratación.",
    ),
    (
        "5",
        "Controles propuestos",
        "Revisión aleatoria mensual del 10 % de los contratos directos por la Oficina de "
        "Control Interno y publicación de los resultados.",
    ),
]

RISK_COMMENTS = [
    (
        "1",
        "ciudadana@laboratorio.example",
        "for",
        "Que se publiquen las hojas de vida de los contratistas.",
        "accepted",
        "Se acoge. Las hojas de vida (sin datos sensibles) se publicarán con cada contrato en SECOP II.",
    ),
    (
        "1",
        "jorge.mantilla@correo.example",
        "against",
        "El riesgo está mal calificado: es extremo, no alto.",
        "partly",
        "Se acoge parcialmente. La calificación residual sube a extrema hasta que el control lleve seis "
        "meses funcionando.",
    ),
    (
        "2",
        "gremio@laboratorio.example",
        "neutral",
        "Incluir la Curaduría Urbana en el análisis.",
        "not_accepted",
        "No se acoge: las curadurías urbanas son particulares que ejercen funciones públicas y "
        "tienen su propio control por la Superintendencia de Notariado y Registro.",
    ),
    (
        "3",
        "investigadora@laboratorio.example",
        "for",
        "Proponemos un cruce anual con los datos del IGAC.",
        "accepted",
        "Se acoge. El cruce se hará cada año en el primer trimestre con acompañamiento de la UIS.",
    ),
    (
        "5",
        "veedor.norte@correo.example",
        "against",
        "El 10 % es muy poco: que sea el 20 %.",
        "partly",
        "Se acoge parcialmente: el 10 % se mantiene, y en los meses de ley de garantías sube al 20 %.",
    ),
]

LIBRARY = [
    ("Cómo hacer control social a un contrato público", "guide", "social_control", "citizens", 25),
    (
        "Guía para conformar una veeduría ciudadana (Ley 850 de 2003)",
        "guide",
        "oversight",
        "oversight_groups",
        40,
    ),
    ("Curso virtual: veedurías a obras públicas", "course", "oversight", "oversight_groups", 240),
    ("Cómo leer los datos abiertos de contratación", "guide", "open_data", "journalists", 30),
    ("Taller de hojas de cálculo con datos del municipio", "course", "open_data", "students", 180),
    ("Video: qué es un dato abierto, en 5 minutos", "video", "open_data", "citizens", 5),
    ("Cómo denunciar un acto de corrupción sin arriesgarse", "guide", "reporting", "citizens", 15),
    ("Video: el canal de denuncias paso a paso", "video", "reporting", "citizens", 7),
    (
        "Derecho de petición y acceso a la información (Ley 1712 de 2014)",
        "guide",
        "transparency",
        "citizens",
        20,
    ),
    (
        "Deberes de transparencia activa para servidores públicos",
        "course",
        "transparency",
        "public_servants",
        120,
    ),
    ("Cómo participar en un reto del laboratorio", "video", "participation", "citizens", 6),
    (
        "Presupuestos participativos: guía para juntas de acción comunal",
        "guide",
        "participation",
        "oversight_groups",
        35,
    ),
]


def _office(name: str, slug: str, acronym: str) -> Office:
    return demo_office(name, slug, acronym)


def _citizens() -> None:
    for email, name, kind in EXTRA_CITIZENS:
        user, created = User.objects.get_or_create(
            email=email, defaults={"display_name": name, "participant_type": kind}
        )
        if created:
            user.set_unusable_password()
            user.save()
            EmailAddress.objects.create(user=user, email=email, primary=True, verified=True)
            Consent.objects.create(user=user, policy_version=settings.PRIVACY_POLICY_VERSION)


def _index(model, title: str, slug: str, intro: str):
    index = model.objects.first()
    if index is None:
        index = model(title=title, slug=slug, intro=intro)
        HomePage.objects.get().add_child(instance=index)
        index.save_revision().publish()
    return index


def _consultation(index, *, slug, title, summary, opens_at, closes_at, office, sections, report_intro=""):
    page = ConsultationPage.objects.filter(slug=slug).first()
    if page is not None:
        return page, False
    page = ConsultationPage(
        title=title,
        slug=slug,
        summary=summary,
        opens_at=opens_at,
        closes_at=closes_at,
        office=office,
        report_intro=report_intro,
    )
    for order, (number, heading, text) in enumerate(sections):
        page.sections.add(ConsultationSection(number=number, heading=heading, text=text, sort_order=order))
    index.add_child(instance=page)
    page.save_revision().publish()
    return ConsultationPage.objects.get(pk=page.pk), True


def _comment(page, number, email, stance, body, proposed="", organization=None):
    section = ConsultationSection.objects.get(page=page, number=number)
    return ConsultationComment.objects.create(
        section=section,
        author=User.objects.get(email=email),
        organization=organization,
        stance=stance,
        body=body,
        body_html=render_markdown(body),
        proposed_text=proposed,
    )


def seed_consultations() -> None:
    _citizens()
    planning = _office(*OFFICES[0])
    control = _office(*OFFICES[1])
    now = timezone.now()
    index = _index(
        ConsultationIndexPage,
        "Consultas públicas",
        "consultas",
        "Borradores del Plan Anticorrupción, del mapa de riesgos, de políticas y reglamentos abiertos a sus "
        "observaciones. La dependencia responsable responde cada una en un informe público.",
    )
    uis = Organization.objects.filter(slug="universidad-industrial-de-santander").first()

    paac, created = _consultation(
        index,
        slug="borrador-paac-2027",
        title="Borrador del Plan Anticorrupción y de Atención al Ciudadano 2027",
        summary="Antes del 31 de enero la Alcaldía publica su PAAC. Lea el borrador sección por sección y "
        "díganos qué cambiaría: cada observación recibirá una respuesta pública.",
        opens_at=now - 6 * DAY,
        closes_at=now + 20 * DAY,
        office=planning,
        sections=PAAC_SECTIONS,
    )
    if created:
        for number, email, stance, body, proposed in PAAC_COMMENTS:
            organization = uis if email == "investigadora@laboratorio.example" else None
            _comment(paac, number, email, stance, body, proposed, organization)

    risks, created = _consultation(
        index,
        slug="politica-riesgos-corrupcion-2026",
        title="Mapa de riesgos de corrupción 2026: riesgos y controles propuestos",
        summary="Consulta sobre los riesgos de corrupción priorizados para 2026 y los controles que los "
        "reducen. Ya se respondieron todas las observaciones.",
        opens_at=now - 75 * DAY,
        closes_at=now - 45 * DAY,
        office=control,
        sections=RISK_SECTIONS,
        report_intro="Recibimos observaciones de ciudadanos, gremios, universidades y veedurías. Cada una se "
        "estudió con los líderes de proceso; estas son las decisiones y sus razones.",
    )
    if created:
        editor = User.objects.filter(email="editora@laboratorio.example").first()
        for number, email, stance, body, decision, answer in RISK_COMMENTS:
            comment = _comment(risks, number, email, stance, body)
            CommentAnswer.objects.create(
                comment=comment,
                decision=decision,
                body=answer,
                body_html=render_markdown(answer),
                office=control,
                answered_by=editor,
                answered_at=now - 20 * DAY,
            )
        ConsultationPage.objects.filter(pk=risks.pk).update(report_published_at=now - 15 * DAY)

    seed_library()


def seed_library() -> None:
    library = _index(
        LibraryIndexPage,
        "Biblioteca",
        "biblioteca",
        "Guías, videos y cursos para hacer control social, conformar veedurías, usar datos abiertos y "
        "denunciar la corrupción; y versiones en lectura fácil de las páginas principales del sitio.",
    )
    for number, (title, kind, topic, audience, minutes) in enumerate(LIBRARY, start=1):
        slug = f"recurso-{number}"
        if LibraryResourcePage.objects.filter(slug=slug).exists():
            continue
        page = LibraryResourcePage(
            title=title,
            slug=slug,
            kind=kind,
            topic=topic,
            audience=audience,
            duration_minutes=minutes,
            summary=f"{title}: material del Laboratorio de Innovación Pública de Bucaramanga, en lenguaje "
            "sencillo y con ejemplos de la ciudad.",
            video_url="https://www.bucaramanga.gov.co/" if kind in {"video", "course"} else "",
        )
        library.add_child(instance=page)
        page.save_revision().publish()
    for about, slug, title, summary in (
        (
            "reports",
            "denunciar-lectura-facil",
            "Denunciar la corrupción: lectura fácil",
            "Si ve que alguien de la Alcaldía pide plata o favores, puede contarlo aquí. No tiene que decir su "
            "nombre. Le damos un código para saber qué pasó.",
        ),
        (
            "participation",
            "participar-lectura-facil",
            "Participar en los retos: lectura fácil",
            "La Alcaldía cuenta un problema. Usted propone una idea. Otras personas la apoyan. Las mejores ideas "
            "se hacen realidad.",
        ),
    ):
        if EasyReadPage.objects.filter(about=about).exists():
            continue
        page = EasyReadPage(
            title=title,
            slug=slug,
            about=about,
            summary=summary,
            body=[
                (
                    "paragraph",
                    "<p>Vaya paso a paso. Lea cada frase con calma. Puede volver atrás cuando quiera.</p>",
                ),
                (
                    "paragraph",
                    "<p>Si necesita ayuda, llame a la línea de atención o visite la sede de la "
                    "Alcaldía en el Centro Administrativo Municipal.</p>",
                ),
            ],
            lsc_transcript="Una intérprete de Lengua de Señas Colombiana explica este mismo texto.",
        )
        library.add_child(instance=page)
        page.save_revision().publish()
