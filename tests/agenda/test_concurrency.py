"""Seats stay exact under concurrency: thirty people for ten seats at once, and cancellations
racing registrations. Real threads, each with its own PostgreSQL connection."""

import threading

import pytest
from django.db import connection

from agenda import services
from agenda.models import Event, Registration
from tests.accounts.factories import UserFactory
from tests.agenda.factories import EventFactory

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def _run_together(functions):
    barrier = threading.Barrier(len(functions))
    errors = []

    def run(func):
        try:
            barrier.wait(timeout=30)
            func()
        except Exception as error:  # noqa: BLE001  (collected and reported below)
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(func,)) for func in functions]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert not errors, errors


def _fresh(event):
    return Event.objects.get(pk=event.pk)


def test_thirty_people_for_ten_seats_at_once():
    event = EventFactory(capacity=10)
    people = [UserFactory() for _ in range(30)]
    _run_together(
        [lambda user=user: services.registration_create(user=user, event=_fresh(event)) for user in people]
    )
    event.refresh_from_db()
    registered = Registration.objects.filter(event=event, status="registered").count()
    assert event.registered_count == registered == 10
    assert Registration.objects.filter(event=event, status="waitlisted").count() == 20


def test_cancellations_racing_registrations_promote_the_waiting_list_exactly():
    event = EventFactory(capacity=5)
    seated = [UserFactory() for _ in range(5)]
    waiting = [UserFactory() for _ in range(5)]
    for person in seated + waiting:
        services.registration_create(user=person, event=event)
    newcomers = [UserFactory() for _ in range(5)]

    _run_together(
        [
            lambda user=user: services.registration_cancel(user=user, event=_fresh(event))
            for user in seated[:3]
        ]
        + [
            lambda user=user: services.registration_create(user=user, event=_fresh(event))
            for user in newcomers
        ]
    )

    event.refresh_from_db()
    statuses = dict(Registration.objects.filter(event=event).values_list("user_id", "status"))
    assert event.registered_count == 5
    assert sum(1 for status in statuses.values() if status == "registered") == 5
    # The three freed seats went to the first three who were waiting, not to the newcomers.
    assert [statuses[person.pk] for person in waiting] == ["registered"] * 3 + ["waitlisted"] * 2
    assert all(statuses[person.pk] == "waitlisted" for person in newcomers)


def test_one_person_registering_twice_at_once_counts_once():
    event = EventFactory(capacity=3)
    person = UserFactory()
    _run_together([lambda: services.registration_create(user=person, event=_fresh(event))] * 6)
    event.refresh_from_db()
    assert event.registered_count == Registration.objects.filter(event=event).count() == 1
