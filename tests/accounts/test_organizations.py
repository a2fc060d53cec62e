"""Organisations: registering, verifying, asking to join, approving, leaving."""

import pytest
from django.core import mail
from django.test import TestCase
from django.urls import reverse

from accounts.models import Membership, Organization
from tests.accounts.factories import MembershipFactory, UserFactory
from tests.utils import count_queries

pytestmark = pytest.mark.django_db


def _request(client, organization, message="Trabajo en la oficina de planeación."):
    # The e-mail leaves after the commit, as in production: run those callbacks.
    with TestCase.captureOnCommitCallbacks(execute=True):
        return client.post(
            reverse("accounts:membership_request", args=[organization.slug]), {"message": message}
        )


def _decide(client, membership, decision):
    with TestCase.captureOnCommitCallbacks(execute=True):
        return client.post(
            reverse("accounts:membership_decide", args=[membership.pk]), {"decision": decision}
        )


def test_verified_participant_requests_membership_and_the_admin_is_told(
    client_for, citizen, org_admin, organization
):
    response = _request(client_for(citizen), organization)
    assert response.status_code == 302
    membership = Membership.objects.get(user=citizen, organization=organization)
    assert membership.status == "pending"
    assert membership.message == "Trabajo en la oficina de planeación."
    assert [m.to for m in mail.outbox] == [[org_admin.email]]
    assert "Nueva solicitud de membresía" in mail.outbox[0].subject


def test_unverified_account_cannot_request(client_for, unverified_user, organization):
    response = _request(client_for(unverified_user), organization)
    assert response.status_code == 302
    assert response["Location"] == reverse("account_email")
    assert not Membership.objects.exists()


def test_account_without_current_consent_is_sent_to_consent(client_for, organization):
    user = UserFactory(consented=False)
    response = _request(client_for(user), organization)
    assert response["Location"].startswith(reverse("accounts:consent"))
    assert not Membership.objects.exists()


def test_anonymous_cannot_request(client, organization):
    response = _request(client, organization)
    assert response.status_code == 302 and reverse("account_login") in response["Location"]
    assert not Membership.objects.exists()


def test_a_second_request_is_refused_with_a_clear_message(client_for, citizen, organization):
    client = client_for(citizen)
    _request(client, organization)
    response = _request(client, organization, "otra vez")
    assert response.status_code == 302
    page = client.get(response["Location"])
    assert "Usted ya tiene una solicitud pendiente con esta organización." in page.content.decode()
    assert Membership.objects.get(user=citizen).message == "Trabajo en la oficina de planeación."


def test_too_long_message_is_refused(client_for, citizen, organization):
    client = client_for(citizen)
    response = _request(client, organization, "x" * 1001)
    page = client.get(response["Location"])
    assert "demasiado largo" in page.content.decode()
    assert not Membership.objects.exists()


def test_org_admin_approves_and_the_member_is_told(client_for, citizen, org_admin, organization):
    membership = MembershipFactory(user=citizen, organization=organization)
    response = _decide(client_for(org_admin), membership, "approve")
    assert response.status_code == 302
    membership.refresh_from_db()
    assert membership.status == "approved"
    assert membership.decided_by == org_admin and membership.decided_at is not None
    assert mail.outbox[-1].to == [citizen.email]
    assert "Ya es miembro de Universidad Industrial de Santander" in mail.outbox[-1].subject


def test_org_admin_rejects_and_the_person_may_ask_again(client_for, citizen, org_admin, organization):
    membership = MembershipFactory(user=citizen, organization=organization)
    _decide(client_for(org_admin), membership, "reject")
    membership.refresh_from_db()
    assert membership.status == "rejected"
    assert "no fue aprobada" in mail.outbox[-1].subject

    _request(client_for(citizen), organization, "Ahora con el cargo correcto.")
    membership.refresh_from_db()
    assert membership.status == "pending" and membership.decided_by is None


def test_staff_may_decide_for_any_organization(client_for, citizen, staff_user, organization):
    membership = MembershipFactory(user=citizen, organization=organization)
    _decide(client_for(staff_user), membership, "approve")
    membership.refresh_from_db()
    assert membership.status == "approved"


@pytest.mark.parametrize("who", ["requester", "plain_member", "other_org_admin", "moderator", "editor"])
def test_others_cannot_decide(client_for, citizen, organization, who, moderator, editor):
    membership = MembershipFactory(user=citizen, organization=organization)
    if who == "requester":
        actor = citizen
    elif who == "plain_member":
        actor = UserFactory()
        MembershipFactory(user=actor, organization=organization, status="approved")
    elif who == "other_org_admin":
        actor = UserFactory()
        MembershipFactory(user=actor, role="admin", status="approved")
    else:
        actor = {"moderator": moderator, "editor": editor}[who]
    response = _decide(client_for(actor), membership, "approve")
    assert response.status_code == 403
    membership.refresh_from_db()
    assert membership.status == "pending"
    assert mail.outbox == []


def test_a_decided_request_cannot_be_decided_again(client_for, citizen, org_admin, organization):
    membership = MembershipFactory(user=citizen, organization=organization, status="rejected")
    client = client_for(org_admin)
    response = _decide(client, membership, "approve")
    assert "Esta solicitud ya fue decidida." in client.get(response["Location"]).content.decode()
    membership.refresh_from_db()
    assert membership.status == "rejected"


def test_decision_must_be_approve_or_reject(client_for, citizen, org_admin, organization):
    membership = MembershipFactory(user=citizen, organization=organization)
    client = client_for(org_admin)
    response = _decide(client, membership, "quizás")
    assert "Elija aprobar o rechazar la solicitud." in client.get(response["Location"]).content.decode()
    membership.refresh_from_db()
    assert membership.status == "pending"


def test_requests_page_only_for_admins(client_for, client, citizen, org_admin, organization):
    MembershipFactory(user=citizen, organization=organization)
    url = reverse("accounts:organization_requests", args=[organization.slug])
    assert client_for(citizen).get(url).status_code == 403
    page = client_for(org_admin).get(url)
    assert page.status_code == 200
    assert "Diana Pabón" in page.content.decode()


def test_creating_an_organization_makes_the_creator_its_admin(client_for, citizen):
    response = client_for(citizen).post(
        reverse("accounts:organization_create"),
        {
            "name": "Corporación Cívica de Santander",
            "kind": "civil_society",
            "description": "",
            "website": "",
        },
    )
    organization = Organization.objects.get(name="Corporación Cívica de Santander")
    assert response["Location"] == organization.get_absolute_url()
    assert not organization.verified
    membership = Membership.objects.get(organization=organization)
    assert (membership.user, membership.role, membership.status) == (citizen, "admin", "approved")


def test_creating_an_organization_with_a_taken_name_is_refused(client_for, citizen, organization):
    response = client_for(citizen).post(
        reverse("accounts:organization_create"), {"name": organization.name, "kind": "university"}
    )
    assert response.status_code == 200
    assert "Ya existe" in response.content.decode()
    assert Organization.objects.count() == 1


def test_only_staff_verifies(client_for, citizen, org_admin, staff_user):
    organization = Organization.objects.create(name="Gremio Nuevo", slug="gremio-nuevo", kind="guild")
    url = reverse("accounts:organization_verify", args=[organization.slug])
    assert client_for(org_admin).post(url, {"verified": "1"}).status_code == 403
    organization.refresh_from_db()
    assert not organization.verified
    client_for(staff_user).post(url, {"verified": "1"})
    organization.refresh_from_db()
    assert organization.verified and organization.verified_by == staff_user


def test_leave_and_the_last_admin_must_stay(client_for, citizen, org_admin, organization):
    membership = MembershipFactory(user=citizen, organization=organization, status="approved")
    client_for(citizen).post(reverse("accounts:membership_leave", args=[membership.pk]))
    assert not Membership.objects.filter(pk=membership.pk).exists()

    admin_membership = Membership.objects.get(user=org_admin)
    client = client_for(org_admin)
    response = client.post(reverse("accounts:membership_leave", args=[admin_membership.pk]))
    assert "único administrador" in client.get(response["Location"]).content.decode()
    assert Membership.objects.filter(pk=admin_membership.pk).exists()


def test_nobody_leaves_for_someone_else(client_for, citizen, other_citizen, organization):
    membership = MembershipFactory(user=citizen, organization=organization, status="approved")
    response = client_for(other_citizen).post(reverse("accounts:membership_leave", args=[membership.pk]))
    assert response.status_code == 403
    assert Membership.objects.filter(pk=membership.pk).exists()


def test_organization_list_filters_and_counts_members(client, organization, org_admin):
    Organization.objects.create(name="Fenalco Santander", slug="fenalco", kind="guild", verified=True)
    html = client.get(reverse("accounts:organization_list"), {"tipo": "university"}).content.decode()
    assert "Universidad Industrial de Santander" in html and "Fenalco" not in html
    assert "1 miembro" in html
    html = client.get(reverse("accounts:organization_list"), {"q": "fenal"}).content.decode()
    assert "Fenalco" in html and "Universidad Industrial" not in html


def _add_organizations(start, count):
    for n in range(start, start + count):
        organization = Organization.objects.create(name=f"Org {n}", slug=f"org-{n}", kind="guild")
        MembershipFactory(organization=organization, status="approved")


def test_organization_list_queries_do_not_grow(client):
    url = reverse("accounts:organization_list")
    client.get(url)  # first request of the site creates its settings row
    _add_organizations(0, 2)
    few = count_queries(lambda: client.get(url))
    _add_organizations(2, 22)
    many = count_queries(lambda: client.get(url))
    assert many == few <= 6


def test_e_mails_are_plain_text_without_html_escapes(client_for, org_admin):
    organization = Organization.objects.create(name="Cámara & Industria 'Santander'", slug="ci", kind="guild")
    MembershipFactory(user=org_admin, organization=organization, role="admin", status="approved")
    person = UserFactory(display_name="Ana & O'Neil")
    _request(client_for(person), organization)
    message = mail.outbox[-1]
    assert "Cámara & Industria 'Santander'" in message.subject
    assert "Ana & O'Neil" in message.body and "&amp;" not in message.body


def test_consent_next_cannot_leave_the_site(client_for):
    user = UserFactory(consented=False)
    client = client_for(user)
    targets = ["/\\malicioso.example/", "https://malicioso.example/", "/\t/malicioso.example/"]
    for target in targets:
        page = client.get(reverse("accounts:consent"), {"next": target}).content.decode()
        assert f'name="next" value="{reverse("accounts:profile")}"' in page
    response = client.post(reverse("accounts:consent"), {"accept_policy": "on", "next": targets[0]})
    assert response["Location"] == reverse("accounts:profile")
    for target in targets:  # once consented, the page offers a "continue" link: to the profile
        page = client.get(reverse("accounts:consent"), {"next": target}).content.decode()
        assert f'href="{reverse("accounts:profile")}">' in page


def test_pagination_keeps_the_filters(client):
    for n in range(30):
        Organization.objects.create(name=f"Gremio {n:02d}", slug=f"gremio-{n}", kind="guild")
    Organization.objects.create(name="Universidad X", slug="ux", kind="university")
    html = client.get(reverse("accounts:organization_list"), {"tipo": "guild"}).content.decode()
    assert "tipo=guild" in html and "pagina=2" in html


def test_organization_names_are_unique_whatever_the_case(client_for, citizen, organization):
    response = client_for(citizen).post(
        reverse("accounts:organization_create"), {"name": organization.name.upper(), "kind": "university"}
    )
    assert response.status_code == 200
    assert "Ya existe una organización con ese nombre." in response.content.decode()
    assert Organization.objects.count() == 1
