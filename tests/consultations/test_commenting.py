"""Commenting on a consultation: only while open, only verified accounts (and organisations through
approved members), on the page's form and in the API; bad input changes nothing."""

import pytest

from consultations.models import ConsultationComment
from tests.accounts.factories import MembershipFactory, OrganizationFactory
from tests.consultations.factories import add_comment, make_consultation
from tests.utils import count_queries

pytestmark = pytest.mark.django_db

GOOD = {"stance": "against", "body": "El plazo de un mes es muy largo para publicar los contratos."}


def form_data(section, **fields):
    return {f"s{section.pk}-{name}": value for name, value in {**GOOD, **fields}.items()}


def comment_url(page, section):
    return f"{page.url}secciones/{section.pk}/comentar/"


def api_url(page, section):
    return f"/api/v1/consultations/{page.pk}/sections/{section.pk}/comments/"


def test_verified_citizen_comments_an_open_section_and_the_count_shows(client_for, citizen):
    page = make_consultation("open")
    section = page.sections.first()
    client = client_for(citizen)
    response = client.post(comment_url(page, section), form_data(section, proposed_text="x"))
    assert response.status_code == 302
    comment = ConsultationComment.objects.get()
    assert (comment.author, comment.section, comment.stance) == (citizen, section, "against")
    html = client.get(page.url).content.decode()
    assert "1 observación" in html
    assert "El plazo de un mes es muy largo" in html


@pytest.mark.parametrize("status", ["upcoming", "closed", "answered"])
def test_no_comment_outside_the_open_period(client_for, citizen, status):
    page = make_consultation(status)
    section = page.sections.first()
    client = client_for(citizen)
    response = client.post(comment_url(page, section), form_data(section), follow=True)
    assert not ConsultationComment.objects.exists()
    text = response.content.decode()
    assert ("aún no está abierta" in text) if status == "upcoming" else ("ya cerró" in text)
    assert f"s{section.pk}-body" not in client.get(page.url).content.decode()  # no form shown


def test_unverified_account_is_refused_with_the_reason(client_for, unverified_user):
    page = make_consultation("open")
    section = page.sections.first()
    response = client_for(unverified_user).post(comment_url(page, section), form_data(section), follow=True)
    assert not ConsultationComment.objects.exists()
    assert "verifique su correo" in response.content.decode()


def test_anonymous_is_sent_to_log_in(client):
    page = make_consultation("open")
    section = page.sections.first()
    response = client.post(comment_url(page, section), form_data(section))
    assert response.status_code == 302 and "/cuenta/login/" in response["Location"]
    assert not ConsultationComment.objects.exists()


def test_missing_stance_keeps_the_text_and_says_why(client_for, citizen):
    page = make_consultation("open")
    section = page.sections.first()
    response = client_for(citizen).post(comment_url(page, section), form_data(section, stance=""))
    assert response.status_code == 400
    text = response.content.decode()
    assert "Elija su postura" in text
    assert GOOD["body"] in text  # what the person wrote is still there
    assert not ConsultationComment.objects.exists()


def test_organisation_comment_needs_an_approved_membership(client_for, citizen):
    page = make_consultation("open")
    section = page.sections.first()
    org = OrganizationFactory(name="Veeduría Ciudadana", verified=True)
    MembershipFactory(user=citizen, organization=org, status="pending")
    response = client_for(citizen).post(
        api_url(page, section), {**GOOD, "organization": org.pk}, content_type="application/json"
    )
    assert response.status_code == 403 and response.json()["code"] == "not_a_member"
    MembershipFactory(user=citizen, organization=OrganizationFactory(name="Otra", verified=True))
    citizen.memberships.filter(organization=org).update(status="approved")
    response = client_for(citizen).post(
        api_url(page, section), {**GOOD, "organization": org.pk}, content_type="application/json"
    )
    assert response.status_code == 201
    assert response.json()["organization"] == "Veeduría Ciudadana"


def test_api_post_while_open_and_403_with_reason_when_closed(client_for, citizen):
    open_page, closed_page = make_consultation("open"), make_consultation("closed")
    client = client_for(citizen)
    response = client.post(
        api_url(open_page, open_page.sections.first()), GOOD, content_type="application/json"
    )
    assert response.status_code == 201
    body = response.json()
    assert body["stance"] == "against" and body["answer"] is None and "<p>" in body["body_html"]
    response = client.post(
        api_url(closed_page, closed_page.sections.first()), GOOD, content_type="application/json"
    )
    assert response.status_code == 403
    assert response.json()["detail"] == "Esta consulta ya cerró: no recibe más comentarios."
    response = client.post(
        api_url(closed_page, closed_page.sections.first()),
        GOOD,
        content_type="application/json",
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert response.status_code == 403
    assert ConsultationComment.objects.count() == 1


def test_api_refuses_anonymous_unverified_and_bad_stance(client, client_for, unverified_user, citizen):
    page = make_consultation("open")
    url = api_url(page, page.sections.first())
    assert client.post(url, GOOD, content_type="application/json").status_code in {401, 403}
    response = client_for(unverified_user).post(url, GOOD, content_type="application/json")
    assert response.status_code == 403 and response.json()["code"] == "not_verified"
    response = client_for(citizen).post(url, {**GOOD, "stance": "maybe"}, content_type="application/json")
    assert response.status_code == 400 and "stance" in response.json()
    assert not ConsultationComment.objects.exists()


def test_section_of_another_consultation_is_404(client_for, citizen):
    page, other = make_consultation("open"), make_consultation("open")
    response = client_for(citizen).post(
        api_url(page, other.sections.first()), GOOD, content_type="application/json"
    )
    assert response.status_code == 404


def test_proposed_wording_is_shown_as_an_accessible_diff(client_for, citizen):
    page = make_consultation("open")
    section = page.sections.first()
    client_for(citizen).post(
        comment_url(page, section),
        form_data(section, proposed_text=section.text.replace("cada mes", "cada semana")),
    )
    html = client_for(citizen).get(page.url).content.decode()
    assert "<del>" in html and "<ins>" in html
    assert "texto eliminado:" in html and "texto añadido:" in html
    assert "semana" in html


def test_stance_filter_shows_only_that_stance(client, other_citizen, citizen):
    page = make_consultation("open")
    section = page.sections.first()
    add_comment(section, citizen, body="Totalmente de acuerdo con publicar.", stance="for")
    add_comment(section, other_citizen, body="No estoy de acuerdo con el plazo.", stance="against")
    html = client.get(page.url + "?postura=against").content.decode()
    assert "No estoy de acuerdo" in html and "Totalmente de acuerdo" not in html


def test_moderator_hides_a_comment_with_a_public_reason(client_for, moderator, citizen):
    page = make_consultation("open")
    comment = add_comment(page.sections.first(), citizen, body="Insulto a un funcionario.")
    client = client_for(moderator)
    client.post(f"{page.url}comentarios/{comment.pk}/ocultar/", {"reason": ""})
    comment.refresh_from_db()
    assert not comment.hidden  # a reason is required
    client.post(f"{page.url}comentarios/{comment.pk}/ocultar/", {"reason": "Lenguaje ofensivo."})
    comment.refresh_from_db()
    assert comment.hidden
    html = client_for(citizen).get(page.url).content.decode()
    assert "Lenguaje ofensivo." in html and "Insulto a un funcionario." not in html


def test_citizen_cannot_hide(client_for, citizen, other_citizen):
    page = make_consultation("open")
    comment = add_comment(page.sections.first(), other_citizen)
    client_for(citizen).post(f"{page.url}comentarios/{comment.pk}/ocultar/", {"reason": "No me gusta."})
    comment.refresh_from_db()
    assert not comment.hidden


def test_page_and_api_queries_do_not_grow_with_comments(client, citizen, other_citizen):
    page = make_consultation("open", sections=4)
    sections = list(page.sections.all())

    def load():
        assert client.get(page.url).status_code == 200
        assert client.get(f"/api/v1/consultations/{page.pk}/").status_code == 200
        assert client.get(api_url(page, sections[0])).status_code == 200

    add_comment(sections[0], citizen)
    load()  # warm the caches (site root paths, navigation)
    few = count_queries(load)
    for section in sections:
        for author in (citizen, other_citizen):
            add_comment(section, author, stance="neutral", proposed_text="Otra redacción del artículo.")
    assert count_queries(load) == few
