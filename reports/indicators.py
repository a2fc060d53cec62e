"""Participation indicators computed from the report channel (counts only, never content)."""

from decimal import Decimal

from django.utils.translation import gettext_lazy as _

from core.indicators import ComputedIndicator


def _received():
    from reports.selectors import monthly_statistics

    return [(m.month.strftime("%Y-%m"), m.received) for m in reversed(monthly_statistics())]


def _in_term():
    from reports.selectors import monthly_statistics

    return [
        (m.month.strftime("%Y-%m"), Decimal(str(m.in_term_share)))
        for m in reversed(monthly_statistics())
        if m.in_term_share is not None
    ]


INDICATORS = [
    ComputedIndicator(
        slug="denuncias-recibidas",
        name=_("Denuncias recibidas"),
        unit=_("denuncias"),
        description=_("Denuncias de corrupción recibidas cada mes por el canal de denuncias."),
        methodology=_("Conteo de las denuncias por mes de recepción, de cualquier tema y estado."),
        compute=_received,
        higher_is_better=True,
    ),
    ComputedIndicator(
        slug="denuncias-respondidas-en-termino",
        name=_("Denuncias respondidas dentro del término"),
        unit=_("%"),
        description=_("Porcentaje de las denuncias respondidas o trasladadas dentro del término legal."),
        methodology=_(
            "De las denuncias recibidas en el mes que ya se respondieron o trasladaron, la proporción que lo "
            "fue dentro del término (15 días hábiles, 10 para solicitudes de información, más la prórroga)."
        ),
        compute=_in_term,
        higher_is_better=True,
    ),
]
