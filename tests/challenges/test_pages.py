"""The challenge list and a challenge's page: phases, ideas, orderings, results, open data."""

import csv
import io

import defusedxml.ElementTree as ET
import pytest
from django.conf import settings

from ideas import services
from ideas.models import Evaluation
from tests.accounts.factories import OrganizationFactory, UserFactory
from tests.challenges.factories import make_challenge
from tests.ideas.factories import IdeaFactory
from tests.utils import count_queries

pytestmark = pytest.mark.django_db


def test_challenge_list_filters_by_phase_theme_and_co_lead(client):
    uis = OrganizationFactory(name="Universidad Industrial de Santander", slug="uis")
    open_for_ideas = make_challenge("ideas", title="Contratación abierta", co_leads=[uis])
    open_for_ideas.tags.add("contratación")
    open_for_ideas.save_revision().publish()
    make_challenge("voting", title="Trámites sin intermediarios")
    make_challenge("results", title="Presupuesto participativo")
    index_url = open_for_ideas.get_parent().url

    def titles(**params):
        html = client.get(index_url, params).content.decode()
        return {
            t
            for t in ("Contratación abierta", "Trámites sin intermediarios", "Presupuesto participativo")
            if t in html
        }

    assert titles() == {"Contratación abierta", "Trámites sin intermediarios", "Presupuesto participativo"}
    assert titles(fase="voting") == {"Trámites sin intermediarios"}
    assert titles(fase="ideas") == {"Contratación abierta"}
    assert titles(fase="results") == {"Presupuesto participativo"}
    from taggit.models import Tag

    assert titles(tema=Tag.objects.get(name="contratación").slug) == {"Contratación abierta"}
    assert titles(colider="uis") == {"Contratación abierta"}
    assert titles(q="presupuesto") == {"Presupuesto participativo"}


def test_challenge_page_shows_its_phase_countdown_and_ideas(client):
    challenge = make_challenge("ideas", title="Contratación abierta")
    IdeaFactory(challenge=challenge, title="Tablero de contratos")
    html = client.get(challenge.url).content.decode()
    assert "Fase: Recepción de ideas" in html
    assert "Próxima fase el" in html
    assert "Tablero de contratos" in html
    assert "Proponer una idea" in html


@pytest.mark.parametrize(
    ("ordering", "expected"),
    [
        ("-supports", ["Muy apoyada", "Poco apoyada", "Reciente"]),
        ("-created", ["Reciente", "Poco apoyada", "Muy apoyada"]),
        ("-comments", ["Poco apoyada", "Muy apoyada", "Reciente"]),
    ],
)
def test_ideas_sort_by_supports_newest_and_most_discussed(client, ordering, expected):
    challenge = make_challenge("voting")
    IdeaFactory(challenge=challenge, title="Muy apoyada", support_count=9, comment_count=1)
    IdeaFactory(challenge=challenge, title="Poco apoyada", support_count=2, comment_count=5)
    IdeaFactory(challenge=challenge, title="Reciente", support_count=0, comment_count=0)
    html = client.get(challenge.url, {"orden": ordering}).content.decode()
    positions = [html.index(f">{title}<") for title in expected]
    assert positions == sorted(positions)


def test_hidden_ideas_are_not_listed(client):
    challenge = make_challenge("ideas")
    IdeaFactory(challenge=challenge, title="Idea visible")
    IdeaFactory(challenge=challenge, title="Idea ocultada", status="hidden")
    html = client.get(challenge.url).content.decode()
    assert "Idea visible" in html and "Idea ocultada" not in html


def test_challenge_page_queries_do_not_grow_with_ideas_and_supports(client_for):
    from ideas.models import Idea, Support

    challenge = make_challenge("voting")
    viewer = UserFactory()
    client = client_for(viewer)
    client.get(challenge.url)
    for _ in range(10):
        IdeaFactory(challenge=challenge)
    services.idea_support(user=viewer, idea=challenge.ideas.first())
    few = count_queries(lambda: client.get(challenge.url))
    author = UserFactory()
    ideas = Idea.objects.bulk_create(
        [
            Idea(challenge=challenge, author=author, title=f"Idea {n}", body="b", body_html="<p>b</p>")
            for n in range(990)
        ]
    )
    supporters = [UserFactory() for _ in range(100)]
    Support.objects.bulk_create(
        [
            Support(idea=idea, user=user, participant_type="citizen")
            for idea in ideas[:100]
            for user in supporters
        ]
    )
    assert Idea.objects.filter(challenge=challenge).count() == 1000 and Support.objects.count() == 10_001
    many = count_queries(lambda: client.get(challenge.url))
    # Wagtail routing (~7), session and user, the bell, rules, the ideas with mine, supports left,
    # the challenge's sessions and projects.
    assert many == few <= 22


def test_results_rank_supports_and_evaluation_and_break_supports_down(client):
    challenge = make_challenge("voting", criteria=[("Impacto", 1)])
    popular = IdeaFactory(challenge=challenge, title="Popular")
    evaluated = IdeaFactory(challenge=challenge, title="Bien evaluada")
    for kind in ["citizen", "citizen", "university", "guild"]:
        services.idea_support(user=UserFactory(participant_type=kind), idea=popular)
    services.idea_support(user=UserFactory(participant_type="citizen"), idea=evaluated)
    criterion = challenge.criteria.get()
    evaluator = UserFactory()
    Evaluation.objects.create(idea=popular, criterion=criterion, evaluator=evaluator, score=1)
    Evaluation.objects.create(idea=evaluated, criterion=criterion, evaluator=evaluator, score=5)
    # Before the results date, no ranking is shown.
    assert "Clasificación final" not in client.get(challenge.url).content.decode()

    from django.utils import timezone

    challenge.voting_close_at = challenge.results_at = timezone.now() - timezone.timedelta(hours=1)
    challenge.save_revision().publish()
    html = client.get(challenge.url).content.decode()
    assert "Clasificación final de las ideas" in html
    assert "Ciudadanía: 2" in html and "Universidades: 1" in html and "Gremios: 1" in html
    # 50/50: Popular has all the supports (50) + 1/5 of the evaluation (10) = 60;
    # Bien evaluada has 1/4 of the supports (12.5) + the full evaluation (50) = 62.5.
    assert html.index(">Bien evaluada<") < html.index(">Popular<")
    assert "62,5" in html and "60,0" in html  # Spanish number format on HTML pages


def test_ideas_csv_is_open_data(client):
    challenge = make_challenge("voting")
    idea = IdeaFactory(challenge=challenge, title="Tablero, con coma", support_count=3)
    response = client.get(challenge.url + "ideas/csv/")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8"))))
    assert rows[0]["title"] == "Tablero, con coma"
    assert rows[0]["support_count"] == "3"
    assert rows[0]["status"] == "published"
    assert rows[0]["created_at"] == idea.created_at.isoformat()


def test_atom_feed_of_new_ideas(client):
    challenge = make_challenge("ideas")
    IdeaFactory(challenge=challenge, title="Primera")
    IdeaFactory(challenge=challenge, title="Segunda")
    response = client.get(challenge.url + "ideas/atom/")
    ns = {"a": "http://www.w3.org/2005/Atom"}
    titles = [
        entry.find("a:title", ns).text for entry in ET.fromstring(response.content).findall("a:entry", ns)
    ]
    assert titles == ["Segunda", "Primera"]


def test_the_sort_labels_follow_the_visitor_language(client):
    challenge = make_challenge("voting")
    assert "Más apoyadas" in client.get(challenge.url).content.decode()
    assert "Más apoyadas" in client.get(challenge.url, headers={"accept-language": "en"}).content.decode()
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"  # chosen in the language switcher
    english = client.get(challenge.url).content.decode()
    assert "Más apoyadas" not in english and "Most endorsed" in english
