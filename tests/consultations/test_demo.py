"""seed_demo's consultations and library: an open PAAC draft with a dozen sections and comments, an
answered consultation with its report, a dozen library resources; safe to run twice."""

import io

import pytest
from django.core.management import call_command

from consultations.models import CommentAnswer, ConsultationComment, ConsultationPage
from library.models import EasyReadPage, LibraryResourcePage

pytestmark = pytest.mark.django_db


def test_demo_consultations_and_library(client):
    call_command("seed_demo", "--allow-production", stdout=io.StringIO())
    counts = (
        ConsultationComment.objects.count(),
        CommentAnswer.objects.count(),
        LibraryResourcePage.objects.count(),
    )
    call_command("seed_demo", "--allow-production", stdout=io.StringIO())
    assert (
        ConsultationComment.objects.count(),
        CommentAnswer.objects.count(),
        LibraryResourcePage.objects.count(),
    ) == counts
    statuses = {page.slug: page.status for page in ConsultationPage.objects.all()}
    assert statuses == {"borrador-paac-2027": "open", "politica-riesgos-corrupcion-2026": "answered"}
    paac = ConsultationPage.objects.get(slug="borrador-paac-2027")
    assert paac.sections.count() == 12
    assert ConsultationComment.objects.filter(section__page=paac).count() >= 10
    answered = ConsultationPage.objects.get(slug="politica-riesgos-corrupcion-2026")
    assert not ConsultationComment.objects.filter(section__page=answered, answer__isnull=True).exists()
    assert LibraryResourcePage.objects.count() == 12
    assert EasyReadPage.objects.count() == 2
    for url in ("/consultas/", paac.url, answered.url + "informe/", "/biblioteca/"):
        assert client.get(url).status_code == 200, url
