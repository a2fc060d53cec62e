"""Who may do what with organisations, for every role."""

import pytest

from tests.accounts.factories import MembershipFactory, UserFactory

pytestmark = pytest.mark.django_db

ROLES = ["anonymous", "unverified", "citizen", "member", "org_admin", "moderator", "editor", "staff"]


@pytest.fixture
def actor(request, organization, django_user_model):
    from django.contrib.auth.models import AnonymousUser

    role = request.param
    if role == "anonymous":
        return role, AnonymousUser()
    kwargs = {
        "unverified": {"verified_email": False},
        "moderator": {"groups": ["moderators"]},
        "editor": {"groups": ["editors"]},
        "staff": {"is_staff": True},
    }.get(role, {})
    user = UserFactory(**kwargs)
    if role in {"member", "org_admin"}:
        MembershipFactory(
            user=user,
            organization=organization,
            status="approved",
            role="admin" if role == "org_admin" else "member",
        )
    return role, user


EXPECTED = {
    "accounts.create_organization": {"citizen", "member", "org_admin", "moderator", "editor", "staff"},
    "accounts.request_membership": {"citizen", "member", "org_admin", "moderator", "editor", "staff"},
    "accounts.manage_organization": {"org_admin", "staff"},
    "accounts.decide_membership": {"org_admin", "staff"},
    "accounts.verify_organization": {"staff"},
}


@pytest.mark.parametrize("actor", ROLES, indirect=True)
@pytest.mark.parametrize("permission", sorted(EXPECTED))
def test_permission_by_role(actor, permission, organization):
    role, user = actor
    target = organization
    if permission == "accounts.decide_membership":
        target = MembershipFactory(organization=organization)
    assert user.has_perm(permission, target) is (role in EXPECTED[permission])


def test_unverified_org_admin_cannot_manage(organization):
    user = UserFactory(verified_email=False)
    MembershipFactory(user=user, organization=organization, status="approved", role="admin")
    assert not user.has_perm("accounts.manage_organization", organization)


def test_pending_admin_is_not_an_admin(organization):
    user = UserFactory()
    MembershipFactory(user=user, organization=organization, status="pending", role="admin")
    assert not user.has_perm("accounts.manage_organization", organization)
