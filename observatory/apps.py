"""The observatory: indicators, observations and the annual anti-corruption plan."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ObservatoryConfig(AppConfig):
    name = "observatory"
    label = "observatory"
    verbose_name = _("Observatorio")
