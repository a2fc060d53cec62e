"""/api/v1/projects/: the list per CONTRACTS.md, and marking a milestone done by API."""

import datetime

import pytest
from django.utils import timezone

from tests.accounts.factories import UserFactory
from tests.projects.factories import ProjectFactory, milestone
from tests.utils import count_queries

pytestmark = pytest.mark.django_db


@pytest.fixture
def project(db):
    project = ProjectFactory(title="Parque lineal con veeduría", budget=None)
    milestone(project, "Estudios", 2, done=True, evidence_url="https://obras.example/estudios")
    milestone(project, "Construcción", 8)
    return project


def test_list_has_the_contract_fields(client, project):
    data = client.get("/api/v1/projects/").json()
    assert data["count"] == 1
    item = data["results"][0]
    assert {
        "id", "title", "url", "idea", "challenge", "office", "status", "progress",
        "starts_on", "ends_on", "budget", "milestones", "updated_at",
    } <= set(item)  # fmt: skip
    assert item["progress"] == 20 and item["budget"] is None and item["idea"] is None
    assert item["url"].endswith(f"/proyectos/{project.pk}/")
    assert item["milestones"][0] == {
        "title": "Estudios",
        "due_on": item["milestones"][0]["due_on"],
        "done_on": (timezone.localdate() - datetime.timedelta(days=1)).isoformat(),
        "weight": 2,
        "evidence": ["https://obras.example/estudios"],
    }


def test_list_query_count_is_constant(client, project):
    few = count_queries(lambda: client.get("/api/v1/projects/"))
    for _ in range(10):
        extra = ProjectFactory()
        milestone(extra, "Uno", 1, done=True)
        milestone(extra, "Dos", 1)
    many = count_queries(lambda: client.get("/api/v1/projects/"))
    assert many == few <= 6


def test_bad_ids_are_404_as_json(client, project):
    for path in ["/api/v1/projects/999999/", "/api/v1/projects/abc/"]:
        response = client.get(path)
        assert response.status_code == 404 and "detail" in response.json()


def _done_path(project, title="Construcción"):
    return f"/api/v1/projects/{project.pk}/milestones/{project.milestones.get(title=title).pk}/done/"


@pytest.mark.parametrize("who", ["anonymous", "citizen", "moderator"])
def test_strangers_may_not_mark_a_milestone(client, client_for, project, who, citizen, moderator):
    user = {"anonymous": None, "citizen": citizen, "moderator": moderator}[who]
    browser = client_for(user) if user else client
    response = browser.post(_done_path(project), {}, content_type="application/json")
    assert response.status_code == 403
    assert "dependencia responsable" in response.json()["detail"]
    assert project.milestones.get(title="Construcción").done_on is None


def test_the_office_marks_a_milestone_by_api_once(client_for, project):
    member = UserFactory()
    project.office.members.add(member)
    client = client_for(member)
    response = client.post(
        _done_path(project), {"evidence_url": "https://obras.example/acta"}, content_type="application/json"
    )
    assert response.status_code == 200 and response.json()["progress"] == 100
    again = client.post(_done_path(project), {}, content_type="application/json")
    assert again.status_code == 409 and again.json()["code"] == "already_done"


def test_bad_input_by_api_changes_nothing_and_speaks_english_when_asked(client_for, project, editor):
    client = client_for(editor)
    future = (timezone.localdate() + datetime.timedelta(days=3)).isoformat()
    response = client.post(_done_path(project), {"done_on": future}, content_type="application/json")
    assert response.status_code == 400 and "fecha futura" in response.json()["detail"]
    response = client.post(
        _done_path(project), {"done_on": "ayer"}, content_type="application/json", HTTP_ACCEPT_LANGUAGE="en"
    )
    assert response.status_code == 400 and "Date has wrong format" in str(response.json())
    assert project.milestones.get(title="Construcción").done_on is None
