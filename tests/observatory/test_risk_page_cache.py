"""The corruption risk map in the page cache: served to anonymous visitors without a query,
and changed at once by a risk, its controls, actions and follow-ups, and its office."""

import datetime

import pytest
from django.test import Client
from django.urls import reverse
from rest_framework.test import APIClient

from observatory.services import risk_followup_record
from tests.accounts.factories import UserFactory
from tests.labplatform.test_page_cache import _site_identity, html, served_from_cache  # noqa: F401
from tests.observatory.risk_factories import action, control, make_risk
from tests.utils import count_queries

pytestmark = pytest.mark.django_db


@pytest.fixture
def risk(db):
    return make_risk("RC-01")


def test_every_risk_page_is_served_without_a_query(client, risk):
    for path in (
        reverse("observatory:risks"),
        reverse("observatory:risks") + "?nivel=high",
        reverse("observatory:risk", args=[risk.code]),
        reverse("observatory:risks_csv"),
        reverse("observatory:risks_json"),
        "/api/v1/risks/",
        f"/api/v1/risks/{risk.pk}/",
    ):
        assert client.get(path).status_code == 200, path
        assert count_queries(lambda path=path: client.get(path), page_cache=True) == 0, path
        assert served_from_cache(client, path), path


def test_a_new_risk_and_an_unpublished_one_change_the_map(client, risk):
    url = reverse("observatory:risks")
    client.get(url)
    make_risk("RC-02", title="Cobros por agilizar licencias de construcción", process="planeacion")
    assert "Cobros por agilizar licencias de construcción" in html(client.get(url))
    assert "RC-02" in html(client.get(reverse("observatory:risks_csv")))
    risk.published = False
    risk.save()
    assert "Direccionamiento de contratos" not in html(client.get(url))
    assert client.get(reverse("observatory:risk", args=["RC-01"])).status_code == 404


def test_controls_actions_and_follow_ups_show_on_the_risk_page(client, risk):
    url = reverse("observatory:risk", args=[risk.code])
    client.get(url)
    control(risk, "Comité de contratación con actas públicas")
    assert "Comité de contratación con actas públicas" in html(client.get(url))
    action(risk, "Capacitar a los supervisores de contratos")
    assert "Capacitar a los supervisores de contratos" in html(client.get(url))
    assert served_from_cache(client, url)
    supervisor = UserFactory(groups=["supervisors"])
    risk_followup_record(
        risk=risk,
        cut_on=datetime.date(2026, 4, 30),
        progress=70,
        notes="Pliegos tipo en todos",
        by=supervisor,
    )
    assert "Pliegos tipo en todos" in html(client.get(url))
    assert APIClient().get(f"/api/v1/risks/{risk.pk}/").json()["followups"][-1]["progress"] == 70


def test_a_renamed_office_shows_on_the_risk_page(client, risk):
    url = reverse("observatory:risk", args=[risk.code])
    assert "Secretaría Jurídica" in html(client.get(url))
    risk.office.name = "Oficina Jurídica"
    risk.office.save()
    assert "Oficina Jurídica" in html(client.get(url))


def test_a_signed_in_visitor_never_gets_nor_leaves_the_anonymous_map(client_for, risk, editor):
    url = reverse("observatory:risks")
    Client().get(url)
    page = client_for(editor).get(url)
    assert page.get("X-Page-Cache") != "hit" and "Cerrar sesión" in html(page)
    assert "Cerrar sesión" not in html(Client().get(url))
