"""Editors maintain indicators and plans in the Wagtail admin; other roles may not."""

import pytest

from observatory.models import Indicator

pytestmark = pytest.mark.django_db

SCREENS = [
    "/cms-admin/observatorio/indicadores/",
    "/cms-admin/observatorio/indicadores/new/",
    "/cms-admin/observatorio/planes/",
    "/cms-admin/observatorio/planes/new/",
    "/cms-admin/observatorio/actividades/",
    "/cms-admin/observatorio/seguimientos/new/",
]


@pytest.mark.parametrize("path", SCREENS)
def test_editors_open_the_observatory_screens(client_for, editor, path):
    assert client_for(editor).get(path).status_code == 200


def test_an_editor_creates_an_indicator_with_a_target(client_for, editor):
    response = client_for(editor).post(
        "/cms-admin/observatorio/indicadores/new/",
        {
            "name": "Tiempo de respuesta a PQRSD",
            "slug": "tiempo-pqrsd",
            "description": "",
            "theme": "atencion",
            "unit": "días hábiles",
            "periodicity": "quarterly",
            "source": "Gestión documental",
            "responsible_office": "",
            "methodology": "",
            "published": "on",
            "order": "1",
            "targets-TOTAL_FORMS": "1",
            "targets-INITIAL_FORMS": "0",
            "targets-MIN_NUM_FORMS": "0",
            "targets-MAX_NUM_FORMS": "1000",
            "targets-0-period": "2026-Q4",
            "targets-0-value": "8",
            "targets-0-ORDER": "1",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    indicator = Indicator.objects.get(slug="tiempo-pqrsd")
    assert [(t.period, int(t.value)) for t in indicator.targets.all()] == [("2026-Q4", 8)]
    assert not indicator.higher_is_better


def test_reserved_slugs_are_refused(client_for, editor):
    response = client_for(editor).post(
        "/cms-admin/observatorio/indicadores/new/",
        {"name": "X", "slug": "gestion", "theme": "atencion", "unit": "%", "periodicity": "yearly",
         "source": "X", "order": "1", "targets-TOTAL_FORMS": "0", "targets-INITIAL_FORMS": "0"},
    )  # fmt: skip
    assert response.status_code == 200
    assert not Indicator.objects.filter(slug="gestion").exists()


@pytest.mark.parametrize("who", ["citizen", "moderator"])
def test_other_roles_may_not(client_for, citizen, moderator, who):
    client = client_for({"citizen": citizen, "moderator": moderator}[who])
    response = client.get("/cms-admin/observatorio/indicadores/")
    assert response.status_code in (302, 403)


def test_the_follow_up_screen_reads_its_choices_without_a_query_per_option(client_for, editor):
    import datetime

    from tests.observatory.factories import PlanFactory, activity, component, follow_up, progress
    from tests.utils import count_queries

    plan = PlanFactory(year=2026)
    cut = follow_up(plan, "april", published_on=datetime.date(2026, 5, 10))
    client = client_for(editor)
    url = f"/cms-admin/observatorio/seguimientos/edit/{cut.pk}/"

    def add(n):
        part = component(plan, n)
        for m in range(3):
            progress(cut, activity(part, f"{n}.{m}", due=datetime.date(2026, 12, 1)), 10 * m)

    add(1)
    client.get(url)
    few = count_queries(lambda: client.get(url))
    add(2)
    add(3)
    many = count_queries(lambda: client.get(url))
    # One query per inline form for its activity choices at most, never one per option.
    assert many - few <= 6 * 2
