"""Calendars that a real iCalendar library reads with the API's times, feeds with absolute
links, the agenda's pages and their query counts, reminders of the day before."""

import datetime

import defusedxml.ElementTree as ET
import icalendar
import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from agenda import services
from agenda.models import Registration
from agenda.selectors import upcoming_events
from tests.accounts.factories import UserFactory
from tests.agenda.factories import EventFactory
from tests.utils import count_queries

pytestmark = pytest.mark.django_db

SITE = "https://laboratorio.bucaramanga.gov.co"


@pytest.fixture(autouse=True)
def _site_url(settings):
    settings.SITE_URL = SITE


def test_event_ics_parses_and_matches_the_api(client):
    event = EventFactory(title="Taller de veeduría ciudadana", online_url="https://video.example/sala")
    api = client.get(f"/api/v1/events/{event.pk}/").json()
    response = client.get(reverse("agenda:event_ics", args=[event.pk]))
    assert response["Content-Type"].startswith("text/calendar")
    calendar = icalendar.Calendar.from_ical(response.content)
    [component] = calendar.walk("VEVENT")
    assert str(component["summary"]) == "Taller de veeduría ciudadana"
    assert component.decoded("dtstart") == datetime.datetime.fromisoformat(api["starts_at"])
    assert component.decoded("dtend") == datetime.datetime.fromisoformat(api["ends_at"])
    assert str(component["url"]) == api["url"] == f"{SITE}/agenda/{event.pk}/"
    assert "Biblioteca Pública Gabriel Turbay" in str(component["location"])


def test_agenda_ics_has_every_public_event_and_no_private_one(client):
    shown = EventFactory.create_batch(3)
    hidden = EventFactory(public=False, title="Reunión interna")
    calendar = icalendar.Calendar.from_ical(client.get("/agenda.ics").content)
    titles = {str(component["summary"]) for component in calendar.walk("VEVENT")}
    assert titles == {event.title for event in shown}
    assert hidden.title not in titles
    assert all(str(component["url"]).startswith(f"{SITE}/agenda/") for component in calendar.walk("VEVENT"))


def test_agenda_ics_queries_do_not_grow(client):
    EventFactory.create_batch(2)
    few = count_queries(lambda: client.get("/agenda.ics"))
    EventFactory.create_batch(10)
    assert count_queries(lambda: client.get("/agenda.ics")) == few <= 2


@pytest.mark.parametrize("path", ["/agenda/rss/", "/agenda/atom/"])
def test_agenda_feeds_have_absolute_links(client, path):
    event = EventFactory(title="Formación en control social")
    response = client.get(path)
    assert response.status_code == 200
    root = ET.fromstring(response.content)
    links = [
        element.text or element.get("href") for element in root.iter() if element.tag.split("}")[-1] == "link"
    ]
    assert f"{SITE}/agenda/{event.pk}/" in links
    assert all(link.startswith(SITE) for link in links if link)


@pytest.mark.parametrize("path", ["/retos/rss/", "/retos/atom/"])
def test_challenge_feeds_answer_with_absolute_links(client, path):
    from tests.challenges.factories import make_challenge

    challenge = make_challenge("ideas")
    response = client.get(path)
    assert response.status_code == 200
    assert f"{SITE}{challenge.url}".encode() in response.content


def test_reminders_go_once_the_day_before_to_the_registered_only(django_capture_on_commit_callbacks):
    tomorrow_noon = timezone.make_aware(
        datetime.datetime.combine(timezone.localdate() + datetime.timedelta(days=1), datetime.time(12))
    )
    tomorrow = EventFactory(capacity=1, starts_at=tomorrow_noon, title="Taller de mañana")
    later = EventFactory(capacity=5, starts_at=tomorrow_noon + datetime.timedelta(days=3))
    seated, waiting = UserFactory(), UserFactory()
    services.registration_create(user=seated, event=tomorrow)
    services.registration_create(user=waiting, event=tomorrow)
    services.registration_create(user=waiting, event=later)
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        call_command("remind_events", verbosity=0)
    with django_capture_on_commit_callbacks(execute=True):
        call_command("remind_events", verbosity=0)

    assert [message.to for message in mail.outbox] == [[seated.email]]
    assert mail.outbox[0].subject == "Mañana: Taller de mañana"
    assert Registration.objects.get(user=seated).reminded_at is not None


def test_debate_sessions_appear_in_the_agenda(client):
    from tests.debates.factories import make_session

    session = make_session("scheduled", title="Debate sobre presupuesto participativo")
    [event] = upcoming_events(5)
    assert (event.kind, event.title) == ("debate", session.title)
    assert event.starts_at == session.starts_at.replace(microsecond=0)
    session.title = "Debate sobre el presupuesto participativo 2027"
    session.save()
    results = client.get("/api/v1/events/").json()["results"]
    assert [(item["kind"], item["title"]) for item in results] == [("debate", session.title)]


def test_list_and_month_pages_in_bounded_queries(client):
    EventFactory.create_batch(2)
    today = timezone.localdate()
    month_url = reverse("agenda:month", args=[today.year, today.month])
    urls = ("/agenda/", month_url)

    def measure():
        for url in urls:
            client.get(url)  # the site's navigation and identity are cached after a first visit
        return [count_queries(lambda url=url: client.get(url)) for url in urls]

    few = measure()
    EventFactory.create_batch(10, kind="training")
    many = measure()
    assert many == few
    response = client.get("/agenda/?tipo=training")
    assert response.content.decode().count('class="event-item"') == 10


def test_month_page_rejects_absurd_months(client):
    assert client.get("/agenda/mes/2026/13/").status_code == 404
    assert client.get("/agenda/mes/9999/1/").status_code == 404


def test_detail_page_in_bounded_queries(client_for, citizen):
    event = EventFactory(capacity=3)
    client = client_for(citizen)
    client.get(event.get_absolute_url())
    assert count_queries(lambda: client.get(event.get_absolute_url())) <= 12
    assert "Inscribirme" in client.get(event.get_absolute_url()).content.decode()
