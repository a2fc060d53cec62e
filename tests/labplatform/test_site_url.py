"""SITE_URL: the links in e-mails, calendars and the open-data catalogue start with the public
origin, whatever host or port the request came in on."""

import pytest
from django.core import mail
from django.urls import reverse

from reports import services
from reports.tasks import email_reporter_news
from tests.debates.factories import make_session

pytestmark = pytest.mark.django_db

ORIGIN = "https://lab.bucaramanga.gov.co"


@pytest.fixture(autouse=True)
def _site_url(settings):
    settings.SITE_URL = ORIGIN


def test_the_e_mail_to_a_reporter_links_to_the_public_site(tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path
    report, _receipt = services.report_create(
        category="soborno",
        description="Pidieron dinero.",
        entity="Obras",
        contact_email="rosa@correo.example",
    )
    mail.outbox.clear()
    email_reporter_news.call(report.pk)
    assert f"{ORIGIN}{reverse('reports:lookup')}" in mail.outbox[0].body
    assert "127.0.0.1" not in mail.outbox[0].body


def test_the_calendar_file_and_the_catalogue_use_the_public_origin(client):
    session = make_session()
    ics = client.get(reverse("debates:ics", args=[session.pk]), HTTP_HOST="127.0.0.1:8123").content.decode()
    assert f"URL:{ORIGIN}{session.get_absolute_url()}" in ics.replace("\r\n ", "")
    assert "127.0.0.1" not in ics
    catalogue = client.get(reverse("open_data_catalogue"), HTTP_HOST="127.0.0.1:8123").json()
    urls = [d["downloadURL"] for dataset in catalogue["dataset"] for d in dataset["distribution"]]
    assert urls and all(url.startswith(ORIGIN + "/") for url in urls)
