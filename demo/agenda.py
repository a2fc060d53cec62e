"""Demo agenda and newsletter for `seed_demo`: upcoming workshops, a training that is full with a
waiting list, a meeting without registration, an online session; subscribers and two editions
(one sent, one draft). Idempotent: events are found by title, subscribers by e-mail."""

import datetime

from django.utils import timezone

from accounts.models import Office, User
from agenda.models import Event, Registration
from demo.offices import demo_office
from newsletter.models import Delivery, Edition, Subscriber

OFFICES = {
    "oficina-de-control-interno": "Oficina de Control Interno",
    "secretaria-de-planeacion": "Secretaría de Planeación",
    "secretaria-de-desarrollo-social": "Secretaría de Desarrollo Social",
}

LIBRARY = "Biblioteca Pública Gabriel Turbay"
LIBRARY_ADDRESS = "Calle 30 # 26-117, Bucaramanga"
ACCESSIBLE = "Entrada a nivel por la calle 30, ascensor al segundo piso y baño accesible. Interpretación en lengua de señas colombiana."


def _office(slug: str) -> Office:
    return demo_office(OFFICES[slug], slug)


def _at(days: int, hour: int, minute: int = 0) -> datetime.datetime:
    day = timezone.localdate() + datetime.timedelta(days=days)
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, minute)))


def _event(title: str, **fields) -> Event:
    event = Event.objects.filter(title=title).first()
    if event is None:
        event = Event.objects.create(title=title, **fields)
    return event


def _register_quietly(user: User, event: Event) -> None:
    """A demo registration (or place on the waiting list) without e-mail to the demo accounts."""
    event.refresh_from_db()
    if Registration.objects.filter(event=event, user=user).exists():
        return
    full = event.registered_count >= event.capacity
    Registration.objects.create(
        event=event, user=user, status="waitlisted" if full else "registered", queued_at=timezone.now()
    )
    if not full:
        Event.objects.filter(pk=event.pk).update(registered_count=event.registered_count + 1)


def seed_agenda() -> None:
    users = {user.email: user for user in User.objects.filter(email__endswith="@laboratorio.example")}
    workshop = _event(
        "Taller: datos abiertos para veedurías ciudadanas",
        kind="workshop",
        description="Aprenda a descargar y leer los datos de contratación del municipio (SECOP II) y a "
        "preparar preguntas para la rendición de cuentas. Traiga su portátil si tiene uno; hay equipos "
        "para quien no.",
        starts_at=_at(6, 9),
        ends_at=_at(6, 12),
        venue=LIBRARY,
        address=LIBRARY_ADDRESS,
        accessibility=ACCESSIBLE,
        capacity=25,
        office=_office("oficina-de-control-interno"),
    )
    training = _event(
        "Formación en control social a la contratación pública",
        kind="training",
        description="Curso corto de tres horas con la Personería: qué puede pedir una veeduría, cómo "
        "leer un pliego y a quién acudir cuando algo no cuadra. Cupo limitado a la sala.",
        starts_at=_at(9, 14),
        ends_at=_at(9, 17),
        venue="Centro Cultural del Oriente, sala 2",
        address="Calle 37 # 12-46, Bucaramanga",
        accessibility="Sala en el primer piso, sin escalones. Baño accesible.",
        capacity=2,
        office=_office("secretaria-de-desarrollo-social"),
    )
    _event(
        "Reunión abierta con juntas de acción comunal de la comuna 14",
        kind="meeting",
        description="Seguimiento de las ideas seleccionadas del presupuesto participativo en la comuna "
        "Morrorrico. Entrada libre, sin inscripción.",
        starts_at=_at(12, 18),
        ends_at=_at(12, 20),
        venue="Salón comunal barrio Morrorrico",
        address="Carrera 2 # 25-10, Bucaramanga",
        accessibility="El salón tiene una rampa provisional; avise si necesita apoyo para llegar.",
        office=_office("secretaria-de-planeacion"),
    )
    _event(
        "Taller en línea: cómo presentar una idea a un reto",
        kind="workshop",
        description="Una hora para resolver dudas sobre los retos abiertos y el formulario de ideas.",
        starts_at=_at(4, 17),
        ends_at=_at(4, 18),
        online_url="https://www.youtube.com/@AlcaldiaBucaramanga",
        capacity=100,
        office=_office("secretaria-de-planeacion"),
    )
    for email in (
        "ciudadana@laboratorio.example",
        "investigadora@laboratorio.example",
        "gremio@laboratorio.example",
    ):
        if email in users:
            _register_quietly(users[email], training)
    for email in ("ciudadana@laboratorio.example", "gremio@laboratorio.example"):
        if email in users:
            _register_quietly(users[email], workshop)
    if "moderador@laboratorio.example" in users:
        training.organizers.add(users["moderador@laboratorio.example"])
    seed_newsletter()


def seed_newsletter() -> None:
    now = timezone.now()
    people = [
        ("lectora.boletin@correo.example", "confirmed"),
        ("veeduria.comuna3@correo.example", "confirmed"),
        ("profesor.uis@correo.example", "confirmed"),
        ("por.confirmar@correo.example", "pending"),
    ]
    subscribers = []
    for email, status in people:
        subscriber, _created = Subscriber.objects.get_or_create(
            email=email,
            defaults={
                "status": status,
                "requested_at": now - datetime.timedelta(days=40),
                "confirmed_at": now - datetime.timedelta(days=40) if status == "confirmed" else None,
                "consent_text": "Acepto que el Laboratorio de Innovación use mi correo solo para enviarme el boletín.",
            },
        )
        subscribers.append(subscriber)
    sent, created = Edition.objects.get_or_create(
        subject="Boletín del laboratorio: noviembre",
        defaults={
            "intro": "Los retos de este mes, la agenda de talleres y los resultados del presupuesto participativo."
        },
    )
    if created:
        Edition.objects.filter(pk=sent.pk).update(status="sent", sent_at=now - datetime.timedelta(days=5))
        for subscriber in subscribers:
            if subscriber.status == "confirmed":
                Delivery.objects.get_or_create(
                    edition=sent,
                    subscriber=subscriber,
                    defaults={
                        "status": "sent",
                        "claimed_at": now,
                        "sent_at": now - datetime.timedelta(days=5),
                    },
                )
    Edition.objects.get_or_create(
        subject="Boletín del laboratorio: diciembre",
        defaults={
            "intro": "Cerramos el año con la formación en control social y la nueva consulta del PAAC."
        },
    )
