"""The CMS: page tree rules, the home page, news and their feeds, who gets which admin."""

import datetime

import defusedxml.ElementTree as ET
import pytest
from django.urls import reverse
from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase

from accounts.models import Organization
from challenges.models import ChallengeIndexPage
from cms.models import HomePage, NewsIndexPage, NewsPage, StandardPage, TransparencyIndexPage
from tests.utils import count_queries

pytestmark = pytest.mark.django_db


@pytest.fixture
def home():
    return HomePage.objects.get()


@pytest.fixture
def news_index(home):
    index = NewsIndexPage(title="Noticias", slug="noticias", intro="Lo que pasa en el laboratorio.")
    home.add_child(instance=index)
    index.save_revision().publish()
    return index


def add_news(index, n, **kwargs):
    page = NewsPage(
        title=kwargs.get("title", f"Noticia {n}"),
        slug=f"noticia-{n}",
        date=kwargs.get("date", datetime.date(2026, 1, 1) + datetime.timedelta(days=n)),
        summary=f"Resumen de la noticia {n}.",
        body=[("paragraph", f"<p>Texto de la noticia {n}.</p>")],
    )
    index.add_child(instance=page)
    page.save_revision().publish()
    return page


class TestPageTree(WagtailPageTestCase):
    def test_tree_rules(self):
        self.assertAllowedParentPageTypes(HomePage, {Page})
        # Feature apps add their section indexes under the home page too.
        assert {StandardPage, NewsIndexPage, ChallengeIndexPage, TransparencyIndexPage} <= set(
            HomePage.allowed_subpage_models()
        )
        self.assertAllowedParentPageTypes(NewsPage, {NewsIndexPage})
        self.assertAllowedSubpageTypes(NewsIndexPage, {NewsPage})
        self.assertAllowedSubpageTypes(NewsPage, set())
        self.assertAllowedParentPageTypes(StandardPage, {HomePage, StandardPage})

    def test_editors_can_create_pages_in_the_admin(self):
        from tests.accounts.factories import UserFactory

        editor = UserFactory(groups=["editors"])
        self.client.force_login(editor, backend="django.contrib.auth.backends.ModelBackend")
        home = HomePage.objects.get()
        self.assertCanCreate(
            home,
            StandardPage,
            {
                "title": "Preguntas frecuentes",
                "slug": "preguntas-frecuentes",
                "summary": "Respuestas cortas.",
                "body-count": "0",
            },
        )
        self.assertTrue(StandardPage.objects.filter(slug="preguntas-frecuentes").exists())


def test_the_home_page_exists_from_migrations_and_is_spanish(client, home):
    response = client.get("/")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="es-co">' in html
    assert home.hero_title in html
    for landmark in ('<header class="site-header">', '<main id="contenido"', "<footer", 'href="#contenido"'):
        assert landmark in html
    assert "Saltar al contenido" in html


def test_home_shows_the_latest_news_and_verified_organizations(client, news_index):
    for n in range(5):
        add_news(news_index, n)
    Organization.objects.create(
        name="Universidad Industrial de Santander", slug="uis", kind="university", verified=True
    )
    Organization.objects.create(name="Sin Verificar S.A.S.", slug="sv", kind="company")
    html = client.get("/").content.decode()
    assert "Noticia 4" in html and "Noticia 3" in html and "Noticia 2" in html
    assert "Noticia 1" not in html  # three latest only
    assert "Universidad Industrial de Santander" in html
    assert "Sin Verificar" not in html


def test_home_page_queries_do_not_grow_with_news_and_organizations(client, news_index):
    client.get("/")
    add_news(news_index, 0)
    few = count_queries(lambda: client.get("/"))
    for n in range(1, 25):
        add_news(news_index, n)
        Organization.objects.create(name=f"Org {n}", slug=f"org-{n}", kind="guild", verified=True)
    many = count_queries(lambda: client.get("/"))
    # The home sections of other apps (challenges, sessions, reports, observatory) add a fixed number.
    assert many == few <= 30


def test_news_index_lists_news_newest_first_and_paginates(client, news_index):
    for n in range(12):
        add_news(news_index, n)
    html = client.get(news_index.url).content.decode()
    assert html.index("Noticia 11") < html.index("Noticia 10")
    assert "Noticia 1<" not in html  # page size 10: the two oldest are on page 2
    page_two = client.get(news_index.url, {"pagina": 2}).content.decode()
    assert "Noticia 1<" in page_two and "Noticia 0" in page_two


def test_news_page(client, news_index):
    page = add_news(news_index, 7, title="Abre el laboratorio")
    html = client.get(page.url).content.decode()
    assert "Abre el laboratorio" in html and "Texto de la noticia 7." in html
    assert 'datetime="2026-01-08"' in html


def test_unpublished_news_stays_out_of_lists_and_feeds(client, news_index):
    draft = add_news(news_index, 1, title="Borrador secreto")
    draft.unpublish()
    assert "Borrador secreto" not in client.get(news_index.url).content.decode()
    assert "Borrador secreto" not in client.get(news_index.url + "atom/").content.decode()


def test_atom_feed(client, news_index, settings):
    settings.SITE_URL = "https://laboratorio.bucaramanga.gov.co"
    for n in range(3):
        add_news(news_index, n)
    response = client.get(news_index.url + "atom/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    root = ET.fromstring(response.content)
    ns = {"a": "http://www.w3.org/2005/Atom"}
    assert root.find("a:title", ns).text == "Noticias"
    entries = root.findall("a:entry", ns)
    assert [e.find("a:title", ns).text for e in entries] == ["Noticia 2", "Noticia 1", "Noticia 0"]
    assert entries[0].find("a:link", ns).get("href").startswith("https://laboratorio.bucaramanga.gov.co/")
    assert (
        root.find("a:link[@rel='self']", ns).get("href").startswith("https://laboratorio.bucaramanga.gov.co/")
    )


def test_rss_feed(client, news_index):
    add_news(news_index, 1)
    response = client.get(news_index.url + "rss/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    channel = ET.fromstring(response.content).find("channel")
    assert channel.find("language").text == "es-co"
    item = channel.find("item")
    assert item.find("title").text == "Noticia 1"
    assert item.find("description").text == "Resumen de la noticia 1."


def test_news_index_advertises_its_feeds(client, news_index):
    html = client.get(news_index.url).content.decode()
    assert 'type="application/atom+xml"' in html and 'type="application/rss+xml"' in html


def test_editors_get_the_cms_but_not_the_django_admin(client_for, editor):
    client = client_for(editor)
    assert client.get("/cms-admin/").status_code == 200
    response = client.get("/django-admin/")
    assert response.status_code == 302 and "/django-admin/login/" in response["Location"]


def test_participants_get_neither_admin(client_for, citizen):
    client = client_for(citizen)
    assert client.get("/cms-admin/").status_code == 302
    assert client.get("/django-admin/").status_code == 302


def test_staff_get_the_django_admin(client_for, staff_user):
    assert client_for(staff_user).get("/django-admin/").status_code == 200


def test_documents_library_serves_uploaded_documents(client, settings, tmp_path):
    from django.core.files.base import ContentFile
    from wagtail.documents.models import Document

    settings.MEDIA_ROOT = tmp_path
    document = Document.objects.create(
        title="Plan anticorrupción 2026", file=ContentFile(b"%PDF-1.4", name="paac.pdf")
    )
    response = client.get(document.url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"%PDF-1.4"


def test_privacy_policy_link_goes_to_the_cms_page_when_it_exists(client, home):
    assert client.get(reverse("privacy_policy")).status_code == 200  # built-in text
    page = StandardPage(title="Política de datos", slug="politica-de-tratamiento-de-datos")
    home.add_child(instance=page)
    page.save_revision().publish()
    response = client.get(reverse("privacy_policy"))
    assert response.status_code == 302 and response["Location"] == page.url


def test_site_identity_in_the_footer(client, home):
    from wagtail.models import Site

    from cms.models import SiteIdentity

    identity = SiteIdentity.for_site(Site.objects.get(is_default_site=True))
    identity.phone = "(607) 652 5555"
    identity.save()
    html = client.get("/").content.decode()
    assert "(607) 652 5555" in html and "Alcaldía de Bucaramanga" in html
