"""The public figures of the report channel: aggregates by status, category, channel and
decision, per year, on the page, in /api/v1/reports/stats/ and as open data. Never a report's
text, and no count from 1 to 4 that could single somebody out."""

import datetime

import pytest
from django.urls import reverse

from reports import selectors, services
from reports.models import Outcome, Report
from reports.selectors import today
from tests.utils import count_queries

SECRET_FACTS = "El secretario Hernán Plata cobra comisiones en la contratación del PAE"
SECRET_ENTITY = "Despacho del alcalde, oficina 304"
SECRET_SUMMARY = "Se archivó porque el testigo Jairo Mantilla no ratificó la denuncia"


@pytest.fixture
def file_reports(db, handler):
    def file(n, *, category="contratacion", channel="web", decide=None, satisfaction=None, year=None):
        made = []
        for _ in range(n):
            report, _receipt = services.report_create(
                category=category, description=SECRET_FACTS, entity=SECRET_ENTITY, channel=channel
            )
            received = today() - datetime.timedelta(days=30)
            if year is not None:
                received = datetime.date(year, 3, 2)
            Report.objects.filter(pk=report.pk).update(received_on=received)
            report.refresh_from_db()
            services.report_change_status(
                report=report, by=handler, to_status="answered", reason="Respondida."
            )
            if decide:
                services.referral_create(
                    report=report,
                    by=handler,
                    authority="procuraduria",
                    referred_on=received,
                    case_reference="IUS-SECRETO-77",
                )
                Outcome.objects.create(
                    report=report,
                    decision=decide,
                    decided_on=received + datetime.timedelta(days=21),
                    authority="procuraduria",
                    summary=SECRET_SUMMARY,
                    satisfaction=satisfaction,
                    surveyed_on=today() if satisfaction else None,
                )
            made.append(report)
        return made

    return file


def test_counts_under_five_are_hidden_and_one_hidden_cell_hides_the_next_smallest(client, file_reports):
    file_reports(9, category="contratacion")
    file_reports(6, category="peculado")
    file_reports(3, category="soborno", channel="phone")
    data = client.get("/api/v1/reports/stats/").json()
    assert data["small_cell_threshold"] == 5
    assert data["received"] == 18
    # soborno (3) is hidden; alone it could be worked out from the total, so peculado (6) is too.
    assert data["category"]["soborno"] is None
    assert data["category"]["peculado"] is None
    assert data["category"]["contratacion"] == 9
    assert data["category"]["nepotismo"] == 0
    # phone (3) is hidden, so web, the only other channel used, is hidden too.
    assert data["channel"] == {"web": None, "phone": None, "in_person": 0, "letter": 0, "email": 0}
    assert data["status"]["answered"] == 18
    html = client.get(reverse("reports:statistics")).content.decode()
    assert "&lt; 5" in html
    # The monthly table and its open data hide small cells the same way.
    month = client.get(reverse("reports:statistics_json")).json()["estadisticas"][0]
    assert (month["tema_soborno"], month["tema_peculado"], month["tema_contratacion"]) == (None, None, 9)
    assert month["recibidas"] == 18


def test_percentages_medians_and_satisfaction_need_five_reports(client, file_reports):
    file_reports(4, decide="disciplinary_sanction", satisfaction=5)
    data = client.get("/api/v1/reports/stats/").json()
    assert data["received"] is None
    assert data["answered_on_time_pct"] is None
    assert data["median_business_days_to_decision"] is None
    assert data["satisfaction"] == {
        "answers": None,
        "satisfied_pct": None,
        "average": None,
        "would_report_again_pct": None,
    }
    file_reports(2, decide="archived", satisfaction=2)
    data = client.get("/api/v1/reports/stats/").json()
    assert data["received"] == 6
    assert data["answered_on_time_pct"] == 100.0
    assert data["median_business_days_to_decision"] == pytest.approx(
        float(
            services.business_days_between(
                today() - datetime.timedelta(days=30), today() - datetime.timedelta(days=9)
            )
        )
    )
    assert data["satisfaction"]["answers"] == 6
    assert data["satisfaction"]["satisfied_pct"] == pytest.approx(66.7)
    assert data["satisfaction"]["average"] == 4.0
    assert data["decision"]["disciplinary_sanction"] is None and data["decision"]["archived"] is None


def test_the_figures_never_show_a_reports_text(client, file_reports):
    file_reports(6, decide="archived", satisfaction=3)
    bodies = [
        client.get("/api/v1/reports/stats/").content.decode(),
        client.get(reverse("reports:statistics")).content.decode(),
        client.get(reverse("reports:figures_csv")).content.decode(),
        client.get(reverse("reports:statistics_json")).content.decode(),
    ]
    for body in bodies:
        for secret in (SECRET_FACTS, SECRET_ENTITY, SECRET_SUMMARY, "IUS-SECRETO-77", "Hernán", "Mantilla"):
            assert secret not in body


def test_figures_per_year_and_the_yearly_chart(client, file_reports):
    this_year = today().year
    file_reports(5, year=this_year - 1)
    file_reports(7, year=this_year - 2)
    file_reports(2, year=this_year - 3)
    data = client.get("/api/v1/reports/stats/").json()
    years = {row["year"]: row for row in data["by_year"]}
    assert [row["year"] for row in data["by_year"]] == [this_year - 1, this_year - 2, this_year - 3]
    assert years[this_year - 1]["received"] == 5
    assert years[this_year - 2]["received"] == 7
    assert years[this_year - 3]["received"] is None
    html = client.get(reverse("reports:statistics")).content.decode()
    assert 'class="chart"' in html and "Por año de recepción" in html
    csv_lines = client.get(reverse("reports:figures_csv")).content.decode().splitlines()
    assert csv_lines[0].startswith("anio,recibidas,status_received")
    assert csv_lines[1].startswith(f"{this_year - 1},5,")
    assert csv_lines[3].startswith(f"{this_year - 3},,")


def test_the_suppression_rule(db):
    assert selectors.suppress({"a": 0, "b": 5, "c": 7}) == {"a": 0, "b": 5, "c": 7}
    assert selectors.suppress({"a": 1, "b": 5, "c": 7}) == {"a": None, "b": None, "c": 7}
    assert selectors.suppress({"a": 1, "b": 2, "c": 7}) == {"a": None, "b": None, "c": 7}
    assert selectors.suppress({"a": 4, "b": 0}) == {"a": None, "b": 0}


def test_the_figures_query_count_does_not_grow_with_reports(client, file_reports):
    file_reports(2, decide="archived")
    client.get("/api/v1/reports/stats/")
    client.get(reverse("reports:statistics"))
    api_few = count_queries(lambda: client.get("/api/v1/reports/stats/"))
    page_few = count_queries(lambda: client.get(reverse("reports:statistics")))
    file_reports(12, decide="criminal_charges", satisfaction=4, year=today().year - 1)
    assert count_queries(lambda: client.get("/api/v1/reports/stats/")) == api_few <= 2
    assert count_queries(lambda: client.get(reverse("reports:statistics"))) == page_few


def test_the_yearly_figures_are_in_the_catalogue_and_the_schema_documents_hidden_cells(client, db):
    catalogue = client.get("/datos/catalogo.json").json()
    dataset = next(d for d in catalogue["dataset"] if "Cifras anuales del canal de denuncias" == d["title"])
    urls = {
        d["downloadURL"].split("://", 1)[1].split("/", 1)[1]: d["mediaType"] for d in dataset["distribution"]
    }
    assert urls == {"denuncias/cifras-anuales.csv": "text/csv", "api/v1/reports/stats/": "application/json"}
    schema = client.get("/api/v1/schema/?format=json").json()
    stats = schema["paths"]["/api/v1/reports/stats/"]["get"]
    assert "null" in stats["description"] or "< 5" in stats["description"]
    figures = schema["components"]["schemas"]["Stats"]["properties"]
    assert "oculto" in figures["category"]["description"]
    assert figures["received"]["nullable"] is True
