"""The demo agenda: upcoming events of several kinds, one full with a waiting list, debate
sessions among them, two newsletter editions; safe to run twice."""

import io

import pytest
from django.core.management import call_command

from agenda.models import Event, Registration
from newsletter.models import Delivery, Edition

pytestmark = pytest.mark.django_db


def test_demo_agenda_and_newsletter(client):
    call_command("seed_demo", "--allow-production", stdout=io.StringIO())
    counts = (
        Event.objects.count(),
        Registration.objects.count(),
        Edition.objects.count(),
        Delivery.objects.count(),
    )
    call_command("seed_demo", "--allow-production", stdout=io.StringIO())
    assert (
        Event.objects.count(),
        Registration.objects.count(),
        Edition.objects.count(),
        Delivery.objects.count(),
    ) == counts

    kinds = {item["kind"] for item in client.get("/api/v1/events/").json()["results"]}
    assert kinds == {"debate", "workshop", "training", "meeting"}
    full = Event.objects.get(kind="training")
    assert full.registered_count == full.capacity
    assert Registration.objects.filter(event=full, status="waitlisted").exists()
    assert set(Edition.objects.values_list("status", flat=True)) == {"sent", "draft"}
    assert client.get("/agenda/").status_code == 200
