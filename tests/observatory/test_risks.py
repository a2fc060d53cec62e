"""The corruption risk map: levels from the guide's matrix, residual never above inherent,
follow-ups only at the legal cuts by the control office, the public pages, API and admin."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from core.refusals import Refused
from observatory.models import LEVEL_MATRIX, Risk, RiskFollowUp, risk_level
from observatory.services import risk_followup_record, risk_values_check
from tests.accounts.factories import UserFactory
from tests.observatory.factories import PlanFactory, component
from tests.observatory.risk_factories import action, control, followup, make_risk
from tests.utils import count_queries

pytestmark = pytest.mark.django_db


@pytest.fixture
def supervisor(db):
    return UserFactory(display_name="Oficina de Control Interno", groups=["supervisors"])


# --- levels ---


@pytest.mark.parametrize(
    ("probability", "impact", "level"),
    [
        (1, 3, "moderate"),
        (1, 4, "high"),
        (2, 5, "extreme"),
        (3, 3, "high"),
        (4, 4, "extreme"),
        (5, 3, "extreme"),
    ],
)
def test_level_comes_from_probability_and_impact(probability, impact, level):
    assert risk_level(probability, impact) == level
    risk = make_risk(
        inherent_probability=probability,
        inherent_impact=impact,
        residual_probability=probability,
        residual_impact=impact,
    )
    assert risk.inherent_level == level == risk.residual_level


def test_the_database_computes_every_cell_of_the_matrix_like_the_guide():
    office = make_risk("RC-00").office
    n = 0
    for probability in range(1, 6):
        for impact in range(3, 6):
            n += 1
            make_risk(
                f"RC-{n:02d}",
                office=office,
                inherent_probability=probability,
                inherent_impact=impact,
                residual_probability=1,
                residual_impact=3,
            )
    for risk in Risk.objects.exclude(code="RC-00"):
        assert risk.inherent_level == LEVEL_MATRIX[risk.inherent_probability][risk.inherent_impact - 1]
        assert risk.residual_level == "moderate"
    assert Risk.objects.exclude(code="RC-00").filter(inherent_level="extreme").count() == 8


def test_corruption_impact_is_never_below_moderate():
    with pytest.raises(ValidationError) as error:
        make_risk(inherent_impact=2, residual_impact=2)
    assert "nunca es menor que moderado" in str(error.value)
    assert not Risk.objects.exists()


def test_residual_above_inherent_is_refused_with_a_message_and_nothing_saved():
    with pytest.raises(ValidationError) as error:
        make_risk(inherent_probability=2, residual_probability=3)
    assert "no puede ser mayor que el inherente" in str(error.value)
    with pytest.raises(Refused) as refusal:
        risk_values_check(
            inherent_probability=3, inherent_impact=3, residual_probability=3, residual_impact=4
        )
    assert refusal.value.code == "residual_above_inherent"
    assert not Risk.objects.exists()


def test_the_database_refuses_a_residual_above_inherent_too():
    risk = make_risk()
    with pytest.raises(IntegrityError), transaction.atomic():
        Risk.objects.filter(pk=risk.pk).update(residual_impact=5, inherent_impact=4)


# --- follow-ups at the legal cuts ---


@pytest.mark.parametrize("cut", ["2025-04-30", "2025-08-31", "2025-12-31"])
def test_follow_ups_at_the_legal_cuts(supervisor, cut):
    risk = make_risk()
    record = risk_followup_record(
        risk=risk,
        cut_on=datetime.date.fromisoformat(cut),
        progress=40,
        notes="Acciones en curso.",
        by=supervisor,
    )
    assert record.author == supervisor and risk.followups.count() == 1


@pytest.mark.parametrize("cut", ["2025-04-29", "2025-05-01", "2025-06-30", "2025-12-30", "2026-01-01"])
def test_follow_ups_on_other_dates_are_refused(supervisor, cut):
    risk = make_risk()
    with pytest.raises(Refused) as refusal:
        risk_followup_record(
            risk=risk, cut_on=datetime.date.fromisoformat(cut), progress=40, notes="x", by=supervisor
        )
    assert "cortes legales" in refusal.value.message
    assert not RiskFollowUp.objects.exists()


def test_a_cut_still_to_come_and_a_second_follow_up_of_the_same_cut_are_refused(supervisor):
    risk = make_risk()
    future = datetime.date(timezone.localdate().year + 1, 4, 30)
    with pytest.raises(Refused) as refusal:
        risk_followup_record(risk=risk, cut_on=future, progress=10, notes="x", by=supervisor)
    assert "aún no llega" in refusal.value.message
    risk_followup_record(risk=risk, cut_on=datetime.date(2025, 8, 31), progress=10, notes="x", by=supervisor)
    with pytest.raises(Refused) as refusal:
        risk_followup_record(
            risk=risk, cut_on=datetime.date(2025, 8, 31), progress=20, notes="y", by=supervisor
        )
    assert "ya tiene seguimiento en ese corte" in refusal.value.message
    assert list(risk.followups.values_list("progress", flat=True)) == [10]


@pytest.mark.parametrize("who", ["citizen", "editor", "moderator"])
def test_only_the_control_office_follows_up(who, citizen, editor, moderator):
    risk = make_risk()
    user = {"citizen": citizen, "editor": editor, "moderator": moderator}[who]
    with pytest.raises(Refused) as refusal:
        risk_followup_record(risk=risk, cut_on=datetime.date(2025, 4, 30), progress=10, notes="x", by=user)
    assert "oficina de control interno" in refusal.value.message
    assert not RiskFollowUp.objects.exists()


# --- public pages ---


@pytest.fixture
def mapped(db):
    first = make_risk("RC-01")
    control(first)
    action(first)
    followup(first, datetime.date(2025, 12, 31), 30, "Se publicaron los pliegos del primer semestre.")
    followup(first, datetime.date(2026, 4, 30), 60, "Falta la capacitación a supervisores.")
    second = make_risk(
        "RC-02",
        title="Cobro por agilizar una licencia",
        process="tramites",
        office=first.office,
        inherent_probability=3,
        inherent_impact=3,
        residual_probability=1,
        residual_impact=3,
    )
    return first, second


def test_risk_map_shows_both_heat_maps_as_tables_and_the_list(client, mapped):
    html = client.get("/observatorio/riesgos/").content.decode()
    assert (
        "Riesgo inherente (antes de los controles)" in html
        and "Riesgo residual (después de los controles)" in html
    )
    assert html.count('<table class="heat-map">') == 2
    assert '<th scope="row">4 · Probable</th>' in html and '<th scope="col">5 · Catastrófico</th>' in html
    assert 'href="/observatorio/riesgos/RC-01/"' in html and "Cobro por agilizar una licencia" in html
    assert "Extrema" in html and "Moderada" in html


def test_risk_map_filters_by_process_and_level(client, mapped):
    html = client.get("/observatorio/riesgos/", {"proceso": "tramites"}).content.decode()
    assert "Cobro por agilizar una licencia" in html and "Direccionamiento de contratos" not in html
    html = client.get("/observatorio/riesgos/", {"nivel": "extreme"}).content.decode()  # residual level
    assert "Direccionamiento de contratos" in html and "Cobro por agilizar una licencia" not in html
    assert client.get("/observatorio/riesgos/", {"nivel": "nope", "proceso": "x"}).status_code == 200


def test_risk_page_has_controls_actions_and_follow_up_history(client, mapped):
    html = client.get("/observatorio/riesgos/RC-01/").content.decode()
    assert "Pliegos tipo de Colombia Compra Eficiente" in html and "Preventivo" in html
    assert "Publicar todos los pliegos en SECOP II" in html
    assert html.index("Falta la capacitación") < html.index("Se publicaron los pliegos")  # newest first
    assert client.get("/observatorio/riesgos/RC-99/").status_code == 404


def test_risk_pages_query_counts_do_not_grow(client, mapped):
    first, _ = mapped
    client.get("/observatorio/riesgos/")
    few_map = count_queries(lambda: client.get("/observatorio/riesgos/"))
    few_detail = count_queries(lambda: client.get("/observatorio/riesgos/RC-01/"))
    for n in range(3, 15):
        extra = make_risk(f"RC-{n:02d}", office=first.office)
        control(extra)
        action(extra)
    for n in range(5):
        control(first, f"Control {n}")
        action(first, f"Acción {n}")
    for year in range(2020, 2025):
        followup(first, datetime.date(year, 8, 31))
    assert count_queries(lambda: client.get("/observatorio/riesgos/")) == few_map <= 6
    assert count_queries(lambda: client.get("/observatorio/riesgos/RC-01/")) == few_detail <= 8


def test_the_plan_links_component_one_to_the_risk_map(client, mapped):
    plan = PlanFactory(year=2026)
    component(plan, 1, "Gestión del riesgo de corrupción")
    html = client.get(plan.get_absolute_url()).content.decode()
    assert 'href="/observatorio/riesgos/"' in html


# --- API, open data, search ---


def test_api_risks_per_contract(client, mapped):
    data = client.get("/api/v1/risks/").json()
    assert data["count"] == 2
    first = data["results"][0]
    assert (
        first["code"] == "RC-01"
        and first["process"] == "contratacion"
        and first["office"] == "Secretaría Jurídica"
    )
    assert first["inherent"] == {"probability": 4, "impact": 5, "level": "extreme"}
    assert first["residual"] == {"probability": 2, "impact": 5, "level": "extreme"}
    assert (
        first["controls"][0]["kind"] == "preventive"
        and first["controls"][0]["owner"] == "Secretaría Jurídica"
    )
    assert first["actions"][0]["due_on"] == "2026-11-30" and first["actions"][0]["done_on"] is None
    assert [f["cut"] for f in first["followups"]] == ["2025-12-31", "2026-04-30"]
    assert client.get("/api/v1/risks/99999/").status_code == 404


def test_api_query_count_is_constant(client, mapped):
    few = count_queries(lambda: client.get("/api/v1/risks/"))
    for n in range(3, 12):
        extra = make_risk(f"RC-{n:02d}", office=mapped[0].office)
        control(extra)
        followup(extra, datetime.date(2025, 4, 30))
    assert count_queries(lambda: client.get("/api/v1/risks/")) == few <= 7


def test_risk_map_in_the_catalogue_as_csv_and_json(client, mapped):
    catalogue = client.get("/datos/catalogo.json").json()
    dataset = next(d for d in catalogue["dataset"] if "mapa-riesgos" in d["identifier"])
    assert {d["mediaType"] for d in dataset["distribution"]} == {"text/csv", "application/json"}
    rows = client.get("/observatorio/riesgos/datos.csv").content.decode().splitlines()
    assert rows[0].startswith("code,process,office,title")
    assert rows[1].startswith("RC-01,contratacion,Secretaría Jurídica")
    assert ",4,5,extreme,2,5,extreme,1,1,2026-04-30,60," in rows[1]
    assert client.get("/observatorio/riesgos/datos.json").json()["risks"][1]["code"] == "RC-02"


# --- the admin, per role ---


@pytest.mark.parametrize(
    ("who", "path", "allowed"),
    [
        ("editor", "/cms-admin/observatorio/riesgos/new/", True),
        ("supervisor", "/cms-admin/observatorio/riesgos/new/", False),
        ("citizen", "/cms-admin/observatorio/riesgos/new/", False),
        ("supervisor", "/cms-admin/observatorio/seguimiento-riesgos/new/", True),
        ("editor", "/cms-admin/observatorio/seguimiento-riesgos/new/", False),
        ("citizen", "/cms-admin/observatorio/seguimiento-riesgos/new/", False),
    ],
)
def test_admin_screens_per_role(client_for, editor, supervisor, citizen, who, path, allowed):
    user = {"editor": editor, "supervisor": supervisor, "citizen": citizen}[who]
    status = client_for(user).get(path).status_code
    assert (status == 200) is allowed, status


def _risk_form(**overrides) -> dict:
    data = {
        "code": "RC-20",
        "process": "talento_humano",
        "title": "Nombramientos sin el lleno de requisitos",
        "description": "Vinculación de personas que no cumplen el perfil.",
        "causes": "Presión política.",
        "consequences": "Servicio deficiente.",
        "inherent_probability": "3",
        "inherent_impact": "4",
        "residual_probability": "4",
        "residual_impact": "4",
        "published": "on",
        "controls-TOTAL_FORMS": "0",
        "controls-INITIAL_FORMS": "0",
        "actions-TOTAL_FORMS": "0",
        "actions-INITIAL_FORMS": "0",
    }
    return {**data, **overrides}


def test_editor_creating_a_risk_with_residual_above_inherent_sees_why(client_for, editor, mapped):
    client = client_for(editor)
    data = _risk_form(office=str(mapped[0].office_id))
    response = client.post("/cms-admin/observatorio/riesgos/new/", data)
    assert response.status_code == 200
    assert "no puede ser mayor que el inherente" in response.content.decode()
    assert not Risk.objects.filter(code="RC-20").exists()
    response = client.post("/cms-admin/observatorio/riesgos/new/", {**data, "residual_probability": "2"})
    assert response.status_code == 302
    assert Risk.objects.get(code="RC-20").residual_level == "high"


def test_supervisor_records_a_follow_up_in_the_admin_only_on_a_cut(client_for, supervisor, mapped):
    client = client_for(supervisor)
    data = {"risk": str(mapped[1].pk), "cut_on": "2025-06-15", "progress": "50", "notes": "Revisado."}
    response = client.post("/cms-admin/observatorio/seguimiento-riesgos/new/", data)
    assert response.status_code == 200 and "cortes legales" in response.content.decode()
    assert not mapped[1].followups.exists()
    response = client.post(
        "/cms-admin/observatorio/seguimiento-riesgos/new/", {**data, "cut_on": "2025-08-31"}
    )
    assert response.status_code == 302
    assert mapped[1].followups.get().author == supervisor
