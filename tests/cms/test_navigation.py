"""The main menu and footer links: what editors mark, cached, and fresh after every change."""

import pytest
from django.test import RequestFactory

from cms.models import HomePage, StandardPage
from cms.navigation import site_navigation
from tests.utils import count_queries

pytestmark = pytest.mark.django_db


def _request():
    return RequestFactory().get("/")


def _add_page(title, slug, in_menu=True):
    page = StandardPage(title=title, slug=slug, show_in_menus=in_menu)
    HomePage.objects.get().add_child(instance=page)
    page.save_revision().publish()
    return page


def test_menu_lists_published_pages_marked_for_menus():
    _add_page("El laboratorio", "el-laboratorio")
    _add_page("Oculta", "oculta", in_menu=False)
    navigation = site_navigation(_request())
    titles = [link.title for link in navigation.menu]
    assert titles[0] == "El laboratorio"
    assert "Oculta" not in titles
    assert navigation.menu[0].url == "/el-laboratorio/"


def test_sections_registered_by_apps_follow_the_pages_in_their_order(monkeypatch):
    from core import sections

    monkeypatch.setattr(sections, "_sections", {})
    sections.register("privacy_policy", "Política", order=20)
    sections.register("health", "Estado", order=10)
    _add_page("El laboratorio", "el-laboratorio")
    navigation = site_navigation(_request())
    assert [(link.title, link.url) for link in navigation.menu] == [
        ("El laboratorio", "/el-laboratorio/"),
        ("Estado", "/salud/"),
        ("Política", "/politica-de-datos/"),
    ]


def test_navigation_is_cached_and_refreshed_when_pages_change(monkeypatch):
    from core import sections

    monkeypatch.setattr(sections, "_sections", {})  # the pages only: apps' sections are tested above
    page = _add_page("El laboratorio", "el-laboratorio")
    site_navigation(_request())
    assert count_queries(lambda: site_navigation(_request())) <= 2  # the site and the cache version, no pages

    page.title = "Acerca del laboratorio"
    page.save_revision().publish()
    assert [link.title for link in site_navigation(_request()).menu] == ["Acerca del laboratorio"]

    page.unpublish()
    assert site_navigation(_request()).menu == ()

    _add_page("Términos de uso", "terminos-de-uso", in_menu=False)
    assert [link.title for link in site_navigation(_request()).footer] == ["Términos de uso"]
    StandardPage.objects.get(slug="terminos-de-uso").delete()
    assert site_navigation(_request()).footer == ()


def test_menu_appears_on_every_page(client):
    _add_page("El laboratorio", "el-laboratorio")
    for url in ["/", "/organizaciones/", "/cuenta/login/"]:
        assert 'href="/el-laboratorio/"' in client.get(url).content.decode(), url
