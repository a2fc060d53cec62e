"""The participation indicators the observatory computes from the platform's own accounts, ideas and
supports (registered in ObservatoryConfig.ready()); each is a monthly count for the whole city."""

import datetime
from collections.abc import Iterable
from dataclasses import dataclass

from allauth.account.models import EmailAddress
from django.db.models import Count, Exists, Max, Min, OuterRef, Q, QuerySet, Sum
from django.db.models.functions import TruncMonth
from django.utils import timezone
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from accounts.models import Consent, ParticipantType, User
from core.indicators import ComputedIndicator, Row, register
from core.territories import CITY
from ideas.models import Idea, IdeaStatus, Support
from observatory.models import Indicator, Observation


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
                slug=participants_slug(participant_type),
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


# The words of each participant type in the series' addresses, in Spanish like the rest of them.
TYPE_SLUGS = {
    ParticipantType.CITIZEN: "ciudadanos",
    ParticipantType.UNIVERSITY: "universidades",
    ParticipantType.GUILD: "gremios",
    ParticipantType.CIVIL_SOCIETY: "sociedad-civil",
    ParticipantType.PUBLIC_ENTITY: "entidades-publicas",
    ParticipantType.COMPANY: "empresas",
}

# The series' first addresses (the English codes) and where they are now: their pages, files and
# API answers redirect permanently, so that links and scripts built on them keep working.
RENAMED_SLUGS = {
    "participantes-nuevos-citizen": "participantes-nuevos-ciudadanos",
    "participantes-nuevos-university": "participantes-nuevos-universidades",
    "participantes-nuevos-guild": "participantes-nuevos-gremios",
    "participantes-nuevos-civil-society": "participantes-nuevos-sociedad-civil",
    "participantes-nuevos-public-entity": "participantes-nuevos-entidades-publicas",
    "participantes-nuevos-company": "participantes-nuevos-empresas",
}


def participants_slug(participant_type: str) -> str:
    return f"participantes-nuevos-{TYPE_SLUGS[participant_type]}"


def renamed_slug(slug: str) -> str | None:
    """Where an indicator's former address leads, unless an indicator has that slug again."""
    new = RENAMED_SLUGS.get(slug)
    if new is None or Indicator.objects.filter(slug=slug).exists():
        return None
    return new


@dataclass(frozen=True)
class TypeFigures:
    participant_type: str
    label: str
    slug: str  # the indicator with the monthly series
    total: int  # verified accounts of this type today
    last_twelve_months: int  # of them, created in the last twelve months (this one included)


@dataclass(frozen=True)
class ParticipantsByType:
    types: list[TypeFigures]
    updated_at: datetime.datetime | None  # when the series were last computed

    @property
    def total(self) -> int:
        return sum(figures.total for figures in self.types)


def twelve_months_start(today: datetime.date | None = None) -> datetime.date:
    month = (today or timezone.localdate()).replace(day=1)
    year, index = divmod(month.year * 12 + month.month - 1 - 11, 12)
    return datetime.date(year, index + 1, 1)


def next_month_start() -> datetime.datetime:
    """When "the last twelve months" move on: the next first of the month, at midnight, local."""
    today = timezone.localdate()
    year, index = divmod(today.year * 12 + today.month, 12)
    return timezone.make_aware(datetime.datetime(year, index + 1, 1))  # noqa: DTZ001 - made aware here


def participants_by_type() -> ParticipantsByType | None:
    """Verified accounts by participant type, read in one query from the published monthly series of
    the "participantes nuevos" indicators (recomputed every day): their sum is every account that
    counts today, by the month it was created. None while no series has a value."""
    slugs = {participants_slug(value): value for value in ParticipantType.values}
    rows = {
        row["indicator__slug"]: row
        for row in Observation.objects.filter(
            indicator__slug__in=slugs,
            indicator__computed=True,
            indicator__published=True,
            territory=CITY,
        )
        .values("indicator__slug")
        .annotate(
            total=Sum("value"),
            recent=Sum("value", filter=Q(period_start__gte=twelve_months_start())),
            updated_at=Max("indicator__updated_at"),
        )
        .order_by()
    }
    if not rows:
        return None
    types = [
        TypeFigures(
            participant_type=value,
            label=str(label),
            slug=participants_slug(value),
            total=int(rows[participants_slug(value)]["total"] or 0),
            last_twelve_months=int(rows[participants_slug(value)]["recent"] or 0),
        )
        for value, label in ParticipantType.choices
        if participants_slug(value) in rows
    ]
    return ParticipantsByType(types=types, updated_at=max(row["updated_at"] for row in rows.values()))
