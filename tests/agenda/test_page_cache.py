"""The agenda in the page cache: its pages, calendars, feeds and API are served to anonymous
visitors without a query, change at once with events and seats, and drop an event when it
ends."""

import datetime
import time

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from rest_framework.test import APIClient

from agenda import services
from tests.accounts.factories import UserFactory
from tests.agenda.factories import EventFactory
from tests.labplatform.test_page_cache import _site_identity, html, served_from_cache  # noqa: F401
from tests.utils import count_queries

pytestmark = pytest.mark.django_db


@pytest.fixture
def event(db):
    return EventFactory(title="Taller de datos de contratación", capacity=2)


def paths(event) -> list[str]:
    starts = timezone.localtime(event.starts_at)
    return [
        reverse("agenda:list"),
        reverse("agenda:list") + "?tipo=workshop",
        reverse("agenda:month", args=[starts.year, starts.month]),
        reverse("agenda:detail", args=[event.pk]),
        reverse("agenda:event_ics", args=[event.pk]),
        reverse("agenda:ics"),
        reverse("agenda:rss"),
        reverse("agenda:atom"),
        "/api/v1/events/",
        f"/api/v1/events/{event.pk}/",
    ]


def test_every_page_of_the_agenda_is_served_without_a_query(client, event):
    for path in paths(event):
        assert client.get(path).status_code == 200, path
        assert count_queries(lambda path=path: client.get(path), page_cache=True) == 0, path
        assert served_from_cache(client, path), path


def test_a_new_edited_or_cancelled_event_shows_at_once(client, event):
    for path in paths(event):
        client.get(path)
    other = EventFactory(title="Sesión abierta del concejo")
    for path in (reverse("agenda:list"), reverse("agenda:ics"), reverse("agenda:rss")):
        assert "Sesión abierta del concejo" in html(client.get(path)), path
    assert "Sesión abierta del concejo" in str(APIClient().get("/api/v1/events/").json())
    event.cancelled = True
    event.save()
    assert "Evento cancelado" in html(client.get(reverse("agenda:detail", args=[event.pk])))
    other.delete()
    assert "Sesión abierta del concejo" not in html(client.get(reverse("agenda:list")))


def test_a_seat_taken_and_freed_changes_the_event_page(client, event, citizen):
    url = reverse("agenda:detail", args=[event.pk])
    assert "0 de 2 inscritos" in html(client.get(url))
    assert served_from_cache(client, url)
    services.registration_create(user=citizen, event=event)
    assert "1 de 2 inscritos" in html(client.get(url))
    assert APIClient().get(f"/api/v1/events/{event.pk}/").json()["registered_count"] == 1
    services.registration_cancel(user=citizen, event=event)
    assert "0 de 2 inscritos" in html(client.get(url))


def test_an_event_that_ends_leaves_the_list_the_feeds_and_the_home_page(client):
    now = timezone.now()
    ending = EventFactory(
        title="Charla que termina ya",
        starts_at=now - datetime.timedelta(hours=1),
        ends_at=now + datetime.timedelta(seconds=3),
    )
    watched = (reverse("agenda:list"), reverse("agenda:rss"), "/api/v1/events/", "/")
    for path in watched:
        assert "Charla que termina ya" in html(client.get(path)), path
        assert served_from_cache(client, path), path
    time.sleep(max(0.0, (ending.ends_at - timezone.now()).total_seconds()) + 1.1)
    for path in watched:
        assert "Charla que termina ya" not in html(client.get(path)), path


def test_a_registered_person_never_gets_nor_leaves_the_anonymous_page(client_for, event, citizen):
    url = reverse("agenda:detail", args=[event.pk])
    anonymous = Client()
    assert "Ingresar para inscribirse" in html(anonymous.get(url))
    assert served_from_cache(anonymous, url)
    services.registration_create(user=citizen, event=event)
    page = client_for(citizen).get(url)
    assert page.get("X-Page-Cache") != "hit"
    assert "Cancelar mi inscripción" in html(page)
    anonymous_page = html(Client().get(url))
    assert "Cancelar mi inscripción" not in anonymous_page and "Ingresar para inscribirse" in anonymous_page


def test_a_verified_visitor_registers_from_the_page_they_are_shown(client_for, event):
    person = UserFactory()
    page = html(client_for(person).get(reverse("agenda:detail", args=[event.pk])))
    assert "Inscribirme" in page
