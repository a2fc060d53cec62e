"""Reads of the observatory: indicators with their latest value and trend, one indicator's series,
and the plan's progress per activity, component and follow-up cut."""

import datetime
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import OuterRef, Prefetch, QuerySet, Subquery
from django.utils import timezone

from core.territories import CITY, TERRITORY_NAMES
from observatory.models import (
    Activity,
    Component,
    Control,
    FollowUp,
    Indicator,
    Observation,
    Plan,
    Progress,
    Risk,
    RiskAction,
    RiskFollowUp,
    risk_level,
)
from observatory.periods import period_sort_key


def public_indicators() -> QuerySet[Indicator]:
    return Indicator.objects.filter(published=True)


def indicators_with_latest() -> QuerySet[Indicator]:
    """Published indicators with the city's latest and previous observations, in one query."""
    city = Observation.objects.filter(indicator=OuterRef("pk"), territory=CITY).order_by(
        "-period_start", "-period"
    )
    return public_indicators().annotate(
        latest_period=Subquery(city.values("period")[:1]),
        latest_value=Subquery(city.values("value")[:1]),
        previous_period=Subquery(city.values("period")[1:2]),
        previous_value=Subquery(city.values("value")[1:2]),
    )


@dataclass(frozen=True)
class Trend:
    direction: str  # "up", "down", "flat" or "" (no previous value)
    better: bool | None  # None: unchanged or unknown


def trend(indicator: Indicator) -> Trend:
    latest, previous = getattr(indicator, "latest_value", None), getattr(indicator, "previous_value", None)
    if latest is None or previous is None:
        return Trend("", None)
    if latest == previous:
        return Trend("flat", None)
    up = latest > previous
    return Trend("up" if up else "down", up == indicator.higher_is_better)


def indicator_observations(indicator: Indicator) -> list[Observation]:
    return list(indicator.observations.order_by("period_start", "period", "territory"))


def indicators_for_api() -> QuerySet[Indicator]:
    return public_indicators().prefetch_related(
        Prefetch(
            "observations", queryset=Observation.objects.order_by("period_start", "period", "territory")
        ),
        "targets",
    )


@dataclass
class Series:
    territory: str
    name: str
    points: dict[str, Decimal]  # period → value


def series_by_territory(observations: list[Observation], territories: list[str]) -> list[Series]:
    by_territory: dict[str, dict[str, Decimal]] = defaultdict(dict)
    for observation in observations:
        by_territory[observation.territory][observation.period] = observation.value
    return [
        Series(territory=code, name=TERRITORY_NAMES[code], points=by_territory[code])
        for code in territories
        if by_territory.get(code)
    ]


def territories_observed(observations: list[Observation]) -> list[str]:
    codes = {observation.territory for observation in observations}
    return [code for code in TERRITORY_NAMES if code in codes]


def sorted_periods(periods) -> list[str]:
    return sorted(set(periods), key=period_sort_key)


@dataclass(frozen=True)
class Headline:
    """An indicator's figures at a glance, for the city: the latest value, the change from the
    period before, the target for the latest period or the next one with a target, and how many
    periods were measured since when."""

    latest_period: str
    latest_value: Decimal
    previous_period: str | None
    change: Decimal | None
    trend: Trend
    target_period: str | None
    target_value: Decimal | None
    first_period: str
    period_count: int


def indicator_headline(
    indicator: Indicator, observations: list[Observation], targets: dict[str, Decimal]
) -> Headline | None:
    """From the observations and targets the page has already read: no query of its own."""
    city = {o.period: o.value for o in observations if o.territory == CITY}
    if not city:
        return None
    periods = sorted_periods(city)
    latest, previous = periods[-1], (periods[-2] if len(periods) > 1 else None)
    change = city[latest] - city[previous] if previous else None
    if change is None:
        direction = Trend("", None)
    elif change == 0:
        direction = Trend("flat", None)
    else:
        direction = Trend("up" if change > 0 else "down", (change > 0) == indicator.higher_is_better)
    latest_key = period_sort_key(latest)
    ahead = [period for period in sorted_periods(targets) if period_sort_key(period) >= latest_key]
    target_period = ahead[0] if ahead else None
    return Headline(
        latest_period=latest,
        latest_value=city[latest],
        previous_period=previous,
        change=change,
        trend=direction,
        target_period=target_period,
        target_value=targets[target_period] if target_period else None,
        first_period=periods[0],
        period_count=len(periods),
    )


# --- The plan ---

ONE_DECIMAL = Decimal("0.1")


def exact_mean(values: list[Decimal | int]) -> Decimal | None:
    return Decimal(sum(values)) / len(values) if values else None


def rounded(value: Decimal | None) -> Decimal | None:
    return None if value is None else value.quantize(ONE_DECIMAL, rounding=ROUND_HALF_UP)


def mean(values: list[Decimal | int]) -> Decimal | None:
    """The arithmetic mean, rounded to one decimal (half up); None for no values."""
    return rounded(exact_mean(values))


@dataclass
class ActivityStatus:
    activity: Activity
    by_cut: dict[int, int | None]  # follow-up id → progress as of that cut (carried forward)
    latest: int
    latest_progress: Progress | None
    overdue: bool


@dataclass
class ComponentStatus:
    component: Component
    activities: list[ActivityStatus]
    by_cut: dict[int, Decimal | None]
    progress: Decimal | None
    overdue_count: int = 0

    @property
    def done_count(self) -> int:
        """Activities at 100 % in the latest published follow-up."""
        return sum(1 for activity in self.activities if activity.latest >= 100)

    @property
    def started_count(self) -> int:
        """Activities under way: some progress, not finished."""
        return sum(1 for activity in self.activities if 0 < activity.latest < 100)


@dataclass
class PlanStatus:
    plan: Plan
    follow_ups: list[FollowUp]
    components: list[ComponentStatus]
    by_cut: dict[int, Decimal | None] = field(default_factory=dict)
    progress: Decimal | None = None
    activity_count: int = 0
    overdue_count: int = 0

    @property
    def done_count(self) -> int:
        return sum(component.done_count for component in self.components)

    @property
    def started_count(self) -> int:
        return sum(component.started_count for component in self.components)

    @property
    def not_started_count(self) -> int:
        return self.activity_count - self.done_count - self.started_count


def code_key(activity: Activity) -> tuple:
    """Activity codes in natural order: 1.2 before 1.10."""
    parts = activity.code.replace("-", ".").split(".")
    return (*((0, int(part), "") if part.isdigit() else (1, 0, part) for part in parts), activity.pk)


def public_plans() -> QuerySet[Plan]:
    return Plan.objects.filter(published=True)


def public_follow_ups(plan: Plan, today: datetime.date | None = None) -> list[FollowUp]:
    """Follow-ups published by today, in cut order (April, August, December)."""
    today = today or timezone.localdate()
    return list(
        plan.follow_ups.filter(published_on__isnull=False, published_on__lte=today)
        .select_related("report")
        .order_by("cut")
    )


def plan_status(plan: Plan, today: datetime.date | None = None) -> PlanStatus:
    """The plan's progress, defined so anyone can redo it from the CSV:

    - an activity's progress at a cut is the percentage recorded at that cut, or, if that cut has
      none, the last one recorded at an earlier cut (0 before any);
    - a component's progress is the plain mean of its activities' progress (each activity weighs
      the same);
    - the plan's progress is the plain mean of its components' progress (each component weighs the
      same, as the PAAC's six components do), components without activities left out;
    - an activity is overdue when its due date has passed and its latest progress is below 100 %.
    Only published follow-ups count. Each figure is rounded to one decimal (half up) at the end, from
    unrounded means.
    """
    today = today or timezone.localdate()
    follow_ups = public_follow_ups(plan, today)
    cut_ids = [follow_up.pk for follow_up in follow_ups]
    components = list(
        plan.components.order_by("number", "pk").prefetch_related(
            Prefetch(
                "activities",
                queryset=Activity.objects.select_related("responsible_office").order_by("code", "pk"),
            )
        )
    )
    recorded: dict[int, dict[int, Progress]] = defaultdict(dict)
    for progress in Progress.objects.filter(follow_up_id__in=cut_ids).select_related("evidence_document"):
        recorded[progress.activity_id][progress.follow_up_id] = progress

    status = PlanStatus(plan=plan, follow_ups=follow_ups, components=[])
    exact: dict[int, tuple[Decimal, dict[int, Decimal]]] = {}
    for component in components:
        activities = []
        for activity in sorted(component.activities.all(), key=code_key):
            by_cut: dict[int, int | None] = {}
            current, current_progress = 0, None
            for cut_id in cut_ids:
                record = recorded[activity.pk].get(cut_id)
                if record is not None:
                    current, current_progress = record.percent, record
                by_cut[cut_id] = current
            overdue = activity.due_date < today and current < 100
            activities.append(
                ActivityStatus(
                    activity=activity,
                    by_cut=by_cut,
                    latest=current,
                    latest_progress=current_progress,
                    overdue=overdue,
                )
            )
        exact_by_cut = {cut_id: exact_mean([a.by_cut[cut_id] for a in activities]) for cut_id in cut_ids}
        exact_progress = exact_mean([a.latest for a in activities])
        if activities:
            exact[component.pk] = (exact_progress, exact_by_cut)
        status.components.append(
            ComponentStatus(
                component=component,
                activities=activities,
                by_cut={cut_id: rounded(value) for cut_id, value in exact_by_cut.items()},
                progress=rounded(exact_progress),
                overdue_count=sum(1 for a in activities if a.overdue),
            )
        )
    # The plan's means are taken over the components' unrounded means; only the results are rounded.
    status.progress = mean([progress for progress, _by_cut in exact.values()])
    status.by_cut = {cut_id: mean([by_cut[cut_id] for _p, by_cut in exact.values()]) for cut_id in cut_ids}
    status.activity_count = sum(len(c.activities) for c in status.components)
    status.overdue_count = sum(c.overdue_count for c in status.components)
    return status


# --- the corruption risk map ---

IMPACTS = (3, 4, 5)  # corruption risks: moderate, major, catastrophic
PROBABILITIES = (5, 4, 3, 2, 1)  # the map's rows, most likely first


@dataclass
class HeatCell:
    probability: int
    impact: int
    level: str
    risks: list = field(default_factory=list)


def public_risks(*, process: str = "", level: str = "") -> QuerySet[Risk]:
    """Published risks; `level` filters on the residual level (what remains after controls)."""
    queryset = Risk.objects.filter(published=True).select_related("office")
    if process:
        queryset = queryset.filter(process=process)
    if level:
        queryset = queryset.filter(residual_level=level)
    return queryset.order_by("code")


def heat_map(risks: list[Risk], which: str) -> list[tuple[int, list[HeatCell]]]:
    """Rows of the heat map (`which` is "inherent" or "residual"): each cell with its level and risks."""
    rows = []
    for probability in PROBABILITIES:
        cells = [HeatCell(probability, impact, risk_level(probability, impact)) for impact in IMPACTS]
        rows.append((probability, cells))
    by_cell = {(row[0], cell.impact): cell for row in rows for cell in row[1]}
    for risk in risks:
        key = (getattr(risk, f"{which}_probability"), getattr(risk, f"{which}_impact"))
        if key in by_cell:
            by_cell[key].risks.append(risk)
    return rows


def level_totals(risks: list[Risk]) -> dict[str, dict[str, int]]:
    totals = {"inherent": defaultdict(int), "residual": defaultdict(int)}
    for risk in risks:
        totals["inherent"][risk.inherent_level] += 1
        totals["residual"][risk.residual_level] += 1
    return {key: dict(value) for key, value in totals.items()}


def risk_detail(*, code: str) -> Risk:
    return (
        public_risks()
        .prefetch_related(
            Prefetch("controls", queryset=Control.objects.order_by("sort_order", "pk")),
            Prefetch("actions", queryset=RiskAction.objects.order_by("sort_order", "due_on", "pk")),
            Prefetch("followups", queryset=RiskFollowUp.objects.order_by("-cut_on")),
        )
        .get(code=code)
    )


def risks_for_api() -> QuerySet[Risk]:
    return public_risks().prefetch_related(
        Prefetch("controls", queryset=Control.objects.order_by("sort_order", "pk")),
        Prefetch("actions", queryset=RiskAction.objects.order_by("sort_order", "due_on", "pk")),
        Prefetch("followups", queryset=RiskFollowUp.objects.order_by("cut_on")),
    )
