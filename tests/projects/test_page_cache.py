"""Projects in the page cache: the list, a project's page, its open data and its API are served
to anonymous visitors without a query, and change at once with the project, its milestones,
its timeline, and the idea and challenge it shows."""

import datetime

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from rest_framework.test import APIClient

from projects import services
from projects.models import Project
from tests.challenges.factories import make_challenge
from tests.ideas.factories import IdeaFactory
from tests.labplatform.test_page_cache import _site_identity, html, served_from_cache  # noqa: F401
from tests.projects.factories import OfficeFactory, ProjectFactory, milestone
from tests.utils import count_queries

pytestmark = pytest.mark.django_db


@pytest.fixture
def project(db):
    challenge = make_challenge("results", title="Reto de contratación abierta")
    idea = IdeaFactory(challenge=challenge, status="selected", title="Tablero de obras por comuna")
    today = timezone.localdate()
    return services.project_create(
        title="Tablero de obras públicas",
        summary="Cada obra con su avance, sus pagos y su contratista.",
        office=OfficeFactory(name="Secretaría de Infraestructura", slug="infraestructura"),
        idea=idea,
        starts_on=today - datetime.timedelta(days=90),
        ends_on=today + datetime.timedelta(days=90),
        milestones=[
            {"title": "Inventario de obras", "weight": 1, "due_on": today},
            {"title": "Tablero publicado", "weight": 3, "due_on": today + datetime.timedelta(days=30)},
        ],
    )


def paths(project: Project) -> list[str]:
    return [
        reverse("projects:index"),
        reverse("projects:detail", args=[project.pk]),
        reverse("projects:csv"),
        reverse("projects:json"),
        "/api/v1/projects/",
        f"/api/v1/projects/{project.pk}/",
    ]


def test_every_public_page_of_projects_is_served_without_a_query(client, project):
    for path in paths(project):
        assert client.get(path).status_code == 200, path
        assert count_queries(lambda path=path: client.get(path), page_cache=True) == 0, path
        assert served_from_cache(client, path), path


def test_a_new_project_shows_in_the_list_and_the_open_data(client, project):
    for path in (reverse("projects:index"), reverse("projects:csv"), "/api/v1/projects/"):
        client.get(path)
    ProjectFactory(title="Semáforo de pagos a contratistas")
    assert "Semáforo de pagos a contratistas" in html(client.get(reverse("projects:index")))
    assert "Semáforo de pagos a contratistas" in html(client.get(reverse("projects:csv")))
    assert len(APIClient().get("/api/v1/projects/").json()["results"]) == 2


def test_a_milestone_done_changes_the_progress_the_timeline_and_the_api(client, project, editor):
    url = reverse("projects:detail", args=[project.pk])
    api = f"/api/v1/projects/{project.pk}/"
    assert "Hito cumplido" not in html(client.get(url))
    assert APIClient().get(api).json()["progress"] == 0
    assert served_from_cache(client, url)
    first = project.milestones.get(title="Inventario de obras")
    services.milestone_complete(milestone=first, user=editor)
    page = html(client.get(url))
    assert "Hito cumplido: Inventario de obras" in page and "25" in page
    assert APIClient().get(api).json()["progress"] == 25
    assert "25" in html(client.get(reverse("projects:index")))


def test_an_edit_in_the_admin_a_new_milestone_and_unpublishing_show_at_once(client, project):
    url = reverse("projects:detail", args=[project.pk])
    client.get(url)
    project.title = "Tablero de obras públicas por comuna"
    project.save()
    assert "Tablero de obras públicas por comuna" in html(client.get(url))
    milestone(project, "Capacitación a las juntas de acción comunal", 2)
    assert "Capacitación a las juntas de acción comunal" in html(client.get(url))
    client.get(reverse("projects:index"))
    project.published = False
    project.save()
    assert client.get(url).status_code == 404
    assert "Tablero de obras públicas por comuna" not in html(client.get(reverse("projects:index")))


def test_a_deleted_project_leaves_the_list(client):
    doomed = ProjectFactory(title="Proyecto que se retira")
    assert "Proyecto que se retira" in html(client.get(reverse("projects:index")))
    doomed.delete()
    assert "Proyecto que se retira" not in html(client.get(reverse("projects:index")))


def test_the_project_page_follows_its_idea_and_its_office(client, project):
    url = reverse("projects:detail", args=[project.pk])
    assert "Tablero de obras por comuna" in html(client.get(url))
    idea = project.idea
    idea.title = "Tablero de obras por comuna y corregimiento"
    idea.save()
    assert "Tablero de obras por comuna y corregimiento" in html(client.get(url))
    office = project.office
    office.name = "Secretaría de Infraestructura y Obras"
    office.save()
    assert "Secretaría de Infraestructura y Obras" in html(client.get(url))


def test_the_idea_and_challenge_pages_show_a_new_project_at_once(client, citizen):
    challenge = make_challenge("results")
    idea = IdeaFactory(challenge=challenge, status="selected", title="Bancas con sombra")
    idea_url = reverse("ideas:detail", args=[idea.pk])
    for url in (idea_url, challenge.url):
        assert "Implementación" not in html(client.get(url))
        assert served_from_cache(client, url)
    today = timezone.localdate()
    services.project_create(
        title="Parques con sombra",
        summary="Árboles y bancas en los parques de la comuna.",
        office=OfficeFactory(),
        idea=idea,
        starts_on=today,
        ends_on=today + datetime.timedelta(days=30),
    )
    assert "Parques con sombra" in html(client.get(idea_url))
    assert "Parques con sombra" in html(client.get(challenge.url))


def test_the_open_data_catalogue_follows_the_projects(client, project):
    catalogue = reverse("open_data_catalogue")
    client.get(catalogue)
    assert served_from_cache(client, catalogue)
    project.title = "Otro título"
    project.save()
    assert not served_from_cache(client, catalogue)


def test_the_responsible_office_is_never_served_the_anonymous_page(client_for, project, editor):
    url = reverse("projects:detail", args=[project.pk])
    anonymous = Client()
    anonymous.get(url)
    assert served_from_cache(anonymous, url)
    signed_in = client_for(editor)
    page = signed_in.get(url)
    assert page.get("X-Page-Cache") != "hit"
    assert "Marcar cumplido" in html(page)
    # What the editor saw was not stored for anybody else.
    assert "Marcar cumplido" not in html(Client().get(url))
