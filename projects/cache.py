"""What bumps the page cache in projects (`projects`: the project list, its CSV and JSON, the
projects API, the open-data catalogue, and the idea and challenge pages that link to their
projects; `project:<id>`: a project's page): a project, a milestone or a line of the timeline
saved or deleted anywhere (the admin screens included). Project writes go through `save()`
only, so the signals see them all."""

from core import page_cache

PROJECTS = "projects"


def project_namespace(project_id: int) -> str:
    return f"project:{project_id}"


def _of_project(project) -> list[str]:
    return [PROJECTS, project_namespace(project.pk)]


def _of_project_part(part) -> list[str]:
    return [PROJECTS, project_namespace(part.project_id)]


def connect() -> None:
    from projects.models import Milestone, Project, Update

    page_cache.watch(Project, _of_project)
    for model in (Milestone, Update):
        page_cache.watch(model, _of_project_part)
