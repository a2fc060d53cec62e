"""Reads of the report channel. A report is read by handlers only through `access_report`,
which checks the reader and writes the audit entry, so that no view can forget either."""

import datetime
import statistics
from collections import defaultdict
from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied
from django.db.models import Case, Count, F, IntegerField, QuerySet, Value, When
from django.db.models.functions import ExtractYear, TruncMonth
from django.utils import timezone

from reports import rules
from reports.business_days import add_business_days, business_days_between
from reports.models import OPEN_STATUSES, AuditAction, AuditEntry, Category, Report, Status


def today() -> datetime.date:
    return timezone.localdate()


def access_report(user, report_id: int, action: str = AuditAction.VIEW) -> Report:
    """The report, for a handler, with an audit entry; PermissionDenied for anyone else and
    Report.DoesNotExist for a number that is not one."""
    if not rules.can_handle(user):
        raise PermissionDenied
    report = Report.objects.select_related("assigned_to").get(pk=report_id)
    AuditEntry.objects.create(user=user, report=report, action=action)
    return report


def dashboard_reports(user, *, status: str = "") -> QuerySet[Report]:
    """The handlers' list: open reports first, overdue then due soonest; no content is read."""
    if not rules.can_handle(user):
        raise PermissionDenied
    reports = Report.objects.select_related("assigned_to").defer(
        "description",
        "entity",
        "place",
        "people_involved",
        "how_known_detail",
        "contact_name",
        "contact_email",
        "contact_phone",
        "extension_reason",
    )
    if status:
        reports = reports.filter(status=status)
    return reports.annotate(
        open_first=Case(
            When(status__in=OPEN_STATUSES, then=Value(0)), default=Value(1), output_field=IntegerField()
        )
    ).order_by("open_first", F("due_on").asc(nulls_last=True), "pk")


def status_counts() -> dict[str, int]:
    counts = dict(Report.objects.values_list("status").annotate(n=Count("pk")).order_by())
    return {value: counts.get(value, 0) for value in Status.values}


def due_soon_limit(day: datetime.date | None = None) -> datetime.date:
    return add_business_days(day or today(), 3)


def audit_log(user) -> QuerySet[AuditEntry]:
    if not rules.can_supervise(user):
        raise PermissionDenied
    return AuditEntry.objects.select_related("user").order_by("-created_at", "-pk")


# Public statistics: counts only, never content.


@dataclass
class MonthStats:
    month: datetime.date
    received: int = 0
    by_category: dict[str, int] = field(default_factory=dict)
    responded: int = 0
    in_term: int = 0
    days_total: int = 0

    @property
    def in_term_share(self) -> float | None:
        return round(100 * self.in_term / self.responded, 1) if self.responded else None

    @property
    def category_counts(self) -> list[int | None]:
        """Per category; None for a count from 1 to 4 (see `suppress`)."""
        shown = suppress({value: self.by_category.get(value, 0) for value in Category.values})
        return [shown[value] for value in Category.values]

    @property
    def average_days(self) -> float | None:
        return round(self.days_total / self.responded, 1) if self.responded else None

    @property
    def late(self) -> int:
        """Answered or forwarded after the term."""
        return self.responded - self.in_term

    @property
    def unanswered(self) -> int:
        """Neither answered nor forwarded (yet, or closed or withdrawn without it)."""
        return self.received - self.responded


def monthly_statistics() -> list[MonthStats]:
    """Per month of receipt: reports by category, share answered within the term, and the
    average business days to answer (of those answered or forwarded)."""
    months: dict[datetime.date, MonthStats] = {}
    received = (
        Report.objects.annotate(month=TruncMonth("received_on"))
        .values_list("month", "category")
        .annotate(n=Count("pk"))
        .order_by()
    )
    for month, category, n in received:
        stats = months.setdefault(month, MonthStats(month=month))
        stats.received += n
        stats.by_category[category] = stats.by_category.get(category, 0) + n
    responded = (
        Report.objects.filter(responded_on__isnull=False)
        .annotate(month=TruncMonth("received_on"))
        .values_list("month", "responded_in_term", "business_days_to_respond")
        .order_by()
    )
    for month, in_term, days in responded:
        stats = months.setdefault(month, MonthStats(month=month))
        stats.responded += 1
        stats.in_term += 1 if in_term else 0
        stats.days_total += days or 0
    return [months[month] for month in sorted(months, reverse=True)]


@dataclass
class HalfYear:
    year: int
    half: int
    months: list[MonthStats]

    @property
    def key(self) -> str:
        return f"{self.year}-{self.half}"

    @property
    def received(self) -> int:
        return sum(m.received for m in self.months)

    @property
    def responded(self) -> int:
        return sum(m.responded for m in self.months)

    @property
    def in_term_share(self) -> float | None:
        responded = self.responded
        return round(100 * sum(m.in_term for m in self.months) / responded, 1) if responded else None

    @property
    def average_days(self) -> float | None:
        responded = self.responded
        return round(sum(m.days_total for m in self.months) / responded, 1) if responded else None

    @property
    def by_category(self) -> list[tuple[str, int | None]]:
        totals: dict[str, int] = defaultdict(int)
        for month in self.months:
            for category, n in month.by_category.items():
                totals[category] += n
        shown = suppress({value: totals.get(value, 0) for value, _label in Category.choices})
        return [(label, shown[value]) for value, label in Category.choices]


def semiannual_statistics() -> list[HalfYear]:
    halves: dict[tuple[int, int], list[MonthStats]] = defaultdict(list)
    for month in monthly_statistics():
        halves[(month.month.year, 1 if month.month.month <= 6 else 2)].append(month)
    return [HalfYear(year=y, half=h, months=halves[(y, h)]) for (y, h) in sorted(halves, reverse=True)]


# Public statistics of the whole channel, by year: aggregates only, small cells suppressed.

SMALL_CELL = 5


def suppress(counts: dict[str, int]) -> dict[str, int | None]:
    """Counts from 1 to 4 become None ("< 5"), so that nobody can be singled out. When a single
    cell of a breakdown would be hidden, the next smallest is hidden too, so that the hidden one
    cannot be worked out from the total."""
    shown: dict[str, int | None] = {key: (None if 0 < n < SMALL_CELL else n) for key, n in counts.items()}
    hidden = [key for key, n in shown.items() if n is None]
    if len(hidden) == 1:
        others = sorted((n, key) for key, n in counts.items() if n and key not in hidden)
        if others:
            shown[others[0][1]] = None
    return shown


def _share(part: int, whole: int) -> float | None:
    return round(100 * part / whole, 1) if whole >= SMALL_CELL else None


def _median(values: list[int]) -> float | None:
    return float(statistics.median(values)) if len(values) >= SMALL_CELL else None


@dataclass
class ChannelFigures:
    """The figures of one year (or of all years): every count is of reports, never one report."""

    year: int | None
    received: int = 0
    status: dict[str, int] = field(default_factory=dict)
    category: dict[str, int] = field(default_factory=dict)
    channel: dict[str, int] = field(default_factory=dict)
    decision: dict[str, int] = field(default_factory=dict)
    responded: int = 0
    in_term: int = 0
    days_to_answer: list[int] = field(default_factory=list)
    days_to_decision: list[int] = field(default_factory=list)
    satisfaction: list[int] = field(default_factory=list)
    would_report_again: list[bool] = field(default_factory=list)

    def add(self, row: tuple) -> None:
        _year, status, category, channel, received_on, in_term, days, decision, decided_on, score, again = row
        self.received += 1
        self.status[status] = self.status.get(status, 0) + 1
        self.category[category] = self.category.get(category, 0) + 1
        self.channel[channel] = self.channel.get(channel, 0) + 1
        if in_term is not None:
            self.responded += 1
            self.in_term += 1 if in_term else 0
            if days is not None:
                self.days_to_answer.append(days)
        if decision:
            self.decision[decision] = self.decision.get(decision, 0) + 1
            self.days_to_decision.append(max(business_days_between(received_on, decided_on), 0))
        if score is not None:
            self.satisfaction.append(score)
            if again is not None:
                self.would_report_again.append(again)

    def breakdown(self, name: str, choices) -> list[tuple[str, str, int | None]]:
        """(value, label, count or None when suppressed) for every choice, in the choices' order."""
        counts = getattr(self, name)
        shown = suppress({value: counts.get(value, 0) for value, _label in choices})
        return [(value, label, shown[value]) for value, label in choices]

    @property
    def received_shown(self) -> int | None:
        return None if 0 < self.received < SMALL_CELL else self.received

    @property
    def answered_on_time_pct(self) -> float | None:
        return _share(self.in_term, self.responded)

    @property
    def median_days_to_answer(self) -> float | None:
        return _median(self.days_to_answer)

    @property
    def median_days_to_decision(self) -> float | None:
        return _median(self.days_to_decision)

    @property
    def satisfied_pct(self) -> float | None:
        return _share(sum(1 for score in self.satisfaction if score >= 4), len(self.satisfaction))

    @property
    def average_satisfaction(self) -> float | None:
        answers = len(self.satisfaction)
        return round(sum(self.satisfaction) / answers, 1) if answers >= SMALL_CELL else None

    @property
    def would_report_again_pct(self) -> float | None:
        return _share(sum(self.would_report_again), len(self.would_report_again))

    @property
    def survey_answers(self) -> int | None:
        answers = len(self.satisfaction)
        return None if 0 < answers < SMALL_CELL else answers

    def as_json(self) -> dict:
        from reports.models import Channel, Decision

        def counts(name, choices):
            return {value: n for value, _label, n in self.breakdown(name, choices)}

        return {
            **({"year": self.year} if self.year is not None else {}),
            "received": self.received_shown,
            "status": counts("status", Status.choices),
            "category": counts("category", Category.choices),
            "channel": counts("channel", Channel.choices),
            "decision": counts("decision", Decision.choices),
            "answered_on_time_pct": self.answered_on_time_pct,
            "median_business_days_to_first_answer": self.median_days_to_answer,
            "median_business_days_to_decision": self.median_days_to_decision,
            "satisfaction": {
                "answers": self.survey_answers,
                "satisfied_pct": self.satisfied_pct,
                "average": self.average_satisfaction,
                "would_report_again_pct": self.would_report_again_pct,
            },
        }


def channel_statistics() -> tuple[ChannelFigures, list[ChannelFigures]]:
    """The figures of all years and of each year of receipt (newest first), in one query that
    reads no text: only statuses, choices, dates and numbers."""
    rows = (
        Report.objects.annotate(year=ExtractYear("received_on"))
        .values_list(
            "year",
            "status",
            "category",
            "channel",
            "received_on",
            "responded_in_term",
            "business_days_to_respond",
            "outcome__decision",
            "outcome__decided_on",
            "outcome__satisfaction",
            "outcome__would_report_again",
        )
        .order_by()
    )
    total = ChannelFigures(year=None)
    years: dict[int, ChannelFigures] = {}
    for row in rows.iterator(chunk_size=2000):
        total.add(row)
        years.setdefault(row[0], ChannelFigures(year=row[0])).add(row)
    return total, [years[year] for year in sorted(years, reverse=True)]
