"""Following a debate session: by form and API, who may, what followers (of the session or its
challenge) are told, once and never of their own doing, Mis aportes, the personal data, and the
page cache never showing anyone's follow state."""

import datetime
import json

import pytest
from django.contrib.messages import get_messages
from django.test import Client
from django.urls import reverse
from rest_framework.test import APIClient

from accounts.models import Notification, NotificationKind
from accounts.services import account_delete, account_export
from challenges.models import Follow
from sessions import services
from sessions.models import Minutes, SessionFollow, SessionStatus
from tests.accounts.factories import UserFactory
from tests.challenges.factories import make_challenge
from tests.debates.factories import make_session
from tests.utils import count_queries

pytestmark = pytest.mark.django_db

NOT_AUTHENTICATED = "Ingrese con su cuenta para participar."
NOT_VERIFIED = "Para participar, verifique su correo y autorice el tratamiento de sus datos personales."
ACTIVITY = "/cuenta/mis-aportes/"


@pytest.fixture
def session():
    return make_session(SessionStatus.SCHEDULED, title="Gobierno abierto")


def _messages(response) -> list[str]:
    return [str(message) for message in get_messages(response.wsgi_request)]


def api(user=None, **kwargs) -> APIClient:
    client = APIClient(**kwargs)
    if user is not None:
        client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    return client


def follow_url(session) -> str:
    return f"/api/v1/sessions/{session.pk}/follow/"


# The room page ----------------------------------------------------------------------------


def test_follow_and_unfollow_from_the_room(client_for, citizen, session):
    client = client_for(citizen)
    url = session.get_absolute_url()
    page = client.get(url).content.decode()
    assert f'action="{reverse("debates:follow", args=[session.pk])}"' in page and "Seguir esta sesión" in page
    response = client.post(reverse("debates:follow", args=[session.pk]))
    assert response.status_code == 302 and response["Location"] == url
    assert _messages(response) == [
        "Ahora sigue la sesión «Gobierno abierto». Le avisaremos si cambia de fecha, "
        "cuando empiece y cuando se publique el acta."
    ]
    page = client.get(url).content.decode()
    assert f'action="{reverse("debates:unfollow", args=[session.pk])}"' in page and "Dejar de seguir" in page
    response = client.post(reverse("debates:follow", args=[session.pk]))
    assert _messages(response)[-1] == "Usted ya sigue la sesión «Gobierno abierto»."
    assert SessionFollow.objects.filter(user=citizen, session=session).count() == 1
    response = client.post(reverse("debates:unfollow", args=[session.pk]))
    assert _messages(response)[-1] == "Dejó de seguir la sesión «Gobierno abierto»."
    assert not SessionFollow.objects.exists()
    response = client.post(reverse("debates:unfollow", args=[session.pk]))
    assert _messages(response)[-1] == "Usted no seguía la sesión «Gobierno abierto»."


def test_anonymous_visitors_see_a_sign_in_link_and_cannot_post(client, session):
    page = client.get(session.get_absolute_url()).content.decode()
    assert "Ingrese para seguir esta sesión" in page
    assert reverse("debates:follow", args=[session.pk]) not in page
    for name in ("debates:follow", "debates:unfollow"):
        response = client.post(reverse(name, args=[session.pk]))
        assert response["Location"].startswith(reverse("account_login"))
    assert not SessionFollow.objects.exists()


def test_an_unverified_account_cannot_follow(client_for, unverified_user, session):
    response = client_for(unverified_user).post(reverse("debates:follow", args=[session.pk]))
    assert _messages(response) == [NOT_VERIFIED]
    assert not SessionFollow.objects.exists()


def test_a_session_for_invited_organisations_only_cannot_be_followed_by_others(client_for, citizen):
    private = make_session(SessionStatus.SCHEDULED, public=False, access="invited")
    response = client_for(citizen).post(reverse("debates:follow", args=[private.pk]))
    assert response.status_code == 403
    assert api(citizen).post(follow_url(private)).status_code == 404
    assert not SessionFollow.objects.exists()


# The API --------------------------------------------------------------------------------


def test_api_follow_is_idempotent_and_delete_unfollows(citizen, session):
    client = api(citizen)
    response = client.post(follow_url(session))
    assert response.status_code == 201 and response.json() == {"id": session.pk, "following": True}
    response = client.post(follow_url(session))
    assert response.status_code == 200 and response.json() == {"id": session.pk, "following": True}
    assert SessionFollow.objects.count() == 1
    response = client.delete(follow_url(session))
    assert response.status_code == 200 and response.json() == {"id": session.pk, "following": False}
    assert client.delete(follow_url(session)).status_code == 200
    assert not SessionFollow.objects.exists()


def test_api_refusals_say_why_and_change_nothing(session):
    response = api().post(follow_url(session))
    assert response.status_code == 401 and response.json()["detail"] == NOT_AUTHENTICATED
    response = api(UserFactory(verified_email=False)).post(follow_url(session))
    assert response.status_code == 403 and response.json() == {"detail": NOT_VERIFIED, "code": "not_verified"}
    assert api(UserFactory()).post("/api/v1/sessions/999999/follow/").status_code == 404
    assert api(UserFactory()).post("/api/v1/sessions/abc/follow/").status_code == 404
    assert not SessionFollow.objects.exists()


def test_the_schema_documents_both_operations():
    schema = api().get("/api/v1/schema/?format=json").json()
    operations = schema["paths"]["/api/v1/sessions/{id}/follow/"]
    assert set(operations) >= {"post", "delete"}
    assert {"200", "201", "401", "403", "404"} <= set(operations["post"]["responses"])


# Notifications --------------------------------------------------------------------------


def _notices(recipient=None):
    notices = Notification.objects.filter(kind=NotificationKind.DEBATE_SESSION)
    return notices.filter(recipient=recipient) if recipient else notices


def test_followers_are_told_when_it_goes_live_once_even_following_the_challenge_too(
    moderator, citizen, other_citizen
):
    challenge = make_challenge("ideas", title="Contratación abierta")
    session = make_session(SessionStatus.SCHEDULED, title="Gobierno abierto", challenge=challenge)
    services.session_follow(user=citizen, session=session)
    Follow.objects.create(user=citizen, challenge=challenge)  # both: one notice
    Follow.objects.create(user=other_citizen, challenge=challenge)
    services.session_follow(user=moderator, session=session)  # the one who opens it
    services.session_open(session=session, by=moderator)
    assert sorted(n.recipient_id for n in _notices()) == sorted([citizen.pk, other_citizen.pk])
    assert {n.message for n in _notices()} == {
        "La sesión de debate «Gobierno abierto» está en vivo. Reto: «Contratación abierta»."
    }
    # Paused and opened again: not news.
    services.session_pause(session=session, by=moderator)
    services.session_open(session=session, by=moderator)
    assert _notices().count() == 2


def test_a_session_without_a_challenge_tells_its_own_followers(moderator, citizen, session):
    services.session_follow(user=citizen, session=session)
    services.session_open(session=session, by=moderator)
    notice = _notices(citizen).get()
    assert notice.message == "La sesión de debate «Gobierno abierto» está en vivo."
    assert notice.url == session.get_absolute_url()


def test_followers_are_told_when_the_minutes_are_published_once(moderator, citizen, other_citizen):
    session = make_session(SessionStatus.LIVE, title="Gobierno abierto", moderators=[moderator])
    services.session_follow(user=citizen, session=session)
    services.session_close(session=session, by=moderator)
    assert not _notices().exists()  # a draft is not news
    minutes = Minutes.objects.get(session=session)
    services.minutes_publish(minutes=minutes, by=moderator, body="# Acta\n\nSe habló de datos abiertos.")
    notice = _notices(citizen).get()
    assert notice.message == "Se publicó el acta de la sesión de debate «Gobierno abierto»."
    assert notice.url == reverse("debates:minutes", args=[session.pk])
    # A correction of the published minutes is not announced again.
    services.minutes_publish(minutes=minutes, by=moderator, body="# Acta\n\nCorregida.")
    assert _notices().count() == 1


def test_followers_are_told_when_it_is_rescheduled(moderator, citizen, other_citizen, session):
    services.session_follow(user=citizen, session=session)
    starts_at = session.starts_at + datetime.timedelta(days=2)
    services.session_reschedule(
        session=session, starts_at=starts_at, ends_at=starts_at + datetime.timedelta(hours=2), by=moderator
    )
    notice = _notices(citizen).get()
    assert notice.message.startswith(
        "La sesión de debate «Gobierno abierto» cambió de fecha: ahora empieza el "
    )
    # Only the end moved: no notice.
    services.session_reschedule(
        session=session, starts_at=starts_at, ends_at=starts_at + datetime.timedelta(hours=3), by=moderator
    )
    assert _notices().count() == 1
    live = make_session(SessionStatus.LIVE)
    with pytest.raises(services.Refused):
        services.session_reschedule(
            session=live, starts_at=starts_at, ends_at=starts_at + datetime.timedelta(hours=1)
        )


def test_staff_moving_a_session_in_the_admin_tells_its_followers(
    client_for, citizen, session, django_capture_on_commit_callbacks
):
    services.session_follow(user=citizen, session=session)
    admin_user = UserFactory(is_superuser=True, is_staff=True)
    client = client_for(admin_user)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"/django-admin/debates/debatesession/{session.pk}/change/",
            {
                "title": "Gobierno abierto",
                "description": "",
                "starts_at_0": "2031-12-10",
                "starts_at_1": "14:00:00",
                "ends_at_0": "2031-12-10",
                "ends_at_1": "16:00:00",
                "public": "on",
                "access": "verified",
                "speaking_time": "180",
            },
        )
    assert response.status_code == 302, response.content.decode()[:3000]
    assert "cambió de fecha" in _notices(citizen).get().message


def test_deleted_accounts_get_nothing(moderator, citizen, session):
    services.session_follow(user=citizen, session=session)
    account_delete(user=citizen)
    services.session_open(session=session, by=moderator)
    assert not _notices().exists()


def test_the_fan_out_costs_the_same_queries_for_3_or_30_followers(moderator):
    challenge = make_challenge("ideas")
    first = make_session(SessionStatus.SCHEDULED, challenge=challenge)
    second = make_session(SessionStatus.SCHEDULED, challenge=challenge)
    for user in UserFactory.create_batch(3):
        services.session_follow(user=user, session=first)
    Follow.objects.create(user=UserFactory(), challenge=challenge)
    few = count_queries(lambda: services.session_open(session=first, by=moderator))
    for user in UserFactory.create_batch(30):
        services.session_follow(user=user, session=second)
        Follow.objects.create(user=user, challenge=challenge)
    many = count_queries(lambda: services.session_open(session=second, by=moderator))
    assert many <= few
    assert _notices().count() == 4 + 31


# Mis aportes and personal data ------------------------------------------------------------


def test_mis_aportes_lists_the_followed_sessions_with_an_unfollow_button(client_for, citizen, session):
    make_session(title="Sesión que no sigo")
    client = client_for(citizen)
    html = client.get(ACTIVITY).content.decode()
    assert "Sesiones de debate que sigo" in html and "Todavía no sigue ninguna sesión de debate." in html
    services.session_follow(user=citizen, session=session)
    html = client.get(ACTIVITY).content.decode()
    assert "Gobierno abierto" in html and "Sesión que no sigo" not in html
    assert f'action="{reverse("debates:unfollow", args=[session.pk])}"' in html
    response = client.post(reverse("debates:unfollow", args=[session.pk]), {"next": ACTIVITY})
    assert response["Location"] == ACTIVITY
    html = client.get(ACTIVITY).content.decode()
    assert "Dejó de seguir la sesión «Gobierno abierto»." in html
    assert "Todavía no sigue ninguna sesión de debate." in html


def test_the_export_lists_the_follows_and_deleting_the_account_removes_them(citizen, session):
    services.session_follow(user=citizen, session=session)
    exported = json.loads(json.dumps(account_export(user=citizen), default=str))
    assert [(row["session"], row["title"]) for row in exported["session_follows"]] == [
        (session.pk, "Gobierno abierto")
    ]
    account_delete(user=citizen)
    assert not SessionFollow.objects.exists()


# The page cache ---------------------------------------------------------------------------


@pytest.fixture
def _site_identity(db):
    from wagtail.models import Site

    from cms.models import SiteIdentity

    SiteIdentity.for_site(Site.objects.get(is_default_site=True))


@pytest.mark.usefixtures("_site_identity")
def test_the_cached_anonymous_room_never_shows_anyones_follow_state(settings, citizen, session):
    settings.PAGE_CACHE_SECONDS = 300
    url = session.get_absolute_url()
    follower = Client()
    follower.force_login(citizen, backend="django.contrib.auth.backends.ModelBackend")
    follower.post(reverse("debates:follow", args=[session.pk]))
    assert "Dejar de seguir" in follower.get(url).content.decode()
    first, second = Client().get(url), Client().get(url)
    assert first.get("X-Page-Cache") == "miss" and second.get("X-Page-Cache") == "hit"
    for response in (first, second):
        html = response.content.decode()
        assert "Ingrese para seguir esta sesión" in html and "Dejar de seguir" not in html
    assert "Dejar de seguir" in follower.get(url).content.decode()


def test_a_session_for_invited_organisations_is_announced_only_to_who_may_see_it(
    moderator, citizen, other_citizen
):
    from accounts.models import Membership
    from tests.accounts.factories import OrganizationFactory

    challenge = make_challenge("ideas", title="Contratación abierta")
    guild = OrganizationFactory(name="Gremio de constructores")
    Membership.objects.create(user=other_citizen, organization=guild, status=Membership.Status.APPROVED)
    private = make_session(
        SessionStatus.SCHEDULED, title="Mesa privada", challenge=challenge, public=False, access="invited"
    )
    private.invited_organizations.set([guild])
    for person in (citizen, other_citizen):
        Follow.objects.create(user=person, challenge=challenge)
    services.session_open(session=private, by=moderator)
    assert [n.recipient_id for n in _notices()] == [other_citizen.pk]
