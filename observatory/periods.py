"""Observation periods as open data writes them: "YYYY", "YYYY-Qn" or "YYYY-MM" (ISO 8601 style)."""

import datetime
import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

_YEAR = re.compile(r"^(\d{4})$")
_QUARTER = re.compile(r"^(\d{4})-Q([1-4])$")
_MONTH = re.compile(r"^(\d{4})-(0[1-9]|1[0-2])$")

PERIOD_HELP = _("Año (2025), trimestre (2025-Q3) o mes (2025-07).")


def period_start(period: str) -> datetime.date:
    """The first day of the period; ValueError if it is not one of the three forms."""
    period = (period or "").strip().upper()
    if match := _YEAR.match(period):
        return datetime.date(int(match[1]), 1, 1)
    if match := _QUARTER.match(period):
        return datetime.date(int(match[1]), 3 * int(match[2]) - 2, 1)
    if match := _MONTH.match(period):
        return datetime.date(int(match[1]), int(match[2]), 1)
    raise ValueError(period)


def normalize_period(period: str) -> str:
    """The canonical spelling ("2025-q3" → "2025-Q3"); ValueError if invalid."""
    period = (period or "").strip().upper()
    start = period_start(period)
    if not 1900 <= start.year <= 2100:
        raise ValueError(period)
    return period


def validate_period(value: str) -> None:
    try:
        normalize_period(value)
    except ValueError as error:
        raise ValidationError(
            _("«%(value)s» no es un periodo válido: use %(help)s"),
            params={"value": value, "help": PERIOD_HELP},
        ) from error


def period_sort_key(period: str) -> tuple[datetime.date, int]:
    """Chronological, a year before its quarters and months (they start the same day)."""
    length = {4: 0, 7: 1}.get(len(period), 2)
    try:
        return (period_start(period), length)
    except ValueError:
        return (datetime.date.max, length)


MONTHS = [
    _("enero"), _("febrero"), _("marzo"), _("abril"), _("mayo"), _("junio"),
    _("julio"), _("agosto"), _("septiembre"), _("octubre"), _("noviembre"), _("diciembre"),
]  # fmt: skip


def period_label(period: str) -> str:
    """Short, for people: "2025", "T3 2025", "jul. 2025"."""
    try:
        start = period_start(period)
    except ValueError:
        return period
    if _QUARTER.match(period):
        return _("T%(quarter)s %(year)s") % {"quarter": period[-1], "year": start.year}
    if _MONTH.match(period):
        return f"{str(MONTHS[start.month - 1])[:3]}. {start.year}"
    return str(start.year)
