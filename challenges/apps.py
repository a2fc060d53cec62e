"""Challenges (retos): the page type, phases, co-leads and evaluation criteria."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ChallengesConfig(AppConfig):
    name = "challenges"
    label = "challenges"
    verbose_name = _("Retos")

    def ready(self) -> None:
        from challenges import (
            activity,  # noqa: F401  (the followed challenges in Mis aportes)
            bootstrap,  # noqa: F401  (registers the going-live step)
            home,  # noqa: F401  (the open challenges on the home page)
            pages,  # noqa: F401  (renders the challenge list)
            personal_data,  # noqa: F401  (registers the sections)
        )
