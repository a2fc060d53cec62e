"""Answers after closing and the global report of observations: HTML, CSV, PDF and API list every
comment with its answer; participants are told when it is out."""

import csv
import io

import pytest
from pypdf import PdfReader

from accounts.models import Notification
from consultations import services
from consultations.models import CommentAnswer, ConsultationPage
from tests.consultations.factories import add_answer, add_comment, make_consultation
from tests.utils import count_queries

pytestmark = pytest.mark.django_db


@pytest.fixture
def answered(citizen, other_citizen):
    page = make_consultation("answered", title="Borrador del PAAC 2027")
    first, second = page.sections.all()[:2]
    accepted = add_comment(first, citizen, body="Publiquen los contratos en datos abiertos.", stance="for")
    rejected = add_comment(
        second, other_citizen, body="Eliminen el componente de rendición.", stance="against"
    )
    add_answer(accepted, decision="accepted", body="Se acoge: el artículo cita el portal de datos abiertos.")
    add_answer(rejected, decision="not_accepted", body="No se acoge: la rendición de cuentas es obligatoria.")
    return page


def test_editor_answers_only_after_closing(client_for, editor, citizen):
    open_page = make_consultation("open")
    comment = add_comment(open_page.sections.first(), citizen)
    response = client_for(editor).post(
        f"{open_page.url}comentarios/{comment.pk}/responder/", {"decision": "accepted", "body": "Sí."}
    )
    assert not CommentAnswer.objects.exists()
    closed = make_consultation("closed")
    comment = add_comment(closed.sections.first(), citizen)
    url = f"{closed.url}comentarios/{comment.pk}/responder/"
    response = client_for(editor).post(url, {"decision": "partly", "body": ""})
    assert response.status_code == 400 and not CommentAnswer.objects.exists()
    response = client_for(editor).post(url, {"decision": "partly", "body": "Se acoge en parte."})
    assert response.status_code == 302
    assert CommentAnswer.objects.get().decision == "partly"


def test_citizen_cannot_answer(client_for, citizen):
    page = make_consultation("closed")
    comment = add_comment(page.sections.first(), citizen)
    client_for(citizen).post(
        f"{page.url}comentarios/{comment.pk}/responder/", {"decision": "accepted", "body": "Sí"}
    )
    assert not CommentAnswer.objects.exists()


def test_report_is_published_only_when_every_comment_is_answered_and_participants_are_told(
    client_for, client, editor, citizen, other_citizen
):
    page = make_consultation("closed")
    first = add_comment(page.sections.first(), citizen)
    second = add_comment(page.sections.first(), other_citizen, stance="neutral")
    assert client.get(f"{page.url}informe/").status_code == 404
    add_answer(first)
    editor_client = client_for(editor)
    response = editor_client.post(f"{page.url}publicar-informe/", follow=True)
    assert "Faltan 1 observaciones por responder" in response.content.decode()
    assert ConsultationPage.objects.get(pk=page.pk).report_published_at is None
    add_answer(second, decision="partly")
    editor_client.post(f"{page.url}publicar-informe/")
    page.refresh_from_db()
    assert page.status == "answered"
    notified = set(Notification.objects.values_list("recipient__email", flat=True))
    assert notified == {citizen.email, other_citizen.email}
    assert set(Notification.objects.values_list("kind", flat=True)) == {"consultation_report"}
    assert client.get(f"/api/v1/consultations/{page.pk}/").json()["status"] == "answered"


def test_html_report_lists_every_comment_with_its_answer(client, answered):
    html = client.get(f"{answered.url}informe/").content.decode()
    for text in (
        "Publiquen los contratos en datos abiertos.",
        "Se acoge: el artículo cita el portal de datos abiertos.",
        "Eliminen el componente de rendición.",
        "No se acoge: la rendición de cuentas es obligatoria.",
        "Aceptada",
        "No aceptada",
    ):
        assert text in html


def test_csv_report_has_a_row_per_comment_with_the_answer(client, answered):
    response = client.get(f"{answered.url}informe.csv")
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert [(row["observacion"], row["decision"]) for row in rows] == [
        ("Publiquen los contratos en datos abiertos.", "accepted"),
        ("Eliminen el componente de rendición.", "not_accepted"),
    ]
    assert rows[0]["respuesta"] == "Se acoge: el artículo cita el portal de datos abiertos."
    assert rows[0]["dependencia"] == "Secretaría Jurídica"


def test_pdf_report_opens_and_contains_the_text(client, answered):
    response = client.get(f"{answered.url}informe.pdf")
    assert response["Content-Type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(response.content))
    text = " ".join(" ".join((page.extract_text() or "").split()) for page in reader.pages)
    assert "Informe global de observaciones" in text
    assert "Borrador del PAAC 2027" in text
    assert "No se acoge: la rendición de cuentas es obligatoria." in text
    assert "Publiquen los contratos en datos abiertos." in text


def test_without_the_dejavu_fonts_the_pdf_still_prints_every_spanish_letter(
    client, answered, monkeypatch, tmp_path
):
    from consultations import pdf

    monkeypatch.setattr(pdf, "FONT_DIRS", [tmp_path])  # a server without fonts-dejavu-core
    response = client.get(f"{answered.url}informe.pdf")
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(response.content))
    text = " ".join(" ".join((page.extract_text() or "").split()) for page in reader.pages)
    assert "No se acoge: la rendición de cuentas es obligatoria." in text


def test_api_report_lists_every_comment_with_its_answer(client, answered):
    body = client.get(f"/api/v1/consultations/{answered.pk}/report/").json()
    comments = [comment for section in body["sections"] for comment in section["comments"]]
    assert [(c["stance"], c["answer"]["accepted"]) for c in comments] == [
        ("for", "accepted"),
        ("against", "not_accepted"),
    ]
    assert comments[1]["answer"]["office"] == "Secretaría Jurídica"
    assert body["totals"]["comments"] == 2
    assert body["csv_url"].endswith("informe.csv")


def test_unpublished_report_is_404_in_every_format(client):
    page = make_consultation("closed")
    for url in (f"{page.url}informe/", f"{page.url}informe.csv", f"{page.url}informe.pdf"):
        assert client.get(url).status_code == 404
    response = client.get(f"/api/v1/consultations/{page.pk}/report/")
    assert response.status_code == 404 and "aún no se ha publicado" in response.json()["detail"]


def test_answers_hidden_in_the_comments_api_until_the_report_is_out(client, citizen, editor):
    page = make_consultation("closed")
    comment = add_comment(page.sections.first(), citizen)
    add_answer(comment)
    url = f"/api/v1/consultations/{page.pk}/sections/{comment.section_id}/comments/"
    assert client.get(url).json()["results"][0]["answer"] is None
    services.consultation_report_publish(page=page, by=editor)
    assert client.get(url).json()["results"][0]["answer"]["accepted"] == "accepted"


def test_report_queries_do_not_grow(client, answered, citizen):
    def load():
        assert client.get(f"{answered.url}informe/").status_code == 200
        assert client.get(f"{answered.url}informe.csv").status_code == 200
        assert client.get(f"/api/v1/consultations/{answered.pk}/report/").status_code == 200

    load()  # warm the caches (site root paths, navigation)
    few = count_queries(load)
    for section in answered.sections.all():
        add_answer(add_comment(section, citizen, proposed_text="Nueva redacción."), decision="partly")
    assert count_queries(load) == few


def test_list_api_contract(client, answered):
    make_consultation("open")
    body = client.get("/api/v1/consultations/").json()
    assert body["count"] == 2
    item = body["results"][0]
    assert {"id", "title", "url", "status", "opens_at", "closes_at"} <= set(item)
    detail = client.get(f"/api/v1/consultations/{answered.pk}/").json()
    assert [s["comment_count"] for s in detail["sections"]] == [1, 1, 0]
    assert {"id", "number", "heading", "text_html", "comment_count"} == set(detail["sections"][0])
