"""Accessibility of the public pages in Chromium: axe-core, the keyboard and a 320 px screen.

axe-core finds what a machine can find (contrast, names, landmarks, ARIA misuse); the keyboard and
reflow tests cover what it cannot: the skip link works, and nothing scrolls sideways at 320 CSS px
(WCAG 1.4.10, the width of a 1280 px screen zoomed to 400 %).
"""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import DESKTOP, PHONE

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

PUBLIC_PAGES = ["/", "/cuenta/login/", "/cuenta/signup/", "/noticias/", "/organizaciones/"]


def test_public_pages_pass_axe_and_fit_320_px(demo_content, page, visit, check_pages):
    check_pages(PUBLIC_PAGES)
    # The checks are only worth something if the pages show what the seed made.
    visit("/noticias/")
    expect(page.get_by_role("main").get_by_role("listitem")).to_have_count(4)
    visit("/organizaciones/")
    expect(page.get_by_role("main").get_by_role("heading", level=2)).to_have_count(5)


def test_signup_form_with_errors_is_accessible(page, visit, assert_accessible, screenshot):
    visit("/cuenta/signup/")
    page.get_by_label("Correo electrónico").fill("no-es-un-correo")
    page.get_by_role("main").get_by_role("button").click()

    summary = page.get_by_role("alert")
    expect(summary).to_contain_text("Revise el formulario")
    # Every error is tied to its field, so a screen reader reads it with the field...
    for field, label in (("email", "Correo electrónico"), ("accept_policy", "Autorizo el tratamiento")):
        control = page.get_by_label(label)
        expect(control).to_have_attribute("aria-invalid", "true")
        error = page.locator(f"#id_{field}_error").inner_text().strip()
        assert error
        expect(control).to_have_accessible_description(re.compile(re.escape(error)))
    # ... and the summary links lead to the fields.
    summary.get_by_role("link", name="Nombre público").click()
    expect(page.get_by_label("Nombre público")).to_be_focused()
    for label, size in (("desktop", DESKTOP), ("phone", PHONE)):
        page.set_viewport_size(size)
        assert_accessible(f"/cuenta/signup/ with errors ({label})")
    screenshot("signup-errors")


def test_tab_first_reaches_the_skip_link_which_moves_focus_to_main(demo_content, page, visit):
    visit("/")
    page.keyboard.press("Tab")
    skip_link = page.get_by_role("link", name="Saltar al contenido")
    expect(skip_link).to_be_focused()
    # Focused, it must show: a sighted keyboard user has to see where they are.
    expect(skip_link).to_be_in_viewport()

    page.keyboard.press("Enter")
    expect(page.locator("main#contenido")).to_be_focused()
    # The next Tab goes on inside the main content, past the header.
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.closest('main#contenido') !== null"), page.evaluate(
        "document.activeElement.outerHTML"
    )
