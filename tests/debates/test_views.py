"""The pages of the debate sessions: list, room (readable without JavaScript), calendar, minutes, API."""

import pytest
from django.urls import reverse

from accounts.models import Notification
from challenges.models import Follow
from core.indicators import computed_indicators
from core.personal_data import export_personal_data
from sessions import selectors, services
from sessions.models import Attendance, Message, MinutesStatus, SessionStatus
from tests.accounts.factories import UserFactory
from tests.challenges.factories import make_challenge
from tests.debates.factories import make_session
from tests.utils import count_queries

pytestmark = pytest.mark.django_db


def test_the_list_shows_live_upcoming_and_past_sessions(client):
    make_session(SessionStatus.LIVE, title="Datos abiertos de la contratación")
    make_session(SessionStatus.SCHEDULED, title="Presupuesto participativo 2027")
    make_session(SessionStatus.CLOSED, title="Rendición de cuentas de movilidad")
    response = client.get(reverse("debates:session_list"))
    assert response.status_code == 200
    html = response.content.decode()
    assert html.index("En vivo ahora") < html.index("Datos abiertos de la contratación")
    assert html.index("Próximas sesiones") < html.index("Presupuesto participativo 2027")
    assert html.index("Sesiones anteriores") < html.index("Rendición de cuentas de movilidad")
    # In the main menu of every page.
    assert f'href="{reverse("debates:session_list")}"' in client.get("/").content.decode()


def test_the_room_reads_without_javascript(client, live_session, citizen, other_citizen, session_moderator):
    services.message_post(session=live_session, user=citizen, body="¿Dónde están los **contratos**?")
    services.hand_raise(session=live_session, user=other_citizen)
    services.poll_open(
        session=live_session, by=session_moderator, question="¿Seguimos?", options=["Sí", "No"]
    )
    response = client.get(reverse("debates:room", args=[live_session.pk]))
    assert response.status_code == 200
    html = response.content.decode()
    assert "<strong>contratos</strong>" in html
    assert "Carlos Ardila" in html
    assert "¿Seguimos?" in html
    assert 'data-role="viewer"' in html
    assert f'data-ws-path="/ws/sessions/{live_session.pk}/"' in html
    assert "js/room.js" in html
    assert "<script>" not in html and "style=" not in html


def test_roles_on_the_room_page(client_for, live_session, citizen, session_moderator):
    assert (
        'data-role="participant"' in client_for(citizen).get(live_session.get_absolute_url()).content.decode()
    )
    html = client_for(session_moderator).get(live_session.get_absolute_url()).content.decode()
    assert 'data-role="moderator"' in html


def test_invited_only_private_session_is_forbidden_to_others(client_for, organization, org_admin, citizen):
    session = make_session(public=False, access="invited")
    session.invited_organizations.add(organization)
    assert client_for(citizen).get(session.get_absolute_url()).status_code == 403
    assert client_for(org_admin).get(session.get_absolute_url()).status_code == 200


def test_room_page_and_snapshot_queries_do_not_grow(client, client_for, live_session, session_moderator):
    people = [UserFactory() for _ in range(3)]

    def add_activity():
        for person in people:
            services.message_post(session=live_session, user=person, body="Una intervención")
            if not services.FloorRequest.objects.filter(session=live_session, user=person, status="waiting"):
                services.hand_raise(session=live_session, user=person)
        services.poll_open(
            session=live_session, by=session_moderator, question="¿Sí o no?", options=["Sí", "No"]
        )

    add_activity()
    url = live_session.get_absolute_url()
    viewer = client_for(people[0])
    viewer.get(url)  # the site navigation is cached after the first page
    few = count_queries(lambda: viewer.get(url))
    fresh = type(people[0]).objects.get(pk=people[0].pk)
    few_snapshot = count_queries(lambda: selectors.room_snapshot(live_session, fresh))
    for _ in range(3):
        more = [UserFactory() for _ in range(3)]
        people.extend(more)
        for person in more:
            services.hand_raise(session=live_session, user=person)
            services.message_post(session=live_session, user=person, body="Otra intervención")
        services.poll_open(
            session=live_session, by=session_moderator, question="¿Otra?", options=["Sí", "No"]
        )
    many = count_queries(lambda: viewer.get(url))
    fresh = type(people[0]).objects.get(pk=people[0].pk)
    many_snapshot = count_queries(lambda: selectors.room_snapshot(live_session, fresh))
    assert many == few
    assert many_snapshot == few_snapshot <= 12


def test_ics(client, live_session):
    response = client.get(reverse("debates:ics", args=[live_session.pk]))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    text = response.content.decode()
    assert "BEGIN:VEVENT" in text and "SUMMARY:Gobierno abierto en Bucaramanga" in text
    assert f"/sesiones/{live_session.pk}/" in text.replace("\r\n ", "")


def test_minutes_are_generated_on_close_reviewed_and_published(
    client, client_for, citizen, session_moderator
):
    session = make_session(SessionStatus.LIVE, moderators=[session_moderator])
    Attendance.objects.create(session=session, user=citizen)
    services.message_post(session=session, user=citizen, body="Propongo publicar los contratos por comuna.")
    services.hand_raise(session=session, user=citizen)
    services.floor_give(session=session, by=session_moderator)
    poll = services.poll_open(
        session=session, by=session_moderator, question="¿De acuerdo?", options=["Sí", "No"]
    )
    services.poll_vote(session=session, user=citizen, poll_id=poll.pk, option_id=poll.options.first().pk)
    services.session_close(session=session, by=session_moderator)
    minutes = session.minutes
    assert minutes.status == MinutesStatus.DRAFT
    for expected in [
        "Rocío Duarte",
        "Diana Pabón",
        "Propongo publicar",
        "¿De acuerdo?",
        "Sí: 1 (100 %)",
        "Dio la palabra",
    ]:
        assert expected in minutes.body
    assert "personas distintas 1" in minutes.body
    url = reverse("debates:minutes", args=[session.pk])
    assert client.get(url).status_code == 404
    assert client_for(citizen).post(url, {"body": "Nada"}).status_code == 404
    moderator_client = client_for(session_moderator)
    assert moderator_client.get(url).status_code == 200
    response = moderator_client.post(url, {"body": "  "})
    assert "El acta no puede quedar vacía." in response.content.decode()
    response = moderator_client.post(url, {"body": minutes.body + "\nRevisada por la moderación.\n"})
    assert response.status_code == 302
    client.logout()
    assert "Revisada por la moderación." in client.get(url).content.decode()
    download = client.get(reverse("debates:minutes_download", args=[session.pk]))
    assert download["Content-Disposition"] == f'attachment; filename="acta-sesion-{session.pk}.md"'
    assert "Revisada por la moderación." in download.content.decode()


def test_followers_of_the_challenge_are_told_when_scheduled_and_when_live(citizen, session_moderator):
    challenge = make_challenge("ideas", title="Contratación abierta")
    Follow.objects.create(user=citizen, challenge=challenge)
    import datetime

    from django.utils import timezone

    start = timezone.now() + datetime.timedelta(days=1)
    session = services.session_create(
        title="Debate sobre contratación",
        starts_at=start,
        ends_at=start + datetime.timedelta(hours=2),
        challenge=challenge,
        moderators=[session_moderator],
    )
    notices = list(Notification.objects.filter(recipient=citizen).values_list("message", flat=True))
    assert notices == [
        "Se programó la sesión de debate «Debate sobre contratación» sobre el reto «Contratación abierta»."
    ]
    services.session_open(session=session, by=session_moderator)
    services.session_pause(session=session, by=session_moderator)
    services.session_open(session=session, by=session_moderator)
    assert Notification.objects.filter(recipient=citizen).count() == 2


def test_personal_data_and_the_attendance_indicator(live_session, citizen):
    Attendance.objects.create(session=live_session, user=citizen)
    services.message_post(session=live_session, user=citizen, body="Mi intervención")
    data = export_personal_data(citizen)["debate_sessions"]
    assert data["messages"][0]["body"] == "Mi intervención"
    assert len(data["attendance"]) == 1
    indicator = next(i for i in computed_indicators() if i.slug == "asistencia-sesiones-debate")
    assert [value for _period, value in indicator.compute()] == [1]


def test_api_lists_public_sessions(client, live_session):
    make_session(public=False, title="Privada")
    response = client.get("/api/v1/sessions/")
    assert response.status_code == 200
    [row] = response.json()["results"]
    assert row["id"] == live_session.pk and row["status"] == "live"
    assert row["ws_path"] == f"/ws/sessions/{live_session.pk}/"
    assert row["url"] == f"/sesiones/{live_session.pk}/"


def test_message_rate_limit_changes_nothing(live_session, citizen):
    for n in range(services.MESSAGE_RATE):
        services.message_post(session=live_session, user=citizen, body=f"Mensaje {n}")
    with pytest.raises(services.Refused) as refusal:
        services.message_post(session=live_session, user=citizen, body="Uno más")
    assert refusal.value.code == "rate_limited"
    assert Message.objects.count() == services.MESSAGE_RATE


def test_staff_schedule_a_session_in_the_admin_and_followers_are_told(
    client_for, citizen, django_capture_on_commit_callbacks
):
    admin_user = UserFactory(is_superuser=True, is_staff=True)
    challenge = make_challenge("ideas", title="Contratación abierta")
    Follow.objects.create(user=citizen, challenge=challenge)
    client = client_for(admin_user)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/django-admin/debates/debatesession/add/",
            {
                "title": "Debate sobre contratación",
                "description": "",
                "challenge": challenge.pk,
                "starts_at_0": "2026-12-10",
                "starts_at_1": "14:00:00",
                "ends_at_0": "2026-12-10",
                "ends_at_1": "16:00:00",
                "public": "on",
                "access": "verified",
                "speaking_time": "180",
            },
        )
    assert response.status_code == 302, response.content.decode()[:3000]
    assert Notification.objects.filter(recipient=citizen, url__startswith="/sesiones/").count() == 1
