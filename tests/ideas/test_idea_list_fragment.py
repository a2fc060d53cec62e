"""The idea list of a challenge page is rendered once and shared by everyone who sees it,
signed-in people too; each person's support buttons are filled in for them alone."""

import pytest
from django.test import Client
from django.urls import reverse

from ideas import services
from tests.accounts.factories import UserFactory
from tests.challenges.factories import make_challenge
from tests.ideas.factories import IdeaFactory
from tests.utils import count_queries

pytestmark = pytest.mark.django_db


def signed_in(user) -> Client:
    client = Client()
    client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    return client


def card(html: str, idea) -> str:
    start = html.index(f'href="{idea.get_absolute_url()}"')
    return html[start : html.index("</li>", start)]


@pytest.fixture
def voting():
    return make_challenge("voting", support_limit=3)


def test_two_people_share_the_list_but_not_their_supports(citizen, voting):
    mine, other = IdeaFactory.create_batch(2, challenge=voting)
    services.idea_support(user=citizen, idea=mine)
    neighbour = UserFactory()
    first = signed_in(citizen).get(voting.url).content.decode()
    assert "Usted la apoya" in card(first, mine) and "Retirar mi apoyo" in card(first, mine)
    assert "Apoyar esta idea" in card(first, other)
    # The neighbour is served the list the citizen's visit stored, with their own buttons.
    second = signed_in(neighbour).get(voting.url).content.decode()
    assert "Usted la apoya" not in second and "Retirar mi apoyo" not in second
    assert "Apoyar esta idea" in card(second, mine) and "<strong>1</strong> apoyo" in card(second, mine)
    # An anonymous visitor gets the invitation to sign in, and no one's buttons.
    anonymous = Client().get(voting.url).content.decode()
    assert "Ingrese para apoyar esta idea" in card(anonymous, mine)
    assert "Usted la apoya" not in anonymous and "data-inline-support" not in anonymous


def test_a_support_shows_at_once_to_everyone(citizen, voting):
    idea = IdeaFactory(challenge=voting)
    neighbour = signed_in(UserFactory())
    assert "<strong>0</strong> apoyos" in card(neighbour.get(voting.url).content.decode(), idea)
    signed_in(citizen).post(reverse("ideas:support", args=[idea.pk]))
    assert "<strong>1</strong> apoyo" in card(neighbour.get(voting.url).content.decode(), idea)
    renamed = IdeaFactory(challenge=voting, title="Idea nueva del barrio")
    assert renamed.title in neighbour.get(voting.url).content.decode()


def test_a_signed_in_visit_reads_no_idea_once_the_list_is_stored(citizen, voting):
    IdeaFactory.create_batch(5, challenge=voting)
    client = signed_in(citizen)
    uncached = count_queries(lambda: client.get(voting.url))
    client.get(voting.url)
    cached = count_queries(lambda: client.get(voting.url), page_cache=True)
    # The list and its count come from the cache; the person's supports are one query.
    assert cached <= uncached - 2


def test_a_changed_public_name_shows_at_once_on_the_shared_list(citizen, voting):
    from accounts.services import profile_update

    idea = IdeaFactory(challenge=voting, author=citizen)
    neighbour = signed_in(UserFactory())
    assert citizen.public_name in card(neighbour.get(voting.url).content.decode(), idea)
    profile_update(user=citizen, display_name="Vecina del Norte", participant_type=citizen.participant_type)
    assert "Vecina del Norte" in card(neighbour.get(voting.url).content.decode(), idea)
