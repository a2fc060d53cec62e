"""The participation indicators the observatory computes from the platform's own accounts, ideas and
supports (registered in ObservatoryConfig.ready()); each is a monthly count for the whole city."""

import datetime
from collections.abc import Iterable

from allauth.account.models import EmailAddress
from django.db.models import Count, Exists, Min, OuterRef, QuerySet
from django.db.models.functions import TruncMonth
from django.utils import timezone
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from accounts.models import Consent, ParticipantType, User
from core.indicators import ComputedIndicator, Row, register
from ideas.models import Idea, IdeaStatus, Support


def monthly_counts(queryset: QuerySet, date_field: str, first: datetime.datetime | None = None) -> list[Row]:
    """Rows counted per calendar month (America/Bogota) from `first` (or the first month with any row)
    to the current month, months without rows as 0."""
    counts = {
        _month(row["month"]): row["n"]
        for row in queryset.annotate(month=TruncMonth(date_field))
        .values("month")
        .annotate(n=Count("pk"))
        .order_by()
    }
    return fill_months(counts, first=_month(first) if first else None)


def _month(value: datetime.datetime | datetime.date) -> datetime.date:
    if isinstance(value, datetime.datetime):
        value = (timezone.localtime(value) if timezone.is_aware(value) else value).date()
    return value.replace(day=1)


def fill_months(counts: dict[datetime.date, int], first: datetime.date | None = None) -> list[Row]:
    if not counts and first is None:
        return []
    month = first or min(counts)
    today = timezone.localdate()
    last = max([today.replace(day=1), *counts])
    rows = []
    while month <= last:
        rows.append((f"{month.year:04d}-{month.month:02d}", counts.get(month, 0)))
        month = (month + datetime.timedelta(days=32)).replace(day=1)
    return rows


def _live_ideas() -> QuerySet[Idea]:
    return Idea.objects.filter(challenge__live=True)


def _first_idea_at() -> datetime.datetime | None:
    # Ideas and supports start at the first idea, hidden or not, so that both series line up and a
    # month that lost its only value reads 0 instead of disappearing.
    return _live_ideas().aggregate(first=Min("created_at"))["first"]


def ideas_per_month() -> Iterable[Row]:
    return monthly_counts(_live_ideas().exclude(status=IdeaStatus.HIDDEN), "created_at", _first_idea_at())


def supports_per_month() -> Iterable[Row]:
    supports = Support.objects.exclude(idea__status=IdeaStatus.HIDDEN).filter(idea__challenge__live=True)
    return monthly_counts(supports, "created_at", _first_idea_at())


def verified_accounts() -> QuerySet[User]:
    """Accounts that exist and took both steps: a verified e-mail and an accepted data policy."""
    return User.objects.filter(
        is_active=True,
        deleted_at__isnull=True,
        is_staff=False,
    ).filter(
        Exists(EmailAddress.objects.filter(user=OuterRef("pk"), verified=True)),
        Exists(Consent.objects.filter(user=OuterRef("pk"))),
    )


def _new_participants(participant_type: str):
    def compute() -> Iterable[Row]:
        accounts = verified_accounts()
        # Every type starts at the first account of any type, so that the series line up.
        first = accounts.aggregate(first=Min("date_joined"))["first"]
        if first is None:
            return []
        return monthly_counts(accounts.filter(participant_type=participant_type), "date_joined", first)

    return compute


PLURALS = {
    ParticipantType.CITIZEN: _("ciudadanos y ciudadanas"),
    ParticipantType.UNIVERSITY: _("universidades"),
    ParticipantType.GUILD: _("gremios"),
    ParticipantType.CIVIL_SOCIETY: _("sociedad civil"),
    ParticipantType.PUBLIC_ENTITY: _("entidades públicas"),
    ParticipantType.COMPANY: _("empresas"),
}

MONTHLY = _(
    "Se cuenta por mes calendario (hora de Colombia) y se recalcula cada día con los datos de la plataforma."
)


def register_participation_indicators() -> None:
    register(
        ComputedIndicator(
            slug="ideas-propuestas",
            name=_("Ideas propuestas por mes"),
            unit=_("ideas"),
            description=_(
                "Ideas que la ciudadanía, las universidades y los gremios propusieron a los retos del "
                "laboratorio."
            ),
            methodology=format_lazy(
                "{} {}",
                _(
                    "Ideas publicadas en retos publicados, por el mes en que se propusieron. No cuenta las "
                    "ideas ocultadas por moderación."
                ),
                MONTHLY,
            ),
            compute=ideas_per_month,
        )
    )
    register(
        ComputedIndicator(
            slug="apoyos",
            name=_("Apoyos a ideas por mes"),
            unit=_("apoyos"),
            description=_("Apoyos (votos) que las ideas de los retos recibieron."),
            methodology=format_lazy(
                "{} {}",
                _(
                    "Apoyos vigentes, por el mes en que se dieron: un apoyo retirado deja de contar. No "
                    "cuenta los apoyos a ideas ocultadas por moderación."
                ),
                MONTHLY,
            ),
            compute=supports_per_month,
        )
    )
    for participant_type, label in ParticipantType.choices:
        register(
            ComputedIndicator(
                slug=f"participantes-nuevos-{participant_type.replace('_', '-')}",
                name=format_lazy(_("Participantes nuevos por mes: {}"), PLURALS[participant_type]),
                unit=_("cuentas"),
                description=format_lazy(
                    _("Cuentas verificadas nuevas del tipo de participante «{}»."), label
                ),
                methodology=format_lazy(
                    "{} {}",
                    _(
                        "Cuentas activas con el correo verificado y la autorización de tratamiento de datos "
                        "aceptada, por el mes en que se crearon y según el tipo de participante que "
                        "declararon. No cuenta las cuentas del equipo del laboratorio ni las eliminadas."
                    ),
                    MONTHLY,
                ),
                compute=_new_participants(participant_type),
            )
        )
