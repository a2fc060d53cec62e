"""The newsletter's subscribe form and the challenge feeds in the page cache: one stored page,
a CSRF token of their own for each visitor, each of whom can subscribe."""

import re

import pytest
from django.conf import settings
from django.middleware.csrf import _unmask_cipher_token
from django.test import Client
from django.urls import reverse

from newsletter.models import Subscriber
from tests.challenges.factories import make_challenge
from tests.labplatform.test_page_cache import _site_identity, html, served_from_cache  # noqa: F401
from tests.utils import count_queries

pytestmark = pytest.mark.django_db

TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([A-Za-z0-9]+)"')


def test_the_subscribe_page_is_served_without_a_query(client):
    url = reverse("newsletter:subscribe")
    assert client.get(url).status_code == 200
    assert count_queries(lambda: client.get(url), page_cache=True) == 0
    assert served_from_cache(client, url)


def test_two_visitors_each_get_their_own_token_and_each_can_subscribe():
    url = reverse("newsletter:subscribe")
    first, second = Client(enforce_csrf_checks=True), Client(enforce_csrf_checks=True)
    first_page, second_page = first.get(url), second.get(url)
    assert second_page["X-Page-Cache"] == "hit"
    secrets = []
    for client, page in ((first, first_page), (second, second_page)):
        tokens = TOKEN.findall(html(page))
        assert tokens
        secret = client.cookies[settings.CSRF_COOKIE_NAME].value
        assert all(_unmask_cipher_token(token) == secret for token in tokens)
        secrets.append(secret)
    assert secrets[0] != secrets[1]
    for number, (client, page) in enumerate(((first, first_page), (second, second_page))):
        token = TOKEN.search(page.content.decode()).group(1)
        response = client.post(
            url, {"email": f"persona{number}@example.org", "consent": "on", "csrfmiddlewaretoken": token}
        )
        assert response.status_code == 200, response.status_code
    assert Subscriber.objects.count() == 2
    # The first visitor's token does not work with the second visitor's cookie.
    stolen = TOKEN.search(first_page.content.decode()).group(1)
    assert (
        second.post(
            url, {"email": "otra@example.org", "consent": "on", "csrfmiddlewaretoken": stolen}
        ).status_code
        == 403
    )


def test_a_signed_in_visitor_never_gets_the_anonymous_form(client_for, citizen):
    url = reverse("newsletter:subscribe")
    Client().get(url)
    page = client_for(citizen).get(url)
    assert page.get("X-Page-Cache") != "hit" and "Cerrar sesión" in html(page)
    assert "Cerrar sesión" not in html(Client().get(url))


def test_the_challenge_feeds_follow_a_published_challenge(client):
    make_challenge("ideas", title="Reto de movilidad segura")
    for url in (reverse("newsletter:challenges_rss"), reverse("newsletter:challenges_atom")):
        assert "Reto de movilidad segura" in html(client.get(url))
        assert count_queries(lambda url=url: client.get(url), page_cache=True) == 0
    make_challenge("ideas", title="Reto de parques limpios")
    for url in (reverse("newsletter:challenges_rss"), reverse("newsletter:challenges_atom")):
        assert "Reto de parques limpios" in html(client.get(url))
