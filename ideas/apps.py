"""Ideas, supports, comments, flags and moderation, evaluations, status history."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class IdeasConfig(AppConfig):
    name = "ideas"
    label = "ideas"
    verbose_name = _("Ideas")

    def ready(self) -> None:
        from ideas import personal_data  # noqa: F401  (registers the sections)
