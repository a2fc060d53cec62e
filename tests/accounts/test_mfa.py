"""Two-step verification (allauth MFA): staff enrol a TOTP app; the next login asks for a code."""

import pytest
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value, yield_hotp_counters_from_time
from django.urls import reverse

from tests.accounts.factories import PASSWORD

pytestmark = pytest.mark.django_db


def _current_code(secret: str) -> str:
    counter = next(iter(yield_hotp_counters_from_time()))
    return format_hotp_value(hotp_value(secret, counter))


def _login(client, user):
    return client.post(reverse("account_login"), {"login": user.email, "password": PASSWORD})


def test_staff_enrols_totp_and_must_give_a_code_at_the_next_login(client, staff_user):
    _login(client, staff_user)
    # Enrolling asks for the password once more (allauth's reauthentication).
    response = client.get(reverse("mfa_activate_totp"))
    assert response.status_code == 302 and response["Location"].startswith(reverse("account_reauthenticate"))
    client.post(response["Location"], {"password": PASSWORD})
    page = client.get(reverse("mfa_activate_totp"))
    assert page.status_code == 200
    secret = page.context["form"].secret

    wrong = client.post(reverse("mfa_activate_totp"), {"code": "000000"})
    assert wrong.status_code == 200
    assert not Authenticator.objects.filter(user=staff_user).exists()

    response = client.post(reverse("mfa_activate_totp"), {"code": _current_code(secret)})
    assert response.status_code == 302
    assert Authenticator.objects.filter(user=staff_user, type=Authenticator.Type.TOTP).exists()

    client.post(reverse("account_logout"))
    response = _login(client, staff_user)
    assert response.status_code == 302 and response["Location"] == reverse("mfa_authenticate")
    assert "_auth_user_id" not in client.session  # the password alone is not enough now
    client.post(reverse("mfa_authenticate"), {"code": _current_code(secret)})
    assert client.session["_auth_user_id"] == str(staff_user.pk)


def test_the_second_factor_page_is_in_spanish(client, staff_user):
    _login(client, staff_user)
    html = client.get(reverse("mfa_index")).content.decode()
    assert "Verificación en dos pasos" in html


def test_deleting_an_account_removes_its_second_factors(client, citizen):
    from accounts import services

    Authenticator.objects.create(user=citizen, type=Authenticator.Type.TOTP, data={"secret": "x"})
    services.account_delete(user=citizen)
    assert not Authenticator.objects.filter(user=citizen).exists()
