"""The newsletter subscription of a person's e-mail address, for the personal-data download."""

from core.personal_data import register
from newsletter.models import Subscriber


@register("newsletter")
def newsletter(user) -> dict | None:
    subscription = Subscriber.objects.filter(email=(user.email or "").lower()).first()
    if subscription is None:
        return None
    return {
        "email": subscription.email,
        "status": subscription.status,
        "consent_text": subscription.consent_text,
        "requested_at": subscription.requested_at.isoformat(),
        "confirmed_at": subscription.confirmed_at and subscription.confirmed_at.isoformat(),
        "unsubscribed_at": subscription.unsubscribed_at and subscription.unsubscribed_at.isoformat(),
    }
