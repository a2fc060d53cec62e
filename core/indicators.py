"""The registry of participation indicators that the platform computes from its own data.

Each app registers what it can count (ideas, supports, debate attendance, reports…) in its
AppConfig.ready(); the observatory's background task calls every `compute` and keeps the
indicator's observations current. `compute` returns (period, value) pairs, one per month,
with the period as "YYYY-MM" (the open-data period format) and the city as territory.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from decimal import Decimal

from django.utils.functional import Promise

Row = tuple[str, int | Decimal]


@dataclass(frozen=True)
class ComputedIndicator:
    slug: str
    name: str | Promise
    unit: str | Promise
    description: str | Promise
    methodology: str | Promise
    compute: Callable[[], Iterable[Row]]
    higher_is_better: bool = True
    theme: str = "participacion"


_indicators: dict[str, ComputedIndicator] = {}


def register(indicator: ComputedIndicator) -> ComputedIndicator:
    _indicators[indicator.slug] = indicator
    return indicator


def computed_indicators() -> list[ComputedIndicator]:
    return sorted(_indicators.values(), key=lambda indicator: indicator.slug)
