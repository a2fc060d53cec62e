"""Consultations in the page cache: the API and the report's files are served to anonymous
visitors without a query, and follow comments, answers and the report's publication."""

import pytest
from rest_framework.test import APIClient

from consultations import services
from tests.consultations.factories import add_answer, add_comment, make_consultation
from tests.labplatform.test_page_cache import _site_identity, served_from_cache  # noqa: F401
from tests.utils import count_queries

pytestmark = pytest.mark.django_db


def test_the_consultations_api_is_served_without_a_query_and_follows_comments(citizen):
    page = make_consultation("open", title="Reglamento de veedurías")
    section = page.sections.first()
    api = APIClient()
    urls = [
        "/api/v1/consultations/",
        f"/api/v1/consultations/{page.pk}/",
        f"/api/v1/consultations/{page.pk}/sections/{section.pk}/comments/",
    ]
    for url in urls:
        assert api.get(url).status_code == 200, url
        assert count_queries(lambda url=url: api.get(url), page_cache=True) == 0, url
        assert served_from_cache(api, url), url
    add_comment(section, citizen, body="Que las veedurías reciban los informes.")
    assert api.get(urls[2]).json()["count"] == 1


def test_the_published_report_and_its_files_show_at_once(client, citizen, editor):
    page = make_consultation("closed")
    comment = add_comment(page.sections.first(), citizen)
    add_answer(comment)
    api = f"/api/v1/consultations/{page.pk}/report/"
    assert client.get(api).status_code == 404
    assert client.get(f"{page.url}informe.csv").status_code == 404
    services.consultation_report_publish(page=page, by=editor)
    assert client.get(api).status_code == 200
    csv_url = f"{page.url}informe.csv"
    assert client.get(csv_url).status_code == 200
    assert count_queries(lambda: client.get(csv_url), page_cache=True) == 0
