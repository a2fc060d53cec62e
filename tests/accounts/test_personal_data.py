"""Consent, the personal-data download and account deletion (Ley 1581 de 2012)."""

import json

import pytest
from allauth.account.models import EmailAddress
from django.urls import reverse

from accounts.models import Consent, Membership, User
from accounts.selectors import user_is_verified
from tests.accounts.factories import PASSWORD, MembershipFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_a_verified_account_needs_email_and_current_consent(settings):
    assert user_is_verified(UserFactory())
    assert not user_is_verified(UserFactory(verified_email=False))
    assert not user_is_verified(UserFactory(consented=False))
    user = UserFactory()
    settings.PRIVACY_POLICY_VERSION = "2027-01"
    assert not user_is_verified(User.objects.get(pk=user.pk))


def test_new_policy_version_asks_again_and_records_the_date(client_for, citizen, settings):
    settings.PRIVACY_POLICY_VERSION = "2027-01"
    client = client_for(citizen)
    page = client.get(reverse("accounts:consent"))
    assert "versión 2027-01" in page.content.decode()

    refused = client.post(reverse("accounts:consent"), {})
    assert "Para participar debe autorizar el tratamiento de sus datos." in refused.content.decode()
    assert not Consent.objects.filter(user=citizen, policy_version="2027-01").exists()

    response = client.post(reverse("accounts:consent"), {"accept_policy": "on", "next": "/organizaciones/"})
    assert response.status_code == 302 and response["Location"] == "/organizaciones/"
    consent = Consent.objects.get(user=citizen, policy_version="2027-01")
    assert consent.accepted_at is not None
    assert user_is_verified(User.objects.get(pk=citizen.pk))


def test_consent_does_not_redirect_off_site(client_for, citizen):
    response = client_for(citizen).post(
        reverse("accounts:consent"), {"accept_policy": "on", "next": "https://malicioso.example/"}
    )
    assert response["Location"] == reverse("accounts:profile")


def test_profile_update(client_for, citizen):
    client = client_for(citizen)
    response = client.post(
        reverse("accounts:profile"), {"display_name": "Diana P.", "participant_type": "civil_society"}
    )
    assert response.status_code == 302
    citizen.refresh_from_db()
    assert (citizen.display_name, citizen.participant_type) == ("Diana P.", "civil_society")


def test_profile_refuses_a_bad_participant_type(client_for, citizen):
    response = client_for(citizen).post(
        reverse("accounts:profile"), {"display_name": "Diana", "participant_type": "alien"}
    )
    assert response.status_code == 200
    assert "Escoja una opción válida" in response.content.decode()
    citizen.refresh_from_db()
    assert citizen.participant_type == "citizen"


def test_export_contains_everything_about_me_and_nothing_about_others(client_for, citizen, organization):
    MembershipFactory(user=citizen, organization=organization)
    other = UserFactory(display_name="Otra Persona")
    response = client_for(citizen).get(reverse("accounts:data_export"))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    assert "attachment" in response["Content-Disposition"]
    assert response["Cache-Control"] == "no-store"
    data = json.loads(response.content)
    assert data["profile"]["email"] == citizen.email
    assert data["profile"]["display_name"] == "Diana Pabón"
    assert data["profile"]["participant_type"] == "citizen"
    assert data["email_addresses"] == [{"email": citizen.email, "primary": True, "verified": True}]
    assert [c["policy_version"] for c in data["consents"]] == [data["policy_version_in_force"]]
    assert data["memberships"][0]["organization"] == organization.name
    assert data["memberships"][0]["status"] == "pending"
    assert other.email not in response.content.decode()
    assert "Otra Persona" not in response.content.decode()


def test_export_needs_login(client):
    response = client.get(reverse("accounts:data_export"))
    assert response.status_code == 302
    assert reverse("account_login") in response["Location"]


def test_delete_with_wrong_password_changes_nothing(client_for, citizen):
    response = client_for(citizen).post(reverse("accounts:delete"), {"password": "no-es"})
    assert response.status_code == 200
    assert "La contraseña no es correcta." in response.content.decode()
    citizen.refresh_from_db()
    assert citizen.is_active and citizen.deleted_at is None and citizen.display_name == "Diana Pabón"


def test_delete_removes_personal_data_and_keeps_an_anonymous_author(client_for, citizen, organization):
    MembershipFactory(user=citizen, organization=organization, status="approved")
    email = citizen.email
    client = client_for(citizen)
    response = client.post(reverse("accounts:delete"), {"password": PASSWORD})
    assert response.status_code == 302
    assert "_auth_user_id" not in client.session

    tombstone = User.objects.get(pk=citizen.pk)  # kept, so contributions keep their author row
    assert tombstone.public_name == "participante anónimo"
    assert str(tombstone) == "participante anónimo"
    assert tombstone.display_name == ""
    assert email not in tombstone.email
    assert not tombstone.is_active and not tombstone.has_usable_password()
    assert tombstone.deleted_at is not None
    assert not EmailAddress.objects.filter(user=tombstone).exists()
    assert not Consent.objects.filter(user=tombstone).exists()
    assert not Membership.objects.filter(user=tombstone).exists()
    assert not User.objects.filter(email__iexact=email).exists()

    # The address is free again, and the old password opens nothing.
    assert client.post(reverse("account_login"), {"login": email, "password": PASSWORD}).status_code == 200
    assert "_auth_user_id" not in client.session


def test_a_deleted_member_leaves_the_organization_page(client, organization):
    from accounts import services

    member = UserFactory(display_name="Persona Que Se Va")
    MembershipFactory(user=member, organization=organization, status="approved")
    services.account_delete(user=member)
    html = client.get(organization.get_absolute_url()).content.decode()
    assert "Persona Que Se Va" not in html


def test_the_sole_admin_of_an_organization_must_name_another_before_leaving(
    client_for, org_admin, organization
):
    client = client_for(org_admin)
    response = client.post(reverse("accounts:delete"), {"password": PASSWORD})
    assert response.status_code == 302
    page = client.get(response["Location"]).content.decode()
    assert "Usted es el único administrador de Universidad Industrial de Santander" in page
    org_admin.refresh_from_db()
    assert org_admin.is_active and org_admin.deleted_at is None


def test_deletion_removes_the_cms_profile_and_the_last_login(citizen):
    from django.utils import timezone
    from wagtail.users.models import UserProfile

    from accounts import services

    UserProfile.get_for_user(citizen)
    citizen.last_login = timezone.now()
    citizen.save()
    services.account_delete(user=citizen)
    citizen.refresh_from_db()
    assert citizen.last_login is None
    assert not UserProfile.objects.filter(user=citizen).exists()


def test_export_includes_participation_and_deletion_removes_inbox_and_follows(client_for, citizen):
    from accounts.models import Notification
    from challenges.models import Follow
    from ideas import services as idea_services
    from tests.challenges.factories import make_challenge
    from tests.ideas.factories import IdeaFactory

    challenge = make_challenge("voting")
    idea = IdeaFactory(challenge=challenge, author=citizen, title="Mi idea")
    idea_services.idea_support(user=citizen, idea=IdeaFactory(challenge=challenge, title="Otra idea"))
    idea_services.comment_create(author=citizen, idea=idea, body="Mi comentario")
    Follow.objects.create(user=citizen, challenge=challenge)
    Notification.objects.create(recipient=citizen, kind="idea_status", message="Su idea cambió", url="/")
    data = json.loads(client_for(citizen).get(reverse("accounts:data_export")).content)
    assert [i["title"] for i in data["ideas"]] == ["Mi idea"]
    assert [c["body"] for c in data["comments"]] == ["Mi comentario"]
    assert [s["title"] for s in data["supports"]] == ["Otra idea"]
    assert [f["challenge"] for f in data["follows"]] == [challenge.title]
    assert [n["message"] for n in data["notifications"]] == ["Su idea cambió"]
    assert data["profile"]["email_notifications"] is True

    from accounts.services import account_delete

    account_delete(user=citizen)
    assert not Notification.objects.filter(recipient=citizen).exists()
    assert not Follow.objects.filter(user=citizen).exists()
