"""The home page's debate sessions: live now, then the next ones."""

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core import home
from sessions.models import SessionStatus
from sessions.selectors import public_sessions

LIMIT = 3


@home.section("sessions", template="debates/home_section.html", order=20, shows=("sessions",))
def live_and_upcoming(request) -> dict:
    live = list(
        public_sessions()
        .filter(status__in=[SessionStatus.LIVE, SessionStatus.PAUSED])
        .order_by("starts_at")[:LIMIT]
    )
    upcoming = list(
        public_sessions()
        .filter(status=SessionStatus.SCHEDULED, starts_at__gte=timezone.now() - timezone.timedelta(hours=2))
        .order_by("starts_at", "pk")[: max(0, LIMIT - len(live)) or 1]
    )
    return {"live": live, "upcoming": upcoming, "list_url": reverse("debates:session_list"), "always": True}


@home.figure("sessions", order=40, shows=("sessions",))
def session_count() -> home.Figure:
    return home.Figure(
        public_sessions().filter(status=SessionStatus.CLOSED).count(), _("sesiones de debate realizadas")
    )
