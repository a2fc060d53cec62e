"""The indicator chart as geometry for an inline SVG, drawn on the server from the page's own data:
no chart library and no script; each series has its own marker shape and line pattern, so colour is
never the only difference, and the table beneath the chart carries the same numbers."""

import math
from dataclasses import dataclass, field
from decimal import Decimal

from observatory.formatting import format_number
from observatory.periods import period_label

WIDTH, HEIGHT = 720, 340
LEFT, RIGHT, TOP, BOTTOM = 72, 24, 20, 56
SHAPES = ["circle", "square", "triangle", "diamond", "bar", "triangle-down"]
MAX_SERIES = len(SHAPES)


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
    x_ticks: list[tuple[float, str, bool]]  # x, label, minor (hidden on phones)
    lines: list[Line]
    target: Line | None
    zero_y: float | None


def nice_step(span: float, count: int = 5) -> float:
    raw = span / count if span > 0 else 1
    magnitude = 10 ** math.floor(math.log10(raw))
    for factor in (1, 2, 2.5, 5, 10):
        if raw <= factor * magnitude:
            return factor * magnitude
    return 10 * magnitude


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
    low, high = min(0.0, min(values)), max(values)
    if high == low:
        high = low + 1
    step = nice_step(high - low)
    low = math.floor(low / step) * step
    high = math.ceil(high / step) * step
    if high <= max(values):
        high += step
    tick_values = []
    tick = low
    while tick <= high + step / 2:
        tick_values.append(tick)
        tick += step
    tick_labels = [format_number(Decimal(str(round(value, 6)))) for value in tick_values]
    # Room for the longest label at the phone size of the type (22 units, about 12 per character).
    plot_left = max(LEFT, 20 + 12 * max(len(label) for label in tick_labels))
    plot_right, plot_top, plot_bottom = WIDTH - RIGHT, TOP, HEIGHT - BOTTOM
    span_x = plot_right - plot_left

    def x_of(index: int) -> float:
        if len(periods) == 1:
            return plot_left + span_x / 2
        return plot_left + 12 + (span_x - 24) * index / (len(periods) - 1)

    def y_of(value: float) -> float:
        return plot_bottom - (plot_bottom - plot_top) * (value - low) / (high - low)

    y_ticks = [(round(y_of(value), 1), label) for value, label in zip(tick_values, tick_labels, strict=True)]
    every = max(1, math.ceil(len(periods) / 10))
    x_ticks = [
        (round(x_of(index), 1), period_label(period))
        for index, period in enumerate(periods)
        if index % every == 0 or index == len(periods) - 1
    ]
    if len(x_ticks) > 1 and x_ticks[-1][0] - x_ticks[-2][0] < (span_x / 10):
        del x_ticks[-2]
    # On phones the labels are larger and only every other one shows (observatory.css).
    x_ticks = [(x, label, position % 2 == 1) for position, (x, label) in enumerate(x_ticks)]
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
            str(_target_name()),
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
        y_ticks=y_ticks,
        x_ticks=x_ticks,
        lines=lines,
        target=target,
        zero_y=round(y_of(0), 1) if low < 0 < high else None,
    )


def _target_name():
    from django.utils.translation import gettext

    return gettext("Meta")
