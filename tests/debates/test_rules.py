"""Who may do what in a debate room: each role in each status of the session."""

import pytest

from sessions import services
from sessions.models import SessionStatus
from tests.accounts.factories import UserFactory
from tests.debates.factories import make_session

pytestmark = pytest.mark.django_db

STATUSES = [SessionStatus.SCHEDULED, SessionStatus.LIVE, SessionStatus.PAUSED, SessionStatus.CLOSED]


@pytest.fixture
def people(citizen, unverified_user, moderator, session_moderator, org_admin, editor):
    from django.contrib.auth.models import AnonymousUser

    return {
        "anonymous": AnonymousUser(),
        "unverified": unverified_user,
        "citizen": citizen,
        "org_member": org_admin,
        "editor": editor,
        "group_moderator": moderator,
        "session_moderator": session_moderator,
        "superuser": UserFactory(is_superuser=True, is_staff=True),
    }


MODERATORS = {"group_moderator", "session_moderator", "superuser"}


@pytest.mark.parametrize("status", STATUSES)
def test_public_session_for_any_verified_account(people, session_moderator, status):
    session = make_session(status, moderators=[session_moderator])
    for name, user in people.items():
        expected_role = (
            "moderator"
            if name in MODERATORS
            else "viewer"
            if name in {"anonymous", "unverified"}
            else "participant"
        )
        assert services.role_for(user, session) == expected_role, name
        assert user.has_perm("debates.view_debatesession", session), name
        assert user.has_perm("debates.moderate_debatesession", session) == (name in MODERATORS), name
        may_act = expected_role != "viewer" and status == SessionStatus.LIVE
        # Django grants a superuser every permission; the services still refuse outside `live`.
        assert user.has_perm("debates.participate_debatesession", session) == (may_act or name == "superuser")
        if name != "anonymous" and expected_role != "viewer" and status != SessionStatus.LIVE:
            with pytest.raises(services.Refused) as refusal:
                services.hand_raise(session=session, user=user)
            assert refusal.value.code == "not_live"


def test_invited_organisations_only(people, session_moderator, organization):
    session = make_session(SessionStatus.LIVE, moderators=[session_moderator], public=False, access="invited")
    session.invited_organizations.add(organization)
    for name, user in people.items():
        invited = name == "org_member"
        expected_role = "moderator" if name in MODERATORS else "participant" if invited else "viewer"
        assert services.role_for(user, session) == expected_role, name
        assert user.has_perm("debates.view_debatesession", session) == (expected_role != "viewer"), name
        assert user.has_perm("debates.participate_debatesession", session) == (expected_role != "viewer"), (
            name
        )


def test_a_named_moderator_moderates_only_their_session(session_moderator):
    theirs = make_session(moderators=[session_moderator])
    other = make_session()
    assert services.is_session_moderator(session_moderator, theirs)
    assert not services.is_session_moderator(session_moderator, other)
    with pytest.raises(services.Refused) as refusal:
        services.session_pause(session=other, by=session_moderator)
    assert refusal.value.code == "not_moderator"
    other.refresh_from_db()
    assert other.status == SessionStatus.LIVE


def test_a_muted_participant_may_not_participate(live_session, citizen, session_moderator):
    services.participant_mute(session=live_session, by=session_moderator, user_id=citizen.pk)
    assert services.role_for(citizen, live_session) == "participant"
    assert not citizen.has_perm("debates.participate_debatesession", live_session)
    for action in (
        lambda: services.hand_raise(session=live_session, user=citizen),
        lambda: services.message_post(session=live_session, user=citizen, body="Hola"),
    ):
        with pytest.raises(services.Refused) as refusal:
            action()
        assert refusal.value.code == "muted"


def test_inactive_or_deleted_accounts_are_viewers(live_session, citizen, session_moderator):
    citizen.is_active = False
    citizen.save()
    assert services.role_for(citizen, live_session) == "viewer"
    session_moderator.is_active = False
    session_moderator.save()
    assert services.role_for(session_moderator, live_session) == "viewer"
