"""Reports to the end: referrals to the competent authorities and the outcome, seen by the
reporter with the receipt (page and API) and announced by e-mail; the reporter's survey;
reports recorded by staff on other channels with a printable receipt; and the permissions
on every one of these edits, by form and by API."""

import datetime
import re

import pytest
from django.core import mail
from django.urls import reverse

from reports import services
from reports.models import AuditEntry, Outcome, Referral, Report, StatusChange
from reports.selectors import today
from tests.accounts.factories import UserFactory
from tests.reports.conftest import DESCRIPTION, form_data
from tests.utils import count_queries

SUMMARY = "La Procuraduría sancionó al interventor con suspensión de seis meses en el cargo."
WEEK_AGO = today() - datetime.timedelta(days=7)


@pytest.fixture
def make_report(make_report):
    """Reports received two weeks ago, so that a referral a week ago is after their receipt."""

    def make(**kwargs):
        report, receipt = make_report(**kwargs)
        Report.objects.filter(pk=report.pk).update(received_on=today() - datetime.timedelta(days=14))
        report.refresh_from_db()
        return report, receipt

    return make


@pytest.fixture
def report_and_receipt(make_report):
    return make_report(contact_name="Rosa Quintero", contact_email="rosa.quintero@correo.example")


def _refer(report, handler, **kwargs):
    values = {"authority": "procuraduria", "referred_on": WEEK_AGO, "case_reference": "IUS-2026-0456"}
    return services.referral_create(report=report, by=handler, **{**values, **kwargs})


def _decide(report, handler, **kwargs):
    values = {
        "decision": "disciplinary_sanction",
        "decided_on": today(),
        "authority": "procuraduria",
        "summary": SUMMARY,
    }
    return services.outcome_record(report=report, by=handler, **{**values, **kwargs})


def _api(client, method, path, data):
    return getattr(client, method)(path, data, content_type="application/json")


def test_a_referral_and_an_outcome_reach_the_reporter_by_api_page_and_email(
    client, client_for, handler, report_and_receipt, django_capture_on_commit_callbacks
):
    report, receipt = report_and_receipt
    api = client_for(handler)
    with django_capture_on_commit_callbacks(execute=True):
        created = _api(
            api,
            "post",
            f"/api/v1/reports/{report.pk}/referrals/",
            {
                "authority": "procuraduria",
                "referred_on": WEEK_AGO.isoformat(),
                "case_reference": "IUS-2026-0456",
            },
        )
    assert created.status_code == 201, created.content
    referral_id = created.json()["id"]
    with django_capture_on_commit_callbacks(execute=True):
        moved = _api(
            api, "patch", f"/api/v1/reports/{report.pk}/referrals/{referral_id}/", {"stage": "investigating"}
        )
    assert moved.status_code == 200 and moved.json()["stage"] == "investigating"
    with django_capture_on_commit_callbacks(execute=True):
        decided = _api(
            api,
            "put",
            f"/api/v1/reports/{report.pk}/outcome/",
            {
                "decision": "disciplinary_sanction",
                "decided_on": today().isoformat(),
                "authority": "procuraduria",
                "summary": SUMMARY,
            },
        )
    assert decided.status_code == 200, decided.content
    # Each change told the reporter there is news, and never what.
    assert len(mail.outbox) == 3
    assert all(m.to == ["rosa.quintero@correo.example"] for m in mail.outbox)
    assert all("Procuraduría" not in m.body and "sancion" not in m.body for m in mail.outbox)
    # Who did it and when is in the audit log and the history.
    actions = list(AuditEntry.objects.filter(report=report, user=handler).values_list("action", flat=True))
    assert {"refer", "referral_stage", "decide"} <= set(actions)
    assert StatusChange.objects.filter(report=report, by=handler).count() == 3

    client.logout()
    looked = _api(client, "post", "/api/v1/reports/lookup/", {"receipt": receipt})
    data = looked.json()
    assert data["referrals"] == [
        {
            "authority": "procuraduria",
            "authority_name": "Procuraduría General de la Nación",
            "referred_on": WEEK_AGO.isoformat(),
            "case_reference": "IUS-2026-0456",
            # Deciding marks the deciding authority's referral decided.
            "stage": "decided",
            "updated_on": today().isoformat(),
        }
    ]
    assert data["outcome"]["decision"] == "disciplinary_sanction"
    assert data["outcome"]["decided_on"] == today().isoformat()
    assert data["outcome"]["authority"] == "procuraduria"
    assert data["outcome"]["summary"] == SUMMARY
    assert data["outcome"]["survey_answered"] is False

    page = client.post(reverse("reports:lookup"), {"receipt": receipt})
    html = page.content.decode()
    assert "Procuraduría General de la Nación" in html and "IUS-2026-0456" in html
    assert "Sanción disciplinaria" in html and SUMMARY in html
    assert "Encuesta" in html


def test_the_lookup_without_referrals_says_null_outcome(client, make_report):
    _report, receipt = make_report()
    data = _api(client, "post", "/api/v1/reports/lookup/", {"receipt": receipt}).json()
    assert data["referrals"] == [] and data["outcome"] is None


def test_the_reporter_answers_the_survey_once_by_page_and_by_api(client, handler, make_report):
    report, receipt = make_report()
    _decide(report, handler)
    answered = client.post(
        reverse("reports:reporter_survey"),
        {"receipt": receipt, "satisfaction": "4", "would_report_again": "1"},
    )
    assert answered.status_code == 200
    assert "Gracias por responder" in answered.content.decode()
    outcome = Outcome.objects.get()
    assert (outcome.satisfaction, outcome.would_report_again, outcome.surveyed_on) == (4, True, today())
    again = _api(client, "post", "/api/v1/reports/lookup/survey/", {"receipt": receipt, "satisfaction": 1})
    assert again.status_code == 409 and "ya respondió" in again.json()["detail"]
    assert Outcome.objects.get().satisfaction == 4


def test_the_survey_waits_for_a_decision_and_refuses_bad_scores(client, make_report):
    _report, receipt = make_report()
    early = _api(client, "post", "/api/v1/reports/lookup/survey/", {"receipt": receipt, "satisfaction": 5})
    assert early.status_code == 409 and "todavía no tiene una decisión" in early.json()["detail"]
    bad = _api(client, "post", "/api/v1/reports/lookup/survey/", {"receipt": receipt, "satisfaction": 9})
    assert bad.status_code == 400 and "satisfaction" in bad.json()


def test_a_referral_moves_forward_only_and_bad_input_changes_nothing(handler, make_report):
    report, _ = make_report()
    referral = _refer(report, handler, stage="investigating")
    with pytest.raises(services.Refused, match="no puede volver a «enviada»"):
        services.referral_update(referral=referral, by=handler, stage="sent")
    with pytest.raises(services.Refused, match="nombre de la otra entidad"):
        _refer(report, handler, authority="other", other_authority="  ")
    with pytest.raises(services.Refused, match="posterior a hoy"):
        _refer(report, handler, referred_on=today() + datetime.timedelta(days=1))
    with pytest.raises(services.Refused, match="anterior a la recepción"):
        _decide(report, handler, decided_on=report.received_on - datetime.timedelta(days=1))
    with pytest.raises(services.Refused, match="resumen"):
        _decide(report, handler, summary=" ")
    referral.refresh_from_db()
    assert referral.stage == "investigating"
    assert Referral.objects.count() == 1 and not Outcome.objects.exists()


def test_another_entity_is_named_and_a_withdrawn_report_is_not_referred(handler, make_report):
    report, _ = make_report()
    referral = _refer(report, handler, authority="other", other_authority="Superintendencia de Salud")
    assert referral.authority_name == "Superintendencia de Salud"
    services.reporter_withdraw(report=report)
    with pytest.raises(services.Refused, match="desistió"):
        _refer(report, handler)
    assert Referral.objects.count() == 1


def test_the_handler_refers_updates_and_decides_from_the_report_page(client_for, handler, make_report):
    report, _ = make_report()
    client = client_for(handler)
    page = client.get(reverse("reports:handle", args=[report.pk]))
    assert "Remitir a una autoridad" in page.content.decode()
    referred = client.post(
        reverse("reports:refer", args=[report.pk]),
        {
            "remitir-authority": "fiscalia",
            "remitir-referred_on": WEEK_AGO.isoformat(),
            "remitir-case_reference": "",
            "remitir-stage": "sent",
        },
    )
    assert referred.status_code == 302
    referral = Referral.objects.get()
    updated = client.post(
        reverse("reports:referral_stage", args=[report.pk, referral.pk]),
        {
            f"remision-{referral.pk}-stage": "acknowledged",
            f"remision-{referral.pk}-case_reference": "NUNC 6800",
        },
    )
    assert updated.status_code == 302
    referral.refresh_from_db()
    assert (referral.stage, referral.case_reference, referral.updated_on) == (
        "acknowledged",
        "NUNC 6800",
        today(),
    )
    refused = client.post(
        reverse("reports:referral_stage", args=[report.pk, referral.pk]),
        {f"remision-{referral.pk}-stage": "sent"},
    )
    assert refused.status_code == 400 and "no puede volver" in refused.content.decode()
    decided = client.post(
        reverse("reports:decide", args=[report.pk]),
        {
            "decision-decision": "criminal_charges",
            "decision-decided_on": today().isoformat(),
            "decision-authority": "fiscalia",
            "decision-other_authority": "",
            "decision-summary": "La Fiscalía imputó el delito de concusión.",
        },
    )
    assert decided.status_code == 302
    assert Outcome.objects.get().decision == "criminal_charges"
    missing = client.post(reverse("reports:decide", args=[report.pk]), {"decision-decision": "archived"})
    assert missing.status_code == 400 and Outcome.objects.get().decision == "criminal_charges"


# Staff record reports from other channels


def test_a_report_by_phone_is_recorded_with_its_date_of_receipt_and_a_printable_receipt(
    client, client_for, handler
):
    received = today() - datetime.timedelta(days=3)
    staff = client_for(handler)
    assert staff.get(reverse("reports:record")).status_code == 200
    data = form_data(channel="phone", received_on=received.isoformat(), contact_email="")
    del data["website"], data["started"]
    response = staff.post(reverse("reports:record"), data)
    assert response.status_code == 201
    html = response.content.decode()
    receipt = re.search(r'id="receipt-code">([\d ]+)<', html).group(1)
    assert "Constancia de recepción" in html and "Teléfono" in html
    report = Report.objects.get()
    assert report.channel == "phone" and report.received_on == received
    # The terms run from the date of receipt.
    assert report.due_on == services.add_business_days(received, 15)
    assert AuditEntry.objects.filter(report=report, user=handler, action="record").exists()
    staff.logout()
    looked = _api(client, "post", "/api/v1/reports/lookup/", {"receipt": receipt})
    assert looked.status_code == 200 and looked.json()["channel"] == "phone"
    assert "teléfono" in looked.json()["history"][0]["reason"]


@pytest.mark.parametrize(
    ("channel", "received_on", "message"),
    [
        ("web", "today", "opción válida"),
        ("letter", "tomorrow", "posterior a hoy"),
        ("email", "long_ago", "más de 60 días"),
    ],
)
def test_staff_recording_refuses_bad_channels_and_dates_and_keeps_nothing(
    client_for, handler, channel, received_on, message
):
    day = {
        "today": today(),
        "tomorrow": today() + datetime.timedelta(days=1),
        "long_ago": today() - datetime.timedelta(days=90),
    }[received_on]
    data = form_data(channel=channel, received_on=day.isoformat())
    response = client_for(handler).post(reverse("reports:record"), data)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Report.objects.exists()


# Permissions on every edit, by form and by API


@pytest.fixture
def outsiders(db, supervisor, superuser):
    return {
        "anonymous": None,
        "citizen": UserFactory(display_name="Ciudadana"),
        "supervisor": supervisor,
        "superuser": superuser,
    }


@pytest.mark.parametrize("who", ["anonymous", "citizen", "supervisor", "superuser"])
def test_only_handlers_refer_update_decide_and_record_by_form(
    client, client_for, outsiders, who, make_report
):
    report, _ = make_report()
    handler = UserFactory(groups=["report_handlers"])
    referral = _refer(report, handler)
    user = outsiders[who]
    web = client_for(user) if user else client
    posts = [
        (
            reverse("reports:refer", args=[report.pk]),
            {"remitir-authority": "fiscalia", "remitir-referred_on": today().isoformat()},
        ),
        (
            reverse("reports:referral_stage", args=[report.pk, referral.pk]),
            {f"remision-{referral.pk}-stage": "decided"},
        ),
        (
            reverse("reports:decide", args=[report.pk]),
            {
                "decision-decision": "archived",
                "decision-decided_on": today().isoformat(),
                "decision-authority": "fiscalia",
                "decision-summary": "x",
            },
        ),
        (reverse("reports:record"), {**form_data(), "channel": "phone", "received_on": today().isoformat()}),
    ]
    for url, data in posts:
        response = web.post(url, data)
        assert response.status_code in (302, 403), url
        if response.status_code == 302:
            assert "/cuenta/" in response["Location"] or "login" in response["Location"]
    referral.refresh_from_db()
    assert referral.stage == "sent" and Referral.objects.count() == 1
    assert not Outcome.objects.exists() and Report.objects.count() == 1


@pytest.mark.parametrize("who", ["anonymous", "citizen", "supervisor", "superuser"])
def test_only_handlers_refer_update_and_decide_by_api(client, client_for, outsiders, who, make_report):
    report, _ = make_report()
    handler = UserFactory(groups=["report_handlers"])
    referral = _refer(report, handler)
    user = outsiders[who]
    api = client_for(user) if user else client
    calls = [
        (
            "post",
            f"/api/v1/reports/{report.pk}/referrals/",
            {"authority": "fiscalia", "referred_on": str(today())},
        ),
        ("patch", f"/api/v1/reports/{report.pk}/referrals/{referral.pk}/", {"stage": "decided"}),
        (
            "put",
            f"/api/v1/reports/{report.pk}/outcome/",
            {"decision": "archived", "decided_on": str(today()), "authority": "fiscalia", "summary": "x"},
        ),
    ]
    for method, path, data in calls:
        response = _api(api, method, path, data)
        assert response.status_code == 403, (path, response.content)
        assert response.json()["detail"]
    referral.refresh_from_db()
    assert referral.stage == "sent" and Referral.objects.count() == 1 and not Outcome.objects.exists()


def test_the_handling_api_refuses_in_spanish_or_english_and_answers_404_for_no_report(
    client_for, handler, make_report
):
    report, _ = make_report()
    api = client_for(handler)
    refused = _api(api, "post", f"/api/v1/reports/{report.pk}/referrals/", {"authority": "fiscalia"})
    assert refused.status_code == 400 and "referred_on" in refused.json()
    other = _api(
        api,
        "post",
        f"/api/v1/reports/{report.pk}/referrals/",
        {"authority": "other", "referred_on": str(today())},
    )
    assert other.status_code == 400 and other.json()["detail"] == "Escriba el nombre de la otra entidad."
    missing = _api(api, "put", "/api/v1/reports/999999/outcome/", {})
    assert missing.status_code == 404 and missing.json()["detail"]
    stranger = UserFactory()
    english = api.generic(
        "PUT",
        f"/api/v1/reports/{report.pk}/outcome/",
        '{"decision": "archived", "decided_on": "2000-01-01", "authority": "fiscalia", "summary": "x"}',
        content_type="application/json",
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert english.status_code == 400 and english.json()["code"] == "before_receipt"
    nothing = _api(api, "patch", f"/api/v1/reports/{report.pk}/referrals/99999/", {"stage": "sent"})
    assert nothing.status_code == 404
    api.force_login(stranger, backend="django.contrib.auth.backends.ModelBackend")
    forbidden = _api(api, "put", f"/api/v1/reports/{report.pk}/outcome/", {})
    assert forbidden.status_code == 403 and "Oficina de Transparencia" in forbidden.json()["detail"]
    assert not Referral.objects.exists()


def test_the_handling_api_enforces_csrf(client, handler, make_report):
    from django.test import Client

    report, _ = make_report()
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(handler, backend="django.contrib.auth.backends.ModelBackend")
    response = _api(strict, "post", f"/api/v1/reports/{report.pk}/referrals/", {"authority": "fiscalia"})
    assert response.status_code == 403 and "CSRF" in response.json()["detail"]


# Query counts


def test_the_follow_up_pages_and_endpoints_have_bounded_queries(client, client_for, handler, make_report):
    def with_follow_up(n):
        report, receipt = make_report()
        for i in range(n):
            _refer(report, handler, authority=["fiscalia", "contraloria", "personeria"][i % 3])
        _decide(report, handler)
        return report, receipt

    small, small_receipt = with_follow_up(1)
    large, large_receipt = with_follow_up(6)
    web = client_for(handler)
    for url in (reverse("reports:handle", args=[small.pk]), reverse("reports:handle", args=[large.pk])):
        assert web.get(url).status_code == 200
    handle_small = count_queries(lambda: web.get(reverse("reports:handle", args=[small.pk])))
    handle_large = count_queries(lambda: web.get(reverse("reports:handle", args=[large.pk])))
    assert handle_large == handle_small
    web.logout()
    lookup = [
        count_queries(lambda r=r: _api(client, "post", "/api/v1/reports/lookup/", {"receipt": r}))
        for r in (small_receipt, large_receipt)
    ]
    assert lookup[0] == lookup[1] <= 12
    page = [
        count_queries(lambda r=r: client.post(reverse("reports:lookup"), {"receipt": r}))
        for r in (small_receipt, large_receipt)
    ]
    assert page[0] == page[1] <= 15
    assert DESCRIPTION


def test_the_citys_offices_are_suggested_for_another_entity(client_for, handler, make_report):
    from accounts.models import Office

    Office.objects.create(name="Secretaría de Infraestructura", slug="infraestructura")
    Office.objects.create(name="Oficina Antigua", slug="antigua", active=False)
    report, _ = make_report()
    client = client_for(handler)
    page = client.get(reverse("reports:handle", args=[report.pk])).content.decode()
    datalist = re.search(
        r'<datalist id="id_remitir-other_authority-sugerencias">(.*?)</datalist>', page, re.S
    )
    assert datalist and 'value="Secretaría de Infraestructura"' in datalist.group(1)
    assert "Oficina Antigua" not in datalist.group(1)
    assert 'list="id_remitir-other_authority-sugerencias"' in page
    referred = client.post(
        reverse("reports:refer", args=[report.pk]),
        {
            "remitir-authority": "other",
            "remitir-other_authority": "Secretaría de Infraestructura",
            "remitir-referred_on": WEEK_AGO.isoformat(),
            "remitir-stage": "sent",
        },
    )
    assert referred.status_code == 302
    assert Referral.objects.get().authority_name == "Secretaría de Infraestructura"
