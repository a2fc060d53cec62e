from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    """The site search (/buscar/, /api/v1/search/) and the site map: above every feature."""

    name = "search"
    label = "site_search"
    verbose_name = _("Búsqueda del sitio")

    def ready(self):
        from search import providers  # noqa: F401  (registers the providers of the apps below)
