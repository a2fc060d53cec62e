"""The library: resources filtered by topic and audience, in search; easy-read pages linked from the
report channel and the challenges; the bootstrap steps create the indexes once."""

import pytest

from cms.models import HomePage
from consultations.models import ConsultationIndexPage
from core import bootstrap, search
from library.models import EasyReadPage, LibraryIndexPage, LibraryResourcePage
from tests.challenges.factories import challenge_index
from tests.consultations.factories import make_consultation
from tests.utils import count_queries

pytestmark = pytest.mark.django_db


def library_index() -> LibraryIndexPage:
    index = LibraryIndexPage.objects.first()
    if index is None:
        index = LibraryIndexPage(title="Biblioteca", slug="biblioteca")
        HomePage.objects.get().add_child(instance=index)
        index.save_revision().publish()
    return index


def make_resource(title, *, topic="social_control", audience="citizens", kind="guide"):
    page = LibraryResourcePage(
        title=title,
        kind=kind,
        topic=topic,
        audience=audience,
        summary=f"Resumen de {title}.",
        duration_minutes=20,
    )
    library_index().add_child(instance=page)
    page.save_revision().publish()
    return page


def make_easy_read(about, title):
    page = EasyReadPage(title=title, about=about, summary="Le contamos en palabras sencillas.")
    library_index().add_child(instance=page)
    page.save_revision().publish()
    return page


def test_filters_by_topic_and_audience(client):
    make_resource("Cómo conformar una veeduría", topic="oversight", audience="oversight_groups")
    make_resource("Datos abiertos para periodistas", topic="open_data", audience="journalists", kind="course")
    make_resource("Guía para denunciar", topic="reporting")
    url = library_index().url
    html = client.get(url + "?tema=oversight").content.decode()
    assert "Cómo conformar una veeduría" in html and "Guía para denunciar" not in html
    html = client.get(url + "?publico=journalists&tipo=course").content.decode()
    assert "Datos abiertos para periodistas" in html and "Cómo conformar" not in html
    html = client.get(url + "?tema=desconocido").content.decode()  # an unknown value is ignored
    assert "3 recursos" in html


def test_library_queries_do_not_grow(client):
    make_resource("Guía 1")
    url = library_index().url
    client.get(url)
    few = count_queries(lambda: client.get(url))
    for number in range(2, 8):
        make_resource(f"Guía {number}")
    client.get(url)  # publishing pages refreshed the cached menu: rebuild it first
    assert count_queries(lambda: client.get(url)) == few


def test_resources_and_consultations_are_in_search():
    make_resource("Control social a la contratación")
    make_consultation("open", title="Borrador del mapa de riesgos de corrupción")
    providers = {t.type: t.provider for t in search.search_types()}
    assert [hit.title for hit in providers["library"]("contratación", 10)] == [
        "Control social a la contratación"
    ]
    hits = providers["consultation"]("mapa riesgos", 10)
    assert [(hit.type, hit.title) for hit in hits] == [
        ("consultation", "Borrador del mapa de riesgos de corrupción")
    ]


def test_easy_read_page_with_sign_language_slot_is_linked_from_the_key_pages(client):
    make_easy_read("reports", "Denunciar la corrupción, en lectura fácil")
    make_easy_read("participation", "Participar en los retos, en lectura fácil")
    challenge_index()
    html = client.get("/denuncias/").content.decode()
    assert "Versión en lectura fácil" in html
    easy = EasyReadPage.objects.get(about="reports")
    assert easy.url in html
    page = client.get(easy.url).content.decode()
    assert "Lengua de Señas Colombiana" in page
    assert 'href="/denuncias/"' in page  # and back to the full page
    assert EasyReadPage.objects.get(about="participation").url in client.get("/retos/").content.decode()


def test_no_easy_read_link_without_the_page(client):
    assert "Versión en lectura fácil" not in client.get("/denuncias/").content.decode()


def test_bootstrap_steps_create_the_indexes_once():
    steps = {step.name: step for step in bootstrap.steps()}
    assert steps["consultations.index"].run() and steps["library.index"].run()
    assert steps["consultations.index"].run() == [] and steps["library.index"].run() == []
    assert ConsultationIndexPage.objects.get().url == "/consultas/"
    assert LibraryIndexPage.objects.get().url == "/biblioteca/"
