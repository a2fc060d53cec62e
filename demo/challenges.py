"""Demo challenges for `seed_demo`: one open for ideas, one in voting, one with results."""

import datetime
import random

from allauth.account.models import EmailAddress
from django.conf import settings
from django.utils import timezone

from accounts.models import Consent, Organization, User
from challenges.models import ChallengeIndexPage, ChallengePage, EvaluationCriterion
from cms.models import HomePage
from core.markdown import render_markdown
from ideas.models import Comment, Evaluation, Idea, IdeaStatus, IdeaStatusChange, Support

DAY = datetime.timedelta(days=1)

CHALLENGES = [
    {
        "slug": "contratacion-abierta",
        "title": "Contratación pública más fácil de vigilar",
        "summary": "¿Cómo puede cualquier persona seguir un contrato del municipio, desde la licitación hasta el último pago?",
        "offsets": (-5, 20, 25, 40, 50),
        "tags": ["contratación", "datos abiertos"],
        "ideas": [
            "Tablero de contratos por comuna con avance de obra y pagos",
            "Alertas por correo cuando un contrato cambia de valor",
            "Fotos georreferenciadas de las obras subidas por la comunidad",
            "Lenguaje claro en los pliegos de condiciones",
            "Veedurías ciudadanas con acceso a los informes de supervisión",
            "Calendario público de audiencias de adjudicación",
            "Mapa de contratistas con sus contratos anteriores",
            "Botón de alerta temprana de sobrecostos",
            "Datos de contratación en formato abierto cada semana",
            "Capacitación en SECOP II para líderes comunales",
        ],
    },
    {
        "slug": "tramites-sin-intermediarios",
        "title": "Trámites sin intermediarios ni cobros indebidos",
        "summary": "Ideas para que nadie tenga que pagar a un tramitador para obtener un permiso o un certificado.",
        "offsets": (-40, -20, -3, 10, 20),
        "tags": ["trámites", "atención al ciudadano"],
        "support_limit": 3,
        "ideas": [
            "Turnos en línea con número verificable",
            "Tarifas de cada trámite visibles en la ventanilla y en la web",
            "Encuesta de salida después de cada trámite",
            "Trámites por WhatsApp con radicado automático",
            "Rotación de funcionarios en ventanillas de alto riesgo",
            "Reporte anónimo de cobros indebidos desde el turno",
            "Guía ilustrada de trámites frecuentes",
            "Punto de atención móvil en corregimientos",
            "Cámaras en zonas de atención al público",
            "Tiempos de respuesta publicados por dependencia",
        ],
    },
    {
        "slug": "presupuesto-participativo-transparente",
        "title": "Presupuesto participativo transparente",
        "summary": "Cómo mostrar a la ciudadanía en qué se gasta el presupuesto participativo de cada comuna.",
        "offsets": (-120, -100, -90, -70, -10),
        "tags": ["presupuesto", "participación"],
        "ideas": [
            "Visor del presupuesto participativo por comuna",
            "Asambleas comunales transmitidas y con acta pública",
            "Seguimiento de proyectos con semáforo de avance",
            "Informe anual en lenguaje claro",
            "Votación en línea de proyectos priorizados",
            "Rendición de cuentas de ediles cada trimestre",
            "Datos abiertos del presupuesto ejecutado",
            "Mesas de trabajo con universidades para evaluar proyectos",
            "Buzón de quejas sobre proyectos retrasados",
            "Historias de proyectos terminados contadas por la comunidad",
        ],
    },
]

COMMENTS = [
    "Me parece muy útil, sobre todo para las comunas más alejadas.",
    "¿Quién mantendría actualizada la información?",
    "En otras ciudades funcionó bien; habría que empezar con un piloto.",
    "Sumaría que los datos se puedan descargar.",
]


def seed_challenges(home: HomePage, organizations: dict[str, Organization]) -> None:
    index = ChallengeIndexPage.objects.first()
    if index is None:
        index = ChallengeIndexPage(
            title="Retos",
            slug="retos",
            show_in_menus=True,
            intro="Problemas que la ciudad abre a la ciudadanía, la academia y los gremios.",
        )
        home.add_child(instance=index)
        index.save_revision().publish()
    participants = _participants()
    university = organizations["universidad-industrial-de-santander"]
    guild = organizations["camara-de-comercio-de-bucaramanga"]
    rng = random.Random(2026)  # noqa: S311  (demo content, reproducible)
    now = timezone.now()
    for number, spec in enumerate(CHALLENGES):
        if ChallengePage.objects.filter(slug=spec["slug"]).exists():
            continue
        opens, closes, voting_opens, voting_closes, results = (now + days * DAY for days in spec["offsets"])
        challenge = ChallengePage(
            title=spec["title"],
            slug=spec["slug"],
            summary=spec["summary"],
            problem=[
                (
                    "paragraph",
                    f"<p>{spec['summary']} Las ideas seleccionadas se implementarán con "
                    "acompañamiento de las entidades co-líderes.</p>",
                )
            ],
            ideas_open_at=opens,
            ideas_close_at=closes,
            voting_open_at=voting_opens,
            voting_close_at=voting_closes,
            results_at=results,
            support_limit=spec.get("support_limit"),
            support_weight=50,
        )
        index.add_child(instance=challenge)
        challenge.tags.add(*spec["tags"])
        challenge.co_leads.add(university, guild)
        challenge.save_revision().publish()
        impact = EvaluationCriterion.objects.create(
            challenge=challenge,
            name="Impacto en la transparencia",
            weight=3,
            description="Cuánto reduce el riesgo de corrupción.",
        )
        feasibility = EvaluationCriterion.objects.create(
            challenge=challenge,
            name="Viabilidad",
            weight=2,
            description="Costo, tiempo y capacidad de la Alcaldía.",
        )
        _seed_ideas(challenge, spec["ideas"], participants, rng, number, (impact, feasibility), university)


def seed_follows_and_flags() -> None:
    """The citizen follows the challenge in voting, and one comment waits in the moderation queue."""
    from challenges.models import Follow
    from ideas.models import Flag, FlagReason

    citizen = User.objects.get(email="ciudadana@laboratorio.example")
    voting = ChallengePage.objects.filter(slug="tramites-sin-intermediarios").first()
    if voting is not None:
        Follow.objects.get_or_create(user=citizen, challenge=voting)
    if Flag.objects.exists():
        return
    comment = (
        Comment.objects.filter(idea__challenge=voting, parent__isnull=True).exclude(author=citizen).first()
    )
    if comment is not None:
        Flag.objects.create(
            reporter=citizen,
            comment=comment,
            reason=FlagReason.OFF_TOPIC,
            detail="El comentario habla de otro tema, no del reto.",
        )


def _participants() -> list[User]:
    people = []
    names = [
        "Andrea Gómez",
        "Luis Fernando Rey",
        "Paola Niño",
        "Camilo Ardila",
        "Sandra Rueda",
        "Julián Prada",
        "Yolanda Mantilla",
        "Óscar Quintero",
        "Natalia Cárdenas",
        "Hernán Suárez",
        "Lina Pinzón",
        "Miguel Ángel Durán",
    ]
    kinds = [
        "citizen",
        "citizen",
        "university",
        "citizen",
        "civil_society",
        "guild",
        "citizen",
        "company",
        "university",
        "citizen",
        "public_entity",
        "citizen",
    ]
    for n, (name, kind) in enumerate(zip(names, kinds, strict=True), start=1):
        email = f"participante{n:02d}@laboratorio.example"
        user = User.objects.filter(email=email).first()
        if user is None:
            user = User(email=email, display_name=name, participant_type=kind)
            user.set_unusable_password()
            user.save()
            EmailAddress.objects.create(user=user, email=email, primary=True, verified=True)
            Consent.objects.create(user=user, policy_version=settings.PRIVACY_POLICY_VERSION)
        people.append(user)
    return people


# Where the demo ideas would happen: most in one comuna or corregimiento, some in the whole city.
DEMO_COMUNAS = [
    "comuna-15",
    "",
    "comuna-12",
    "comuna-1",
    "comuna-4",
    "",
    "comuna-11",
    "corregimiento-1",
    "comuna-3",
    "comuna-14",
    "comuna-9",
    "comuna-5",
    "comuna-17",
]


def _seed_ideas(challenge, titles, participants, rng, number, criteria, university) -> None:
    evaluator = User.objects.get(email="investigadora@laboratorio.example")
    for position, title in enumerate(titles):
        author = participants[(position + number) % len(participants)]
        body = (
            f"{title}. La propuesta busca que la ciudadanía de Bucaramanga pueda **vigilar** y "
            f"**participar** sin intermediarios.\n\n- Empieza con un piloto en dos comunas\n- Usa datos abiertos"
        )
        idea = Idea.objects.create(
            challenge=challenge,
            author=author,
            title=title,
            body=body,
            body_html=render_markdown(body),
            comuna=DEMO_COMUNAS[(position + number) % len(DEMO_COMUNAS)],
            organization=university
            if author.participant_type == "university" and position % 3 == 0
            else None,
        )
        IdeaStatusChange.objects.create(
            idea=idea, status_to=IdeaStatus.PUBLISHED, reason="Idea publicada.", changed_by=author
        )
        supporters = rng.sample(participants, rng.randint(0, len(participants) - 2))
        if challenge.support_limit:
            supporters = supporters[: challenge.support_limit + position % 3]
        Support.objects.bulk_create(
            [Support(idea=idea, user=user, participant_type=user.participant_type) for user in supporters],
            ignore_conflicts=True,
        )
        idea.support_count = Support.objects.filter(idea=idea).count()
        comments = []
        for k in range(position % 3):
            comments.append(
                Comment.objects.create(
                    idea=idea,
                    author=participants[(position + k + 3) % len(participants)],
                    body=COMMENTS[k],
                    body_html=render_markdown(COMMENTS[k]),
                )
            )
        if comments:
            Comment.objects.create(
                idea=idea,
                parent=comments[0],
                author=author,
                body="Gracias por el aporte, lo tendré en cuenta.",
                body_html=render_markdown("Gracias por el aporte, lo tendré en cuenta."),
            )
        idea.comment_count = idea.comments.count()
        idea.save(update_fields=["support_count", "comment_count"])
        if number == 2:  # the challenge with results: evaluated, and a decision on each idea
            for criterion in criteria:
                Evaluation.objects.create(
                    idea=idea,
                    criterion=criterion,
                    evaluator=evaluator,
                    score=1 + (position * 7 + criterion.weight) % 5,
                )
            final = IdeaStatus.SELECTED if position < 3 else IdeaStatus.NOT_SELECTED
            IdeaStatusChange.objects.create(
                idea=idea,
                status_from=IdeaStatus.PUBLISHED,
                status_to=final,
                reason="Decisión del jurado de las entidades co-líderes.",
                changed_by=evaluator,
            )
            idea.status = final
            idea.save(update_fields=["status"])
