"""Supports stay exact under concurrency: 50 people at once, and one person twice at once.

Real threads, each with its own PostgreSQL connection (SQLite serialises writers anyway).
"""

import threading

import pytest
from django.db import connection

from ideas import services
from ideas.models import Idea, Support
from tests.accounts.factories import UserFactory
from tests.challenges.factories import make_challenge
from tests.ideas.factories import IdeaFactory

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


def test_fifty_people_support_the_same_idea_at_once():
    idea = IdeaFactory(challenge=make_challenge("voting"))
    people = [UserFactory() for _ in range(50)]
    _run_together(
        [
            lambda user=user: services.idea_support(user=user, idea=Idea.objects.get(pk=idea.pk))
            for user in people
        ]
    )
    idea.refresh_from_db()
    assert idea.support_count == Support.objects.filter(idea=idea).count() == 50


def test_one_person_supporting_twice_at_once_counts_once():
    idea = IdeaFactory(challenge=make_challenge("voting"))
    person = UserFactory()
    _run_together([lambda: services.idea_support(user=person, idea=Idea.objects.get(pk=idea.pk))] * 8)
    idea.refresh_from_db()
    assert idea.support_count == Support.objects.filter(idea=idea).count() == 1


def test_the_limit_holds_when_one_person_supports_many_ideas_at_once():
    challenge = make_challenge("voting", support_limit=3)
    ideas = [IdeaFactory(challenge=challenge) for _ in range(10)]
    person = UserFactory()

    def support(idea):
        try:
            services.idea_support(user=person, idea=Idea.objects.get(pk=idea.pk))
        except services.Refused as refusal:
            assert refusal.code == "support_limit"

    _run_together([lambda idea=idea: support(idea) for idea in ideas])
    assert Support.objects.filter(user=person).count() == 3
    assert sum(Idea.objects.filter(challenge=challenge).values_list("support_count", flat=True)) == 3


def test_supports_and_withdrawals_interleaved_keep_the_count_exact():
    idea = IdeaFactory(challenge=make_challenge("voting"))
    people = [UserFactory() for _ in range(20)]
    for user in people[:10]:
        services.idea_support(user=user, idea=idea)
    actions = [
        lambda user=user: services.idea_withdraw_support(user=user, idea=Idea.objects.get(pk=idea.pk))
        for user in people[:10]
    ]
    actions += [
        lambda user=user: services.idea_support(user=user, idea=Idea.objects.get(pk=idea.pk))
        for user in people[10:]
    ]
    _run_together(actions)
    idea.refresh_from_db()
    assert idea.support_count == Support.objects.filter(idea=idea).count() == 10
