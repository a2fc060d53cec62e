"""The public side of challenges: the challenge list (a challenge's own page is rendered by ideas/)."""

from django.core.paginator import Paginator
from taggit.models import Tag

from accounts.models import Organization
from challenges.models import Phase
from challenges.selectors import challenge_list, next_phase_boundary
from core import page_cache, page_views


@page_views.register_context("challenges.ChallengeIndexPage")
def challenge_index_context(page, request) -> dict:
    page_cache.shows(request, "participation", until=next_phase_boundary)
    phase = request.GET.get("fase") or None
    tag = request.GET.get("tema") or None
    co_lead = request.GET.get("colider") or None
    query = (request.GET.get("q") or "").strip()[:100] or None
    challenges = challenge_list(phase=phase, tag=tag, co_lead=co_lead, query=query)
    return {
        "challenges": Paginator(challenges, 12).get_page(request.GET.get("pagina")),
        "phases": Phase.choices,
        "tags": Tag.objects.filter(challenges_challengetag_items__isnull=False).distinct().order_by("name"),
        "co_lead_options": Organization.objects.filter(co_led_challenges__isnull=False)
        .distinct()
        .order_by("name"),
        "filters": {"fase": phase or "", "tema": tag or "", "colider": co_lead or "", "q": query or ""},
    }
