"""The newsletter: double opt-in, one-click unsubscribe with its headers, and an edition sent
in batches that survives a crash half-way without sending anyone the same edition twice."""

import re

import pytest
from django.core import mail
from django.urls import reverse

from newsletter import delivery, services
from newsletter.models import Delivery, Edition, Subscriber
from tests.agenda.factories import EventFactory
from tests.utils import count_queries

pytestmark = pytest.mark.django_db

SITE = "https://laboratorio.bucaramanga.gov.co"


@pytest.fixture(autouse=True)
def _site_url(settings):
    settings.SITE_URL = SITE


def _link(message, prefix: str) -> str:
    return re.search(rf"{re.escape(SITE)}{prefix}\S+/", message.body).group(0).removeprefix(SITE)


def _confirmed(n: int) -> list[Subscriber]:
    from django.utils import timezone

    return [
        Subscriber.objects.create(
            email=f"vecina{index}@correo.example",
            status="confirmed",
            requested_at=timezone.now(),
            consent_text="sí",
        )
        for index in range(n)
    ]


def test_nobody_is_subscribed_until_the_link_is_followed(client, django_capture_on_commit_callbacks):
    page = client.get("/boletin/").content.decode()
    assert "política de tratamiento de datos personales" in page
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/boletin/", {"email": "Marta@Correo.example", "consent": "on"})
    assert "Revise su correo" in response.content.decode()
    subscriber = Subscriber.objects.get()
    assert (subscriber.email, subscriber.status, subscriber.confirmed_at) == (
        "marta@correo.example",
        "pending",
        None,
    )
    assert "política de tratamiento de datos personales" in subscriber.consent_text

    link = _link(mail.outbox[0], "/boletin/confirmar/")
    assert client.get(link).status_code == 200
    assert (
        Subscriber.objects.get().status == "pending"
    )  # opening the page alone (a link scanner) is not enough
    client.post(link)
    subscriber.refresh_from_db()
    assert subscriber.status == "confirmed" and subscriber.confirmed_at is not None


def test_bad_input_says_why_and_changes_nothing(client):
    response = client.post("/boletin/", {"email": "no-es-un-correo"})
    assert response.status_code == 400
    text = response.content.decode()
    assert "Escriba un correo válido" in text
    assert "acepte el tratamiento de su correo" in text
    assert not Subscriber.objects.exists()
    assert client.get("/boletin/confirmar/inventado/").status_code == 404


def test_edition_has_one_click_unsubscribe_headers_and_the_post_works_without_csrf(
    client, django_capture_on_commit_callbacks
):
    [subscriber] = _confirmed(1)
    EventFactory(title="Taller de datos abiertos en la comuna 3")
    edition = Edition.objects.create(subject="Boletín de diciembre", intro="Lo que viene en la ciudad.")
    with django_capture_on_commit_callbacks(execute=True):
        services.edition_send(edition=edition)

    [message] = mail.outbox
    unsubscribe = f"{SITE}/boletin/baja/{subscriber.token}/"
    assert message.extra_headers["List-Unsubscribe"] == f"<{unsubscribe}>"
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert "Taller de datos abiertos en la comuna 3" in message.body
    assert unsubscribe in message.body

    from django.test import Client

    one_click = Client(enforce_csrf_checks=True).post(
        f"/boletin/baja/{subscriber.token}/", {"List-Unsubscribe": "One-Click"}
    )
    assert one_click.status_code == 200
    subscriber.refresh_from_db()
    assert subscriber.status == "unsubscribed" and subscriber.unsubscribed_at is not None


def test_unsubscribe_link_shows_a_confirmation_page_first(client):
    [subscriber] = _confirmed(1)
    page = client.get(f"/boletin/baja/{subscriber.token}/")
    assert "Darme de baja" in page.content.decode()
    assert Subscriber.objects.get().status == "confirmed"


def test_a_crash_half_way_is_resumed_without_duplicates(settings):
    people = _confirmed(7)
    edition = Edition.objects.create(subject="Boletín de enero")

    # First run: two batches of two go out, then the worker dies while holding a third batch.
    services.edition_deliver(edition=edition, batch_size=2, max_batches=2)
    claimed_by_the_dead_worker = delivery._claim(edition, 2)
    assert len(mail.outbox) == 4

    result = services.edition_deliver(edition=edition, batch_size=2)

    recipients = [message.to[0] for message in mail.outbox]
    assert len(recipients) == len(set(recipients)) == 5
    statuses = dict(Delivery.objects.filter(edition=edition).values_list("pk", "status"))
    assert [statuses[pk] for pk in claimed_by_the_dead_worker] == ["failed", "failed"]
    assert sorted(statuses.values()).count("sent") == 5
    assert result == {"sent": 1, "failed": 0}
    assert Edition.objects.get(pk=edition.pk).status == "sent"
    # Sending again sends nothing more.
    services.edition_deliver(edition=edition)
    assert len(mail.outbox) == 5
    assert Delivery.objects.filter(edition=edition).count() == len(people)


def test_a_failed_address_is_logged_and_the_others_still_go(settings, monkeypatch):
    people = _confirmed(3)
    edition = Edition.objects.create(subject="Boletín de febrero")
    people[1].status = "unsubscribed"
    people[1].save()
    Delivery.objects.create(edition=edition, subscriber=people[1])

    services.edition_deliver(edition=edition)

    log = dict(Delivery.objects.filter(edition=edition).values_list("subscriber__email", "status"))
    assert log == {people[0].email: "sent", people[1].email: "failed", people[2].email: "sent"}


def test_sending_queries_do_not_grow_per_batch_beyond_a_bound():
    _confirmed(4)
    edition = Edition.objects.create(
        subject="Uno", include_news=False, include_challenges=False, include_results=False
    )
    few = count_queries(lambda: services.edition_deliver(edition=edition, batch_size=50))
    _confirmed_more = [
        Subscriber.objects.create(
            email=f"otra{index}@correo.example", status="confirmed", requested_at=edition.created_at
        )
        for index in range(16)
    ]
    other = Edition.objects.create(
        subject="Dos", include_news=False, include_challenges=False, include_results=False
    )
    many = count_queries(lambda: services.edition_deliver(edition=other, batch_size=50))
    # One UPDATE per person (its log row) and a fixed number of others.
    assert many - few == len(_confirmed_more)


def test_editors_preview_and_test_send(client_for, editor, citizen):
    edition = Edition.objects.create(subject="Boletín de marzo", intro="Novedades del laboratorio.")
    EventFactory(title="Reunión con veedurías")
    assert client_for(citizen).get(reverse("newsletter:preview", args=[edition.pk])).status_code == 403
    client = client_for(editor)
    preview = client.get(reverse("newsletter:preview", args=[edition.pk]))
    assert "Reunión con veedurías" in preview.content.decode()
    client.post(reverse("newsletter:test_send", args=[edition.pk]))
    assert [message.to for message in mail.outbox] == [[editor.email]]
    assert not Delivery.objects.exists()


def test_asking_again_at_once_sends_no_second_link(client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        for _ in range(5):
            client.post("/boletin/", {"email": "vecina@correo.example", "consent": "on"})
    assert len(mail.outbox) == 1
    assert Subscriber.objects.count() == 1
