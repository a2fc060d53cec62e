"""The demo: projects from the results-phase challenge's selected ideas at several progress levels,
and a risk map of a dozen risks with controls, actions and follow-ups. Safe to run twice."""

import io

import pytest
from django.core.management import call_command

from observatory.models import CUT_DATES, Risk, RiskFollowUp
from projects.models import Milestone, Project, Update
from projects.selectors import progress_percent, public_projects

pytestmark = pytest.mark.django_db


def seed():
    call_command("seed_demo", "--allow-production", stdout=io.StringIO())


def counts():
    return (
        Project.objects.count(),
        Milestone.objects.count(),
        Update.objects.count(),
        RiskFollowUp.objects.count(),
    )


def test_demo_projects_and_risk_map(client):
    seed()
    first = counts()
    seed()
    assert counts() == first

    projects = list(public_projects())
    from_ideas = [p for p in projects if p.idea_id]
    assert len(from_ideas) == 3 and {p.idea.challenge.slug for p in from_ideas} == {
        "presupuesto-participativo-transparente"
    }
    assert all(p.idea.status == "selected" for p in from_ideas)
    levels = {progress_percent(p.done_weight, p.total_weight) for p in projects}
    assert len(levels) >= 3 and 100 in levels and any(0 < level < 50 for level in levels)
    assert any(p.idea_id is None for p in projects)  # a standalone commitment

    risks = Risk.objects.all()
    assert risks.count() >= 12
    assert {"contratacion", "tramites", "talento_humano"} <= set(risks.values_list("process", flat=True))
    assert all(r.controls.exists() and r.actions.exists() and r.followups.exists() for r in risks)
    assert all((f.cut_on.month, f.cut_on.day) in CUT_DATES.values() for f in RiskFollowUp.objects.all())
    assert len(set(risks.values_list("residual_level", flat=True))) >= 2

    for path in [
        "/proyectos/",
        from_ideas[0].get_absolute_url(),
        "/observatorio/riesgos/",
        "/observatorio/riesgos/RC-01/",
    ]:
        assert client.get(path).status_code == 200, path
