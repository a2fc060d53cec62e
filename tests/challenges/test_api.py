"""The challenges of the JSON API: public, with the computed phase and annotated totals."""

import datetime

import pytest
from rest_framework.test import APIClient
from wagtail.models import PageViewRestriction

from tests.accounts.factories import OrganizationFactory, UserFactory
from tests.challenges.factories import PHASE_OFFSETS, make_challenge
from tests.ideas.factories import IdeaFactory
from tests.utils import count_queries

pytestmark = pytest.mark.django_db

LIST = "/api/v1/challenges/"
DATES = ["ideas_open_at", "ideas_close_at", "voting_open_at", "voting_close_at", "results_at"]
BOGOTA = datetime.timezone(datetime.timedelta(hours=-5))


def detail(challenge) -> str:
    return f"{LIST}{challenge.pk}/"


def test_a_challenge_with_every_field_of_the_contract():
    uis = OrganizationFactory(name="Universidad Industrial de Santander")
    amb = OrganizationFactory(name="Área Metropolitana de Bucaramanga")
    challenge = make_challenge("voting", title="Contratación abierta", co_leads=[uis, amb], support_limit=3)
    author = UserFactory()
    IdeaFactory(challenge=challenge, author=author, support_count=4)
    IdeaFactory(challenge=challenge, author=author, support_count=2, status="selected")
    IdeaFactory(challenge=challenge, author=author, support_count=9, status="hidden")

    response = APIClient().get(detail(challenge))

    assert response.status_code == 200
    data = response.json()
    assert data["id"] == challenge.pk
    assert data["title"] == "Contratación abierta"
    assert data["slug"] == challenge.slug
    assert data["url"] == f"http://testserver{challenge.url}"
    assert data["phase"] == "voting"
    assert sorted(data["co_leads"]) == sorted([uis.name, amb.name])
    # Published ideas only: the hidden one and its supports do not count.
    assert data["idea_count"] == 2
    assert data["support_count"] == 6
    assert data["support_limit"] == 3
    for name in DATES:
        value = data[name]
        # ISO 8601 with the offset of America/Bogota (TIME_ZONE), the same instant as stored.
        assert value.endswith("-05:00"), value
        assert datetime.datetime.fromisoformat(value) == getattr(challenge, name)
        assert datetime.datetime.fromisoformat(value).utcoffset() == BOGOTA.utcoffset(None)
    assert data["closed_at"] is None


@pytest.mark.parametrize("phase", list(PHASE_OFFSETS))
def test_the_phase_is_computed_from_the_dates(phase):
    challenge = make_challenge(phase)
    expected = "evaluation" if phase == "evaluation_before_voting" else phase
    assert APIClient().get(detail(challenge)).json()["phase"] == expected


def test_a_challenge_without_ideas_counts_zero():
    data = APIClient().get(detail(make_challenge("ideas"))).json()
    assert (data["idea_count"], data["support_count"], data["co_leads"]) == (0, 0, [])


def test_the_list_is_paginated_newest_first():
    older = make_challenge("results")
    newer = make_challenge("ideas")
    response = APIClient().get(LIST)
    assert response.status_code == 200
    data = response.json()
    assert set(data) == {"count", "next", "previous", "results"}
    assert data["count"] == 2 and data["next"] is None and data["previous"] is None
    assert [item["id"] for item in data["results"]] == [newer.pk, older.pk]


def test_drafts_and_private_challenges_are_not_public():
    public = make_challenge("ideas")
    draft = make_challenge("ideas")
    draft.unpublish()
    private = make_challenge("ideas")
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="secreto")

    client = APIClient()
    assert [item["id"] for item in client.get(LIST).json()["results"]] == [public.pk]
    assert client.get(detail(draft)).status_code == 404
    assert client.get(detail(private)).status_code == 404
    assert client.get(f"{LIST}999999/").status_code == 404


def test_the_list_is_read_only():
    client = APIClient()
    client.force_login(UserFactory(is_staff=True), backend="django.contrib.auth.backends.ModelBackend")
    assert client.post(LIST, {"title": "Nuevo"}, format="json").status_code == 405


def test_not_found_is_spanish_by_default_and_english_on_request():
    client = APIClient()
    assert client.get(f"{LIST}999999/").json() == {"detail": "No encontrado."}
    english = client.get(f"{LIST}999999/", headers={"accept-language": "en"})
    assert english.json() == {"detail": "Not found."}


def _challenges_with_ideas(count: int) -> None:
    author = UserFactory()
    for number in range(count):
        challenge = make_challenge(
            "voting", co_leads=[OrganizationFactory(), OrganizationFactory()], title=f"Reto {number}"
        )
        for _ in range(3):
            IdeaFactory(challenge=challenge, author=author, support_count=number)


def test_the_list_costs_the_same_queries_for_two_or_eight_challenges():
    client = APIClient()
    _challenges_with_ideas(2)
    client.get(LIST)  # warm Wagtail's cache of site root paths, as any earlier request would
    few = count_queries(lambda: client.get(LIST))
    _challenges_with_ideas(6)
    response = client.get(LIST)
    assert response.json()["count"] == 8
    assert {item["idea_count"] for item in response.json()["results"]} == {3}
    many = count_queries(lambda: client.get(LIST))
    assert many == few, (few, many)
    assert few <= 5


def test_dates_are_rendered_in_bogota_time_whatever_they_were_stored_in():
    start = datetime.datetime(2026, 3, 2, 13, 0, tzinfo=datetime.UTC)
    challenge = make_challenge("ideas")
    type(challenge).objects.filter(pk=challenge.pk).update(ideas_open_at=start)
    assert APIClient().get(detail(challenge)).json()["ideas_open_at"] == "2026-03-02T08:00:00-05:00"
