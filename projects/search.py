"""Projects in the site search."""

from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

from core import search
from core.search import SearchHit, text_filter
from projects.cache import PROJECTS
from projects.models import Project


@search.register("project", _("Proyectos"), 45, shows=[PROJECTS])
def search_projects(query: str, limit: int) -> list[SearchHit]:
    projects = text_filter(Project.objects.filter(published=True), ["title", "summary"], query)
    return [
        SearchHit(
            type="project",
            title=project.title,
            url=project.get_absolute_url(),
            excerpt=Truncator(project.summary).chars(200),
        )
        for project in projects.only("pk", "title", "summary").order_by("-starts_on", "pk")[:limit]
    ]
