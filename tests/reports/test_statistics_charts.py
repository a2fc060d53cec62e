"""The charts of the public statistics: reports per month by how they were answered (stacked
columns, with the same counts in a table), and each breakdown as bars with its value written out.
Counts only, the same ones the tables give; the query count does not grow with reports or months."""

import datetime
import re

import pytest
from django.urls import reverse

from reports import services
from reports.models import Report
from reports.selectors import today
from reports.views import MONTHS_CHARTED, month_chart
from tests.utils import count_queries

pytestmark = pytest.mark.django_db
STATISTICS = "/denuncias/estadisticas/"


def months_ago(count: int) -> datetime.date:
    month = today().replace(day=1)
    year, index = divmod(month.year * 12 + month.month - 1 - count, 12)
    return datetime.date(year, index + 1, 3)


@pytest.fixture
def file_report(db):
    def file(received_on: datetime.date, *, answered: bool | None = None, channel: str = "web"):
        report, _receipt = services.report_create(
            category="contratacion", description="Cifras de prueba.", entity="Alcaldía", channel=channel
        )
        responded = {}
        if answered is not None:
            responded = {
                "responded_on": received_on + datetime.timedelta(days=20),
                "responded_in_term": answered,
                "business_days_to_respond": 12 if answered else 20,
            }
        Report.objects.filter(pk=report.pk).update(received_on=received_on, **responded)
        return report

    return file


def svg_of(page: str, title: str) -> str:
    start = page.rindex("<svg", 0, page.index(title))
    return page[start : page.index("</svg>", start)]


def test_reports_per_month_by_how_they_were_answered(client, file_report):
    for answered in (True, True, False):
        file_report(months_ago(2), answered=answered)
    file_report(months_ago(0))  # not answered yet
    page = client.get(STATISTICS).content.decode()
    svg = svg_of(page, "Gráfica: denuncias recibidas por mes, según su respuesta")
    assert 'role="img"' in svg and 'aria-labelledby="grafica-meses-title grafica-meses-desc"' in svg
    assert (
        "4 denuncias recibidas; 2 respondidas o trasladadas dentro del término, 1 fuera del término y "
        "1 sin respuesta ni traslado"
    ) in svg
    # Three months, the empty one drawn as nothing; each part with its own fill.
    periods = re.findall(r'<g data-period="(\d{4}-\d{2})" data-value="(\d+)">', svg)
    assert periods == [
        (f"{months_ago(2):%Y-%m}", "3"),
        (f"{months_ago(1):%Y-%m}", "0"),
        (f"{months_ago(0):%Y-%m}", "1"),
    ]
    assert svg.count("chart__part--0") == 1 and svg.count("chart__part--1") == 1
    assert 'fill="url(#grafica-meses-hatch)"' in svg
    assert svg.count("chart__part--2") == 1
    # The legend says which fill is which in words, and the table gives the same counts.
    assert "Rayado: Respondidas o trasladadas fuera del término" in page
    table = page[page.index("Respuesta a las denuncias, por mes de recepción") :]
    table = table[: table.index("</table>")]
    rows = re.findall(r'<tr>\s*<th scope="row">[^<]+</th>((?:\s*<td[^>]*>\d+</td>)+)', table)
    assert [re.findall(r">(\d+)<", row) for row in rows] == [["1", "0", "0", "1"], ["3", "2", "1", "0"]]


def test_the_chart_covers_the_last_two_years_and_the_table_every_month(client, file_report):
    file_report(months_ago(30), answered=True)
    file_report(months_ago(1), answered=True)
    chart, rows, _summary = month_chart(list(_months()))
    assert len(chart.columns) == len(rows) == MONTHS_CHARTED
    assert chart.columns[0].period == f"{months_ago(MONTHS_CHARTED - 1):%Y-%m}"
    page = client.get(STATISTICS).content.decode()
    assert "los últimos 24 meses" in page
    monthly = page[page.index('id="monthly-caption"') :]
    assert months_ago(30).strftime("%Y") in monthly  # the big table still has every month


def _months():
    from reports.selectors import monthly_statistics

    return monthly_statistics()


def test_no_reports_no_monthly_chart(client, db):
    page = client.get(STATISTICS).content.decode()
    assert "grafica-meses" not in page
    assert "Todavía no hay denuncias registradas." in page


def test_each_breakdown_is_an_image_of_bars_with_its_values_written_out(client, file_report):
    for _ in range(6):
        file_report(months_ago(1), answered=True)
    file_report(months_ago(1), answered=True, channel="phone")
    page = client.get(STATISTICS).content.decode()
    channel = page[page.index('id="breakdown-channel"') :]
    bars = channel[channel.index('<div class="bars') : channel.index("<table")]
    assert 'role="img" aria-labelledby="breakdown-channel"' in bars
    # One channel under five hides the next smallest too: both drawn hatched, none to scale.
    assert "Formulario web: &lt; 5; Teléfono: &lt; 5; En persona: 0;" in bars
    assert bars.count('class="bars__hidden"') == 2
    status = page[page.index('id="breakdown-status"') :]
    status = status[: status.index("<table")]
    assert 'class="bars__bar" width="' in status and ">7</span>" in status


def test_the_statistics_page_query_count_does_not_grow_with_reports_or_months(client, file_report):
    file_report(months_ago(1), answered=True)
    client.get(reverse("reports:statistics"))
    few = count_queries(lambda: client.get(reverse("reports:statistics")))
    for month in range(40):
        file_report(months_ago(month), answered=month % 3 == 0)
        file_report(months_ago(month), channel="email")
    assert count_queries(lambda: client.get(reverse("reports:statistics"))) == few
