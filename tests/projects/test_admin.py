"""Editors keep projects in the Wagtail admin; every save dates what changed in the public timeline."""

import datetime

import pytest
from django.utils import timezone

from accounts.models import Notification
from projects.models import Project
from tests.accounts.factories import UserFactory
from tests.challenges.factories import make_challenge
from tests.ideas.factories import IdeaFactory
from tests.projects.factories import OfficeFactory, ProjectFactory, milestone

pytestmark = pytest.mark.django_db


def _form(project: Project, milestones, **overrides) -> dict:
    data = {
        "title": project.title,
        "summary": project.summary,
        "idea": str(project.idea_id or ""),
        "challenge": str(project.challenge_id or ""),
        "office": str(project.office_id),
        "status": project.status,
        "territory": project.territory,
        "starts_on": project.starts_on.isoformat(),
        "ends_on": project.ends_on.isoformat(),
        "budget": "" if project.budget is None else str(int(project.budget)),
        "published": "on",
        "milestones-TOTAL_FORMS": str(len(milestones)),
        "milestones-INITIAL_FORMS": str(len(milestones)),
        "milestones-MIN_NUM_FORMS": "0",
        "milestones-MAX_NUM_FORMS": "1000",
    }
    for n, item in enumerate(milestones):
        data.update(
            {
                f"milestones-{n}-id": str(item.pk),
                f"milestones-{n}-title": item.title,
                f"milestones-{n}-weight": str(item.weight),
                f"milestones-{n}-due_on": item.due_on.isoformat(),
                f"milestones-{n}-done_on": item.done_on.isoformat() if item.done_on else "",
                f"milestones-{n}-evidence_url": item.evidence_url,
                f"milestones-{n}-ORDER": str(n + 1),
            }
        )
    return {**data, **overrides}


@pytest.mark.parametrize("who", ["citizen", "moderator", "office_member"])
def test_only_editors_open_the_projects_admin(client_for, citizen, moderator, who):
    project = ProjectFactory()
    user = {"citizen": citizen, "moderator": moderator, "office_member": UserFactory()}[who]
    if who == "office_member":
        project.office.members.add(user)
    response = client_for(user).get(f"/cms-admin/proyectos/edit/{project.pk}/")
    assert response.status_code in (302, 403)


def test_an_editor_marks_a_milestone_done_and_the_change_is_dated_and_told(client_for, editor):
    idea = IdeaFactory(challenge=make_challenge("results"), status="selected")
    project = ProjectFactory(idea=idea, challenge=idea.challenge, office=OfficeFactory())
    first = milestone(project, "Estudios", 1)
    second = milestone(project, "Obra", 1)
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    client = client_for(editor)
    assert client.get(f"/cms-admin/proyectos/edit/{project.pk}/").status_code == 200
    data = _form(project, [first, second], **{"milestones-0-done_on": yesterday.isoformat()})
    response = client.post(f"/cms-admin/proyectos/edit/{project.pk}/", data)
    assert response.status_code == 302, response.content.decode()[:3000]
    update = project.updates.get(kind="milestone_done")
    assert update.occurred_on == yesterday and update.author == editor and "Estudios" in update.text
    assert Notification.objects.filter(recipient=idea.author, kind="project_milestone").count() == 1


def test_an_editor_cannot_date_a_milestone_in_the_future(client_for, editor):
    project = ProjectFactory()
    first = milestone(project, "Estudios", 1)
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    data = _form(project, [first], **{"milestones-0-done_on": tomorrow.isoformat()})
    response = client_for(editor).post(f"/cms-admin/proyectos/edit/{project.pk}/", data)
    assert response.status_code == 200 and "fecha futura" in response.content.decode()
    first.refresh_from_db()
    assert first.done_on is None and not project.updates.exists()
