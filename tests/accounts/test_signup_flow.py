"""Sign up → verify by e-mail → log in → log out → reset the password, in Spanish."""

import re
from urllib.parse import urlsplit

import pytest
from allauth.account.models import EmailAddress
from django.conf import settings
from django.core import mail
from django.urls import reverse

from accounts.models import Consent, User

pytestmark = pytest.mark.django_db

SIGNUP = {
    "email": "nueva@correo.example",
    "display_name": "Nueva Participante",
    "participant_type": "university",
    "password1": "Chicamocha-2026-segura",
    "password2": "Chicamocha-2026-segura",
    "accept_policy": "on",
}


def _link_in_last_mail(pattern: str) -> str:
    body = mail.outbox[-1].body
    match = re.search(rf"https?://[^\s]+{pattern}[^\s]*", body)
    assert match, body
    return urlsplit(match.group(0)).path


def _login(client, email, password):
    return client.post(reverse("account_login"), {"login": email, "password": password})


def test_signup_verify_login_logout(client):
    response = client.post(reverse("account_signup"), SIGNUP)
    assert response.status_code == 302
    user = User.objects.get(email="nueva@correo.example")
    assert user.display_name == "Nueva Participante"
    assert user.participant_type == "university"
    assert not EmailAddress.objects.get(user=user).verified

    # The verification e-mail, in Spanish, with a link.
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["nueva@correo.example"]
    assert "confirme su dirección de correo" in mail.outbox[0].subject
    assert "Para confirmar que es su correo, abra este enlace:" in mail.outbox[0].body
    link = _link_in_last_mail("/cuenta/confirm-email/")

    # Before verifying, logging in is refused: the verification page is shown again.
    client.logout()
    response = _login(client, SIGNUP["email"], SIGNUP["password1"])
    assert "_auth_user_id" not in client.session

    response = client.get(link)
    assert response.status_code == 200
    assert "Confirmar" in response.content.decode()  # the Spanish button that confirms
    response = client.post(link)
    assert response.status_code == 302
    assert EmailAddress.objects.get(user=user).verified

    response = _login(client, SIGNUP["email"], SIGNUP["password1"])
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(user.pk)
    profile = client.get(reverse("accounts:profile"))
    assert profile.status_code == 200
    assert "Su perfil" in profile.content.decode()

    client.post(reverse("account_logout"))
    assert "_auth_user_id" not in client.session
    assert client.get(reverse("accounts:profile")).status_code == 302


def test_signup_records_consent_with_version_and_date(client):
    client.post(reverse("account_signup"), SIGNUP)
    consent = Consent.objects.get(user__email="nueva@correo.example")
    assert consent.policy_version == settings.PRIVACY_POLICY_VERSION
    assert consent.accepted_at is not None


def test_signup_without_consent_is_refused_and_creates_nothing(client):
    data = {**SIGNUP}
    del data["accept_policy"]
    response = client.post(reverse("account_signup"), data)
    assert response.status_code == 200
    assert "Para participar debe autorizar el tratamiento de sus datos." in response.content.decode()
    assert not User.objects.filter(email="nueva@correo.example").exists()
    assert mail.outbox == []


def test_signup_without_display_name_is_refused(client):
    response = client.post(reverse("account_signup"), {**SIGNUP, "display_name": "   "})
    assert response.status_code == 200
    assert not User.objects.exists()
    assert 'aria-invalid="true"' in response.content.decode()


def test_signup_with_taken_email_creates_no_second_account(client, citizen):
    response = client.post(reverse("account_signup"), {**SIGNUP, "email": citizen.email.upper()})
    assert User.objects.filter(email__iexact=citizen.email).count() == 1
    assert response.status_code in {200, 302}


def test_password_reset_by_email(client, citizen):
    response = client.post(reverse("account_reset_password"), {"email": citizen.email})
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    link = _link_in_last_mail("/cuenta/password/reset/key/")
    response = client.get(link, follow=True)
    assert response.status_code == 200
    form_url = response.redirect_chain[-1][0] if response.redirect_chain else link
    response = client.post(
        form_url, {"password1": "Nueva-clave-Girón-77", "password2": "Nueva-clave-Girón-77"}
    )
    assert response.status_code == 302
    citizen.refresh_from_db()
    assert citizen.check_password("Nueva-clave-Girón-77")
    assert _login(client, citizen.email, "Nueva-clave-Girón-77").status_code == 302


def test_login_failures_are_rate_limited(client, citizen):
    for _ in range(5):
        _login(client, citizen.email, "equivocada")
    response = _login(client, citizen.email, "equivocada")
    assert response.status_code == 429 and int(response["Retry-After"]) > 0
    assert "Demasiados intentos" in response.content.decode()
    # Even the right password is refused while the limit holds.
    assert _login(client, citizen.email, "clave-de-prueba-2026").status_code == 429
    assert "_auth_user_id" not in client.session


def test_login_page_is_spanish_and_labelled(client):
    html = client.get(reverse("account_login")).content.decode()
    assert '<html lang="es-co">' in html
    assert 'for="id_login"' in html and 'for="id_password"' in html
    assert "Saltar al contenido" in html
