"""`manage.py bootstrap_site` on a freshly migrated database, with DEBUG off: what a city needs
before its first visitor, no demo content, and a second run (after an editor's changes) changes
nothing. The suite runs it on SQLite and on PostgreSQL."""

import io

import pytest
from django.core.management import call_command
from wagtail.models import Page

from accounts.models import User
from challenges.models import ChallengeIndexPage, ChallengePage
from cms.anexo2 import ANEXO_2
from cms.models import NewsIndexPage, NewsPage, StandardPage
from cms.transparency import TransparencyCategoryPage, TransparencyIndexPage
from core.policies import PRIVACY_POLICY_SLUG

pytestmark = pytest.mark.django_db


def _count(tree) -> int:
    return sum(1 + _count(children) for _number, _title, children in tree)


def bootstrap() -> str:
    out = io.StringIO()
    call_command("bootstrap_site", stdout=out)
    return out.getvalue()


@pytest.fixture
def production(settings):
    settings.DEBUG = False
    settings.ALLOWED_HOSTS = ["testserver"]


def test_bootstrap_creates_what_the_first_visitor_needs_and_nothing_of_the_demo(client, production):
    first = bootstrap()
    assert "bootstrap_site:" in first
    assert NewsIndexPage.objects.count() == 1 and ChallengeIndexPage.objects.count() == 1
    assert TransparencyIndexPage.objects.count() == 1
    assert TransparencyCategoryPage.objects.count() == _count(ANEXO_2) >= 40
    assert set(StandardPage.objects.values_list("slug", flat=True)) >= {
        PRIVACY_POLICY_SLUG,
        "terminos-de-uso",
        "accesibilidad",
    }
    assert not User.objects.exists()
    assert not ChallengePage.objects.exists() and not NewsPage.objects.exists()
    for url in [
        "/",
        "/retos/",
        "/noticias/",
        "/transparencia/",
        f"/{PRIVACY_POLICY_SLUG}/",
        "/accesibilidad/",
    ]:
        response = client.get(url)
        assert response.status_code == 200, url
    transparency = client.get("/transparencia/").content.decode()
    assert "Directorio institucional" in transparency or "Información de la entidad" in transparency


def test_a_second_run_changes_nothing_and_keeps_the_editors_changes(production):
    bootstrap()
    terms = StandardPage.objects.get(slug="terminos-de-uso")
    terms.title = "Condiciones de uso del laboratorio"
    terms.save_revision().publish()
    category = TransparencyCategoryPage.objects.get(number="1.4")
    category.summary = "Teléfonos y correos de cada dependencia."
    category.save_revision().publish()
    news = NewsIndexPage.objects.get()
    news.title = "Noticias del laboratorio"
    news.save_revision().publish()
    pages_before = Page.objects.count()

    second = bootstrap()

    assert second.strip().endswith("elementos creados: 0.")
    assert Page.objects.count() == pages_before
    assert StandardPage.objects.get(slug="terminos-de-uso").title == "Condiciones de uso del laboratorio"
    assert (
        TransparencyCategoryPage.objects.get(number="1.4").summary
        == "Teléfonos y correos de cada dependencia."
    )
    assert NewsIndexPage.objects.get().title == "Noticias del laboratorio"


def test_a_deleted_policy_page_is_created_again_but_nothing_else(production):
    bootstrap()
    StandardPage.objects.get(slug="accesibilidad").delete()
    again = bootstrap()
    assert "Declaración de accesibilidad" in again
    assert again.strip().endswith("elementos creados: 1.")
