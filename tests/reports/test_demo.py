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
