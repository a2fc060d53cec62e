"""Editors keep the list of offices (dependencias) in the CMS; other roles may not."""

import pytest

from accounts.models import Office

pytestmark = pytest.mark.django_db


def test_an_editor_adds_an_office_and_finds_it_in_the_list(client_for, editor):
    client = client_for(editor)
    response = client.post(
        "/cms-admin/dependencias/new/",
        {
            "name": "Secretaría de Infraestructura",
            "slug": "secretaria-de-infraestructura",
            "acronym": "SI",
            "email": "infraestructura@bucaramanga.gov.co",
            "active": "on",
        },
    )
    assert response.status_code == 302
    office = Office.objects.get(slug="secretaria-de-infraestructura")
    assert office.acronym == "SI" and office.active
    assert "Secretaría de Infraestructura" in client.get("/cms-admin/dependencias/").content.decode()


def test_a_repeated_name_is_refused_and_nothing_changes(client_for, editor):
    Office.objects.create(name="Oficina de Control Interno", slug="control-interno")
    response = client_for(editor).post(
        "/cms-admin/dependencias/new/",
        {"name": "Oficina de Control Interno", "slug": "otra", "acronym": "", "email": "", "active": "on"},
    )
    assert response.status_code == 200
    assert Office.objects.count() == 1


def test_a_citizen_cannot_open_the_offices(client_for, citizen):
    response = client_for(citizen).get("/cms-admin/dependencias/")
    assert response.status_code in (302, 403)
    assert Office.objects.count() == 0
