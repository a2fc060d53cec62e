"""The transparency section and the open-data page in Chromium: axe-core at phone and desktop
widths (the catalogue searched, filtered and finding nothing too), nothing scrolls sideways at
320 px, a visitor reaches the section from the menu, and searches the catalogue without script."""

import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

PAGES = [
    "/transparencia/",
    "/transparencia/3-contratacion/",
    "/transparencia/2-normativa/2-1-normativa-de-la-entidad/",
    "/transparencia/autodiagnostico/",
    "/datos/",
    "/datos/?q=corrupcion&tema=integridad-y-control",
    "/datos/?q=astronomia",
    "/derechos-de-autor/",
]


def test_axe_finds_no_serious_violation_and_nothing_scrolls_sideways(demo_content, check_pages):
    check_pages(PAGES)


def test_a_visitor_goes_from_the_menu_to_a_document_and_to_the_self_assessment(
    demo_content, page, visit, screenshot
):
    visit("/")
    page.get_by_role("navigation", name="Navegación principal").get_by_role(
        "link", name="Transparencia y acceso a la información pública"
    ).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Transparencia y acceso a la información pública"
    )
    screenshot("transparency-index")

    page.get_by_role("link", name="2.1 Normativa de la entidad").click()
    documents = page.get_by_role("table")
    expect(documents.get_by_role("row")).to_have_count(4)  # a header and three documents
    expect(documents).to_contain_text("6 de marzo de 2014")
    expect(page.get_by_text("Última actualización:")).to_be_visible()
    screenshot("transparency-category")

    page.get_by_role("navigation", name="Ruta de navegación").get_by_role(
        "link", name="Transparencia y acceso a la información pública"
    ).click()
    page.get_by_role("link", name="Autodiagnóstico: qué está publicado y qué falta").click()
    checklist = page.get_by_role("table")
    expect(checklist.get_by_text("Desactualizada: más de un año")).to_have_count(1)
    expect(checklist.get_by_text("No aplica", exact=True)).to_have_count(1)
    expect(checklist.get_by_text("Sin publicar").first).to_be_visible()
    screenshot("transparency-checklist")


def test_open_data_page_downloads_a_challenge_csv(demo_content, page, visit, screenshot):
    visit("/datos/")
    screenshot("open-data")
    link = page.get_by_role("link", name="Descargar CSV").first
    with page.expect_download() as download:
        link.click()
    assert download.value.suggested_filename.endswith(".csv")


def test_a_visitor_searches_and_filters_the_catalogue(demo_content, page, visit, screenshot):
    visit("/datos/")
    form = page.get_by_role("search", name="Buscar en el catálogo")
    form.get_by_label("Buscar conjuntos de datos").fill("CORRUPCION")
    form.get_by_label("Tema").select_option(label="Integridad y control")
    form.get_by_role("button", name="Buscar").click()
    expect(page.get_by_role("heading", level=2, name=re.compile("coinciden con su búsqueda"))).to_be_visible()
    expect(page.get_by_role("link", name="Mapa de riesgos de corrupción", exact=True)).to_be_visible()
    assert "tema=integridad-y-control" in page.url
    screenshot("open-data-search")
    form = page.get_by_role("search", name="Buscar en el catálogo")
    form.get_by_label("Buscar conjuntos de datos").fill("astronomía")
    form.get_by_role("button", name="Buscar").click()
    expect(page.get_by_text("Ningún conjunto de datos coincide con su búsqueda")).to_be_visible()
    page.get_by_role("link", name="Ver todos los conjuntos de datos").click()
    expect(page.get_by_role("heading", level=2, name=re.compile(r"^\d+ conjuntos de datos$"))).to_be_visible()
