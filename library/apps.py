"""The training and guidelines library and the easy-read versions of key pages."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LibraryConfig(AppConfig):
    name = "library"
    label = "library"
    verbose_name = _("Biblioteca")

    def ready(self) -> None:
        from library import bootstrap, search, views  # noqa: F401  (register steps, providers, the index)
