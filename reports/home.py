"""The home page's way in to the report channel, with its one public figure."""

from django.db.models import Count, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core import home
from reports.models import Report


def answered_on_time_pct() -> int | None:
    totals = Report.objects.filter(responded_on__isnull=False).aggregate(
        answered=Count("pk"), on_time=Count("pk", filter=Q(responded_in_term=True))
    )
    return round(100 * totals["on_time"] / totals["answered"]) if totals["answered"] else None


@home.section("reports", template="reports/home_section.html", order=30, shows=("reports-stats",))
def report_channel(request) -> dict:
    return {
        "create_url": reverse("reports:create"),
        "lookup_url": reverse("reports:lookup"),
        "statistics_url": reverse("reports:statistics"),
        "on_time_pct": answered_on_time_pct(),
    }


@home.figure("reports", order=50, shows=("reports-stats",))
def reports_on_time() -> home.Figure | None:
    pct = answered_on_time_pct()
    if pct is None:
        return None
    return home.Figure(f"{pct} %", _("denuncias respondidas a tiempo"), reverse("reports:statistics"))
