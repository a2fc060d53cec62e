"""Ideas, supports, comments, flags and moderation, evaluations, status history."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class IdeasConfig(AppConfig):
    name = "ideas"
    label = "ideas"
    verbose_name = _("Ideas")

    def ready(self) -> None:
        from ideas import (
            activity,  # noqa: F401  (the sections of Mis aportes)
            cache,
            challenge_pages,  # noqa: F401  (renders the challenge page and its idea routes)
            home,  # noqa: F401  (the figures on the home page)
            open_data,  # noqa: F401  (registers the datasets)
            personal_data,  # noqa: F401  (registers the sections)
        )

        cache.connect()
