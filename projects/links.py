"""The idea page and the challenge's results link to the projects that implement them
(registered in core.page_views: ideas and challenges know nothing of projects)."""

from core import page_cache, page_views
from projects import selectors
from projects.cache import PROJECTS


@page_views.register_context("ideas.Idea")
def idea_implementation(idea, request) -> dict:
    page_cache.shows(request, PROJECTS)
    project = selectors.project_for_idea(idea.pk)
    if project is None:
        return {}
    return {
        "implementation": {
            "title": project.title,
            "url": project.get_absolute_url(),
            "status": project.get_status_display(),
            "progress": selectors.progress_percent(project.done_weight, project.total_weight),
        }
    }


@page_views.register_context("challenges.ChallengePage")
def challenge_implementations(challenge, request) -> dict:
    page_cache.shows(request, PROJECTS)
    return {
        "implementations": [
            {
                "title": project.title,
                "url": project.get_absolute_url(),
                "idea_title": project.idea.title,
                "status": project.get_status_display(),
                "progress": selectors.progress_percent(project.done_weight, project.total_weight),
            }
            for project in selectors.projects_for_challenge(challenge.pk)
        ]
    }
