"""What the observatory publishes as open data: each indicator (CSV and JSON) and each plan (CSV)."""

from collections.abc import Iterable

from django.urls import reverse

from core import open_data
from core.open_data import CSV, JSON, Dataset, Distribution
from observatory.models import Periodicity
from observatory.selectors import public_indicators, public_plans

PERIODICITY = {Periodicity.YEARLY: "R/P1Y", Periodicity.QUARTERLY: "R/P3M", Periodicity.MONTHLY: "R/P1M"}


@open_data.register("observatory", shows=["observatory"])
def observatory_datasets() -> Iterable[Dataset]:
    for indicator in public_indicators().order_by("slug"):
        slug = indicator.slug
        yield Dataset(
            identifier=f"observatorio/indicador/{slug}",
            title=indicator.name,
            description=indicator.description or indicator.name,
            modified=indicator.updated_at,
            distributions=(
                Distribution(reverse("observatory:indicator_csv", kwargs={"slug": slug}), CSV, "CSV"),
                Distribution(reverse("observatory:indicator_json", kwargs={"slug": slug}), JSON, "JSON"),
            ),
            keywords=("observatorio", "indicadores", indicator.get_theme_display()),
            theme=(str(indicator.get_theme_display()),),
            landing_page=indicator.get_absolute_url(),
            accrual_periodicity=PERIODICITY.get(indicator.periodicity, ""),
            extra={"publisher_office": indicator.responsible_office, "source": indicator.source},
        )
    for plan in public_plans():
        yield Dataset(
            identifier=f"observatorio/plan-anticorrupcion/{plan.year}",
            title=plan.title,
            description=plan.summary or plan.title,
            modified=plan.updated_at,
            distributions=(
                Distribution(reverse("observatory:plan_csv", kwargs={"year": plan.year}), CSV, "CSV"),
            ),
            keywords=("plan anticorrupción", "PAAC", "transparencia"),
            theme=("Transparencia",),
            landing_page=plan.get_absolute_url(),
            accrual_periodicity="R/P4M",
        )
