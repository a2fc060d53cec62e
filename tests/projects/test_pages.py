"""The public pages of projects, and the links to them from an idea and its challenge."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts.models import Notification
from challenges.models import Follow
from core import sections
from ideas.models import Support
from projects.models import Milestone, Update
from projects.services import project_create
from tests.accounts.factories import UserFactory
from tests.challenges.factories import make_challenge
from tests.ideas.factories import IdeaFactory
from tests.projects.factories import OfficeFactory, ProjectFactory, milestone
from tests.utils import count_queries

pytestmark = pytest.mark.django_db


@pytest.fixture
def selected_idea(db):
    challenge = make_challenge("results", title="Reto de contratación abierta")
    return IdeaFactory(challenge=challenge, status="selected", title="Tablero de obras por comuna")


@pytest.fixture
def project(selected_idea):
    today = timezone.localdate()
    return project_create(
        title="Tablero de obras públicas",
        summary="Cada obra con su avance, sus pagos y su contratista.",
        office=OfficeFactory(name="Secretaría de Infraestructura", slug="infraestructura"),
        idea=selected_idea,
        starts_on=today - datetime.timedelta(days=90),
        ends_on=today + datetime.timedelta(days=90),
        budget=250_000_000,
        status="in_progress",
        territory="comuna-12",
        milestones=[
            {
                "title": "Inventario de obras",
                "weight": 1,
                "due_on": today,
                "done_on": today - datetime.timedelta(days=5),
            },
            {"title": "Tablero publicado", "weight": 3, "due_on": today + datetime.timedelta(days=30)},
        ],
    )


def test_projects_are_a_section_of_the_site():
    assert ("projects:index", 45) in [(s.url_name, s.order) for s in sections.sections()]
    assert reverse("projects:index") == "/proyectos/"


def test_index_shows_each_project_with_its_progress(client, project):
    html = client.get("/proyectos/").content.decode()
    assert "Tablero de obras públicas" in html
    assert "25 % de avance" in html and 'value="25"' in html
    assert "Secretaría de Infraestructura" in html and "Reto de contratación abierta" in html


def test_index_filters_by_challenge_office_status_and_comuna(client, project):
    other = ProjectFactory(title="Compromiso del plan anticorrupción", status="planned", territory="comuna-3")
    cases = [
        ({"reto": project.challenge_id}, True, False),
        ({"dependencia": other.office_id}, False, True),
        ({"estado": "planned"}, False, True),
        ({"territorio": "comuna-12"}, True, False),
        ({}, True, True),
    ]
    for query, shows_project, shows_other in cases:
        html = client.get("/proyectos/", query).content.decode()
        assert ("Tablero de obras públicas" in html) is shows_project, query
        assert ("Compromiso del plan anticorrupción" in html) is shows_other, query


def test_index_with_bad_filters_shows_everything_without_error(client, project):
    response = client.get("/proyectos/", {"reto": "x", "estado": "nope"})
    assert response.status_code == 200 and "Tablero de obras públicas" in response.content.decode()


def test_project_page_has_facts_milestones_evidence_and_timeline(client, project):
    Milestone.objects.filter(title="Inventario de obras").update(
        evidence_url="https://datos.gov.co/inventario"
    )
    html = client.get(project.get_absolute_url()).content.decode()
    assert "Tablero de obras públicas" in html and "25 % de avance" in html
    assert "250.000.000" in html  # Spanish thousands separator on the page
    assert "Inventario de obras" in html and "https://datos.gov.co/inventario" in html
    assert "Proyecto registrado" in html and "Hito cumplido: Inventario de obras" in html
    assert project.idea.get_absolute_url() in html


def test_unpublished_and_missing_projects_are_404(client, project):
    project.published = False
    project.save()
    assert client.get(project.get_absolute_url()).status_code == 404
    assert client.get("/proyectos/999999/").status_code == 404


def test_idea_page_links_to_its_project(client, project):
    html = client.get(project.idea.get_absolute_url()).content.decode()
    assert project.get_absolute_url() in html and "25 % de avance" in html


def test_challenge_results_link_to_the_projects(client, project):
    html = client.get(project.challenge.url).content.decode()
    assert "De las ideas a los hechos" in html and project.get_absolute_url() in html


def test_index_query_count_does_not_grow_with_projects(client, project):
    client.get("/proyectos/")
    few = count_queries(lambda: client.get("/proyectos/"))
    for n in range(12):
        extra = ProjectFactory(territory=f"comuna-{n + 1}")
        milestone(extra, "Uno", 2, done=True)
        milestone(extra, "Dos", 3)
    many = count_queries(lambda: client.get("/proyectos/"))
    assert many == few <= 10


def test_project_page_query_count_does_not_grow_with_milestones(client, project):
    client.get(project.get_absolute_url())
    few = count_queries(lambda: client.get(project.get_absolute_url()))
    for n in range(15):
        milestone(project, f"Hito {n}", 1, done=n % 2 == 0, evidence_url="https://example.org/e")
        Update.objects.create(project=project, kind="edited", text=f"Cambio {n}")
    many = count_queries(lambda: client.get(project.get_absolute_url()))
    assert many == few <= 10


# --- updating a project from its page ---


def _done_url(project, title):
    pending = project.milestones.get(title=title)
    return reverse("projects:milestone_done", kwargs={"pk": project.pk, "milestone_pk": pending.pk})


@pytest.mark.parametrize("who", ["anonymous", "citizen", "member_of_another_office", "moderator"])
def test_only_editors_and_the_office_update_a_project(client, client_for, project, who, citizen, moderator):
    user = {
        "anonymous": None,
        "citizen": citizen,
        "moderator": moderator,
        "member_of_another_office": UserFactory(),
    }[who]
    if who == "member_of_another_office":
        OfficeFactory(name="Secretaría de Hacienda", slug="hacienda").members.add(user)
    browser = client_for(user) if user else client
    response = browser.post(
        _done_url(project, "Tablero publicado"), {"done_on": timezone.localdate().isoformat()}
    )
    assert response.status_code == 403
    assert project.milestones.get(title="Tablero publicado").done_on is None
    assert "Marcar cumplido" not in browser.get(project.get_absolute_url()).content.decode()


def test_a_member_of_the_office_marks_a_milestone_and_followers_are_told(client_for, project, other_citizen):
    member = UserFactory(display_name="Ingeniera de la Secretaría")
    project.office.members.add(member)
    supporter = UserFactory()
    Support.objects.create(idea=project.idea, user=supporter, participant_type="citizen")
    Follow.objects.create(user=other_citizen, challenge=project.challenge)
    client = client_for(member)
    assert "Marcar cumplido" in client.get(project.get_absolute_url()).content.decode()
    today = timezone.localdate()
    response = client.post(
        _done_url(project, "Tablero publicado"),
        {"done_on": today.isoformat(), "evidence_url": "https://obras.example/t"},
    )
    assert response.status_code == 302
    html = client.get(response["Location"]).content.decode()
    assert "100 % de avance" in html and "Hito cumplido: Tablero publicado" in html
    done = project.milestones.get(title="Tablero publicado")
    assert done.done_on == today and done.evidence_url == "https://obras.example/t"
    told = set(
        Notification.objects.filter(
            kind="project_milestone", message__contains="Tablero publicado"
        ).values_list("recipient", flat=True)
    )
    assert told == {project.idea.author_id, supporter.pk, other_citizen.pk}


def test_an_editor_may_update_and_a_future_date_is_refused_with_a_message(client_for, project, editor):
    client = client_for(editor)
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    response = client.post(_done_url(project, "Tablero publicado"), {"done_on": tomorrow.isoformat()})
    assert "no puede cumplirse en una fecha futura" in client.get(response["Location"]).content.decode()
    assert project.milestones.get(title="Tablero publicado").done_on is None
    response = client.post(_done_url(project, "Tablero publicado"), {"done_on": "no es fecha"})
    assert project.milestones.get(title="Tablero publicado").done_on is None
    response = client.post(
        _done_url(project, "Tablero publicado"), {"done_on": timezone.localdate().isoformat()}
    )
    assert project.milestones.get(title="Tablero publicado").done_on == timezone.localdate()


def test_projects_in_the_open_data_catalogue_as_csv_and_json(client, project):
    catalogue = client.get("/datos/catalogo.json").json()
    dataset = next(d for d in catalogue["dataset"] if d["identifier"].endswith("proyectos"))
    urls = {d["downloadURL"].split("testserver")[-1] for d in dataset["distribution"]}
    assert urls == {"/proyectos/datos.csv", "/proyectos/datos.json"}
    rows = client.get("/proyectos/datos.csv").content.decode().splitlines()
    assert rows[0].startswith("id,titulo,url,idea,reto,dependencia,estado,avance")
    assert ",in_progress,25," in rows[1]
    assert ",250000000," in rows[1]
    data = client.get("/proyectos/datos.json").json()["projects"]
    assert data[0]["progress"] == 25 and len(data[0]["milestones"]) == 2
