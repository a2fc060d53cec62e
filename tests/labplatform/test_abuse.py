"""Abuse from outside, as an attacker would try it: cross-site report bodies, floods of cheap
writes, ids too large for the database, JSON nested absurdly deep. Each gets a clear 4xx with
`detail` (429 with Retry-After for floods) and changes nothing; no IP address is kept."""

import json
import time

import pytest
from django.core.cache import cache
from django.urls import reverse
from rest_framework.test import APIClient

from ideas.models import Comment, Idea, Support
from reports.forms import form_token
from reports.models import Report
from tests.challenges.factories import make_challenge
from tests.ideas.factories import IdeaFactory
from tests.reports.conftest import form_data

pytestmark = pytest.mark.django_db

REPORT = {"category": "soborno", "description": "Pidieron dinero por el acta de recibo.", "entity": "Obras"}
HUGE = "99999999999999999999999"
TOO_MANY = "Ha hecho demasiadas solicitudes seguidas"


def api(user=None, address="203.0.113.7") -> APIClient:
    client = APIClient(REMOTE_ADDR=address)
    if user is not None:
        client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    return client


def _cache_keys() -> list[str]:
    """Every key the cache holds, on the local-memory cache (SQLite runs) and on Redis."""
    store = cache._cache
    if hasattr(store, "get_client"):  # Redis
        return [key.decode() for key in store.get_client().keys("*")]
    return [str(key) for key in store]


def assert_429(response):
    assert response.status_code == 429
    assert int(response["Retry-After"]) >= 1
    body = response.json()["detail"] if response["Content-Type"].startswith("application/json") else ""
    assert TOO_MANY in (body or response.content.decode())


# The report API: JSON only, rate limited, no address kept


@pytest.mark.parametrize(
    "kwargs",
    [{"format": None}, {"format": "multipart"}, {"content_type": "text/plain"}],
    ids=["form-encoded", "multipart", "text"],
)
def test_a_report_in_a_cross_site_form_body_gets_415_and_files_nothing(kwargs):
    client = api()
    if "content_type" in kwargs:
        response = client.post("/api/v1/reports/", "category=soborno", content_type=kwargs["content_type"])
    elif kwargs["format"] == "multipart":
        response = client.post("/api/v1/reports/", REPORT, format="multipart")
    else:
        response = client.generic(
            "POST",
            "/api/v1/reports/",
            "category=soborno&description=x&entity=y",
            content_type="application/x-www-form-urlencoded",
        )
    assert response.status_code == 415
    assert response.json()["detail"]
    assert not Report.objects.exists()


def test_reports_from_one_client_are_rate_limited_with_no_address_kept(settings):
    settings.RATE_LIMITS = {"report": (2, 86400)}
    client = api(address="198.51.100.23")
    codes = [client.post("/api/v1/reports/", REPORT, format="json").status_code for _ in range(3)]
    assert codes == [201, 201, 429]
    refused = client.post("/api/v1/reports/", REPORT, format="json")
    assert_429(refused)
    assert Report.objects.count() == 2
    # Another client is not held back by the first.
    assert api(address="198.51.100.99").post("/api/v1/reports/", REPORT, format="json").status_code == 201
    keys = _cache_keys()
    assert any("ratelimit:report:a:" in key for key in keys)
    assert not any("198.51.100" in key for key in keys)


def test_the_report_form_is_rate_limited_too(client, settings):
    settings.RATE_LIMITS = {"report": (1, 86400)}
    assert client.post(reverse("reports:create"), form_data()).status_code == 201
    again = client.post(reverse("reports:create"), form_data(started=form_token(time.time() - 60)))
    assert_429(again)
    assert "Demasiadas solicitudes" in again.content.decode()
    assert Report.objects.count() == 1


# Ideas, supports and comments: per account


def test_comments_ideas_and_supports_are_rate_limited_per_account(citizen, other_citizen, settings):
    # Windows of a day: a fixed window that turned over between two calls would reset the count.
    settings.RATE_LIMITS = {"comment": (2, 86400), "idea": (1, 86400), "support": (2, 86400)}
    challenge = make_challenge("voting")
    idea = IdeaFactory(challenge=challenge)
    client = api(citizen)
    comments = f"/api/v1/ideas/{idea.pk}/comments/"
    codes = [client.post(comments, {"body": f"Comentario {n}"}, format="json").status_code for n in range(3)]
    assert codes == [201, 201, 429]
    assert_429(client.post(comments, {"body": "otro"}, format="json"))
    assert Comment.objects.count() == 2
    # Another person still comments.
    assert api(other_citizen).post(comments, {"body": "Yo también"}, format="json").status_code == 201

    support = f"/api/v1/ideas/{idea.pk}/support/"
    assert [client.post(support).status_code, client.delete(support).status_code] == [201, 200]
    assert_429(client.post(support))
    assert not Support.objects.filter(user=citizen).exists()

    open_challenge = make_challenge("ideas")
    new_idea = {
        "challenge": open_challenge.pk,
        "title": "Semáforos sincronizados",
        "body": "En la carrera 27.",
    }
    assert client.post("/api/v1/ideas/", new_idea, format="json").status_code == 201
    assert_429(client.post("/api/v1/ideas/", {**new_idea, "title": "Otra idea"}, format="json"))
    assert Idea.objects.filter(challenge=open_challenge).count() == 1


def test_the_comment_form_answers_429_with_the_sites_page(client_for, citizen, settings):
    settings.RATE_LIMITS = {"comment": (1, 86400)}
    idea = IdeaFactory(challenge=make_challenge("ideas"))
    client = client_for(citizen)
    url = reverse("ideas:comment", args=[idea.pk])
    assert client.post(url, {"body": "Primero"}).status_code == 302
    refused = client.post(url, {"body": "Segundo"})
    assert_429(refused)
    assert "<h1>Demasiadas solicitudes seguidas</h1>" in refused.content.decode()
    assert Comment.objects.count() == 1


# Out-of-range ids, bad numbers and deep JSON


@pytest.mark.parametrize(
    "url",
    [
        f"/api/v1/challenges/{HUGE}/",
        f"/api/v1/ideas/{HUGE}/",
        f"/api/v1/ideas/{HUGE}/comments/",
        f"/api/v1/sessions/{HUGE}/",
        "/api/v1/challenges/abc/",
        "/api/v1/ideas/-1/",
    ],
)
def test_ids_out_of_range_or_not_numbers_get_a_json_404(url):
    response = api().get(url)
    assert response.status_code == 404
    assert response.json()["detail"]


def test_a_huge_id_in_a_filter_or_a_body_gets_a_4xx_with_detail(citizen):
    listed = api().get(f"/api/v1/ideas/?challenge={HUGE}")
    assert listed.status_code in (400, 404) and listed.json()["detail"]
    posted = api(citizen).post(
        "/api/v1/ideas/", {"challenge": HUGE, "title": "Una idea", "body": "Texto"}, format="json"
    )
    assert posted.status_code == 400 and posted.json()["detail"]
    assert not Idea.objects.exists()


def test_a_huge_id_in_a_page_address_gets_the_sites_404(client):
    response = client.get(f"/ideas/{HUGE}/")
    assert response.status_code == 404
    assert "No encontramos esta página" in response.content.decode()


@pytest.mark.parametrize("depth", [100, 100_000])
def test_json_nested_absurdly_deep_gets_400_with_detail(depth):
    body = "[" * depth + "]" * depth
    response = api().post("/api/v1/reports/", body, content_type="application/json")
    assert response.status_code == 400
    assert response.json()["detail"]
    assert not Report.objects.exists()


def test_malformed_json_and_field_errors_carry_a_detail(citizen):
    broken = api().post("/api/v1/reports/", '{"category": ', content_type="application/json")
    assert broken.status_code == 400 and broken.json()["detail"]
    invalid = api().post(
        "/api/v1/reports/", json.dumps({"category": "inventada"}), content_type="application/json"
    )
    assert invalid.status_code == 400
    assert invalid.json()["detail"] and "category" in invalid.json()
