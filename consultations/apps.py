"""Public consultations of drafts: sections, comments with a stance, answers and the global report."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ConsultationsConfig(AppConfig):
    name = "consultations"
    label = "consultations"
    verbose_name = _("Consultas públicas")

    def ready(self) -> None:
        from consultations import bootstrap, cache, search, views  # noqa: F401  (register steps, providers, routes)

        cache.connect()
