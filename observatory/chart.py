"""Charts drawn on the server from the page's own data: no chart library and no script. Three kinds
share one scale:

- `build_chart`: lines over periods (an indicator's series and its target), each series with its
  own marker shape and line pattern;
- `build_columns`: stacked columns over periods (reports per month, by how they were answered),
  each part with its own fill (solid, hatched, empty);
- `build_bars`: a horizontal bar per category (a breakdown, a component's progress), drawn as rows
  of text with the value written beside each bar, so that long labels wrap on a phone.

Colour is never the only difference, every chart carries a text alternative, and the page shows
the same numbers in a table. The templates are observatory/charts/{line,columns,bars}.html.
"""

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from django.utils.translation import gettext

from observatory.formatting import format_number
from observatory.periods import period_label

Number = Decimal | int | float

WIDTH, HEIGHT = 720, 340
LEFT, RIGHT, TOP, BOTTOM = 72, 24, 20, 56
SHAPES = ["circle", "square", "triangle", "diamond", "bar", "triangle-down"]
MAX_SERIES = len(SHAPES)
# Stacked parts: solid, hatched, empty (outlined). More would need more fills than the eye can tell.
MAX_PARTS = 3
# How many period labels fit along the bottom at the phone size of the type ("sep. 2025"), and the
# width of a character at that size (22 units).
PHONE_LABELS = 5
PHONE_CHARACTER = 13


# --- the scale ---


def nice_step(span: float, count: int = 5, *, integer: bool = False) -> float:
    raw = span / count if span > 0 else 1
    magnitude = 10 ** math.floor(math.log10(raw))
    factors = (1, 2, 5, 10) if integer else (1, 2, 2.5, 5, 10)
    for factor in factors:
        if raw <= factor * magnitude:
            step = factor * magnitude
            break
    else:
        step = 10 * magnitude
    return max(step, 1) if integer else step


@dataclass(frozen=True)
class Scale:
    low: float
    high: float
    ticks: list[tuple[float, str]]  # value, label in the page's language

    def share(self, value: float) -> float:
        """Where `value` falls between the ends of the scale, from 0 to 1."""
        return (value - self.low) / (self.high - self.low)


def build_scale(values: Sequence[float], *, integer: bool = False, top: float | None = None) -> Scale:
    """From zero (or the lowest value, if negative) to a round number above the highest value, with
    five or so round ticks; `top`: a fixed end (100 for percentages), ticks at its quarters."""
    low = min(0.0, *values) if values else 0.0
    if top is not None:
        high, step = float(top), float(top) / 4
    else:
        high = max(values) if values else 0.0
        if high == low:
            high = low + 1
        step = nice_step(high - low, integer=integer)
        highest = high
        low = math.floor(low / step) * step
        high = math.ceil(high / step) * step
        if high <= highest:
            high += step
    tick_values = []
    tick = low
    while tick <= high + step / 2:
        tick_values.append(tick)
        tick += step
    return Scale(
        low=low,
        high=high,
        ticks=[(value, format_number(Decimal(str(round(value, 6))))) for value in tick_values],
    )


def _plot_left(scale: Scale) -> int:
    # Room for the longest label at the phone size of the type.
    return max(LEFT, 20 + PHONE_CHARACTER * max(len(label) for _value, label in scale.ticks))


@dataclass(frozen=True)
class XTick:
    x: float
    label: str
    minor: bool = False  # hidden on phones
    end: bool = False  # anchored at its end, at the right edge: centred, it would not fit


def _x_ticks(positions: list[tuple[float, str]], span_x: float) -> list[XTick]:
    """At most ten labels along the bottom, the last always shown. On phones the labels are larger:
    beyond five, only every other one shows (the minor ones are hidden by observatory.css), counted
    from the last, so that the latest period always has its label."""
    every = max(1, math.ceil(len(positions) / 10))
    last = len(positions) - 1
    ticks = [tick for index, tick in enumerate(positions) if index % every == 0 or index == last]
    if len(ticks) > 1 and ticks[-1][0] - ticks[-2][0] < (span_x / 10):
        del ticks[-2]
    drawn = []
    for position, (x, label) in enumerate(ticks):
        minor = len(ticks) > PHONE_LABELS and (len(ticks) - 1 - position) % 2 == 1
        if x + PHONE_CHARACTER * len(label) / 2 > WIDTH - 4:
            drawn.append(XTick(x=WIDTH - 4, label=label, minor=minor, end=True))
        else:
            drawn.append(XTick(x=x, label=label, minor=minor))
    return drawn


# --- lines over periods ---


@dataclass
class Marker:
    x: float
    y: float
    period: str
    value: Decimal
    label: str  # "2025: 45,3 %"
    points: str = ""  # polygon points for triangles and diamonds


@dataclass
class Line:
    name: str
    css: str
    shape: str
    path: str
    markers: list[Marker] = field(default_factory=list)


@dataclass
class Chart:
    width: int
    height: int
    plot_left: int
    plot_right: int
    plot_top: int
    plot_bottom: int
    y_ticks: list[tuple[float, str]]
    x_ticks: list[XTick]
    lines: list[Line]
    target: Line | None
    zero_y: float | None


def _polygon(shape: str, x: float, y: float, r: float = 5.5) -> str:
    if shape == "triangle":
        corners = [(x, y - r), (x + r, y + r * 0.8), (x - r, y + r * 0.8)]
    elif shape == "triangle-down":
        corners = [(x, y + r), (x + r, y - r * 0.8), (x - r, y - r * 0.8)]
    elif shape == "diamond":
        corners = [(x, y - r), (x + r, y), (x, y + r), (x - r, y)]
    else:
        return ""
    return " ".join(f"{cx:.1f},{cy:.1f}" for cx, cy in corners)


def build_chart(
    periods: list[str],
    series: list[tuple[str, dict[str, Decimal]]],
    targets: dict[str, Decimal],
    unit: str,
) -> Chart | None:
    """`periods` in order; `series`: (name, period → value) each; `targets`: period → value."""
    values = [float(v) for _name, points in series for v in points.values()]
    values += [float(v) for period, v in targets.items() if period in periods]
    if not periods or not values:
        return None
    scale = build_scale(values)
    plot_left = _plot_left(scale)
    plot_right, plot_top, plot_bottom = WIDTH - RIGHT, TOP, HEIGHT - BOTTOM
    span_x = plot_right - plot_left

    def x_of(index: int) -> float:
        if len(periods) == 1:
            return plot_left + span_x / 2
        return plot_left + 12 + (span_x - 24) * index / (len(periods) - 1)

    def y_of(value: float) -> float:
        return plot_bottom - (plot_bottom - plot_top) * scale.share(value)

    index_of = {period: index for index, period in enumerate(periods)}

    def line(name: str, css: str, shape: str, points: dict[str, Decimal]) -> Line:
        markers = []
        for period in sorted(points, key=index_of.get):
            if period not in index_of:
                continue
            x, y = x_of(index_of[period]), y_of(float(points[period]))
            markers.append(
                Marker(
                    x=round(x, 1),
                    y=round(y, 1),
                    period=period,
                    value=points[period],
                    label=f"{name}, {period_label(period)}: {format_number(points[period])} {unit}".strip(),
                    points=_polygon(shape, x, y),
                )
            )
        path = " ".join(f"{marker.x},{marker.y}" for marker in markers)
        return Line(name=name, css=css, shape=shape, path=path, markers=markers)

    lines = [
        line(name, f"chart__series chart__series--{index}", SHAPES[index], points)
        for index, (name, points) in enumerate(series[:MAX_SERIES])
    ]
    target = (
        line(
            gettext("Meta"),
            "chart__target",
            "diamond",
            {p: v for p, v in targets.items() if p in index_of},
        )
        if any(p in index_of for p in targets)
        else None
    )
    return Chart(
        width=WIDTH,
        height=HEIGHT,
        plot_left=plot_left,
        plot_right=plot_right,
        plot_top=plot_top,
        plot_bottom=plot_bottom,
        y_ticks=[(round(y_of(value), 1), label) for value, label in scale.ticks],
        x_ticks=_x_ticks([(round(x_of(i), 1), period_label(p)) for i, p in enumerate(periods)], span_x),
        lines=lines,
        target=target,
        zero_y=round(y_of(0), 1) if scale.low < 0 < scale.high else None,
    )


# --- stacked columns over periods ---


@dataclass
class Segment:
    x: float
    y: float
    width: float
    height: float
    part: int  # which series: its fill
    value: Number
    label: str  # "ago. 2025, Respondidas dentro del término: 2"


@dataclass
class Column:
    period: str
    total: Number
    segments: list[Segment]


@dataclass
class Part:
    index: int
    name: str


@dataclass
class ColumnChart:
    width: int
    height: int
    plot_left: int
    plot_right: int
    plot_top: int
    plot_bottom: int
    y_ticks: list[tuple[float, str]]
    x_ticks: list[XTick]
    columns: list[Column]
    parts: list[Part]


def build_columns(
    periods: list[str], series: list[tuple[str, dict[str, Number]]], *, integer: bool = True
) -> ColumnChart | None:
    """A column per period (in order), each stacked from the bottom in the order of `series`
    ((name, period → value) each, missing periods as 0; at most three). Counts by default: whole
    numbers on the axis."""
    series = series[:MAX_PARTS]
    totals = [sum(float(points.get(period, 0)) for _name, points in series) for period in periods]
    if not periods or not series:
        return None
    scale = build_scale(totals, integer=integer)
    plot_left = _plot_left(scale)
    plot_right, plot_top, plot_bottom = WIDTH - RIGHT, TOP, HEIGHT - BOTTOM
    span_x = plot_right - plot_left
    slot = span_x / len(periods)
    width = round(min(slot * 0.7, 48), 1)

    def y_of(value: float) -> float:
        return plot_bottom - (plot_bottom - plot_top) * scale.share(value)

    columns = []
    for index, period in enumerate(periods):
        center = plot_left + slot * (index + 0.5)
        base, segments = 0.0, []
        for part, (name, points) in enumerate(series):
            value = points.get(period, 0)
            if value:
                top = base + float(value)
                segments.append(
                    Segment(
                        x=round(center - width / 2, 1),
                        y=round(y_of(top), 1),
                        width=width,
                        height=round(y_of(base) - y_of(top), 1),
                        part=part,
                        value=value,
                        label=f"{period_label(period)}, {name}: {format_number(value)}",
                    )
                )
                base = top
        columns.append(Column(period=period, total=totals[index], segments=segments))
    return ColumnChart(
        width=WIDTH,
        height=HEIGHT,
        plot_left=plot_left,
        plot_right=plot_right,
        plot_top=plot_top,
        plot_bottom=plot_bottom,
        y_ticks=[(round(y_of(value), 1), label) for value, label in scale.ticks],
        x_ticks=_x_ticks(
            [(round(plot_left + slot * (i + 0.5), 1), period_label(p)) for i, p in enumerate(periods)], span_x
        ),
        columns=columns,
        parts=[Part(index=index, name=name) for index, (name, _points) in enumerate(series)],
    )


# --- bars per category ---


@dataclass
class Bar:
    label: str
    value: Number | None = None  # None: nothing to draw (no data yet, or a count kept back)
    text: str = ""  # the value as people read it; by default the value in the page's language
    note: str = ""  # a line under the label: "3 de 5 actividades terminadas"
    hatched: bool = False  # a count kept back (too small to publish): a hatched mark, not to scale
    length: float = 0.0  # set by build_bars: the bar's length, 0 to 100 (% of the track)


@dataclass
class Bars:
    bars: list[Bar]
    ticks: list[tuple[float, str]]  # position along the track (0 to 100), label
    whole: bool  # the track is a whole (0–100 %): its unfilled rest shows
    summary: str  # the text alternative: every label with its value


def build_bars(
    bars: Sequence[Bar],
    *,
    maximum: Number | None = None,
    suffix: str = "",
    missing: str = "—",
    integer: bool = False,
) -> Bars | None:
    """The bars of `bars` in their order, to one scale: from 0 to `maximum` when given (100 for
    shares of a whole: percentages), otherwise to a round number above the largest value.
    `suffix` follows each value written out ("91,5 %"); a bar without a value reads `missing`."""
    if not bars:
        return None
    values = [float(bar.value) for bar in bars if bar.value is not None]
    scale = build_scale(values, integer=integer, top=None if maximum is None else float(maximum))
    drawn = []
    for bar in bars:
        text = bar.text or (missing if bar.value is None else f"{format_number(bar.value)}{suffix}")
        share = 0.0 if bar.value is None else min(max(scale.share(float(bar.value)), 0.0), 1.0)
        drawn.append(
            Bar(
                label=bar.label,
                value=bar.value,
                text=text,
                note=bar.note,
                hatched=bar.hatched,
                length=round(100 * share, 2),
            )
        )
    return Bars(
        bars=drawn,
        ticks=[(round(100 * scale.share(value), 2), f"{label}{suffix}") for value, label in scale.ticks],
        whole=maximum is not None,
        summary="; ".join(f"{bar.label}: {bar.text}" for bar in drawn) + ".",
    )
