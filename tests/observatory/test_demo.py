"""The observatory's demo content: a dozen indicators with years of observations, plans with follow-ups."""

import io

import pytest
from django.core.management import call_command

from observatory.models import Indicator, Observation, Plan, Progress
from observatory.selectors import plan_status

pytestmark = pytest.mark.django_db


def seed():
    call_command("seed_demo", "--allow-production", stdout=io.StringIO())


def counts():
    return (
        Indicator.objects.count(),
        Observation.objects.count(),
        Plan.objects.count(),
        Progress.objects.count(),
    )


def test_demo_indicators_and_plans_and_idempotence():
    seed()
    first = counts()
    hand_made = Indicator.objects.filter(computed=False)
    assert hand_made.count() >= 12
    for indicator in hand_made:
        periods = set(indicator.observations.values_list("period", flat=True))
        assert len({period[:4] for period in periods}) >= 4, indicator.slug
    assert Observation.objects.exclude(territory="bucaramanga").exists()
    assert Indicator.objects.filter(computed=True, observations__isnull=False).exists()
    plan = Plan.objects.get(year=2026)
    assert plan.components.count() == 6
    assert sorted(plan.follow_ups.values_list("cut", flat=True)) == ["april", "august"]
    assert Plan.objects.filter(year=2025).exists()
    status = plan_status(plan)
    assert status.progress is not None and status.progress > 0
    seed()
    assert counts() == first
