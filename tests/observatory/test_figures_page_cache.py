"""The figures of the observatory and of the report statistics in the page cache: served to anonymous
visitors from the cache, and never stale once what they count changes (the daily recomputation of
the participation series, a plan's follow-up, a new report) or the calendar moves on."""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from observatory import participation
from observatory.services import computed_indicators_update
from reports import services as report_services
from tests.accounts.factories import UserFactory
from tests.labplatform.test_page_cache import _site_identity, html, served_from_cache  # noqa: F401
from tests.observatory.factories import PlanFactory, activity, component, follow_up, progress

pytestmark = pytest.mark.django_db
HOME = "/observatorio/"


def section(page: str, anchor: str) -> str:
    return page[page.index(anchor) :]


def test_participation_by_type_follows_the_daily_recomputation(client):
    UserFactory(participant_type="university")
    computed_indicators_update()
    before = section(html(client.get(HOME)), 'id="por-tipo"')
    assert "1 cuenta verificada participa" in before
    assert served_from_cache(client, HOME)
    UserFactory(participant_type="university")
    UserFactory(participant_type="company")
    assert served_from_cache(client, HOME)  # an account alone changes nothing until recomputed
    computed_indicators_update()
    after = section(html(client.get(HOME)), 'id="por-tipo"')
    assert "3 cuentas verificadas participan" in after


def test_the_home_is_not_kept_past_the_end_of_the_month(client, monkeypatch):
    UserFactory(participant_type="citizen")
    computed_indicators_update()
    assert participation.next_month_start() > timezone.now()
    assert participation.next_month_start().day == 1
    monkeypatch.setattr(
        participation, "next_month_start", lambda: timezone.now() - datetime.timedelta(seconds=1)
    )
    client.get(HOME)
    assert not served_from_cache(client, HOME)  # "the last twelve months" moved on


def test_a_follow_up_changes_the_plans_figures_at_once(client):
    plan = PlanFactory(year=2026)
    risks = component(plan, 1, "Gestión del riesgo de corrupción")
    first = activity(risks, "1.1", due=datetime.date(2026, 12, 31))
    april = follow_up(plan, "april", published_on=datetime.date(2026, 5, 10))
    record = progress(april, first, 40)
    url = reverse("observatory:plan", args=[2026])
    assert ">40 %</span>" in html(client.get(url))
    assert served_from_cache(client, url)
    record.percent = 100
    record.save()
    page = html(client.get(url))
    assert ">100 %</span>" in page and "1 de 1 actividad terminada" in page


def test_a_new_report_changes_the_monthly_chart(client):
    url = reverse("reports:statistics")
    client.get(url)
    assert served_from_cache(client, url)
    report_services.report_create(category="soborno", description="Cobro por un trámite.", entity="Tránsito")
    assert "1 denuncia recibida; 0 respondidas" in html(client.get(url))


def test_an_observation_changes_the_indicators_headline(client, editor):
    from observatory.services import observation_save
    from tests.observatory.factories import IndicatorFactory, observe

    indicator = IndicatorFactory(slug="ita", unit="puntos")
    observe(indicator, "2024", "88")
    url = indicator.get_absolute_url()
    client.get(url)
    assert served_from_cache(client, url)
    observation_save(
        indicator=indicator, period="2025", territory="bucaramanga", value=Decimal("92"), by=editor
    )
    figures = section(html(client.get(url)), 'class="kpis"')
    assert "92 puntos" in figures and "+4 puntos" in figures
