"""The plan's progress arithmetic, its public page and its CSV.

Defined in observatory.selectors.plan_status: an activity's progress at a cut is the last percentage
recorded up to that cut; a component's is the mean of its activities; the plan's is the mean of its
components; overdue = past the due date and below 100 %.
"""

import csv
import datetime
import io
from decimal import Decimal

import pytest

from observatory.selectors import mean, plan_status
from tests.observatory.factories import PlanFactory, activity, component, follow_up, progress
from tests.utils import count_queries

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2026, 9, 15)


@pytest.fixture
def plan(db):
    plan = PlanFactory(year=2026)
    risks = component(plan, 1, "Gestión del riesgo de corrupción")
    procedures = component(plan, 2, "Racionalización de trámites")
    component(plan, 3, "Rendición de cuentas")  # no activities yet: left out of the plan's mean
    a11 = activity(risks, "1.1", due=datetime.date(2026, 3, 31))
    a12 = activity(risks, "1.2", due=datetime.date(2026, 12, 31))
    a21 = activity(procedures, "2.1", due=datetime.date(2026, 6, 30))
    a22 = activity(procedures, "2.2", due=datetime.date(2026, 8, 31))
    a23 = activity(procedures, "2.3", due=datetime.date(2026, 11, 30))
    april = follow_up(plan, "april", published_on=datetime.date(2026, 5, 10))
    august = follow_up(plan, "august", published_on=datetime.date(2026, 9, 10))
    december = follow_up(plan, "december", published_on=None)  # prepared, not published
    progress(april, a11, 100, evidence_url="https://example.org/mapa-de-riesgos")
    progress(april, a12, 30)
    progress(april, a21, 20)
    progress(april, a22, 50)
    progress(august, a12, 70)
    progress(august, a21, 60)
    progress(august, a23, 10)
    # a22 has no August record: it keeps its April 50 %.
    progress(december, a12, 100)
    return plan


def test_progress_per_activity_component_and_plan(plan):
    status = plan_status(plan, today=TODAY)
    assert [f.cut for f in status.follow_ups] == ["april", "august"]
    april, august = (f.pk for f in status.follow_ups)
    risks, procedures, accountability = status.components
    assert [a.latest for a in risks.activities] == [100, 70]
    assert [a.latest for a in procedures.activities] == [60, 50, 10]
    assert [a.by_cut[april] for a in procedures.activities] == [20, 50, 0]
    assert risks.progress == Decimal("85.0")  # (100 + 70) / 2
    assert procedures.progress == Decimal("40.0")  # (60 + 50 + 10) / 3
    assert accountability.progress is None
    assert status.progress == Decimal("62.5")  # (85 + 40) / 2: each component weighs the same
    assert risks.by_cut[april] == Decimal("65.0")  # (100 + 30) / 2
    assert procedures.by_cut[april] == Decimal("23.3")  # (20 + 50 + 0) / 3, rounded half up
    assert status.by_cut[april] == Decimal("44.2")  # (65 + 23.33…) / 2 = 44.17 → 44.2
    assert status.by_cut[august] == status.progress


def test_overdue_activities(plan):
    status = plan_status(plan, today=TODAY)
    overdue = [a.activity.code for c in status.components for a in c.activities if a.overdue]
    assert overdue == ["2.1", "2.2"]  # 1.1 is done; 1.2 and 2.3 are not due yet
    assert status.overdue_count == 2


def test_rounding_half_up():
    assert mean([1, 2]) == Decimal("1.5")
    assert mean([Decimal("33.25"), Decimal("33.3")]) == Decimal("33.3")
    assert mean([0, 0, 1]) == Decimal("0.3")
    assert mean([]) is None


def test_a_plan_without_follow_ups_reads_zero(plan):
    plan.follow_ups.update(published_on=None)
    status = plan_status(plan, today=TODAY)
    assert status.follow_ups == []
    assert status.progress == Decimal("0.0")


def test_the_public_page(client, plan):
    response = client.get("/observatorio/plan-anticorrupcion/2026/")
    assert response.status_code == 200
    page = response.content.decode()
    assert "Avance general" in page
    assert "Vencida" in page
    assert "Gestión del riesgo de corrupción" in page
    assert "https://example.org/mapa-de-riesgos" not in page or "Ver evidencia" in page
    assert client.get("/observatorio/plan-anticorrupcion/").status_code == 200
    assert client.get("/observatorio/plan-anticorrupcion/2030/").status_code == 404


def test_unpublished_plans_are_not_shown(client, plan):
    plan.published = False
    plan.save()
    assert client.get("/observatorio/plan-anticorrupcion/2026/").status_code == 404
    assert client.get("/observatorio/plan-anticorrupcion/2026/datos.csv").status_code == 404
    assert client.get("/observatorio/plan-anticorrupcion/").status_code == 200  # "no plan yet"


def test_the_csv(client, plan):
    response = client.get("/observatorio/plan-anticorrupcion/2026/datos.csv")
    assert response.status_code == 200
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8"))))
    assert [row["activity_code"] for row in rows] == ["1.1", "1.2", "2.1", "2.2", "2.3"]
    first = rows[0]
    assert first["due_date"] == "2026-03-31"
    assert first["evidence_url"] == "https://example.org/mapa-de-riesgos"
    assert "progress_december" not in first  # not published yet
    assert {k: first[k] for k in ("progress_april", "progress_august", "progress_latest")} == {
        "progress_april": "100",
        "progress_august": "100",
        "progress_latest": "100",
    }
    assert rows[3]["progress_august"] == "50"


def test_activities_in_natural_order(plan):
    risks = plan.components.get(number=1)
    activity(risks, "1.10", due=datetime.date(2026, 12, 31))
    status = plan_status(plan, today=TODAY)
    assert [a.activity.code for a in status.components[0].activities] == ["1.1", "1.2", "1.10"]


def test_the_plan_page_query_count_does_not_grow(client, plan):
    client.get("/observatorio/plan-anticorrupcion/2026/")  # the site's navigation, cached after
    few = count_queries(lambda: client.get("/observatorio/plan-anticorrupcion/2026/"))
    extra = component(plan, 4, "Atención al ciudadano")
    for n in range(20):
        progress(
            plan.follow_ups.get(cut="august"), activity(extra, f"4.{n}", due=datetime.date(2026, 12, 1)), n
        )
    many = count_queries(lambda: client.get("/observatorio/plan-anticorrupcion/2026/"))
    assert many == few <= 10


def test_the_page_counts_activities_and_draws_each_components_progress(client, plan):
    status = plan_status(plan, today=TODAY)
    assert (status.done_count, status.started_count, status.not_started_count) == (1, 4, 0)
    page = client.get("/observatorio/plan-anticorrupcion/2026/").content.decode()
    figures = page[page.index('<ul class="kpis"') :]
    figures = figures[: figures.index("</ul>")]
    assert "1 de 5" in figures and "actividades terminadas" in figures
    assert "vencidas sin terminar" in figures or "vencida sin terminar" in figures
    section = page[page.index('id="por-componente"') :]
    chart = section[section.index('role="img"') : section.index("<table")]
    assert 'aria-labelledby="por-componente"' in chart
    # Each component: its name, its share of finished activities, overdue ones, its value in words.
    assert "1. Gestión del riesgo de corrupción" in chart and "1 de 2 actividades terminadas" in chart
    assert "0 de 3 actividades terminadas" in chart
    assert "3. Rendición de cuentas" in chart and "Sin actividades" in chart
    assert "Racionalización de trámites: " in chart  # the text alternative names each value
    assert 'class="bars__bar" width="' in chart
    assert "<table" in section  # the same figures, per cut, in the table beside it
    assert "style=" not in page


def test_a_plan_without_published_follow_ups_draws_no_bars(client, plan):
    plan.follow_ups.update(published_on=None)
    page = client.get("/observatorio/plan-anticorrupcion/2026/").content.decode()
    assert 'class="bars' not in page and 'class="kpis"' not in page
