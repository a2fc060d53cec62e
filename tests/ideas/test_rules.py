"""Who may propose, support, comment, evaluate, decide and moderate: each role in each phase."""

import pytest
from django.contrib.auth.models import AnonymousUser

from tests.accounts.factories import MembershipFactory, OrganizationFactory, UserFactory
from tests.challenges.factories import PHASE_OFFSETS, make_challenge
from tests.ideas.factories import IdeaFactory

pytestmark = pytest.mark.django_db

ROLES = ["anonymous", "unverified", "citizen", "org_member", "co_lead", "moderator", "editor", "staff"]


def make_actor(role, co_lead_org):
    if role == "anonymous":
        return AnonymousUser()
    kwargs = {
        "unverified": {"verified_email": False},
        "moderator": {"groups": ["moderators"]},
        "editor": {"groups": ["editors"]},
        "staff": {"is_staff": True},
    }.get(role, {})
    user = UserFactory(**kwargs)
    if role == "co_lead":
        MembershipFactory(user=user, organization=co_lead_org, status="approved")
    if role == "org_member":
        MembershipFactory(user=user, organization=OrganizationFactory(), status="approved")
    return user


VERIFIED = {"citizen", "org_member", "co_lead", "moderator", "editor", "staff"}
# The phases in which each action is open to verified accounts.
OPEN = {
    "ideas.propose_idea": {"ideas"},
    "ideas.support_idea": {"voting"},
    "ideas.comment_idea": {"ideas", "evaluation_before_voting", "voting", "evaluation", "results"},
}
# Actions that depend on the role, not the phase.
BY_ROLE = {
    "ideas.evaluate_idea": {"co_lead", "staff"},
    "ideas.decide_idea_status": {"co_lead", "staff"},
    "ideas.moderate_idea": {"co_lead", "moderator", "staff"},
}


@pytest.mark.parametrize("phase", list(PHASE_OFFSETS))
@pytest.mark.parametrize("role", ROLES)
def test_permissions(role, phase):
    co_lead_org = OrganizationFactory(name="Universidad Industrial de Santander", slug="uis")
    challenge = make_challenge(phase, co_leads=[co_lead_org])
    idea = IdeaFactory(challenge=challenge)
    user = make_actor(role, co_lead_org)
    for permission, phases in OPEN.items():
        target = challenge if permission == "ideas.propose_idea" else idea
        expected = role in VERIFIED and phase in phases
        assert user.has_perm(permission, target) is expected, (permission, role, phase)
    for permission, roles in BY_ROLE.items():
        assert user.has_perm(permission, idea) is (role in roles), (permission, role, phase)
