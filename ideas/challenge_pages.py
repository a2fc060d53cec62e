"""A challenge's own page with its ideas, and its ideas as CSV and Atom: the routes of
ChallengePage that ideas/ renders (registered in core.page_views; challenges/ knows no idea)."""

import csv

from django.core.paginator import Paginator
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _

from challenges.models import ChallengePage, Phase
from challenges.services import is_following
from core import page_cache, page_views
from ideas.cache import challenge_namespace
from ideas.feeds import IdeasAtomFeed
from ideas.selectors import DEFAULT_ORDERING, ORDERINGS, challenge_results, public_ideas, supported_ideas
from ideas.views import propose

IDEAS_PER_PAGE = 20

# Lazy: built once at import, translated at each request in its own language.
ORDERING_LABELS = {
    "-supports": gettext_lazy("Más apoyadas"),
    "-created": gettext_lazy("Más recientes"),
    "-comments": gettext_lazy("Más comentadas"),
}


@page_views.register("challenges.ChallengePage")
def challenge_page(request, challenge: ChallengePage):
    now = timezone.now()
    next_milestone = challenge.next_milestone(now)
    page_cache.shows(request, challenge_namespace(challenge.pk), until=next_milestone and next_milestone[1])
    ordering = request.GET.get("orden") or DEFAULT_ORDERING
    if ordering not in ORDERINGS:
        ordering = DEFAULT_ORDERING
    phase = challenge.phase_at(now)
    return challenge.render(
        request,
        context_overrides={
            "phase": phase,
            "phase_label": Phase(phase).label,
            "next_milestone": next_milestone,
            "ideas_html": idea_list_html(request, challenge, ordering),
            "results": challenge_results(challenge) if phase in {Phase.RESULTS, Phase.CLOSED} else None,
            "can_propose": request.user.has_perm("ideas.propose_idea", challenge),
            "following": is_following(request.user, challenge),
            "criteria": challenge.criteria.all(),
        },
    )


def idea_list_html(request, challenge: ChallengePage, ordering: str) -> str:
    """The challenge's idea list for this ordering and page: rendered once for everyone while
    the challenge's ideas do not change; the visitor's own supports marked on it with one
    query."""

    def render() -> str:
        ideas = public_ideas(challenge=challenge, ordering=ordering).defer("body", "body_html")
        return render_to_string(
            "ideas/includes/challenge_ideas.html",
            {
                "ideas_page": Paginator(ideas, IDEAS_PER_PAGE).get_page(request.GET.get("pagina")),
                "ordering": ordering,
                "orderings": ORDERING_LABELS,
            },
            request=request,
        )

    html = page_cache.fragment(
        ("challenge-ideas", challenge.pk, request.GET.urlencode(), get_language()),
        [challenge_namespace(challenge.pk)],
        render,
    )
    if request.user.is_authenticated:
        mine = format_html(" · <strong>{}</strong>", _("Usted la apoya"))
        for idea_id in supported_ideas(user=request.user, challenge=challenge):
            html = html.replace(f"<!--mine:{idea_id}-->", mine)
    return mark_safe(html)  # noqa: S308 (our own template's output, marked up above with format_html)


@page_views.register("challenges.ChallengePage", "ideas_csv")
def ideas_csv(request, challenge: ChallengePage) -> HttpResponse:
    """Open data: the challenge's published ideas with their supports and status (UTF-8, ISO dates)."""
    page_cache.shows(request, challenge_namespace(challenge.pk))
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


page_views.register("challenges.ChallengePage", "propose")(propose)


@page_views.register("challenges.ChallengePage", "ideas_atom")
def ideas_atom(request, challenge: ChallengePage) -> HttpResponse:
    page_cache.shows(request, challenge_namespace(challenge.pk))
    return IdeasAtomFeed(challenge)(request)
