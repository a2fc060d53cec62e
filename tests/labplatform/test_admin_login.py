"""Both admins sign in through allauth: its rate limits, verified e-mail and second factor apply."""

import pytest
from allauth.mfa.models import Authenticator
from django.urls import reverse

from tests.accounts.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff_with_totp():
    user = UserFactory(is_staff=True, is_superuser=True)
    Authenticator.objects.create(user=user, type=Authenticator.Type.TOTP, data={"secret": "JBSWY3DPEHPK3PXP"})
    return user


def test_django_admin_login_does_not_accept_a_password_alone(client, staff_with_totp):
    response = client.post("/django-admin/login/", {"username": staff_with_totp.email, "password": PASSWORD})
    assert "_auth_user_id" not in client.session
    assert response.status_code == 302 and response["Location"].startswith(reverse("account_login"))


def test_cms_admin_login_sends_people_to_the_site_login(client, staff_with_totp):
    response = client.post("/cms-admin/login/", {"username": staff_with_totp.email, "password": PASSWORD})
    assert "_auth_user_id" not in client.session
    assert response["Location"] == reverse("account_login") + "?next=%2Fcms-admin%2F"
    response = client.get("/cms-admin/login/?next=https://malicioso.example/")
    assert response["Location"] == reverse("account_login") + "?next=%2Fcms-admin%2F"


def test_an_editor_with_an_unverified_email_does_not_get_in(client):
    editor = UserFactory(groups=["editors"], verified_email=False)
    client.post(reverse("account_login"), {"login": editor.email, "password": PASSWORD})
    assert "_auth_user_id" not in client.session
    assert client.get("/cms-admin/").status_code == 302


def test_the_site_login_asks_staff_for_their_second_factor(client, staff_with_totp):
    response = client.post(reverse("account_login"), {"login": staff_with_totp.email, "password": PASSWORD})
    assert response["Location"] == reverse("mfa_authenticate")
    assert "_auth_user_id" not in client.session
