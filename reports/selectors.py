"""Reads of the report channel. A report is read by handlers only through `access_report`,
which checks the reader and writes the audit entry, so that no view can forget either."""

import datetime
from collections import defaultdict
from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied
from django.db.models import Case, Count, F, IntegerField, QuerySet, Value, When
from django.db.models.functions import TruncMonth
from django.utils import timezone

from reports import rules
from reports.business_days import add_business_days
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
    def category_counts(self) -> list[int]:
        return [self.by_category.get(value, 0) for value in Category.values]

    @property
    def average_days(self) -> float | None:
        return round(self.days_total / self.responded, 1) if self.responded else None


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
    def by_category(self) -> list[tuple[str, int]]:
        totals: dict[str, int] = defaultdict(int)
        for month in self.months:
            for category, n in month.by_category.items():
                totals[category] += n
        return [(label, totals.get(value, 0)) for value, label in Category.choices]


def semiannual_statistics() -> list[HalfYear]:
    halves: dict[tuple[int, int], list[MonthStats]] = defaultdict(list)
    for month in monthly_statistics():
        halves[(month.month.year, 1 if month.month.month <= 6 else 2)].append(month)
    return [HalfYear(year=y, half=h, months=halves[(y, h)]) for (y, h) in sorted(halves, reverse=True)]
