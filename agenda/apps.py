"""The agenda: debate sessions, workshops, trainings and meetings, with registration."""

from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class AgendaConfig(AppConfig):
    name = "agenda"
    verbose_name = _("Agenda")

    def ready(self) -> None:
        from agenda import cache, home, personal_data, search, signals  # noqa: F401  (they register themselves)
        from agenda.roles import bootstrap_agenda, grant_agenda
        from core import bootstrap, sections

        sections.register("agenda:list", _("Agenda"), 35)
        cache.connect()
        post_migrate.connect(grant_agenda, sender=self)
        bootstrap.register("agenda", order=60)(bootstrap_agenda)
