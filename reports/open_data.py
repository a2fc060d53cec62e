"""The report channel's open data: monthly statistics, never any report's content."""

from django.urls import reverse
from django.utils import timezone

from core import open_data
from observatory.models import Theme


@open_data.register("reports", shows=["reports-stats"])
def datasets():
    yield open_data.Dataset(
        identifier="denuncias/estadisticas",
        title="Estadísticas del canal de denuncias",
        description=(
            "Denuncias de corrupción recibidas por mes y tema, las respondidas o trasladadas, "
            "la proporción dentro del término legal y el promedio de días hábiles para responder. "
            "Sin contenido de las denuncias."
        ),
        modified=timezone.localdate(),
        distributions=(
            open_data.Distribution(reverse("reports:statistics_csv"), open_data.CSV, "CSV"),
            open_data.Distribution(reverse("reports:statistics_json"), open_data.JSON, "JSON"),
        ),
        keywords=("denuncias", "corrupción", "transparencia", "Ley 1474 de 2011"),
        theme=(str(Theme.INTEGRITY.label),),
        landing_page=reverse("reports:statistics"),
        accrual_periodicity="R/P1M",
    )


@open_data.register("reports-figures")
def yearly_figures():
    yield open_data.Dataset(
        identifier="denuncias/cifras-anuales",
        title="Cifras anuales del canal de denuncias",
        description=(
            "Por año de recepción: denuncias por estado, tema, canal y decisión de las autoridades, "
            "proporción respondida dentro del término, medianas de días hábiles hasta la primera "
            "respuesta y hasta la decisión, y satisfacción de quienes denunciaron. Las cifras de 1 a 4 "
            "se ocultan (celda vacía en CSV, null en JSON) para que nadie pueda ser identificado."
        ),
        modified=timezone.localdate(),
        distributions=(
            open_data.Distribution(reverse("reports:figures_csv"), open_data.CSV, "CSV"),
            open_data.Distribution("/api/v1/reports/stats/", open_data.JSON, "JSON"),
        ),
        keywords=("denuncias", "corrupción", "transparencia", "rendición de cuentas"),
        theme=(str(Theme.INTEGRITY.label),),
        landing_page=reverse("reports:statistics"),
        accrual_periodicity="R/P1D",
    )
