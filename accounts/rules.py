"""Who may do what with accounts and organisations (django-rules)."""

import rules

from accounts.models import Membership, Organization
from accounts.selectors import user_is_verified


@rules.predicate
def is_verified_participant(user) -> bool:
    return user_is_verified(user)


@rules.predicate
def is_staff(user) -> bool:
    return bool(getattr(user, "is_staff", False) and user.is_active)


def _organization_of(obj) -> Organization | None:
    if isinstance(obj, Organization):
        return obj
    if isinstance(obj, Membership):
        return obj.organization
    return None


@rules.predicate
def is_organization_admin(user, obj) -> bool:
    organization = _organization_of(obj)
    if organization is None or not getattr(user, "is_authenticated", False):
        return False
    return Membership.objects.filter(
        user=user,
        organization=organization,
        role=Membership.Role.ADMIN,
        status=Membership.Status.APPROVED,
    ).exists()


@rules.predicate
def is_own_membership(user, membership) -> bool:
    return isinstance(membership, Membership) and membership.user_id == getattr(user, "pk", None)


rules.add_perm("accounts.create_organization", is_verified_participant)
rules.add_perm("accounts.request_membership", is_verified_participant)
rules.add_perm("accounts.manage_organization", is_staff | (is_verified_participant & is_organization_admin))
rules.add_perm("accounts.decide_membership", is_staff | (is_verified_participant & is_organization_admin))
rules.add_perm("accounts.verify_organization", is_staff)
rules.add_perm("accounts.leave_membership", is_own_membership)
