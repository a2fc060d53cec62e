"""A person signs up, confirms the address from the e-mail and logs in, in a real browser.

The locators are the accessible ones (label, role and name): if a control loses its label the
test cannot find it. Screenshots at phone and desktop widths land in test-artifacts/.
"""

import re
from urllib.parse import urlsplit

import pytest
from django.core import mail
from playwright.sync_api import expect

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

EMAIL = "maria.rueda@correo.example"
PASSWORD = "Chicamocha-2026-segura"
# allauth's wording, which the project's Spanish catalogue may override.
SIGN_UP = re.compile(r"^\s*(Crear cuenta|Registrarse)\s*$")
SIGN_IN = re.compile(r"^\s*(Ingresar|Iniciar sesión)\s*$")


def _confirmation_link(live_server_url: str) -> str:
    assert len(mail.outbox) == 1, [message.subject for message in mail.outbox]
    message = mail.outbox[0]
    assert message.to == [EMAIL]
    match = re.search(r"https?://\S+/cuenta/confirm-email/\S+", message.body)
    assert match, message.body
    link = urlsplit(match.group(0))
    server = urlsplit(live_server_url)
    # The host comes from the request. The scheme is https whatever the request: production
    # runs behind a TLS proxy (ACCOUNT_DEFAULT_HTTP_PROTOCOL). The live server speaks plain HTTP.
    assert link.scheme == "https", match.group(0)
    assert link.netloc == server.netloc, match.group(0)
    return f"{live_server_url}{link.path}"


def test_signup_confirm_email_and_log_in(
    demo_content, page, visit, screenshot, assert_accessible, live_server
):
    visit("/")
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    screenshot("home")

    account_nav = page.get_by_role("navigation", name="Su cuenta", exact=True)
    account_nav.get_by_role("link", name="Crear cuenta").click()
    expect(page).to_have_url(re.compile(r"/cuenta/signup/$"))
    expect(page.get_by_role("heading", level=1, name=SIGN_UP)).to_be_visible()
    screenshot("signup")

    page.get_by_label("Correo electrónico").fill(EMAIL)
    page.get_by_label("Nombre público").fill("María Rueda")
    page.get_by_label("Tipo de participante").select_option(label="Universidad")
    page.get_by_label(re.compile(r"^Contraseña:?$")).fill(PASSWORD)
    page.get_by_label("Contraseña (de nuevo)").fill(PASSWORD)
    page.get_by_role("checkbox", name="Autorizo el tratamiento de mis datos personales").check()
    page.get_by_role("main").get_by_role("button", name=SIGN_UP).click()

    # "We have sent you an e-mail": the account exists, but cannot be used yet.
    expect(page).to_have_url(re.compile(r"/cuenta/confirm-email/$"))
    expect(page.get_by_role("main")).to_contain_text(EMAIL)
    assert_accessible("the page that says the e-mail was sent")

    page.goto(_confirmation_link(live_server.url))
    expect(page.get_by_role("main")).to_contain_text(EMAIL)
    page.get_by_role("main").get_by_role("button", name="Confirmar").click()

    expect(page).to_have_url(re.compile(r"/cuenta/login/$"))
    page.get_by_label("Correo electrónico").fill(EMAIL)
    page.get_by_label(re.compile(r"^Contraseña:?$")).fill(PASSWORD)
    page.get_by_role("main").get_by_role("button", name=SIGN_IN).click()

    expect(page).to_have_url(re.compile(r"/cuenta/perfil/$"))
    expect(page.get_by_role("heading", level=1, name="Su perfil")).to_be_visible()
    expect(page.get_by_label("Nombre público")).to_have_value("María Rueda")
    expect(page.get_by_label("Tipo de participante")).to_have_value("university")
    expect(account_nav.get_by_role("link", name="María Rueda")).to_have_attribute("aria-current", "page")
    assert_accessible("/cuenta/perfil/")
    screenshot("profile")
