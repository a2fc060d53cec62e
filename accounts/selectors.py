"""Reads about accounts and organisations."""

from allauth.account.models import EmailAddress
from django.conf import settings
from django.db.models import Count, Exists, OuterRef, Q, QuerySet
from django.utils.translation import gettext as _

from accounts.models import Consent, Membership, Organization, User
from core.refusals import Refused


def user_has_current_consent(user: User) -> bool:
    return Consent.objects.filter(user=user, policy_version=settings.PRIVACY_POLICY_VERSION).exists()


def user_has_verified_email(user: User) -> bool:
    return EmailAddress.objects.filter(user=user, primary=True, verified=True).exists()


def user_is_verified(user) -> bool:
    """A verified account: active, primary e-mail verified, current policy accepted.

    Cached on the user object, which lives for one request (or one WebSocket connection).
    """
    if not getattr(user, "is_authenticated", False) or not user.is_active or user.deleted_at:
        return False
    cached = getattr(user, "_lab_is_verified", None)
    if cached is None:
        # One query for both conditions: this runs before every write a person makes.
        cached = (
            User.objects.filter(pk=user.pk)
            .filter(
                Exists(EmailAddress.objects.filter(user=OuterRef("pk"), primary=True, verified=True)),
                Exists(
                    Consent.objects.filter(
                        user=OuterRef("pk"), policy_version=settings.PRIVACY_POLICY_VERSION
                    )
                ),
            )
            .exists()
        )
        user._lab_is_verified = cached
    return cached


def organization_list(*, kind: str | None = None, query: str | None = None) -> QuerySet[Organization]:
    organizations = Organization.objects.annotate(
        member_count=Count("memberships", filter=Q(memberships__status=Membership.Status.APPROVED))
    )
    if kind:
        organizations = organizations.filter(kind=kind)
    if query:
        organizations = organizations.filter(Q(name__icontains=query) | Q(description__icontains=query))
    return organizations.order_by("-verified", "name")


def organization_members(organization: Organization) -> QuerySet[Membership]:
    return (
        organization.memberships.filter(status=Membership.Status.APPROVED)
        .select_related("user")
        .order_by("-role", "user__display_name")
    )


def organization_pending_requests(organization: Organization) -> QuerySet[Membership]:
    return (
        organization.memberships.filter(status=Membership.Status.PENDING)
        .select_related("user")
        .order_by("requested_at")
    )


def membership_of(user, organization: Organization) -> Membership | None:
    if not getattr(user, "is_authenticated", False):
        return None
    return Membership.objects.filter(user=user, organization=organization).first()


def organizations_user_can_act_for(user) -> QuerySet[Organization]:
    """Organisations on whose behalf the user may act: approved memberships of verified organisations
    (an unverified one could be anybody using a known name)."""
    if not getattr(user, "is_authenticated", False):
        return Organization.objects.none()
    return Organization.objects.filter(
        verified=True, memberships__user=user, memberships__status=Membership.Status.APPROVED
    ).order_by("name")


def user_memberships(user: User) -> QuerySet[Membership]:
    return user.memberships.select_related("organization").order_by("organization__name")


def check_verified(user) -> None:
    if not getattr(user, "is_authenticated", False):
        raise Refused("not_authenticated", _("Ingrese con su cuenta para participar."), 401)
    if not user_is_verified(user):
        raise Refused(
            "not_verified",
            _("Para participar, verifique su correo y autorice el tratamiento de sus datos personales."),
        )
