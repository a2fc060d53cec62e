"""The observatory: indicators, observations and the annual anti-corruption plan."""

from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class ObservatoryConfig(AppConfig):
    name = "observatory"
    label = "observatory"
    verbose_name = _("Observatorio")

    def ready(self) -> None:
        from core import sections
        from observatory import (  # noqa: F401  (they register themselves)
            cache,
            home,
            open_data,
            search,
        )
        from observatory.participation import register_participation_indicators
        from observatory.roles import grant_editors, grant_supervisors

        sections.register("observatory:home", _("Observatorio"), 40)
        register_participation_indicators()
        cache.connect()
        post_migrate.connect(grant_editors, sender=self)
        post_migrate.connect(grant_supervisors, sender=self)
