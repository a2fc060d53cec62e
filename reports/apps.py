"""The corruption-report channel (canal de denuncias)."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportsConfig(AppConfig):
    name = "reports"
    label = "reports"
    verbose_name = _("Denuncias")

    def ready(self) -> None:
        from core import indicators, sections
        from reports import (  # noqa: F401  (they register themselves)
            cache,
            home,
            open_data,
        )
        from reports import indicators as report_indicators

        sections.register("reports:create", _("Denuncias"), 60)
        cache.connect()
        for indicator in report_indicators.INDICATORS:
            indicators.register(indicator)
