"""Site search and the site map in the page cache: a repeated search is served to anonymous
visitors without a query, and a new or changed searchable thing shows at once."""

import datetime

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from rest_framework.test import APIClient

from cms.models import HomePage, StandardPage
from core import search
from ideas import services as idea_services
from tests.agenda.factories import EventFactory
from tests.challenges.factories import make_challenge
from tests.ideas.factories import IdeaFactory
from tests.labplatform.test_page_cache import _site_identity, html, served_from_cache  # noqa: F401
from tests.observatory.risk_factories import make_risk
from tests.projects.factories import ProjectFactory
from tests.utils import count_queries

pytestmark = pytest.mark.django_db

PAGE = "/buscar/?q=contratos"
API = "/api/v1/search/?q=contratos"


def found(response) -> str:
    """The search page's text without the highlighting of the words searched."""
    return html(response).replace("<mark>", "").replace("</mark>", "")


def test_a_repeated_search_is_served_without_a_query(client):
    IdeaFactory(challenge=make_challenge("ideas"), title="Tablero de contratos")
    assert "Tablero de contratos" in found(client.get(PAGE))
    assert count_queries(lambda: client.get(PAGE), page_cache=True) == 0
    assert served_from_cache(client, PAGE)
    assert "Tablero de contratos" in [hit["title"] for hit in APIClient().get(API).json()["results"]]
    assert count_queries(lambda: APIClient().get(API), page_cache=True) == 0


def test_each_kind_of_searchable_change_shows_at_once(client, moderator):
    challenge = make_challenge("ideas")
    client.get(PAGE)
    idea = IdeaFactory(challenge=challenge, title="Semáforo de contratos")
    assert "Semáforo de contratos" in found(client.get(PAGE))
    idea_services.content_hide(moderator=moderator, idea=idea, reason="Datos personales")
    assert "Semáforo de contratos" not in found(client.get(PAGE))
    ProjectFactory(title="Proyecto de contratos abiertos")
    assert "Proyecto de contratos abiertos" in found(client.get(PAGE))
    EventFactory(title="Taller sobre contratos", starts_at=timezone.now() + datetime.timedelta(days=2))
    assert "Taller sobre contratos" in found(client.get(PAGE))
    make_risk("RC-09", title="Fraccionamiento de contratos")
    assert "Fraccionamiento de contratos" in found(client.get(PAGE))
    page = StandardPage(title="Cómo leer los contratos", slug="leer-contratos")
    HomePage.objects.get().add_child(instance=page)
    page.save_revision().publish()
    assert "Cómo leer los contratos" in found(client.get(PAGE))
    assert "Cómo leer los contratos" in [hit["title"] for hit in APIClient().get(API).json()["results"]]


def test_a_provider_that_declares_nothing_keeps_the_search_out_of_the_cache(client, monkeypatch):
    monkeypatch.setattr(search, "_types", dict(search._types))
    search.register("extra", "Extra", 99)(lambda query, limit: [])
    assert search.namespaces() is None
    client.get(PAGE)
    assert not served_from_cache(client, PAGE)


def test_a_signed_in_search_is_never_stored_nor_served_from_the_cache(client_for, citizen):
    Client().get(PAGE)
    page = client_for(citizen).get(PAGE)
    assert page.get("X-Page-Cache") != "hit" and "Cerrar sesión" in html(page)
    assert "Cerrar sesión" not in html(Client().get(PAGE))


def test_the_site_map_follows_the_menu(client):
    url = reverse("search:sitemap")
    client.get(url)
    assert count_queries(lambda: client.get(url), page_cache=True) == 0
    page = StandardPage(title="Cómo participar", slug="como-participar", show_in_menus=True)
    HomePage.objects.get().add_child(instance=page)
    page.save_revision().publish()
    assert "Cómo participar" in html(client.get(url))


def test_a_signed_in_search_reuses_the_shared_hits_until_something_searchable_changes(
    client_for, citizen, moderator
):
    """Signed-in people never get the cached page, but the hits are shared: the same question
    twice costs no provider query, and a change shows to them at once."""
    challenge = make_challenge("ideas")
    IdeaFactory(challenge=challenge, title="Tablero de contratos")
    signed_in = client_for(citizen)
    assert "Tablero de contratos" in found(signed_in.get(PAGE))
    first = count_queries(lambda: signed_in.get("/buscar/?q=tablero"), page_cache=True)
    again = count_queries(lambda: signed_in.get("/buscar/?q=tablero"), page_cache=True)
    assert first - again >= len(search.search_types())  # no provider ran again
    idea = IdeaFactory(challenge=challenge, title="Semáforo de contratos")
    assert "Semáforo de contratos" in found(signed_in.get(PAGE))
    idea_services.content_hide(moderator=moderator, idea=idea, reason="Datos personales")
    assert "Semáforo de contratos" not in found(signed_in.get(PAGE))
    page = StandardPage(title="Cómo leer los contratos", slug="leer-contratos")
    HomePage.objects.get().add_child(instance=page)
    page.save_revision().publish()
    assert "Cómo leer los contratos" in found(signed_in.get(PAGE))
