"""What the observatory publishes as open data: each indicator (CSV and JSON) and each plan (CSV)."""

from collections.abc import Iterable

from django.db.models import Max
from django.urls import reverse
from django.utils.translation import gettext as _

from core import open_data
from core.open_data import CSV, JSON, Dataset, Distribution
from observatory.cache import RISKS
from observatory.models import Periodicity, Risk, Theme
from observatory.participation import RENAMED_SLUGS
from observatory.selectors import public_indicators, public_plans

FIRST_SLUGS = {new: old for old, new in RENAMED_SLUGS.items()}
PERIODICITY = {Periodicity.YEARLY: "R/P1Y", Periodicity.QUARTERLY: "R/P3M", Periodicity.MONTHLY: "R/P1M"}


@open_data.register("observatory", shows=["observatory"])
def observatory_datasets() -> Iterable[Dataset]:
    for indicator in public_indicators().order_by("slug"):
        slug = indicator.slug
        yield Dataset(
            # Identifiers are stable: a renamed series keeps the one harvesters already know.
            identifier=f"observatorio/indicador/{FIRST_SLUGS.get(slug, slug)}",
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
            theme=(str(Theme.INTEGRITY.label), str(Theme.TRANSPARENCY.label)),
            landing_page=plan.get_absolute_url(),
            accrual_periodicity="R/P4M",
        )


@open_data.register("risks", shows=[RISKS])
def risk_datasets() -> Iterable[Dataset]:
    modified = Risk.objects.filter(published=True).aggregate(at=Max("updated_at"))["at"]
    yield Dataset(
        identifier="observatorio/mapa-riesgos-corrupcion",
        title=_("Mapa de riesgos de corrupción"),
        description=_(
            "Los riesgos de corrupción de cada proceso de la Alcaldía con sus causas, consecuencias, "
            "valoración inherente y residual, controles, acciones y seguimientos de la oficina de control "
            "interno en los cortes legales (componente 1 del Plan Anticorrupción)."
        ),
        modified=modified,
        distributions=(
            Distribution(reverse("observatory:risks_csv"), CSV, _("Mapa de riesgos (CSV)")),
            Distribution(
                reverse("observatory:risks_json"),
                JSON,
                _("Mapa de riesgos con controles y seguimientos (JSON)"),
            ),
        ),
        keywords=("mapa de riesgos", "riesgos de corrupción", "PAAC", "transparencia"),
        theme=(str(Theme.INTEGRITY.label),),
        landing_page=reverse("observatory:risks"),
        accrual_periodicity="R/P4M",
    )
