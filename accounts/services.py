"""Writes about accounts and organisations: consent, memberships, export and deletion."""

import uuid

from allauth.account.models import EmailAddress
from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from accounts import tasks
from accounts.models import Consent, Membership, Organization, User
from core import page_cache
from core.personal_data import erase_personal_data, export_personal_data


def consent_record(*, user: User) -> Consent:
    """Record that the user accepts the personal-data policy in force (idempotent)."""
    consent, _created = Consent.objects.get_or_create(
        user=user, policy_version=settings.PRIVACY_POLICY_VERSION
    )
    user._lab_is_verified = None
    return consent


def profile_update(*, user: User, display_name: str, participant_type: str) -> User:
    user.display_name = display_name.strip()
    user.participant_type = participant_type
    user.full_clean(exclude=["password", "email"])
    user.save(update_fields=["display_name", "participant_type"])
    page_cache.bump(page_cache.SITE)  # a public name shows on ideas, comments, rooms and lists
    return user


@transaction.atomic
def organization_create(
    *, user: User, name: str, kind: str, description: str = "", website: str = ""
) -> Organization:
    """Register an organisation; its creator becomes its first admin. Staff verifies it later."""
    slug = slugify(name)[:150] or uuid.uuid4().hex[:12]
    if Organization.objects.filter(slug=slug).exists():
        slug = f"{slug}-{uuid.uuid4().hex[:6]}"
    organization = Organization(
        name=name.strip(), slug=slug, kind=kind, description=description, website=website
    )
    organization.full_clean()
    organization.save()
    Membership.objects.create(
        user=user,
        organization=organization,
        role=Membership.Role.ADMIN,
        status=Membership.Status.APPROVED,
        decided_at=timezone.now(),
    )
    return organization


def organization_verify(*, organization: Organization, by: User, verified: bool = True) -> Organization:
    organization.verified = verified
    organization.verified_at = timezone.now() if verified else None
    organization.verified_by = by if verified else None
    organization.save(update_fields=["verified", "verified_at", "verified_by"])
    return organization


@transaction.atomic
def membership_request(*, user: User, organization: Organization, message: str = "") -> Membership:
    """Ask to act for an organisation. A rejected request may be made again."""
    membership = Membership.objects.select_for_update().filter(user=user, organization=organization).first()
    if membership is not None:
        if membership.status == Membership.Status.APPROVED:
            raise ValidationError(_("Usted ya es miembro de esta organización."), code="already_member")
        if membership.status == Membership.Status.PENDING:
            raise ValidationError(
                _("Usted ya tiene una solicitud pendiente con esta organización."), code="already_pending"
            )
        membership.status = Membership.Status.PENDING
        membership.message = message
        membership.requested_at = timezone.now()
        membership.decided_at = None
        membership.decided_by = None
        membership.full_clean()
        membership.save()
    else:
        membership = Membership(user=user, organization=organization, message=message)
        membership.full_clean()
        membership.save()
    transaction.on_commit(lambda: tasks.email_membership_request.enqueue(membership.pk))
    return membership


@transaction.atomic
def membership_decide(*, membership: Membership, by: User, approve: bool) -> Membership:
    """Approve or reject a pending request; only a pending request can be decided."""
    membership = Membership.objects.select_for_update().get(pk=membership.pk)
    if membership.status != Membership.Status.PENDING:
        raise ValidationError(_("Esta solicitud ya fue decidida."), code="already_decided")
    membership.status = Membership.Status.APPROVED if approve else Membership.Status.REJECTED
    membership.decided_at = timezone.now()
    membership.decided_by = by
    membership.save(update_fields=["status", "decided_at", "decided_by"])
    transaction.on_commit(lambda: tasks.email_membership_decision.enqueue(membership.pk))
    return membership


def _sole_admin_of(user: User, *, excluding: Membership | None = None) -> list[Organization]:
    """Organisations where `user` is the only approved admin (rows locked: decided one at a time)."""
    organizations = []
    admin_rows = Membership.objects.select_for_update().filter(
        user=user, role=Membership.Role.ADMIN, status=Membership.Status.APPROVED
    )
    if excluding is not None:
        admin_rows = admin_rows.filter(pk=excluding.pk)
    for membership in admin_rows.select_related("organization"):
        others = (
            Membership.objects.select_for_update()
            .filter(organization=membership.organization, role=Membership.Role.ADMIN)
            .filter(status=Membership.Status.APPROVED)
            .exclude(user=user)
        )
        if not others.exists():
            organizations.append(membership.organization)
    return organizations


@transaction.atomic
def membership_leave(*, membership: Membership) -> None:
    """Leave an organisation, or withdraw a request. The last admin cannot leave."""
    if membership.role == Membership.Role.ADMIN and membership.is_approved:
        if _sole_admin_of(membership.user, excluding=membership):
            raise ValidationError(
                _("Usted es el único administrador de la organización: nombre otro antes de salir."),
                code="last_admin",
            )
    membership.delete()


def account_export(*, user: User) -> dict:
    """Everything the platform holds about the person, as JSON-ready data."""
    return {
        "generated_at": timezone.now().isoformat(),
        "policy_version_in_force": settings.PRIVACY_POLICY_VERSION,
        **export_personal_data(user),
    }


@transaction.atomic
def account_delete(*, user: User) -> None:
    """Delete a person's account and personal data.

    Public contributions stay and are attributed to "participante anónimo": the row is kept
    as an anonymous tombstone so that counts, threads and results do not change, while every
    personal datum (name, e-mail, password, consents, memberships, second factors) goes.
    """
    if user.is_superuser:
        raise PermissionDenied(_("Una cuenta de superusuario no se puede eliminar desde aquí."))
    sole = _sole_admin_of(user)
    if sole:
        raise PermissionDenied(
            _(
                "Usted es el único administrador de %(orgs)s: "
                "nombre a otra persona antes de eliminar su cuenta."
            )
            % {"orgs": ", ".join(organization.name for organization in sole)}
        )
    from wagtail.users.models import UserProfile

    for profile in UserProfile.objects.filter(user=user):
        if profile.avatar:
            profile.avatar.delete(save=False)
        profile.delete()
    EmailAddress.objects.filter(user=user).delete()
    Consent.objects.filter(user=user).delete()
    user.notifications.all().delete()
    erase_personal_data(user)  # what the apps keep of the person alone: their follows
    Membership.objects.filter(user=user).delete()
    user.authenticator_set.all().delete()
    page_cache.bump(page_cache.SITE)  # the name goes from every page that shows it
    user.email = f"eliminada-{uuid.uuid4().hex}@cuentas.invalid"
    user.display_name = ""
    user.set_unusable_password()
    user.is_active = False
    user.is_staff = False
    user.deleted_at = timezone.now()
    user.last_login = None
    user.save()
    user.groups.clear()
    user.user_permissions.clear()
