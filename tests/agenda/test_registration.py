"""Registration with a waiting list, on the pages and the API, with its e-mail."""

import pytest
from django.core import mail
from django.urls import reverse

from agenda import services
from agenda.models import Event, Registration
from tests.accounts.factories import UserFactory
from tests.agenda.factories import EventFactory
from tests.utils import count_queries

pytestmark = pytest.mark.django_db


def api_register(client, event):
    return client.post(f"/api/v1/events/{event.pk}/registration/")


def test_full_event_puts_people_on_the_waiting_list_and_a_cancellation_promotes_the_first(
    django_capture_on_commit_callbacks,
):
    event = EventFactory(capacity=2)
    first, second, third, fourth = (UserFactory() for _ in range(4))
    statuses = [
        services.registration_create(user=person, event=event)[0].status
        for person in (first, second, third, fourth)
    ]
    assert statuses == ["registered", "registered", "waitlisted", "waitlisted"]
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        services.registration_cancel(user=second, event=event)

    event.refresh_from_db()
    assert event.registered_count == 2
    assert Registration.objects.get(event=event, user=third).status == "registered"
    assert Registration.objects.get(event=event, user=fourth).status == "waitlisted"
    assert [message.to for message in mail.outbox] == [[third.email]]
    assert "Se liberó un cupo" in mail.outbox[0].subject


def test_api_register_twice_answers_the_same_status(client_for, citizen, django_capture_on_commit_callbacks):
    event = EventFactory(capacity=5)
    client = client_for(citizen)
    with django_capture_on_commit_callbacks(execute=True):
        first = api_register(client, event)
    again = api_register(client, event)
    assert (first.status_code, first.json()) == (201, {"status": "registered"})
    assert (again.status_code, again.json()) == (200, {"status": "registered"})
    assert Event.objects.get(pk=event.pk).registered_count == 1
    assert len(mail.outbox) == 1
    assert "Inscripción confirmada" in mail.outbox[0].subject
    assert mail.outbox[0].attachments[0][2] == "text/calendar"


def test_api_waitlisted_when_full_and_delete_promotes(client_for, citizen, other_citizen):
    event = EventFactory(capacity=1)
    assert api_register(client_for(citizen), event).json() == {"status": "registered"}
    response = api_register(client_for(other_citizen), event)
    assert (response.status_code, response.json()) == (201, {"status": "waitlisted"})

    deleted = client_for(citizen).delete(f"/api/v1/events/{event.pk}/registration/")

    assert deleted.status_code == 204
    assert Registration.objects.get(event=event, user=other_citizen).status == "registered"
    listed = client_for(other_citizen).get("/api/v1/events/").json()["results"][0]
    assert listed["registered_count"] == 1 and listed["capacity"] == 1


def test_unverified_and_anonymous_are_refused_with_a_reason_and_nothing_changes(
    client, client_for, unverified_user
):
    event = EventFactory()
    anonymous = api_register(client, event)
    assert anonymous.status_code == 401
    refused = client_for(unverified_user).post(
        f"/api/v1/events/{event.pk}/registration/", HTTP_ACCEPT_LANGUAGE="es"
    )
    assert refused.status_code == 403
    assert "verifique su correo" in refused.json()["detail"]
    assert not Registration.objects.exists()


def test_refusal_in_english_under_accept_language_en(client_for, unverified_user):
    event = EventFactory()
    refused = client_for(unverified_user).post(
        f"/api/v1/events/{event.pk}/registration/", HTTP_ACCEPT_LANGUAGE="en"
    )
    assert refused.status_code == 403
    assert refused.json()["detail"]


def test_past_or_open_events_take_no_registration(client_for, citizen):
    import datetime

    from django.utils import timezone

    past = EventFactory(starts_at=timezone.now() - datetime.timedelta(hours=1))
    free = EventFactory(capacity=None)
    assert api_register(client_for(citizen), past).status_code == 403
    assert api_register(client_for(citizen), free).status_code == 403
    assert not Registration.objects.exists()


def test_unknown_event_is_a_json_404(client_for, citizen):
    response = client_for(citizen).post("/api/v1/events/999999/registration/")
    assert response.status_code == 404 and "detail" in response.json()
    assert client_for(citizen).get("/api/v1/events/abc/").status_code == 404


def test_register_on_the_page_and_see_the_status(client_for, citizen, other_citizen):
    event = EventFactory(capacity=1)
    services.registration_create(user=other_citizen, event=event)
    client = client_for(citizen)
    response = client.post(reverse("agenda:register", args=[event.pk]), follow=True)
    assert "lista de espera, en el puesto 1" in response.content.decode()
    response = client.post(reverse("agenda:cancel", args=[event.pk]), follow=True)
    assert "Cancelamos su inscripción" in response.content.decode()
    assert not Registration.objects.filter(user=citizen, status="waitlisted").exists()


def test_raising_the_capacity_gives_the_new_seats_to_the_waiting_list(citizen, other_citizen):
    event = EventFactory(capacity=0)
    services.registration_create(user=citizen, event=event)
    services.registration_create(user=other_citizen, event=event)
    event.refresh_from_db()
    event.capacity = 1
    event.save()
    event.refresh_from_db()
    assert event.registered_count == 1
    assert Registration.objects.get(user=citizen).status == "registered"
    assert Registration.objects.get(user=other_citizen).status == "waitlisted"


def test_attendance_csv_only_for_organisers_with_minimum_data(client_for, citizen, other_citizen, editor):
    event = EventFactory(capacity=5)
    event.organizers.add(other_citizen)
    services.registration_create(user=citizen, event=event)
    url = reverse("agenda:attendance", args=[event.pk])
    assert client_for(citizen).get(url).status_code == 403
    for person in (other_citizen, editor):
        response = client_for(person).get(url)
        assert response.status_code == 200
        rows = response.content.decode().splitlines()
        assert rows[0] == "nombre,correo,inscripción,firma"
        assert rows[1].startswith(f"{citizen.display_name},{citizen.email},")
        assert len(rows) == 2


def test_api_list_queries_do_not_grow_with_events(client):
    EventFactory.create_batch(3)
    few = count_queries(lambda: client.get("/api/v1/events/"))
    EventFactory.create_batch(12)
    many = count_queries(lambda: client.get("/api/v1/events/"))
    assert many == few <= 4


def test_my_registrations_and_subscription_are_in_my_data_download(client_for, citizen):
    import json

    from django.utils import timezone

    from newsletter.models import Subscriber

    event = EventFactory(title="Taller de veeduría ciudadana")
    services.registration_create(user=citizen, event=event)
    Subscriber.objects.create(
        email=citizen.email, status="confirmed", requested_at=timezone.now(), consent_text="sí"
    )
    data = json.loads(client_for(citizen).get(reverse("accounts:data_export")).content)
    assert [item["event"] for item in data["agenda"]["registrations"]] == ["Taller de veeduría ciudadana"]
    assert data["newsletter"]["status"] == "confirmed"
