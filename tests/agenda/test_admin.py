"""Moderators and editors keep the agenda in the Wagtail admin; citizens may not; the newsletter's
screens are the editors'."""

import pytest

from agenda.models import Event, Registration
from tests.accounts.factories import UserFactory
from tests.agenda.factories import EventFactory

pytestmark = pytest.mark.django_db


def _form(**fields):
    data = {
        "title": "Taller de presupuestos abiertos",
        "kind": "workshop",
        "description": "",
        "starts_at": "2027-02-10 09:00",
        "ends_at": "2027-02-10 12:00",
        "venue": "Biblioteca Pública Gabriel Turbay",
        "address": "",
        "accessibility": "",
        "online_url": "video.example/sala",
        "capacity": "30",
        "public": "on",
    }
    data.update(fields)
    return data


@pytest.mark.parametrize("role", ["editor", "moderator"])
def test_editors_and_moderators_create_an_event(client_for, role, request):
    client = client_for(request.getfixturevalue(role))
    assert client.get("/cms-admin/agenda/").status_code == 200
    response = client.post("/cms-admin/agenda/new/", _form())
    assert response.status_code == 302, response.content.decode()[:2000]
    event = Event.objects.get()
    assert (event.title, event.capacity, event.online_url) == (
        "Taller de presupuestos abiertos",
        30,
        "https://video.example/sala",
    )


def test_an_event_ending_before_it_starts_is_refused(client_for, editor):
    response = client_for(editor).post("/cms-admin/agenda/new/", _form(ends_at="2027-02-10 08:00"))
    assert response.status_code == 200
    assert not Event.objects.exists()


def test_citizens_cannot_open_the_agenda_admin(client_for, citizen):
    response = client_for(citizen).get("/cms-admin/agenda/new/")
    assert response.status_code in (302, 403)


def test_raising_the_capacity_in_the_admin_promotes_the_waiting_list(client_for, editor):
    from agenda import services

    event = EventFactory(capacity=1, title="Formación en control social")
    seated, waiting = UserFactory(), UserFactory()
    services.registration_create(user=seated, event=event)
    services.registration_create(user=waiting, event=event)
    data = _form(title=event.title, capacity="2", online_url="")
    data["starts_at"] = event.starts_at.astimezone().strftime("%Y-%m-%d %H:%M")
    data["ends_at"] = event.ends_at.astimezone().strftime("%Y-%m-%d %H:%M")
    response = client_for(editor).post(f"/cms-admin/agenda/edit/{event.pk}/", data)
    assert response.status_code == 302
    assert Registration.objects.get(user=waiting).status == "registered"


def test_editors_open_the_newsletter_screens(client_for, editor, citizen):
    for path in (
        "/cms-admin/boletin/ediciones/",
        "/cms-admin/boletin/ediciones/new/",
        "/cms-admin/boletin/suscritas/",
    ):
        assert client_for(editor).get(path).status_code == 200


def test_an_edition_offers_preview_test_send_and_send(client_for, editor, django_capture_on_commit_callbacks):
    from django.core import mail

    from newsletter.models import Edition, Subscriber

    edition = Edition.objects.create(subject="Boletín de abril")
    Subscriber.objects.create(
        email="lectora@correo.example", status="confirmed", requested_at=edition.created_at
    )
    client = client_for(editor)
    page = client.get(f"/cms-admin/boletin/ediciones/edit/{edition.pk}/").content.decode()
    for label in ("Vista previa", "Enviar una prueba", "Enviar a las personas suscritas"):
        assert label in page
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/boletin/ediciones/{edition.pk}/enviar/")
    assert [message.to for message in mail.outbox] == [["lectora@correo.example"]]
    edition.refresh_from_db()
    assert edition.status == "sent"
    again = client.post(f"/boletin/ediciones/{edition.pk}/enviar/", follow=True)
    assert "Esta edición ya se envió" in again.content.decode()
    assert len(mail.outbox) == 1


def test_going_live_steps_grant_the_roles_once():
    from django.contrib.auth.models import Group

    from core import bootstrap

    Group.objects.get_or_create(name="editors")
    Group.objects.get_or_create(name="moderators")
    Group.objects.get(name="editors").permissions.clear()
    Group.objects.get(name="moderators").permissions.clear()
    steps = {step.name: step for step in bootstrap.steps()}
    assert steps["agenda"].run() and steps["newsletter"].run()
    assert steps["agenda"].run() == steps["newsletter"].run() == []
    assert Group.objects.get(name="moderators").permissions.filter(codename="change_event").exists()
    assert Group.objects.get(name="editors").permissions.filter(codename="change_edition").exists()
