"""The demo reports: some in every status, handled by the demo handler, added once."""

import pytest
from django.core.management import call_command

from reports.models import AuditEntry, Report, Status

pytestmark = pytest.mark.django_db


def test_seed_demo_adds_reports_in_every_status_once():
    call_command("seed_demo", "--allow-production", verbosity=0)
    statuses = set(Report.objects.values_list("status", flat=True))
    assert statuses == set(Status.values)
    assert (
        Report.objects.filter(assigned_to__email="denuncias@laboratorio.example").count()
        == Report.objects.count()
    )
    count = Report.objects.count()
    call_command("seed_demo", "--allow-production", verbosity=0)
    assert Report.objects.count() == count
    assert AuditEntry.objects.exists()


def test_seed_demo_refers_and_decides_reports_and_the_figures_show_them():
    from django.test import Client

    from reports.models import Outcome, Referral

    call_command("seed_demo", "--allow-production", verbosity=0)
    assert Referral.objects.filter(stage="investigating").exists()
    assert Outcome.objects.filter(decision="disciplinary_sanction", report__status="answered").exists()
    assert Outcome.objects.filter(surveyed_on__isnull=False).count() >= 10
    referrals = Referral.objects.count()
    call_command("seed_demo", "--allow-production", verbosity=0)
    assert Referral.objects.count() == referrals
    data = Client().get("/api/v1/reports/stats/").json()
    assert len(data["by_year"]) == 2
    assert data["category"]["contratacion"] >= 5 and data["satisfaction"]["satisfied_pct"] is not None
