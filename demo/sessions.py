"""Demo debate sessions for `seed_demo`: one scheduled, one live (with a queue, messages and an
open poll) and one closed with its published minutes. Idempotent: sessions are found by title."""

import datetime

from django.utils import timezone

from accounts.models import User
from challenges.models import ChallengePage
from sessions import services
from sessions.models import Attendance, DebateSession

SCHEDULED = "Presupuesto participativo 2027: ¿cómo decidimos juntos?"
LIVE = "Datos abiertos de la contratación municipal"
CLOSED = "Rendición de cuentas de la Secretaría de Infraestructura"


def _user(email: str) -> User:
    return User.objects.get(email=email)


def seed_debates() -> None:
    moderator = _user("moderador@laboratorio.example")
    citizen = _user("ciudadana@laboratorio.example")
    researcher = _user("investigadora@laboratorio.example")
    guild = _user("gremio@laboratorio.example")
    challenge = ChallengePage.objects.filter(slug="contratacion-abierta").first()
    budget = ChallengePage.objects.filter(slug="presupuesto-participativo-transparente").first()
    now = timezone.now()
    hour = datetime.timedelta(hours=1)

    if not DebateSession.objects.filter(title=SCHEDULED).exists():
        start = timezone.localtime(now + datetime.timedelta(days=7)).replace(
            hour=14, minute=0, second=0, microsecond=0
        )
        services.session_create(
            title=SCHEDULED,
            description="Sesión abierta para definir las reglas del presupuesto participativo de 2027 "
            "con las juntas de acción comunal de las 17 comunas y los 3 corregimientos.",
            starts_at=start,
            ends_at=start + 2 * hour,
            challenge=budget,
            moderators=[moderator],
        )

    if not DebateSession.objects.filter(title=LIVE).exists():
        session = services.session_create(
            title=LIVE,
            description="¿Qué datos de los contratos del municipio deben publicarse, cada cuánto y en qué "
            "formato, para que la ciudadanía pueda vigilarlos? Con la UIS y la Cámara de Comercio.",
            starts_at=now - hour / 2,
            ends_at=now + 2 * hour,
            challenge=challenge,
            moderators=[moderator],
            speaking_time=180,
        )
        services.session_open(session=session, by=moderator)
        for person in (citizen, researcher, guild):
            Attendance.objects.create(session=session, user=person)
        services.message_post(
            session=session,
            user=citizen,
            kind="question",
            body="¿Se podrán consultar los contratos por comuna, para saber qué obras se hacen en mi barrio?",
        )
        services.message_post(
            session=session,
            user=researcher,
            body="Desde la UIS proponemos publicar los datos en el estándar de contratación abierta (OCDS), "
            "con actualización diaria desde el SECOP II.",
        )
        first = services.message_post(
            session=session,
            user=guild,
            kind="question",
            body="¿Cómo se protegerán los datos personales de los contratistas persona natural?",
        )
        services.message_upvote(session=session, user=citizen, message_id=first.pk)
        services.hand_raise(session=session, user=researcher)
        services.floor_give(session=session, by=moderator)
        services.hand_raise(session=session, user=guild)
        services.hand_raise(session=session, user=citizen)
        poll = services.poll_open(
            session=session,
            by=moderator,
            question="¿Con qué frecuencia deberían actualizarse los datos de contratación?",
            options=["Cada día", "Cada semana", "Cada mes"],
        )
        services.poll_vote(
            session=session, user=researcher, poll_id=poll.pk, option_id=poll.options.first().pk
        )
        services.announcement_pin(
            session=session,
            by=moderator,
            text="Cada intervención tiene 3 minutos. Pida la palabra con el botón.",
        )

    if not DebateSession.objects.filter(title=CLOSED).exists():
        start = timezone.localtime(now - datetime.timedelta(days=10)).replace(
            hour=9, minute=0, second=0, microsecond=0
        )
        session = services.session_create(
            title=CLOSED,
            description="La Secretaría de Infraestructura presentó el avance de las obras de 2026 y contestó "
            "las preguntas de la ciudadanía.",
            starts_at=start,
            ends_at=start + 2 * hour,
            moderators=[moderator],
        )
        services.session_open(session=session, by=moderator)
        for person in (citizen, researcher, guild):
            Attendance.objects.create(session=session, user=person)
        services.message_post(
            session=session,
            user=citizen,
            kind="question",
            body="¿Cuándo termina la obra del parque de la comuna 4?",
        )
        services.hand_raise(session=session, user=guild)
        services.floor_give(session=session, by=moderator)
        poll = services.poll_open(
            session=session,
            by=moderator,
            question="¿Le fue útil esta rendición de cuentas?",
            options=["Sí", "En parte", "No"],
        )
        for person, index in ((citizen, 0), (researcher, 0), (guild, 1)):
            services.poll_vote(
                session=session, user=person, poll_id=poll.pk, option_id=list(poll.options.all())[index].pk
            )
        services.session_close(session=session, by=moderator)
        minutes = session.minutes
        services.minutes_publish(minutes=minutes, by=moderator, body=minutes.body)
