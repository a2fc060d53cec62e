"""What the accounts app holds about a person, for the personal-data download."""

from allauth.account.models import EmailAddress

from core.personal_data import register


@register("profile")
def profile(user) -> dict:
    return {
        "email": user.email,
        "display_name": user.display_name,
        "participant_type": user.participant_type,
        "email_notifications": user.email_notifications,
        "date_joined": user.date_joined.isoformat(),
        "last_login": user.last_login.isoformat() if user.last_login else None,
    }


@register("email_addresses")
def email_addresses(user) -> list[dict]:
    return [
        {"email": address.email, "primary": address.primary, "verified": address.verified}
        for address in EmailAddress.objects.filter(user=user).order_by("-primary", "email")
    ]


@register("consents")
def consents(user) -> list[dict]:
    return [
        {"policy_version": consent.policy_version, "accepted_at": consent.accepted_at.isoformat()}
        for consent in user.consents.order_by("accepted_at")
    ]


@register("memberships")
def memberships(user) -> list[dict]:
    return [
        {
            "organization": membership.organization.name,
            "role": membership.role,
            "status": membership.status,
            "requested_at": membership.requested_at.isoformat(),
            "decided_at": membership.decided_at.isoformat() if membership.decided_at else None,
        }
        for membership in user.memberships.select_related("organization").order_by("requested_at")
    ]


@register("second_factors")
def second_factors(user) -> list[dict]:
    # The type and dates only: secrets never leave the database.
    return [
        {"type": authenticator.type, "created_at": authenticator.created_at.isoformat()}
        for authenticator in user.authenticator_set.order_by("created_at")
    ]


@register("notifications")
def notifications(user) -> list[dict]:
    return [
        {
            "kind": notification.kind,
            "message": notification.message,
            "url": notification.url,
            "created_at": notification.created_at.isoformat(),
            "read_at": notification.read_at.isoformat() if notification.read_at else None,
        }
        for notification in user.notifications.order_by("created_at")
    ]
