"""What the agenda holds about a person, for the personal-data download."""

from agenda.models import Registration
from core.personal_data import register


@register("agenda")
def agenda(user) -> dict:
    return {
        "registrations": [
            {
                "event": registration.event.title,
                "starts_at": registration.event.starts_at.isoformat(),
                "status": registration.status,
                "created_at": registration.created_at.isoformat(),
                "cancelled_at": registration.cancelled_at and registration.cancelled_at.isoformat(),
            }
            for registration in Registration.objects.filter(user=user)
            .select_related("event")
            .order_by("created_at")
        ]
    }
