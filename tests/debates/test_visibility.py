"""A private session (for invited organisations) never shows to those who may not see it: not
in the list of sessions, the API, its calendar file, its room page, the sitemap or the search."""

import pytest
from django.urls import reverse

from sessions.models import SessionStatus
from tests.debates.factories import make_session

pytestmark = pytest.mark.django_db

SECRET = "Mesa reservada sobre contratos de alumbrado"


@pytest.fixture
def private_session(organization):
    session = make_session(
        SessionStatus.LIVE, public=False, access="invited", title=SECRET, description="Solo invitados."
    )
    session.invited_organizations.add(organization)
    return session


@pytest.mark.parametrize("who", ["anonymous", "citizen"])
def test_a_private_session_is_absent_from_every_public_channel(
    who, request, client, client_for, private_session
):
    if who == "citizen":
        client = client_for(request.getfixturevalue("citizen"))
    public = make_session(SessionStatus.SCHEDULED, title="Debate abierto sobre movilidad")
    listing = client.get(reverse("debates:session_list")).content.decode()
    assert public.title in listing and SECRET not in listing
    assert "Solo invitados" not in listing
    api = client.get("/api/v1/sessions/").json()
    titles = [row["title"] for row in api["results"]]
    assert public.title in titles and SECRET not in titles
    assert client.get(f"/api/v1/sessions/{private_session.pk}/").status_code == 404
    for url in (
        reverse("debates:ics", args=[private_session.pk]),
        reverse("debates:room", args=[private_session.pk]),
    ):
        response = client.get(url)
        assert response.status_code in (403, 404)
        assert SECRET not in response.content.decode()
    for url in ("/sitemap.xml", "/buscar/?q=alumbrado", "/api/v1/search/?q=alumbrado"):
        response = client.get(url)
        assert response.status_code in (200, 404)
        assert SECRET not in response.content.decode()


def test_the_invited_organisation_sees_it_in_the_list(client_for, org_admin, private_session):
    listing = client_for(org_admin).get(reverse("debates:session_list")).content.decode()
    assert SECRET in listing
