"""Live debate sessions. The label is `debates`: `sessions` belongs to django.contrib.sessions."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DebatesConfig(AppConfig):
    name = "sessions"
    label = "debates"
    verbose_name = _("Sesiones de debate")

    def ready(self) -> None:
        from core import sections
        from sessions import (  # noqa: F401  (they register themselves)
            activity,
            cache,
            challenge_context,
            home,
            indicators,
            personal_data,
        )

        sections.register("debates:session_list", _("Sesiones de debate"), 30)
        cache.connect()
