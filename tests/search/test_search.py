"""The site search: /buscar/ and /api/v1/search/, accent- and case-insensitive, Spanish forms."""

import pytest
from django.db.models import Value

from core.search import fold, text_filter
from ideas.models import Idea, IdeaStatus
from search.selectors import excerpt, highlight
from tests.challenges.factories import make_challenge
from tests.debates.factories import make_session
from tests.ideas.factories import IdeaFactory
from tests.utils import count_queries

pytestmark = pytest.mark.django_db


@pytest.fixture
def challenge():
    return make_challenge("ideas", title="Menos corrupción en la contratación")


def test_fold_ignores_case_and_accents():
    assert fold("CORRUPCIÓN en Güepsa, Ñame") == "corrupcion en guepsa, name"


def test_text_filter_ignores_accents_and_case_and_word_forms(challenge):
    wanted = IdeaFactory(challenge=challenge, title="Denuncia de corrupción anónima")
    IdeaFactory(challenge=challenge, title="Parques para la comuna 4", body="Árboles y bancas.")
    ideas = Idea.objects.all()
    for query in ("corrupcion", "CORRUPCIÓN", "denuncias", "corrupción denuncia"):
        assert list(text_filter(ideas, ["title", "body"], query)) == [wanted], query
    assert list(text_filter(ideas, ["title", "body"], "corrupcion parques")) == []
    assert list(text_filter(ideas, ["title", "body"], "   ")) == []


def test_search_page_finds_every_type_grouped_and_highlighted(client, challenge):
    IdeaFactory(challenge=challenge, title="Observatorio ciudadano de corrupción")
    make_session(title="Debate abierto sobre corrupción", description="Con la veeduría.")
    html = client.get("/buscar/", {"q": "corrupcion"}).content.decode()
    assert "resultados para «corrupcion»" in html
    assert (
        html.index('id="grupo-challenge"') < html.index('id="grupo-idea"') < html.index('id="grupo-session"')
    )
    assert "Menos <mark>corrupción</mark> en la contratación" in html
    assert f'href="{challenge.url}"' in html


def test_search_hides_hidden_ideas(client, challenge):
    IdeaFactory(challenge=challenge, title="Corrupción escondida", status=IdeaStatus.HIDDEN)
    html = client.get("/buscar/", {"q": "escondida"}).content.decode()
    assert "0 resultados" in html and "escondida</mark>" not in html


def test_search_without_words_shows_only_the_form(client):
    response = client.get("/buscar/", {"q": "  "})
    assert response.status_code == 200 and "resultados para" not in response.content.decode()


def test_api_search_has_the_contract_shape(client, challenge):
    IdeaFactory(challenge=challenge, title="Denuncia ciudadana de corrupción")
    body = client.get("/api/v1/search/", {"q": "denuncias", "type": "idea"}).json()
    assert body["count"] == 1 and body["next"] is None and body["previous"] is None
    (hit,) = body["results"]
    assert hit["type"] == "idea" and hit["title"] == "Denuncia ciudadana de corrupción"
    assert hit["url"].startswith("http://testserver/ideas/") and set(hit) == {
        "type",
        "title",
        "url",
        "excerpt",
    }
    assert hit["excerpt"] == "Publicar cada contrato con su avance y sus pagos, comuna por comuna."
    every_type = client.get("/api/v1/search/", {"q": "denuncias"}).json()["results"]
    assert {"idea", "dataset"} <= {hit["type"] for hit in every_type}


def test_api_search_paginates(client, challenge):
    IdeaFactory.create_batch(25, challenge=challenge, title="Transparencia en obras")
    first = client.get("/api/v1/search/", {"q": "transparencia", "type": "idea"}).json()
    assert first["count"] == 25 and len(first["results"]) == 20 and first["next"]
    second = client.get(first["next"]).json()
    assert len(second["results"]) == 5 and second["previous"]


def test_search_query_count_does_not_grow_with_rows(client, challenge):
    def search():
        assert client.get("/buscar/", {"q": "transparencia"}).status_code == 200

    IdeaFactory.create_batch(2, challenge=challenge, title="Transparencia en obras")
    search()  # the navigation and the site are cached after the first request
    few = count_queries(search)
    IdeaFactory.create_batch(60, challenge=challenge, title="Transparencia en obras")
    assert count_queries(search) == few


def test_excerpt_centres_on_the_match_and_highlight_escapes():
    text = (
        "Palabras de relleno " * 30 + "aquí está la <b>corrupción</b> que se busca " + "y más relleno " * 30
    )
    cut = excerpt(text, "corrupcion")
    assert cut.startswith("…") and cut.endswith("…") and "corrupción" in cut and len(cut) < 260
    marked = highlight("La <b>CORRUPCIÓN</b>", "corrupcion")
    assert marked == "La &lt;b&gt;<mark>CORRUPCIÓN</mark>&lt;/b&gt;"


def test_sitemap_lists_the_services(client):
    html = client.get("/mapa-del-sitio/").content.decode()
    assert "Canal de denuncias" in html and 'href="/buscar/"' in html


def test_text_filter_keeps_the_queryset_composable(challenge):
    IdeaFactory(challenge=challenge, title="Corrupción")
    rows = text_filter(Idea.objects.annotate(marker=Value(1)), ["title"], "corrupcion").values_list(
        "marker", flat=True
    )
    assert list(rows) == [1]
