"""A challenge's own page with its ideas, and its ideas as CSV and Atom: the routes of
ChallengePage that ideas/ renders (registered in core.page_views; challenges/ knows no idea)."""

import csv
import re
from typing import NamedTuple

from django.core.paginator import Paginator
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.template.loader import get_template, render_to_string
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, gettext_lazy

from accounts.models import ORGANIZATION_KINDS
from challenges.models import ChallengePage, Phase
from challenges.services import is_following
from core import page_cache, page_views
from core.urls import site_url
from ideas.cache import challenge_namespace
from ideas.feeds import IdeasAtomFeed
from ideas.models import COMUNA_CHOICES, COMUNA_CODES, Idea, IdeaStatus, Support
from ideas.selectors import (
    CARD_RENDITIONS,
    DEFAULT_ORDERING,
    ORDERINGS,
    challenge_results,
    public_ideas,
    supports_left,
    supports_left_text,
    with_images,
)
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
    # The page also lists the challenge's debate sessions and its projects.
    page_cache.shows(
        request,
        challenge_namespace(challenge.pk),
        "sessions",
        "projects",
        until=next_milestone and next_milestone[1],
    )
    ordering = request.GET.get("orden") or DEFAULT_ORDERING
    if ordering not in ORDERINGS:
        ordering = DEFAULT_ORDERING
    ideas = public_ideas(challenge=challenge, ordering=ordering).defer("body")
    ideas = with_images(ideas, CARD_RENDITIONS)
    filters = {
        "estado": request.GET.get("estado", ""),
        "tipo": request.GET.get("tipo", ""),
        "comuna": request.GET.get("comuna", ""),
    }
    if filters["estado"] in IdeaStatus.values and filters["estado"] != IdeaStatus.HIDDEN:
        ideas = ideas.filter(status=filters["estado"])
    if filters["tipo"] in dict(ORGANIZATION_KINDS):
        ideas = ideas.filter(organization__kind=filters["tipo"])
    if filters["comuna"] in COMUNA_CODES:
        ideas = ideas.filter(comuna=filters["comuna"])
    phase = challenge.phase_at(now)
    voting = phase == Phase.VOTING
    idea_count, idea_list = _idea_list(request, challenge, ideas, filters, phase, next_milestone)
    # The rule needs an idea only for its challenge and its status: every listed idea is public.
    probe = Idea(challenge=challenge, status=IdeaStatus.PUBLISHED)
    can_support = voting and idea_count > 0 and request.user.has_perm("ideas.support_idea", probe)
    return challenge.render(
        request,
        context_overrides={
            "phase": phase,
            "phase_label": Phase(phase).label,
            "next_milestone": next_milestone,
            "idea_count": idea_count,
            "idea_list": _with_support_controls(request, idea_list, voting=voting, can_support=can_support),
            "voting": voting,
            "can_support": can_support,
            "supports_left_text": supports_left_text(
                supports_left(request.user, challenge), challenge.support_limit
            ),
            "filters": filters,
            "status_options": [
                (value, label) for value, label in IdeaStatus.choices if value != IdeaStatus.HIDDEN
            ],
            "kind_options": ORGANIZATION_KINDS,
            # The comunas, then the corregimientos (the whole city is "no filter").
            "comuna_groups": COMUNA_CHOICES[1:],
            "ordering": ordering,
            "orderings": ORDERING_LABELS,
            "results": challenge_results(challenge) if phase in {Phase.RESULTS, Phase.CLOSED} else None,
            "can_propose": request.user.has_perm("ideas.propose_idea", challenge),
            "following": is_following(request.user, challenge),
            "criteria": challenge.criteria.all(),
        },
    )


# The idea list: rendered once per challenge, ordering, filters, page and language, and served
# from the page cache's fragments to everyone (signed-in people too) until an idea, a comment or
# a support count of the challenge changes; each idea's support control is personal and filled
# in per request from one query for the person's supports among the listed ideas.

_SUPPORT_MARKER = re.compile(r"<!--support-control:(\d+)-->")


class _ListedIdea(NamedTuple):
    pk: int
    title: str
    support_count: int


def _idea_list(request, challenge, ideas, filters, phase, next_milestone) -> tuple[int, dict]:
    page_number = request.GET.get("pagina")

    def render() -> tuple[int, dict]:
        ideas_page = Paginator(ideas, IDEAS_PER_PAGE).get_page(page_number)
        html = render_to_string(
            "ideas/includes/idea_list.html", {"ideas_page": ideas_page, "filters": filters}, request
        )
        listed = [_ListedIdea(idea.pk, idea.title, idea.support_count) for idea in ideas_page]
        return ideas_page.paginator.count, {"html": html, "ideas": listed}

    return page_cache.fragment(
        ("idea-list", challenge.pk, request.GET.urlencode(), phase, get_language()),
        # The cards show people's public names (site: a name changed, an account deleted) and
        # their organisations' names.
        [challenge_namespace(challenge.pk), page_cache.SITE, "organizations"],
        render,
        until=next_milestone and next_milestone[1],
    )


def _with_support_controls(request, idea_list: dict, *, voting: bool, can_support: bool) -> str:
    listed = idea_list["ideas"]
    mine: set[int] = set()
    if listed and request.user.is_authenticated:
        mine = set(
            Support.objects.filter(user=request.user, idea_id__in=[idea.pk for idea in listed]).values_list(
                "idea_id", flat=True
            )
        )
    template = get_template("ideas/includes/support_control.html")
    shared = {
        "voting": voting,
        "can_support": can_support,
        "user": request.user,
        "next_url": request.get_full_path(),
        "csrf_token": get_token(request),
    }
    controls = {
        idea.pk: template.render({**shared, "idea": {**idea._asdict(), "supported_by_me": idea.pk in mine}})
        for idea in listed
    }
    return mark_safe(  # noqa: S308 (rendered by our templates, escaped there)
        _SUPPORT_MARKER.sub(lambda match: controls.get(int(match[1]), ""), idea_list["html"])
    )


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
            "comuna",
        ]
    )
    base = site_url()
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
                idea.comuna,
            ]
        )
    return response


page_views.register("challenges.ChallengePage", "propose")(propose)


@page_views.register("challenges.ChallengePage", "ideas_atom")
def ideas_atom(request, challenge: ChallengePage) -> HttpResponse:
    page_cache.shows(request, challenge_namespace(challenge.pk))
    return IdeasAtomFeed(challenge)(request)
