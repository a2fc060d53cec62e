"""The report channel's open data: monthly statistics, never any report's content."""

from django.urls import reverse
from django.utils import timezone

from core import open_data


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
        landing_page=reverse("reports:statistics"),
        accrual_periodicity="R/P1M",
    )
