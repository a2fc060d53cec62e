"""Idea cards on a challenge page: excerpt, status, supports, filters, and supporting without
leaving the page (a plain form; the same form sent by fetch gets JSON back)."""

import pytest
from django.urls import reverse

from ideas.models import IdeaStatus, Support
from tests.accounts.factories import OrganizationFactory
from tests.challenges.factories import make_challenge
from tests.ideas.factories import IdeaFactory
from tests.utils import count_queries

pytestmark = pytest.mark.django_db
JSON = {"Accept": "application/json"}


@pytest.fixture
def voting():
    return make_challenge("voting", support_limit=2)


def test_cards_show_excerpt_status_supports_and_a_support_button(client_for, citizen, voting):
    idea = IdeaFactory(challenge=voting, title="Tablero de contratos", support_count=4)
    html = client_for(citizen).get(voting.url).content.decode()
    card = html[html.index(f'href="{idea.get_absolute_url()}"') :]
    assert "Publicar cada contrato con su avance y sus pagos, comuna por comuna." in card
    assert "<strong>4</strong> apoyos" in card and idea.get_status_display() in card
    assert f'action="{reverse("ideas:support", args=[idea.pk])}" data-inline-support' in card
    assert "Le quedan 2 de 2 apoyos en este reto." in html
    assert html.index("Apoyar ideas") < html.index('id="schedule-title"')  # the main action comes first


def test_a_plain_form_post_comes_back_to_the_list(client_for, citizen, voting):
    idea = IdeaFactory(challenge=voting)
    response = client_for(citizen).post(
        reverse("ideas:support", args=[idea.pk]), {"next": f"{voting.url}?pagina=1"}
    )
    assert response.status_code == 302 and response["Location"] == f"{voting.url}?pagina=1"
    assert Support.objects.filter(idea=idea, user=citizen).exists()
    # An address elsewhere is not followed.
    other = IdeaFactory(challenge=voting)
    response = client_for(citizen).post(
        reverse("ideas:support", args=[other.pk]), {"next": "https://evil.example/"}
    )
    assert response["Location"] == other.get_absolute_url()


def test_fetch_gets_the_new_control_and_the_supports_left(client_for, citizen, voting):
    first, second, third = IdeaFactory.create_batch(3, challenge=voting)
    client = client_for(citizen)
    body = client.post(reverse("ideas:support", args=[first.pk]), {"next": voting.url}, headers=JSON).json()
    assert body["support_count"] == 1 and body["supported_by_me"] is True and body["supports_left"] == 1
    assert body["supports_left_text"] == "Le queda 1 de 2 apoyos en este reto."
    assert "Retirar mi apoyo" in body["html"] and "Usted la apoya" in body["html"]
    client.post(reverse("ideas:support", args=[second.pk]), headers=JSON)
    refused = client.post(reverse("ideas:support", args=[third.pk]), headers=JSON)
    assert refused.status_code == 409 and "Ya usó sus 2 apoyos" in refused.json()["detail"]
    assert not Support.objects.filter(idea=third).exists()
    withdrawn = client.post(reverse("ideas:withdraw", args=[first.pk]), headers=JSON).json()
    assert (
        withdrawn["support_count"] == 0
        and withdrawn["supports_left"] == 1
        and "Apoyar esta idea" in withdrawn["html"]
    )


def test_ideas_filter_by_status_and_organisation_kind(client, voting):
    university = OrganizationFactory(kind="university")
    IdeaFactory(challenge=voting, title="Idea seleccionada", status=IdeaStatus.SELECTED)
    IdeaFactory(challenge=voting, title="Idea universitaria", organization=university)
    selected = client.get(voting.url, {"estado": IdeaStatus.SELECTED}).content.decode()
    assert "Idea seleccionada" in selected and "Idea universitaria" not in selected
    by_kind = client.get(voting.url, {"tipo": "university"}).content.decode()
    assert "Idea universitaria" in by_kind and "Idea seleccionada" not in by_kind


def test_challenge_page_queries_do_not_grow_with_ideas(client_for, citizen, voting):
    client = client_for(citizen)

    def show():
        assert client.get(voting.url).status_code == 200

    IdeaFactory.create_batch(2, challenge=voting)
    show()
    few = count_queries(show)
    IdeaFactory.create_batch(30, challenge=voting)
    assert count_queries(show) == few
