"""Spanish by default, English on request, with a switch that works without JavaScript."""

import pytest
from django.conf import settings
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_spanish_by_default(client):
    html = client.get("/").content.decode()
    assert '<html lang="es-co">' in html
    assert "Saltar al contenido" in html and "Navegación principal" in html


def test_the_switch_changes_the_language_and_remembers_it(client):
    response = client.post(reverse("set_language"), {"language": "en", "next": "/organizaciones/"})
    assert response.status_code == 302 and response["Location"] == "/organizaciones/"
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "en"
    html = client.get("/organizaciones/").content.decode()
    assert '<html lang="en">' in html
    assert "Skip to content" in html and "Organisations" in html
    # and back
    client.post(reverse("set_language"), {"language": "es-co", "next": "/"})
    assert "Saltar al contenido" in client.get("/").content.decode()


def test_spanish_for_a_browser_that_asks_for_english(client):
    """Citizens get Spanish unless they pick English: the browser's language is not a choice."""
    html = client.get("/cuenta/login/", headers={"accept-language": "en-US,en;q=0.9"}).content.decode()
    assert '<html lang="es-co">' in html and "Saltar al contenido" in html


def test_the_api_follows_the_browser_language(client):
    response = client.get("/api/v1/ideas/999999/", headers={"accept-language": "en"})
    assert response.status_code == 404 and response.json()["detail"] == "Not found."
    spanish = client.get("/api/v1/ideas/999999/", headers={"accept-language": "es"})
    assert spanish.json()["detail"] != response.json()["detail"]


def test_an_unknown_language_falls_back_to_spanish(client):
    client.post(reverse("set_language"), {"language": "xx", "next": "/"})
    assert '<html lang="es-co">' in client.get("/").content.decode()


def test_library_strings_are_spanish_too(client):
    html = client.get(reverse("account_login")).content.decode()
    assert "Contraseña" in html


def test_validation_messages_in_english_when_asked(client_for, citizen):
    client = client_for(citizen)
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    response = client.post(reverse("accounts:delete"), {"password": "no"})
    assert "The password is not correct." in response.content.decode()


def test_the_api_docs_are_in_spanish_with_a_way_back(client):
    html = client.get("/api/v1/docs/", headers={"accept-language": "en"}).content.decode()
    assert '<html lang="es-co">' in html and "Documentación de la API" in html
    assert '<a href="/">← Volver al sitio del laboratorio</a>' in html
