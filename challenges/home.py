"""The home page's open challenges: those taking ideas or votes now, closing soonest first."""

from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from challenges.models import Phase
from challenges.selectors import next_phase_boundary, phase_filter, visible_challenges, with_totals
from core import home, page_cache

LIMIT = 4


@home.section("challenges", template="challenges/home_section.html", order=10, shows=("participation",))
def open_challenges(request) -> dict:
    # Phases change at their boundaries, and the days left at midnight in Bogotá.
    page_cache.shows(request, until=next_phase_boundary)
    page_cache.shows(request, until=page_cache.next_local_midnight())
    now = timezone.now()
    today = timezone.localdate(now)
    rows = (
        with_totals(
            visible_challenges().filter(phase_filter(Phase.IDEAS, now) | phase_filter(Phase.VOTING, now))
        )
        .select_related("image")
        .order_by("ideas_close_at", "pk")[:LIMIT]
    )
    challenges = []
    for challenge in rows:
        phase = challenge.phase_at(now)
        closes_at = challenge.ideas_close_at if phase == Phase.IDEAS else challenge.voting_close_at
        challenges.append(
            {
                "page": challenge,
                "phase": phase,
                "action": _("Proponer una idea") if phase == Phase.IDEAS else _("Apoyar ideas"),
                "closes_at": closes_at,
                "days_left": max(0, (timezone.localdate(closes_at) - today).days),
            }
        )
    upcoming = (
        visible_challenges()
        .filter(~Q(pk__in=[c["page"].pk for c in challenges]))
        .filter(phase_filter(Phase.UPCOMING, now))
        .order_by("ideas_open_at")
        .first()
    )
    return {"challenges": challenges, "upcoming": upcoming, "always": True}


@home.figure("challenges", order=5, shows=("participation",))
def open_challenge_count() -> home.Figure:
    now = timezone.now()
    count = (
        visible_challenges().filter(phase_filter(Phase.IDEAS, now) | phase_filter(Phase.VOTING, now)).count()
    )
    return home.Figure(count, _("retos abiertos"))
