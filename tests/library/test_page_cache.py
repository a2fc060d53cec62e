"""Library pages in the page cache: Wagtail pages (`site`), served without a query, changed by
a publish and by a document edited in the admin."""

import pytest
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model

from tests.labplatform.test_page_cache import _site_identity, html, served_from_cache  # noqa: F401
from tests.library.test_library import library_index, make_resource
from tests.utils import count_queries

pytestmark = pytest.mark.django_db


def test_the_library_is_served_without_a_query_and_follows_a_new_resource(client):
    make_resource("Cómo conformar una veeduría")
    url = library_index().url
    assert "Cómo conformar una veeduría" in html(client.get(url))
    assert count_queries(lambda: client.get(url), page_cache=True) == 0
    make_resource("Guía para denunciar")
    assert "Guía para denunciar" in html(client.get(url))


def test_a_document_replaced_in_the_admin_shows_on_the_resource_page(client):
    document = get_document_model().objects.create(
        title="Guía en PDF", file=ContentFile(b"%PDF-1.4", name="guia.pdf")
    )
    resource = make_resource("Datos abiertos para periodistas")
    resource.document = document
    resource.save_revision().publish()
    assert document.url in html(client.get(resource.url))
    assert served_from_cache(client, resource.url)
    document.file = ContentFile(b"%PDF-1.4 nueva", name="guia-2026.pdf")
    document.save()
    assert "guia-2026" in document.url and document.url in html(client.get(resource.url))
