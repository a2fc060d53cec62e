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


def test_the_figures_speak_english_when_chosen(client, settings):
    import datetime as dt

    from tests.observatory.factories import IndicatorFactory, observe

    indicator = IndicatorFactory(slug="ita", unit="%", higher_is_better=True)
    observe(indicator, "2024", "88")
    observe(indicator, "2025", "92.5")
    plan = PlanFactory(year=2026)
    cut = follow_up(plan, "april", published_on=dt.date(2026, 5, 10))
    progress(cut, activity(component(plan, 1, "Riesgos"), "1.1", due=dt.date(2026, 12, 31)), 100)
    UserFactory(participant_type="university")
    computed_indicators_update()
    report_services.report_create(category="soborno", description="Cobro por un trámite.", entity="Tránsito")
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    assert '+4.5 <abbr title="percentage points">' in html(client.get(indicator.get_absolute_url()))
    plan_page = html(client.get(reverse("observatory:plan", args=[2026])))
    assert "1 of 1 activity finished" in plan_page and "activities finished" in plan_page
    assert "verified account takes part in the lab" in html(client.get(HOME))
    statistics = html(client.get(reverse("reports:statistics")))
    assert "Chart: reports received per month, by how they were answered" in statistics
    assert "Hatched: Answered or transferred after the time limit" in statistics
    catalogue = html(client.get("/datos/", {"q": "nada de nada"}))
    assert "No dataset matches your search" in catalogue and "All themes" in catalogue
