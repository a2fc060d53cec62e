"""The public side of challenges: the challenge list, a challenge with its ideas, CSV of its ideas."""

import csv

from django.core.paginator import Paginator
from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy
from taggit.models import Tag

from accounts.models import Organization
from challenges.models import ChallengePage, Phase
from challenges.selectors import challenge_list
from challenges.services import is_following
from ideas.selectors import DEFAULT_ORDERING, ORDERINGS, challenge_results, public_ideas

IDEAS_PER_PAGE = 20

# Lazy: built once at import, translated at each request in its own language.
ORDERING_LABELS = {
    "-supports": gettext_lazy("Más apoyadas"),
    "-created": gettext_lazy("Más recientes"),
    "-comments": gettext_lazy("Más comentadas"),
}


def challenge_index_context(request) -> dict:
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


def challenge_page(request, challenge: ChallengePage):
    ordering = request.GET.get("orden") or DEFAULT_ORDERING
    if ordering not in ORDERINGS:
        ordering = DEFAULT_ORDERING
    ideas = public_ideas(challenge=challenge, user=request.user, ordering=ordering).defer("body", "body_html")
    now = timezone.now()
    phase = challenge.phase_at(now)
    return challenge.render(
        request,
        context_overrides={
            "phase": phase,
            "phase_label": Phase(phase).label,
            "next_milestone": challenge.next_milestone(now),
            "ideas_page": Paginator(ideas, IDEAS_PER_PAGE).get_page(request.GET.get("pagina")),
            "ordering": ordering,
            "orderings": ORDERING_LABELS,
            "results": challenge_results(challenge) if phase in {Phase.RESULTS, Phase.CLOSED} else None,
            "can_propose": request.user.has_perm("ideas.propose_idea", challenge),
            "following": is_following(request.user, challenge),
            "criteria": challenge.criteria.all(),
        },
    )


def ideas_csv(request, challenge: ChallengePage) -> HttpResponse:
    """Open data: the challenge's published ideas with their supports and status (UTF-8, ISO dates)."""
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="ideas-{challenge.slug}.csv"'
    writer = csv.writer(response)
    writer.writerow(
        [
            "id",
            "title",
            "author",
            "organization",
            "status",
            "support_count",
            "comment_count",
            "created_at",
            "url",
        ]
    )
    base = request.build_absolute_uri("/").rstrip("/")
    for idea in public_ideas(challenge=challenge, ordering="created").iterator(chunk_size=1000):
        writer.writerow(
            [
                idea.pk,
                idea.title,
                idea.author.public_name,
                idea.organization.name if idea.organization else "",
                idea.status,
                idea.support_count,
                idea.comment_count,
                idea.created_at.isoformat(),
                base + idea.get_absolute_url(),
            ]
        )
    return response
