"""The API and the CSV/JSON downloads carry the same numbers as the database, in machine format."""

import csv
import io
import json

import pytest

from core import open_data
from tests.observatory.factories import IndicatorFactory, PlanFactory, observe, target
from tests.utils import count_queries

pytestmark = pytest.mark.django_db


@pytest.fixture
def observed(indicator):
    observe(indicator, "2024", "57.3")
    observe(indicator, "2023", "61")
    observe(indicator, "2025-Q1", "1234567.25", territory="comuna-12", note="Con «comillas», y coma")
    observe(indicator, "2025-07", "-0.5")
    target(indicator, "2025", "50")
    return indicator


EXPECTED = [
    {"period": "2023", "value": 61, "territory": "bucaramanga"},
    {"period": "2024", "value": 57.3, "territory": "bucaramanga"},
    {"period": "2025-Q1", "value": 1234567.25, "territory": "comuna-12"},
    {"period": "2025-07", "value": -0.5, "territory": "bucaramanga"},
]


def contract(observations: list[dict]) -> list[dict]:
    return [{key: o[key] for key in ("period", "value", "territory")} for o in observations]


def test_api_list_and_detail(client, observed):
    IndicatorFactory(slug="oculto", published=False)
    listing = client.get("/api/v1/indicators/").json()
    assert set(listing) >= {"count", "next", "previous", "results"}
    assert [item["slug"] for item in listing["results"]] == ["contratacion-directa"]
    item = listing["results"][0]
    assert {"slug", "name", "unit", "source", "observations"} <= set(item)
    assert contract(item["observations"]) == EXPECTED
    assert item["targets"] == [{"period": "2025", "value": 50}]

    detail = client.get("/api/v1/indicators/contratacion-directa/")
    assert detail.status_code == 200
    assert contract(detail.json()["observations"]) == EXPECTED
    assert detail.json()["unit"] == "%"
    assert client.get("/api/v1/indicators/oculto/").status_code == 404
    missing = client.get("/api/v1/indicators/no-existe/", HTTP_ACCEPT_LANGUAGE="es-co")
    assert missing.status_code == 404 and missing.json() == {"detail": "No encontrado."}


def test_api_is_read_only(client_for, editor, observed):
    client = client_for(editor)
    assert client.post("/api/v1/indicators/", {"slug": "x"}).status_code in (403, 405)
    assert client.delete("/api/v1/indicators/contratacion-directa/").status_code in (403, 405)


def test_api_list_costs_the_same_queries_with_more_indicators(client, observed):
    few = count_queries(lambda: client.get("/api/v1/indicators/"))
    for n in range(10):
        extra = IndicatorFactory()
        for year in range(2015, 2026):
            observe(extra, str(year), n + year / 100)
    many = count_queries(lambda: client.get("/api/v1/indicators/"))
    assert many == few <= 4


def test_csv_download_is_machine_readable(client, observed):
    response = client.get("/observatorio/contratacion-directa/datos.csv")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8"))))
    assert [(r["period"], r["territory"], r["value"]) for r in rows] == [
        ("2023", "bucaramanga", "61"),
        ("2024", "bucaramanga", "57.3"),
        ("2025-Q1", "comuna-12", "1234567.25"),
        ("2025-07", "bucaramanga", "-0.5"),
    ]
    assert rows[2]["territory_name"] == "Comuna 12 Cabecera del Llano"
    assert rows[2]["note"] == "Con «comillas», y coma"
    assert rows[0]["unit"] == "%"


def test_json_download_matches_the_api(client, observed):
    download = client.get("/observatorio/contratacion-directa/datos.json")
    assert download.status_code == 200
    assert download["Content-Type"] == "application/json"
    data = json.loads(download.content.decode("utf-8"))
    assert contract(data["observations"]) == EXPECTED
    api = client.get("/api/v1/indicators/contratacion-directa/").json()
    assert data == api


def test_the_numbers_match_across_html_csv_and_json(client, observed):
    page = client.get("/observatorio/contratacion-directa/?territorio=todos").content.decode()
    assert "1.234.567,25" in page  # Spanish in the HTML
    assert "57,3" in page
    assert 'data-value="1234567.25"' in page  # the chart's data, in machine format


def test_datasets_are_registered_for_the_catalogue(observed):
    PlanFactory(year=2026)
    by_id = {dataset.identifier: dataset for dataset in open_data.datasets()}
    dataset = by_id["observatorio/indicador/contratacion-directa"]
    assert dataset.title == "Contratos por contratación directa"
    assert dataset.modified is not None
    assert {(d.url, d.media_type) for d in dataset.distributions} == {
        ("/observatorio/contratacion-directa/datos.csv", "text/csv"),
        ("/observatorio/contratacion-directa/datos.json", "application/json"),
    }
    assert dataset.landing_page == "/observatorio/contratacion-directa/"
    plan = by_id["observatorio/plan-anticorrupcion/2026"]
    assert [(d.url, d.media_type) for d in plan.distributions] == [
        ("/observatorio/plan-anticorrupcion/2026/datos.csv", "text/csv")
    ]
