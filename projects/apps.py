"""Projects: the implementation of selected ideas and of standalone commitments."""

from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class ProjectsConfig(AppConfig):
    name = "projects"
    label = "projects"
    verbose_name = _("Proyectos")

    def ready(self) -> None:
        from core import sections
        from projects import cache, links, open_data, search  # noqa: F401  (register with core and ideas)
        from projects.roles import grant_editors

        sections.register("projects:index", _("Proyectos"), 45)
        cache.connect()
        post_migrate.connect(grant_editors, sender=self)
