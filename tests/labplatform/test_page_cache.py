"""The page cache for anonymous visitors: served without a query when nothing changed, never
stale after a change, never one visitor's token or name served to another."""

import re
import time
from decimal import Decimal

import pytest
from django.conf import settings
from django.middleware.csrf import _unmask_cipher_token
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from rest_framework.test import APIClient

from accounts import services as account_services
from cms.models import HomePage, StandardPage
from ideas import services as idea_services
from observatory import services as observatory_services
from reports import services as report_services
from sessions import services as session_services
from tests.accounts.factories import OrganizationFactory, UserFactory
from tests.challenges.factories import make_challenge
from tests.debates.factories import make_session
from tests.ideas.factories import IdeaFactory
from tests.utils import count_queries

pytestmark = pytest.mark.django_db

TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([A-Za-z0-9]+)"')


def html(response) -> str:
    assert response.status_code == 200, response.status_code
    return response.content.decode()


def served_from_cache(client, url, **extra) -> bool:
    response = client.get(url, **extra)
    return response.status_code == 200 and response.get("X-Page-Cache") == "hit"


@pytest.fixture(autouse=True)
def _site_identity(db):
    """The site's settings exist, as on any site that has served a page (creating them on the
    first page is a change that page does not keep)."""
    from wagtail.models import Site

    from cms.models import SiteIdentity

    SiteIdentity.for_site(Site.objects.get(is_default_site=True))


@pytest.fixture
def voting(citizen):
    challenge = make_challenge("voting", title="Contratación abierta")
    idea = IdeaFactory(challenge=challenge, author=citizen, title="Tablero de contratos")
    return challenge, idea


# Served from the cache


def test_a_second_anonymous_visit_costs_no_query(client, voting):
    challenge, _idea = voting
    first = html(client.get(challenge.url))
    assert count_queries(lambda: client.get(challenge.url), page_cache=True) == 0
    again = client.get(challenge.url)
    assert again["X-Page-Cache"] == "hit"
    assert TOKEN.sub("", again.content.decode()) == TOKEN.sub("", first)


def test_every_public_page_is_served_from_the_cache(client, voting):
    challenge, idea = voting
    session = make_session()
    OrganizationFactory(slug="uis", verified=True)
    paths = [
        "/",
        challenge.get_parent().url,
        challenge.url,
        challenge.url + "ideas/csv/",
        reverse("ideas:detail", args=[idea.pk]),
        reverse("accounts:organization_list"),
        reverse("accounts:organization_detail", args=["uis"]),
        reverse("observatory:home"),
        reverse("reports:statistics"),
        reverse("reports:statistics_csv"),
        reverse("debates:session_list"),
        reverse("debates:room", args=[session.pk]),
        reverse("open_data"),
        reverse("open_data_catalogue"),
        f"/api/v1/ideas/?challenge={challenge.pk}&ordering=-supports",
        "/api/v1/challenges/",
        "/api/v1/sessions/",
        "/api/v1/indicators/",
        reverse("account_login"),
        reverse("account_signup"),
    ]
    for path in paths:
        assert client.get(path).status_code == 200, path
    assert [path for path in paths if not served_from_cache(client, path)] == []
    # The baseline of the benchmarks is never cached.
    client.get(reverse("health"))
    assert not served_from_cache(client, reverse("health"))


def test_language_and_query_are_part_of_the_key(client, voting):
    challenge, _idea = voting
    client.get(challenge.url)
    assert not served_from_cache(client, challenge.url + "?orden=-created")
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    english = client.get(challenge.url)
    assert english.get("X-Page-Cache") != "hit"
    assert '<html lang="en">' in html(english)


# Never one visitor's token or name for another


def test_two_visitors_sharing_one_cache_each_get_a_token_of_their_own(voting):
    challenge, _idea = voting
    first, second = Client(enforce_csrf_checks=True), Client(enforce_csrf_checks=True)
    first_page = first.get(challenge.url)
    second_page = second.get(challenge.url)
    assert second_page["X-Page-Cache"] == "hit"
    tokens = {}
    for name, client, page in (("first", first, first_page), ("second", second, second_page)):
        found = set(TOKEN.findall(page.content.decode()))
        assert found, "the page has forms"
        secret = client.cookies[settings.CSRF_COOKIE_NAME].value
        assert all(_unmask_cipher_token(token) == secret for token in found), name
        tokens[name] = secret
    assert tokens["first"] != tokens["second"]
    assert "__page_cache_csrf_token__" not in second_page.content.decode()
    # The cached page's form works for the second visitor, without JavaScript.
    token = TOKEN.search(second_page.content.decode()).group(1)
    response = second.post(
        reverse("set_language"), {"language": "en", "next": challenge.url, "csrfmiddlewaretoken": token}
    )
    assert response.status_code == 302
    # And the first visitor's token does not work with the second visitor's cookie.
    stolen = TOKEN.search(first_page.content.decode()).group(1)
    refused = second.post(
        reverse("set_language"), {"language": "en", "next": challenge.url, "csrfmiddlewaretoken": stolen}
    )
    assert refused.status_code == 403


def test_a_signed_in_page_is_never_stored_nor_served_from_the_cache(client_for, citizen, voting):
    challenge, _idea = voting
    anonymous = Client()
    anonymous.get(challenge.url)
    assert served_from_cache(anonymous, challenge.url)
    signed_in = client_for(citizen)
    page = signed_in.get(challenge.url)
    assert page.get("X-Page-Cache") != "hit"
    assert "Cerrar sesión" in html(page) and citizen.public_name in html(page)
    other_page = signed_in.get(reverse("accounts:organization_list"))
    assert "Cerrar sesión" in html(other_page)
    # What the signed-in visitor saw was not stored for anybody else.
    for path in (challenge.url, reverse("accounts:organization_list")):
        anonymous_html = html(Client().get(path))
        assert "Cerrar sesión" not in anonymous_html and "Ingresar" in anonymous_html


def test_a_page_behind_a_view_restriction_is_never_cached(client):
    from wagtail.models import PageViewRestriction

    page = StandardPage(title="Solo con clave", slug="solo-con-clave")
    HomePage.objects.get().add_child(instance=page)
    page.save_revision().publish()
    PageViewRestriction.objects.create(page=page, restriction_type="password", password="clave-secreta")
    client.get(page.url)
    assert not served_from_cache(client, page.url)


def test_a_page_with_a_message_for_the_visitor_is_not_served_from_the_cache(client, voting):
    challenge, _idea = voting
    client.get(challenge.url)
    client.cookies["messages"] = "pending"
    assert not served_from_cache(client, challenge.url)


# Never stale: one test per kind of change


def test_a_new_idea_shows_on_the_challenge_page_at_once(client, voting, other_citizen):
    challenge, _idea = voting
    client.get(challenge.url)
    assert served_from_cache(client, challenge.url)
    IdeaFactory(challenge=challenge, author=other_citizen, title="Semáforo de obras")
    assert "Semáforo de obras" in html(client.get(challenge.url))


def test_a_support_and_its_withdrawal_change_every_page_that_counts_it(client, voting, other_citizen):
    challenge, idea = voting
    idea_url = reverse("ideas:detail", args=[idea.pk])
    api = f"/api/v1/ideas/?challenge={challenge.pk}"
    listing = challenge.get_parent().url
    api_client = APIClient()
    for path in (idea_url, challenge.url, listing):
        client.get(path)
    assert api_client.get(api).json()["results"][0]["support_count"] == 0
    assert served_from_cache(client, idea_url) and served_from_cache(api_client, api)

    idea_services.idea_support(user=other_citizen, idea=idea)
    assert api_client.get(api).json()["results"][0]["support_count"] == 1
    assert api_client.get(f"/api/v1/challenges/{challenge.pk}/").json()["support_count"] == 1
    assert "<strong>1</strong> apoyo<" in html(client.get(idea_url))
    assert "<strong>1</strong> apoyo<" in html(client.get(challenge.url))
    assert "1 apoyo" in html(client.get(listing))

    idea_services.idea_withdraw_support(user=other_citizen, idea=idea)
    assert api_client.get(api).json()["results"][0]["support_count"] == 0
    assert "<strong>0</strong> apoyos" in html(client.get(idea_url))


def test_a_comment_shows_on_the_idea_page_at_once(client, voting, other_citizen):
    challenge = make_challenge("ideas")
    idea = IdeaFactory(challenge=challenge)
    url = reverse("ideas:detail", args=[idea.pk])
    client.get(url)
    assert served_from_cache(client, url)
    idea_services.comment_create(author=other_citizen, idea=idea, body="Que incluya los **pagos**")
    assert "<strong>pagos</strong>" in html(client.get(url))


def test_a_hidden_idea_leaves_the_challenge_page(client, voting, moderator):
    challenge, idea = voting
    assert "Tablero de contratos" in html(client.get(challenge.url))
    idea_services.content_hide(moderator=moderator, idea=idea, reason="Datos personales")
    assert "Tablero de contratos" not in html(client.get(challenge.url))


def test_a_new_name_shows_on_the_pages_that_name_the_person(client, voting, citizen):
    _challenge, idea = voting
    url = reverse("ideas:detail", args=[idea.pk])
    assert citizen.public_name in html(client.get(url))
    account_services.profile_update(user=citizen, display_name="Diana P. Rueda", participant_type="citizen")
    assert "Diana P. Rueda" in html(client.get(url))


def test_a_phase_boundary_ends_the_cached_page(client):
    challenge = make_challenge("ideas")
    challenge.ideas_close_at = timezone.now() + timezone.timedelta(seconds=3)
    challenge.save_revision().publish()
    assert "Recepción de ideas" in html(client.get(challenge.url))
    assert served_from_cache(client, challenge.url)
    time.sleep(max(0.0, (challenge.ideas_close_at - timezone.now()).total_seconds()) + 1.1)
    page = html(client.get(challenge.url))
    assert "Evaluación" in page


def test_a_published_page_changes_the_menu_of_every_page(client, voting):
    challenge, _idea = voting
    organizations = reverse("accounts:organization_list")
    client.get(organizations)
    assert served_from_cache(client, organizations)
    page = StandardPage(title="Cómo participar", slug="como-participar", show_in_menus=True)
    HomePage.objects.get().add_child(instance=page)
    page.save_revision().publish()
    assert "Cómo participar" in html(client.get(organizations))
    # Edited, then unpublished: gone from its own URL at once.
    page.title = "Cómo participar en el laboratorio"
    page.save_revision().publish()
    assert "Cómo participar en el laboratorio" in html(client.get(page.url))
    page.unpublish()
    assert client.get(page.url).status_code == 404


def test_a_load_of_observations_changes_the_indicator_pages(client, editor):
    from tests.observatory.factories import IndicatorFactory

    indicator = IndicatorFactory(
        name="Contratos por contratación directa", slug="contratacion-directa", unit="%"
    )
    url = indicator.get_absolute_url()
    client.get(url)
    assert served_from_cache(client, url)
    observatory_services.observation_save(
        indicator=indicator, period="2025", territory="bucaramanga", value=Decimal("41.5"), by=editor
    )
    assert "41,5" in html(client.get(url))


def test_a_new_report_changes_the_public_statistics(client):
    url = reverse("reports:statistics_json")
    before = client.get(url).json()
    assert served_from_cache(client, url)
    report_services.report_create(category="soborno", description="Cobro por un trámite.", entity="Tránsito")
    assert client.get(url).json() != before


def test_a_room_event_changes_the_room_page(client, citizen):
    session = make_session()
    url = reverse("debates:room", args=[session.pk])
    client.get(url)
    assert served_from_cache(client, url)
    session_services.message_post(session=session, user=citizen, body="¿Dónde están los contratos?")
    assert "¿Dónde están los contratos?" in html(client.get(url))


def test_a_verified_organisation_shows_on_the_home_page_and_the_list(client):
    organization = OrganizationFactory(
        name="Cámara de Comercio de Bucaramanga", slug="camara-de-comercio", verified=False
    )
    client.get("/")
    assert served_from_cache(client, "/")
    account_services.organization_verify(organization=organization, by=UserFactory(is_staff=True))
    assert "Cámara de Comercio de Bucaramanga" in html(client.get("/"))


def test_the_shared_idea_list_marks_only_my_own_supports(client_for, voting, citizen, other_citizen):
    challenge, idea = voting
    idea_services.idea_support(user=other_citizen, idea=idea)
    assert "Usted la apoya" in html(client_for(other_citizen).get(challenge.url))
    assert "Usted la apoya" not in html(Client().get(challenge.url))
    second = Client()
    second.force_login(citizen, backend="django.contrib.auth.backends.ModelBackend")
    assert "Usted la apoya" not in html(second.get(challenge.url))
    idea_services.idea_support(user=citizen, idea=idea)
    assert "Usted la apoya" in html(second.get(challenge.url))


def test_the_yearly_report_figures_follow_a_new_report(client):
    url = reverse("reports:figures_csv")
    before = client.get(url).content
    assert served_from_cache(client, url)
    report_services.report_create(category="soborno", description="Cobro por un trámite.", entity="Tránsito")
    assert client.get(url).content != before
    stats = APIClient().get("/api/v1/reports/stats/")
    assert stats.status_code == 200 and served_from_cache(APIClient(), "/api/v1/reports/stats/")
