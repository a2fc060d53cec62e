"""The charts drawn on the server (observatory.chart): one scale for lines, stacked columns and bars;
each part told apart without colour, each value written out, the geometry inside its drawing."""

from decimal import Decimal

from django.utils import translation

from observatory.chart import (
    HEIGHT,
    MAX_PARTS,
    WIDTH,
    Bar,
    build_bars,
    build_chart,
    build_columns,
    build_scale,
    nice_step,
)


def test_the_scale_starts_at_zero_and_ends_on_a_round_number_above_the_top():
    scale = build_scale([3, 17, 9])
    assert scale.low == 0 and scale.high == 20
    assert [label for _value, label in scale.ticks] == ["0", "5", "10", "15", "20"]
    assert build_scale([20]).high == 25  # room above the highest value


def test_counts_get_whole_ticks_and_percentages_a_fixed_end():
    assert nice_step(2, integer=True) == 1
    assert [value for value, _label in build_scale([2], integer=True).ticks] == [0, 1, 2, 3]
    assert [value for value, _label in build_scale([61.7, 91.5], top=100).ticks] == [0, 25, 50, 75, 100]


def test_tick_labels_are_in_the_pages_language():
    with translation.override("es"):
        assert build_scale([0.5]).ticks[1][1] == "0,1"
    with translation.override("en"):
        assert build_scale([0.5]).ticks[1][1] == "0.1"


def test_the_line_chart_keeps_its_markers_and_target():
    chart = build_chart(
        ["2023", "2024", "2025"],
        [("Bucaramanga", {"2023": Decimal(61), "2024": Decimal("57.3"), "2025": Decimal("52.8")})],
        {"2025": Decimal(50)},
        "%",
    )
    (line,) = chart.lines
    assert [m.period for m in line.markers] == ["2023", "2024", "2025"]
    assert line.markers[-1].label == "Bucaramanga, 2025: 52,8 %"
    assert chart.target.markers[0].period == "2025"
    assert all(chart.plot_top <= m.y <= chart.plot_bottom for m in line.markers)
    assert [tick.minor for tick in chart.x_ticks] == [False, False, False]  # few labels: all shown


def test_on_phones_every_other_period_label_hides_but_never_the_latest():
    periods = [f"20{year:02d}" for year in range(10, 26)]
    chart = build_chart(periods, [("Ciudad", {p: Decimal(1) for p in periods})], {}, "")
    assert chart.x_ticks[-1].label == "2025" and chart.x_ticks[-1].minor is False
    assert any(tick.minor for tick in chart.x_ticks)


def test_a_label_too_long_to_centre_at_the_right_edge_ends_there():
    periods = [f"2026-{month:02d}" for month in range(1, 13)]
    chart = build_columns(periods, [("Recibidas", dict.fromkeys(periods, 1))])
    last = chart.x_ticks[-1]
    assert last.label == "dic. 2026" and last.end and last.x == WIDTH - 4
    assert not any(tick.end for tick in chart.x_ticks[:-1])


def test_columns_stack_their_parts_from_the_bottom_and_skip_empty_ones():
    periods = ["2026-01", "2026-02", "2026-03"]
    chart = build_columns(
        periods,
        [
            ("A tiempo", {"2026-01": 2, "2026-03": 1}),
            ("Tarde", {"2026-01": 1}),
            ("Sin respuesta", {"2026-03": 4}),
        ],
    )
    january, february, march = chart.columns
    assert [s.part for s in january.segments] == [0, 1]
    assert february.segments == [] and february.total == 0
    assert [s.part for s in march.segments] == [0, 2]
    bottom, top = january.segments
    assert bottom.y + bottom.height == chart.plot_bottom  # the first part sits on the axis
    assert abs(top.y + top.height - bottom.y) < 0.2  # the next one on top of it
    assert bottom.height == 2 * top.height
    assert top.label == "ene. 2026, Tarde: 1"
    assert [label for _y, label in chart.y_ticks] == ["0", "1", "2", "3", "4", "5", "6"]
    for column in chart.columns:
        for segment in column.segments:
            assert chart.plot_left <= segment.x and segment.x + segment.width <= chart.plot_right
    assert (chart.width, chart.height) == (WIDTH, HEIGHT)
    assert [part.name for part in chart.parts] == ["A tiempo", "Tarde", "Sin respuesta"]


def test_columns_take_at_most_three_parts():
    chart = build_columns(["2026-01"], [(f"Parte {n}", {"2026-01": 1}) for n in range(5)])
    assert len(chart.parts) == MAX_PARTS
    assert build_columns([], [("A", {})]) is None


def test_bars_write_every_value_and_scale_to_the_largest():
    bars = build_bars(
        [Bar("Formulario web", 18), Bar("Teléfono", None, text="< 5", hatched=True), Bar("Carta", 0)],
        integer=True,
    )
    web, phone, letter = bars.bars
    assert (web.text, phone.text, letter.text) == ("18", "< 5", "0")
    assert 0 < web.length < 100 and phone.length == 0 and letter.length == 0
    assert phone.hatched and not web.hatched
    assert not bars.whole
    assert bars.summary == "Formulario web: 18; Teléfono: < 5; Carta: 0."


def test_bars_of_a_whole_run_from_0_to_100_percent():
    bars = build_bars(
        [Bar("1. Gestión del riesgo", Decimal("91.5"), note="3 de 4"), Bar("3. Sin actividades", None)],
        maximum=100,
        suffix=" %",
    )
    risk, empty = bars.bars
    assert risk.length == 91.5 and risk.text == "91,5 %" and risk.note == "3 de 4"
    assert empty.text == "—" and empty.length == 0
    assert bars.whole
    assert [label for _x, label in bars.ticks] == ["0 %", "25 %", "50 %", "75 %", "100 %"]
    assert build_bars([Bar("Más de la cuenta", 130)], maximum=100).bars[0].length == 100
    assert build_bars([]) is None
