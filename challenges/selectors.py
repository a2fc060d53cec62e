"""Reads about challenges: which are visible, their totals, the filtered list."""

from collections.abc import Callable

from django.db.models import Q, QuerySet
from django.utils import timezone

from challenges.models import ChallengePage, Follow, Phase


def visible_challenges() -> QuerySet[ChallengePage]:
    """Challenges anyone may see: published and outside private sections of the site.

    Evaluate it late (per request): `public()` reads the current view restrictions."""
    return ChallengePage.objects.live().public()


# What other apps count for each challenge (ideas/ adds `idea_count` and `support_count`),
# registered when Django starts: a challenge knows nothing of what is proposed for it.
_totals: list[Callable[[QuerySet[ChallengePage]], QuerySet[ChallengePage]]] = []


def register_totals(
    annotate: Callable[[QuerySet[ChallengePage]], QuerySet[ChallengePage]],
) -> Callable[[QuerySet[ChallengePage]], QuerySet[ChallengePage]]:
    if annotate not in _totals:
        _totals.append(annotate)
    return annotate


def with_totals(challenges: QuerySet[ChallengePage]) -> QuerySet[ChallengePage]:
    """The registered totals (`idea_count`, `support_count`, ...), annotated in the same query."""
    for annotate in _totals:
        challenges = annotate(challenges)
    return challenges


def public_challenges() -> QuerySet[ChallengePage]:
    """Visible challenges with their totals, newest first (plus one query for all co-leads)."""
    return with_totals(visible_challenges()).prefetch_related("co_leads").order_by("-ideas_open_at", "-pk")


def phase_filter(phase: str, now=None) -> Q:
    """The database condition equivalent to ChallengePage.phase_at(now) == phase."""
    now = now or timezone.now()
    not_closed = Q(closed_at__isnull=True) | Q(closed_at__gt=now)
    return {
        Phase.UPCOMING: Q(ideas_open_at__gt=now),
        Phase.IDEAS: Q(ideas_open_at__lte=now, ideas_close_at__gt=now),
        Phase.VOTING: Q(voting_open_at__lte=now, voting_close_at__gt=now),
        Phase.EVALUATION: (
            Q(ideas_close_at__lte=now, voting_open_at__gt=now)
            | Q(voting_close_at__lte=now, results_at__gt=now)
        ),
        Phase.RESULTS: Q(results_at__lte=now) & not_closed,
        Phase.CLOSED: Q(closed_at__lte=now),
    }[phase]


def challenge_list(
    *, phase: str | None = None, tag: str | None = None, co_lead: str | None = None, query: str | None = None
) -> QuerySet[ChallengePage]:
    """The public list, filtered. Tag and co-lead filters are subqueries, so that the totals
    are never multiplied by a join."""
    challenges = visible_challenges()
    if phase in Phase.values:
        challenges = challenges.filter(phase_filter(phase))
    if tag:
        challenges = challenges.filter(pk__in=ChallengePage.objects.filter(tags__slug=tag).values("pk"))
    if co_lead:
        challenges = challenges.filter(
            pk__in=ChallengePage.objects.filter(co_leads__slug=co_lead).values("pk")
        )
    if query:
        ids = [page.pk for page in ChallengePage.objects.live().search(query)[:200]]
        challenges = challenges.filter(pk__in=ids)
    return (
        with_totals(challenges)
        .select_related("image")
        .prefetch_related("co_leads", "tags")
        .order_by("-ideas_open_at", "-pk")
    )


MILESTONE_FIELDS = (
    "ideas_open_at",
    "ideas_close_at",
    "voting_open_at",
    "voting_close_at",
    "results_at",
    "closed_at",
)


def next_phase_boundary(now=None):
    """The next moment any visible challenge changes phase (None when none will): a page that
    shows phases must not be cached past it."""
    now = now or timezone.now()
    upcoming = [
        moment
        for row in visible_challenges().values_list(*MILESTONE_FIELDS)
        for moment in row
        if moment is not None and moment > now
    ]
    return min(upcoming, default=None)


def follows_of(user) -> QuerySet[Follow]:
    """The published challenges `user` follows, latest first, with the challenge (one query)."""
    return (
        Follow.objects.filter(user=user, challenge__live=True)
        .select_related("challenge")
        .defer("challenge__problem")
        .order_by("-created_at", "-pk")
    )
