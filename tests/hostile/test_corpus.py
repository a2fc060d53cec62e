"""The hostile-input corpus through every public form and API write: never a 5xx, and no
script, event handler or javascript: link from the input in any page or answer that shows it."""

import pytest
from bs4 import BeautifulSoup
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from rest_framework.test import APIClient

from ideas.models import Comment, Idea
from tests.challenges.factories import make_challenge
from tests.hostile.corpus import FILE_NAMES, TEXTS
from tests.ideas.factories import IdeaFactory
from tests.reports.conftest import a_pdf, form_data

pytestmark = pytest.mark.django_db


def dangers(html: str) -> list[str]:
    """What in a page a browser would run: inline scripts, frames, event-handler attributes and
    javascript: links, read from the parsed document (escaped text is only text)."""
    found = []
    for tag in BeautifulSoup(html, "html.parser").find_all(True):
        if tag.name == "iframe" or (tag.name == "script" and tag.string and "alert" in tag.string):
            found.append(str(tag)[:120])
        for name, value in tag.attrs.items():
            value = " ".join(value) if isinstance(value, list) else str(value)
            if name.lower().startswith("on") or (
                name.lower() in ("href", "src", "action", "formaction")
                and value.strip().lower().startswith("javascript:")
            ):
                found.append(f"{tag.name} {name}={value[:60]}")
    return found


@pytest.fixture(autouse=True)
def _no_limits(settings, tmp_path):
    settings.RATE_LIMITS = dict.fromkeys(("report", "comment", "idea", "support"), (100000, 60))
    settings.MEDIA_ROOT = tmp_path


def assert_safe(response):
    assert response.status_code < 500, response.content[:300]
    if response.get("Content-Type", "").startswith("text/html"):
        # JSON carries text as data (a title stays plain text); pages must never run it.
        content = response.content.decode(errors="replace")
        assert not dangers(content), dangers(content)


def api(user=None) -> APIClient:
    client = APIClient()
    if user is not None:
        client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    return client


@pytest.mark.parametrize("text", TEXTS, ids=range(len(TEXTS)))
def test_the_report_api_and_form_take_hostile_text(client, text):
    body = {"category": "soborno", "description": text, "entity": text[:300], "people_involved": text}
    body["contact"] = {"name": text[:200], "email": text[:100]}
    assert_safe(api().post("/api/v1/reports/", body, format="json"))
    assert_safe(client.post(reverse("reports:create"), form_data(description=text, place=text, entity=text)))


@pytest.mark.parametrize("name", FILE_NAMES, ids=range(len(FILE_NAMES)))
def test_the_report_form_takes_hostile_file_names(client, name):
    upload = SimpleUploadedFile(name, a_pdf("acta"), content_type="application/pdf")
    assert_safe(client.post(reverse("reports:create"), {**form_data(), "attachments": [upload]}))


@pytest.mark.parametrize("text", TEXTS, ids=range(len(TEXTS)))
def test_ideas_and_comments_take_hostile_text_and_show_it_harmless(client_for, citizen, text):
    challenge = make_challenge("ideas")
    idea = IdeaFactory(challenge=challenge)
    client = api(citizen)
    assert_safe(
        client.post(
            "/api/v1/ideas/", {"challenge": challenge.pk, "title": text[:300], "body": text}, format="json"
        )
    )
    assert_safe(client.post(f"/api/v1/ideas/{idea.pk}/comments/", {"body": text}, format="json"))
    page = client_for(citizen)
    assert_safe(page.post(reverse("ideas:comment", args=[idea.pk]), {"body": text}))
    for shown in [idea, *Idea.objects.exclude(pk=idea.pk)]:
        assert_safe(page.get(reverse("ideas:detail", args=[shown.pk])))
        assert_safe(api().get(f"/api/v1/ideas/{shown.pk}/comments/"))
    assert_safe(api().get("/api/v1/ideas/", {"challenge": challenge.pk}))
    assert Comment.objects.filter(idea=idea).count() <= 2
