"""The participation indicator the debate rooms feed: distinct people attending per month."""

from django.db.models import Count
from django.db.models.functions import TruncMonth
from django.utils.translation import gettext_lazy as _

from core.indicators import ComputedIndicator, register


def attendance_by_month():
    from sessions.models import Attendance

    rows = (
        Attendance.objects.annotate(month=TruncMonth("connected_at"))
        .values("month")
        .annotate(people=Count("user", distinct=True))
        .order_by("month")
    )
    for row in rows:
        yield row["month"].strftime("%Y-%m"), row["people"]


register(
    ComputedIndicator(
        slug="asistencia-sesiones-debate",
        name=_("Asistencia a sesiones de debate"),
        unit=_("personas"),
        description=_(
            "Personas distintas con cuenta que se conectaron a alguna sesión de debate en vivo en el mes."
        ),
        methodology=_(
            "Cuenta las cuentas distintas que abrieron la sala en vivo de al menos una sesión de debate "
            "en el mes (hora de Bogotá). No incluye a quienes miraron sin cuenta."
        ),
        compute=attendance_by_month,
    )
)
