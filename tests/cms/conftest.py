"""Fixtures of the CMS tests: the transparency section's pages."""

import datetime

import pytest

from cms.models import HomePage, TransparencyCategoryPage, TransparencyIndexPage


@pytest.fixture
def transparency_index(db) -> TransparencyIndexPage:
    index = TransparencyIndexPage(
        title="Transparencia y acceso a la información pública",
        slug="transparencia",
        show_in_menus=True,
        intro="Lo que publicamos por la Ley 1712 de 2014.",
    )
    HomePage.objects.get().add_child(instance=index)
    index.save_revision().publish()
    return index


def document(title: str, published_on: str, url: str = "https://www.colombiacompra.gov.co/secop-ii") -> tuple:
    return (
        "document",
        {
            "title": title,
            "published_on": datetime.date.fromisoformat(published_on),
            "document": None,
            "url": url,
            "description": "",
        },
    )


def add_category(parent, number: str, title: str, *, body=(), documents=(), not_applicable="", live=True):
    page = TransparencyCategoryPage(
        title=title,
        number=number,
        slug=f"c-{number.replace('.', '-')}",
        summary=f"Qué se publica en {title.lower()}.",
        body=list(body),
        documents=list(documents),
        not_applicable_reason=not_applicable,
        live=live,
    )
    parent.add_child(instance=page)
    if live:
        page.save_revision().publish()
    return TransparencyCategoryPage.objects.get(pk=page.pk)
