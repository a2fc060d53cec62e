"""/datos/ for people: search by words (case, accents and Spanish word forms do not matter, as in the
site search), filters by theme and format in a plain GET form, the count of what was found, a
message when nothing is, pages of 20; each query its own entry in the page cache, kept current."""

import datetime
import re

import pytest

from core import open_data
from tests.challenges.factories import make_challenge
from tests.ideas.factories import IdeaFactory
from tests.labplatform.test_page_cache import _site_identity, served_from_cache  # noqa: F401
from tests.utils import count_queries

pytestmark = pytest.mark.django_db
PAGE = "/datos/"


def dataset(identifier, title, *, theme=(), keywords=(), media=(open_data.CSV,), description=""):
    return open_data.Dataset(
        identifier=identifier,
        title=title,
        description=description or f"Descripción de {title}.",
        modified=datetime.date(2026, 10, 31),
        distributions=tuple(open_data.Distribution(f"/{identifier}.{m.split('/')[1]}", m) for m in media),
        keywords=keywords,
        theme=theme,
    )


@pytest.fixture
def catalogue(monkeypatch):
    monkeypatch.setattr(open_data, "_providers", {})
    monkeypatch.setattr(open_data, "_namespaces", {})
    extra = []

    @open_data.register("test")
    def provider():
        yield dataset(
            "denuncias/estadisticas",
            "Estadísticas del canal de denuncias",
            theme=("Integridad y control",),
            media=(open_data.CSV, open_data.JSON),
        )
        yield dataset(
            "observatorio/indicador/contratacion-directa",
            "Contratación directa",
            theme=("Contratación pública",),
            description="Porcentaje de contratos adjudicados sin concurso.",
        )
        yield dataset(
            "retos/1/ideas",
            "Ideas del reto «Trámites sin intermediarios»",
            keywords=("ideas", "participación ciudadana"),
            media=(open_data.CSV, open_data.ATOM),
        )
        yield dataset("proyectos", "Proyectos", theme=("Participación ciudadana",), media=(open_data.JSON,))
        yield from extra

    return extra


def titles(html: str) -> list[str]:
    return [re.sub(r"<[^>]+>", "", title) for title in re.findall(r"<h3>(.*?)</h3>", html)]


def test_search_ignores_case_and_accents_and_understands_word_forms(client, catalogue):
    html = client.get(PAGE, {"q": "CONTRATACION"}).content.decode()
    assert titles(html) == ["Contratación directa"]
    assert "1 de 4 conjuntos de datos coincide con su búsqueda" in html
    assert titles(client.get(PAGE, {"q": "denuncia"}).content.decode()) == [
        "Estadísticas del canal de denuncias"
    ]
    # In the description too, every word needed.
    assert titles(client.get(PAGE, {"q": "contratos concurso"}).content.decode()) == ["Contratación directa"]
    assert titles(client.get(PAGE, {"q": "contratos denuncias"}).content.decode()) == []


def test_titles_that_hold_the_words_come_first(client, catalogue):
    catalogue.append(
        dataset("a/primero", "Presupuesto", description="Incluye los trámites de la ventanilla única.")
    )
    found = titles(client.get(PAGE, {"q": "tramites"}).content.decode())
    assert found == ["Ideas del reto «Trámites sin intermediarios»", "Presupuesto"]


def test_filters_by_theme_and_format(client, catalogue):
    html = client.get(PAGE).content.decode()
    assert re.findall(r'<option value="([a-z-]+)"', html[html.index('id="datos-tema"') :])[:3] == [
        "contratacion-publica",
        "integridad-y-control",
        "participacion-ciudadana",
    ]
    # A keyword that names a theme of the catalogue counts as that theme.
    assert titles(client.get(PAGE, {"tema": "participacion-ciudadana"}).content.decode()) == [
        "Proyectos",
        "Ideas del reto «Trámites sin intermediarios»",
    ]
    assert titles(client.get(PAGE, {"formato": "atom"}).content.decode()) == [
        "Ideas del reto «Trámites sin intermediarios»"
    ]
    both = client.get(PAGE, {"tema": "participacion-ciudadana", "formato": "json"}).content.decode()
    assert titles(both) == ["Proyectos"]
    assert (
        '<option value="participacion-ciudadana" selected>' in both
        and '<option value="json" selected>' in both
    )
    assert "Tema: Participación ciudadana" in both


def test_unknown_filters_are_ignored_and_nothing_found_says_so_in_spanish(client, catalogue):
    html = client.get(PAGE, {"tema": "astrologia", "formato": "xls"}).content.decode()
    assert len(titles(html)) == 4 and "4 conjuntos de datos" in html
    assert "Quitar la búsqueda y los filtros" not in html
    empty = client.get(PAGE, {"q": "astronomía"}).content.decode()
    assert titles(empty) == []
    assert "0 de 4 conjuntos de datos coinciden con su búsqueda" in empty
    assert "Ningún conjunto de datos coincide con su búsqueda" in empty
    assert 'href="/datos/">Ver todos los conjuntos de datos' in empty
    assert 'value="astronomía"' in empty  # the words stay in the box


def test_the_form_works_without_script(client, catalogue):
    html = client.get(PAGE).content.decode()
    start = html.index('<form method="get" action="/datos/"')
    form = html[start : html.index("</form>", start)]
    assert 'role="search"' in form
    for name, label in (("q", "datos-q"), ("tema", "datos-tema"), ("formato", "datos-formato")):
        assert f'id="{label}"' in form and f'name="{name}"' in form and f'<label for="{label}">' in form
    assert '<button type="submit"' in form
    assert "<script" not in html[html.index("<main") :]


def test_long_results_come_in_pages_of_twenty(client, catalogue):
    catalogue.extend(dataset(f"serie/{n:02d}", f"Serie de control {n:02d}") for n in range(45))
    first = client.get(PAGE, {"q": "serie control"}).content.decode()
    assert len(titles(first)) == 20 and "45 de 49 conjuntos de datos coinciden" in first
    assert "Página 1 de 3" in first
    assert 'href="?q=serie+control&amp;pagina=2"' in first
    last = client.get(PAGE, {"q": "serie control", "pagina": "3"}).content.decode()
    assert titles(last) == [f"Serie de control {n:02d}" for n in range(40, 45)]
    assert titles(client.get(PAGE, {"q": "serie control", "pagina": "99"}).content.decode()) == titles(last)


def test_each_query_is_cached_apart_and_follows_new_data(client):
    challenge = make_challenge("ideas", title="Contratación abierta")
    IdeaFactory(challenge=challenge)
    plain = client.get(PAGE).content.decode()
    searched = client.get(PAGE, {"q": "contratacion abierta"}).content.decode()
    assert titles(searched) == ["Ideas del reto «Contratación abierta»"] and titles(plain) != titles(searched)
    assert served_from_cache(client, PAGE + "?q=contratacion+abierta")
    make_challenge("ideas", title="Contratación abierta en los barrios")
    after = client.get(PAGE, {"q": "contratacion abierta"}).content.decode()
    assert "Ideas del reto «Contratación abierta en los barrios»" in titles(after)


def test_searching_and_filtering_cost_no_query_more(client):
    for n in range(2):
        IdeaFactory(challenge=make_challenge("ideas", title=f"Reto {n}"))
    paths = [PAGE, PAGE + "?q=reto", PAGE + "?q=reto&tema=participacion-ciudadana&formato=atom&pagina=2"]
    for path in paths:
        client.get(path)
    few = {path: count_queries(lambda path=path: client.get(path)) for path in paths}
    for n in range(2, 30):
        IdeaFactory(challenge=make_challenge("results", title=f"Reto {n}"))
    for path in paths:
        client.get(path)  # the site's root paths, cached again after the new pages
    many = {path: count_queries(lambda path=path: client.get(path)) for path in paths}
    assert many == few
    assert len(set(few.values())) == 1  # the same queries, whatever is asked
