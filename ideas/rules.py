"""Who may do what in the participation loop (django-rules). Phases are checked by the services,
which say why an action is refused; these predicates answer "may this person, now?"."""

import rules

from accounts.models import Membership
from accounts.roles import MODERATORS
from accounts.rules import is_staff
from core.refusals import passes
from ideas import services


@rules.predicate
def can_propose(user, challenge) -> bool:
    return challenge is not None and passes(services.check_can_propose, user, challenge)


@rules.predicate
def can_support(user, idea) -> bool:
    return idea is not None and passes(services.check_can_support, user, idea)


@rules.predicate
def can_comment(user, idea) -> bool:
    return idea is not None and passes(services.check_can_comment, user, idea)


@rules.predicate
def can_follow(user, idea) -> bool:
    return idea is not None and passes(services.check_can_follow, user, idea)


@rules.predicate
def is_co_lead_member(user, obj) -> bool:
    """An approved member of one of the challenge's co-lead organisations."""
    if obj is None or not getattr(user, "is_authenticated", False):
        return False
    challenge = getattr(obj, "challenge", obj)
    return Membership.objects.filter(
        user=user,
        status=Membership.Status.APPROVED,
        organization__in=challenge.co_leads.all(),
    ).exists()


is_moderator = rules.is_group_member(MODERATORS)

rules.add_perm("ideas.propose_idea", can_propose)
rules.add_perm("ideas.support_idea", can_support)
rules.add_perm("ideas.comment_idea", can_comment)
rules.add_perm("ideas.follow_idea", can_follow)
rules.add_perm("ideas.evaluate_idea", is_staff | is_co_lead_member)
rules.add_perm("ideas.decide_idea_status", is_staff | is_co_lead_member)
rules.add_perm("ideas.moderate_idea", is_staff | is_moderator | is_co_lead_member)
