"""Error pages speak Spanish, keep the site's landmarks, and say why an action was refused."""

import pytest
from django.urls import reverse

from tests.accounts.factories import MembershipFactory

pytestmark = pytest.mark.django_db


def test_not_found_is_a_spanish_page_of_the_site(client):
    response = client.get("/no-existe/")
    assert response.status_code == 404
    html = response.content.decode()
    assert '<html lang="es-co">' in html and "No encontramos esta página" in html
    assert '<main id="contenido"' in html


def test_under_make_run_a_missing_page_is_still_the_site_s_own(client, settings):
    settings.DEBUG = True  # as under `make run`
    for path in ("/no-existe/", "/ideas/999999/", "/retos/no-existe/"):
        response = client.get(path)
        assert response.status_code == 404
        html = response.content.decode()
        assert "No encontramos esta página" in html and "Traceback" not in html, path
        assert "Using the URLconf" not in html


def test_forbidden_says_why(client_for, citizen, organization):
    membership = MembershipFactory(organization=organization)
    response = client_for(citizen).post(
        reverse("accounts:membership_decide", args=[membership.pk]), {"decision": "approve"}
    )
    assert response.status_code == 403
    assert "Usted no tiene permiso para hacer esto." in response.content.decode()


def test_server_error_page_needs_nothing_from_the_database():
    from django.template.loader import get_template

    html = get_template("500.html").render({})
    assert "Algo salió mal" in html and "{%" not in html
