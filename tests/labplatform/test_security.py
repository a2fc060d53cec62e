"""Headers every response carries: CSP without third parties, framing and sniffing off."""

import pytest

pytestmark = pytest.mark.django_db


def test_public_pages_send_a_strict_content_security_policy(client):
    response = client.get("/")
    csp = response["Content-Security-Policy"]
    directives = dict(part.strip().split(" ", 1) for part in csp.split(";") if part.strip())
    assert directives["default-src"] == "'self'"
    assert directives["script-src"] == "'self'"
    assert "unsafe-inline" not in csp and "http" not in csp  # no third-party origin anywhere
    assert directives["frame-ancestors"] == "'self'"
    assert directives["object-src"] == "'none'"


def test_admin_pages_get_the_wider_policy_they_need(client_for, editor):
    csp = client_for(editor).get("/cms-admin/")["Content-Security-Policy"]
    assert "script-src 'self' 'unsafe-inline'" in csp


def test_other_security_headers(client):
    response = client.get("/")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["X-Frame-Options"] == "DENY"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"


def test_pages_reference_no_third_party_assets(client):
    import re

    from core.urls import site_url

    own = site_url() + "/"
    html = client.get("/").content.decode()
    sources = re.findall(r'(?:src|href)="([^"]+)"', html)
    external = [s for s in sources if s.startswith(("http://", "https://", "//")) and not s.startswith(own)]
    # The only outward links are plain links a person may follow (GOV.CO), never assets.
    assert all(url.startswith("https://www.gov.co") for url in external), external
    # The canonical link names the page's own public address (SITE_URL); nothing is fetched from it.
    assert re.findall(r'<link rel="canonical" href="([^"]+)"', html) == [own]
    assets = re.findall(r'<(?:script|link|img)(?![^>]*rel="canonical")[^>]+(?:src|href)="([^"]+)"', html)
    assert all(url.startswith("/") and not url.startswith("//") for url in assets), assets


def test_health(client):
    response = client.get("/salud/")
    assert response.status_code == 200 and response.json() == {"status": "ok"}


def test_api_schema_and_docs_are_served_locally(client):
    schema = client.get("/api/v1/schema/")
    assert schema.status_code == 200
    docs = client.get("/api/v1/docs/").content.decode()
    assert "cdn" not in docs.lower() and "unpkg" not in docs.lower()
