"""The city's front door in Chromium, at 375×740 and 1280×800: Spanish first, a short header on
phones with a menu the keyboard opens, a home page that says what one can do today, a search
that ignores accents, and no page that scrolls sideways at 320 px."""

import os
from pathlib import Path

import pytest
from playwright.sync_api import expect

from challenges.models import ChallengePage
from ideas.models import Idea
from sessions.models import DebateSession
from tests.browser.conftest import DESKTOP, NARROWEST, PHONE

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

SIZES = (("375", PHONE), ("1280", DESKTOP))
# Screenshots people look at: the README shows two of them.
SHOTS = Path(os.environ.get("LAB_SCREENSHOTS", Path(__file__).resolve().parents[2] / "docs" / "screenshots"))


@pytest.fixture
def shoot(page):
    """`shoot(name)`: full-page PNGs of the current page at both widths."""
    SHOTS.mkdir(parents=True, exist_ok=True)

    def take(name: str) -> None:
        for label, size in SIZES:
            page.set_viewport_size(size)
            page.screenshot(path=str(SHOTS / f"{name}-{label}.png"), full_page=True)
        page.set_viewport_size(DESKTOP)

    return take


def scroll_width_excess(page) -> int:
    return page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")


def test_an_english_browser_gets_spanish_until_english_is_chosen(demo_content, live_server, browser):
    context = browser.new_context(
        locale="en-US", base_url=live_server.url, extra_http_headers={"Accept-Language": "en-US,en;q=0.9"}
    )
    page = context.new_page()
    for _label, size in SIZES:
        page.set_viewport_size(size)
        page.goto("/")
        expect(page.locator("html")).to_have_attribute("lang", "es-co")
        expect(page.get_by_role("link", name="Saltar al contenido")).to_have_count(1)
    page.set_viewport_size(DESKTOP)
    page.get_by_label("Idioma").select_option("en")
    page.get_by_role("button", name="Cambiar").click()
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.get_by_role("link", name="Skip to content")).to_have_count(1)
    context.close()


def test_phone_header_is_short_and_its_menu_opens_by_keyboard(demo_content, page, visit, assert_accessible):
    page.set_viewport_size(PHONE)
    visit("/")
    header_bottom = page.locator(".site-header").evaluate("element => element.getBoundingClientRect().bottom")
    assert header_bottom <= 160, header_bottom
    menu = page.locator("#site-menu")
    toggle = page.get_by_role("button", name="Menú")
    expect(menu).to_be_hidden()
    expect(toggle).to_have_attribute("aria-expanded", "false")
    toggle.focus()
    page.keyboard.press("Enter")
    expect(toggle).to_have_attribute("aria-expanded", "true")
    expect(page.get_by_role("navigation", name="Navegación principal")).to_be_visible()
    page.keyboard.press("Tab")
    expect(page.get_by_role("searchbox", name="Buscar en el sitio")).to_be_focused()
    assert_accessible("/ with the menu open (375 px)")
    page.keyboard.press("Escape")
    expect(menu).to_be_hidden()
    expect(toggle).to_be_focused()

    page.set_viewport_size(DESKTOP)
    expect(toggle).to_be_hidden()
    expect(page.get_by_role("navigation", name="Navegación principal")).to_be_visible()
    expect(page.locator(".govco-bar a[href='https://www.gov.co/'] img")).to_be_visible()


def test_home_page_sections(demo_content, page, visit, assert_accessible, shoot):
    visit("/")
    main = page.get_by_role("main")
    for label, size in SIZES:
        page.set_viewport_size(size)
        for heading in (
            "Retos abiertos",
            "Sesiones de debate",
            "Denuncie un hecho de corrupción",
            "Últimas noticias",
        ):
            expect(main.get_by_role("heading", name=heading, level=2)).to_be_visible()
        expect(main.locator(".home-figure")).not_to_have_count(0)
        expect(main.get_by_role("link", name="Hacer una denuncia")).to_be_visible()
        assert_accessible(f"/ ({label} px)")
    shoot("home")


def test_search_finds_corrupcion_with_its_accent(demo_content, page, visit, assert_accessible, shoot):
    for label, size in SIZES:
        page.set_viewport_size(size)
        visit("/")
        if size is PHONE:
            page.get_by_role("button", name="Menú").click()
        page.get_by_role("searchbox", name="Buscar en el sitio").fill("corrupcion")
        page.get_by_role("searchbox", name="Buscar en el sitio").press("Enter")
        expect(page).to_have_url(
            f"{page.url.split('/buscar')[0].split('?')[0].rstrip('/')}/buscar/?q=corrupcion"
        )
        expect(page.get_by_role("heading", name="Buscar en el sitio", level=1)).to_be_visible()
        expect(page.locator("mark", has_text="corrupción").first).to_be_visible()
        expect(page.get_by_role("status")).to_contain_text("resultados para «corrupcion»")
        assert_accessible(f"/buscar/?q=corrupcion ({label} px)")
    shoot("search")


def public_paths() -> list[str]:
    challenge = ChallengePage.objects.live().order_by("pk").first()
    idea = Idea.objects.order_by("pk").first()
    session = DebateSession.objects.order_by("pk").first()
    return [
        "/",
        "/buscar/?q=corrupcion",
        "/mapa-del-sitio/",
        challenge.get_parent().url,
        challenge.url,
        idea.get_absolute_url(),
        "/sesiones/",
        session.get_absolute_url(),
        "/denuncias/",
        "/denuncias/consultar/",
        "/denuncias/estadisticas/",
        "/observatorio/",
        "/observatorio/plan-anticorrupcion/",
        "/noticias/",
        "/organizaciones/",
        "/datos/",
        "/cuenta/login/",
        "/cuenta/signup/",
        "/politica-de-datos/",
    ]


def test_no_public_page_scrolls_sideways_at_320_px(demo_content, page, visit):
    paths = public_paths()
    page.set_viewport_size(NARROWEST)
    wide = {}
    for path in paths:
        visit(path)
        excess = scroll_width_excess(page)
        if excess > 0:
            wide[path] = excess
    assert not wide, f"pages wider than 320 px (extra px): {wide}"


@pytest.fixture
def voter(demo_content):
    from tests.accounts.factories import UserFactory

    return UserFactory(display_name="Marta Villamizar")


def test_inline_support_without_reload(demo_content, voter, page, visit, assert_accessible, shoot):
    import re

    from tests.accounts.factories import PASSWORD

    challenge = ChallengePage.objects.get(slug="tramites-sin-intermediarios")
    page.goto(f"/cuenta/login/?next={challenge.url}")
    page.locator("input[name='login']").fill(voter.email)
    page.locator("input[name='password']").fill(PASSWORD)
    page.get_by_role("main").get_by_role("button", name=re.compile(r"Ingresar|Iniciar sesión")).click()
    expect(page).to_have_url(re.compile(re.escape(challenge.url) + "$"))
    expect(page.locator("[data-supports-left]").first).to_have_text("Le quedan 3 de 3 apoyos en este reto.")
    page.evaluate("window.notReloaded = true")
    card = page.locator(".idea-card").first
    count_before = int(card.locator(".support-count strong").first.inner_text())
    card.get_by_role("button", name=re.compile("^Apoyar esta idea")).click()
    expect(card.get_by_role("button", name=re.compile("^Retirar mi apoyo"))).to_be_focused()
    expect(card.locator(".support-count strong").first).to_have_text(str(count_before + 1))
    expect(page.locator("[data-supports-left]").first).to_have_text("Le quedan 2 de 3 apoyos en este reto.")
    assert page.evaluate("window.notReloaded") is True
    for label, size in SIZES:
        page.set_viewport_size(size)
        assert_accessible(f"{challenge.url} ({label} px)")
    shoot("challenge")

    visit(
        Idea.objects.filter(challenge=challenge).order_by("-support_count", "pk").first().get_absolute_url()
    )
    for label, size in SIZES:
        page.set_viewport_size(size)
        assert_accessible(f"idea page ({label} px)")
    shoot("idea")


def test_report_form_statistics_and_sitemap_are_accessible(demo_content, page, visit, check_pages, shoot):
    pages = {
        "/denuncias/": "report-form",
        "/denuncias/estadisticas/": "statistics",
        "/mapa-del-sitio/": "sitemap",
    }
    check_pages(list(pages))
    for path, name in pages.items():
        visit(path)
        shoot(name)
