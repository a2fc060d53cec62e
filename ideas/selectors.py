"""Reads of the participation loop: idea lists, one idea with its thread, results."""

from django.db.models import (
    BooleanField,
    Count,
    Exists,
    F,
    IntegerField,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Sum,
    Value,
)
from django.db.models.functions import Coalesce
from django.utils.translation import gettext, ngettext
from wagtail.images import get_image_model

from accounts.models import ParticipantType
from challenges.models import ChallengePage, Phase
from challenges.selectors import register_totals
from ideas.models import Comment, Evaluation, Idea, IdeaFollow, IdeaStatus, Support

# Public orderings: name in the URL → ORDER BY. The indexes in Idea.Meta follow these.
ORDERINGS = {
    "-supports": ("-support_count", "-created_at", "-id"),
    "supports": ("support_count", "created_at", "id"),
    "-created": ("-created_at", "-id"),
    "created": ("created_at", "id"),
    "-comments": ("-comment_count", "-created_at", "-id"),
}
DEFAULT_ORDERING = "-supports"

# The renditions an idea's picture is shown in, as the templates ask for them: on a card
# (`fill-{320x180,640x360}`, 16:9) and on the idea's page (`width-{480,800,1200}`).
CARD_RENDITIONS = ("fill-320x180", "fill-640x360")
PAGE_RENDITIONS = ("width-480", "width-800", "width-1200")


def with_images(ideas: QuerySet[Idea], renditions: tuple[str, ...]) -> QuerySet[Idea]:
    """The ideas with their pictures and those renditions: two queries for a whole page of
    ideas, not one per picture (a rendition made for the first time is one query more, once)."""
    images = get_image_model().objects.prefetch_renditions(*renditions)
    return ideas.prefetch_related(Prefetch("image", queryset=images))


@register_totals
def challenge_totals(challenges: QuerySet[ChallengePage]) -> QuerySet[ChallengePage]:
    """`idea_count` and `support_count` of each challenge's published ideas, in the same query."""
    published = ~Q(ideas__status=IdeaStatus.HIDDEN)
    return challenges.annotate(
        # One join only (ideas), so the count and the sum are not multiplied by each other.
        idea_count=Count("ideas", filter=published),
        support_count=Coalesce(
            Sum("ideas__support_count", filter=published), Value(0), output_field=IntegerField()
        ),
    )


def public_ideas(
    *, challenge: ChallengePage | int | None = None, user=None, ordering: str = DEFAULT_ORDERING
) -> QuerySet[Idea]:
    """Published ideas (hidden ones excluded), with what a list needs in one query."""
    ideas = Idea.objects.exclude(status=IdeaStatus.HIDDEN).select_related("author", "organization")
    if challenge is not None:
        ideas = ideas.filter(challenge=challenge)
    ideas = ideas.annotate(supported_by_me=_supported_by(user))
    return ideas.order_by(*ORDERINGS.get(ordering, ORDERINGS[DEFAULT_ORDERING]))


def supported_ideas(*, user, challenge) -> list[int]:
    """The ids of the ideas of `challenge` that `user` supports (one query)."""
    return list(
        Support.objects.filter(user=user, idea__challenge=challenge).values_list("idea_id", flat=True)
    )


def _supported_by(user):
    if user is None or not getattr(user, "is_authenticated", False):
        return Exists(Support.objects.none())
    return Exists(Support.objects.filter(idea=OuterRef("pk"), user=user))


def idea_detail(*, pk: int, user=None) -> Idea:
    """One idea with its challenge, status history and comment thread (hidden ideas too:
    their page shows the moderation notice)."""
    ideas = with_images(Idea.objects.all(), PAGE_RENDITIONS)
    return (
        ideas.select_related("author", "organization", "challenge")
        .annotate(supported_by_me=_supported_by(user))
        .prefetch_related(
            "status_changes",
            Prefetch(
                "comments", queryset=Comment.objects.select_related("author").order_by("created_at", "pk")
            ),
        )
        .get(pk=pk)
    )


def comment_tree(idea: Idea) -> list[tuple[Comment, list[Comment]]]:
    """Top-level comments with their replies (replies to replies are flattened under the top one)."""
    comments = list(idea.comments.all())
    by_id = {comment.pk: comment for comment in comments}
    roots: dict[int, list[Comment]] = {}
    order: list[Comment] = []
    for comment in comments:
        root = comment
        while root.parent_id is not None and root.parent_id in by_id:
            root = by_id[root.parent_id]
        if root is comment:
            order.append(comment)
            roots.setdefault(comment.pk, [])
        else:
            roots.setdefault(root.pk, []).append(comment)
    return [(comment, roots[comment.pk]) for comment in order]


def comment_thread_root(comment: Comment) -> Comment:
    """The top-level comment whose thread `comment` is shown in (see comment_tree)."""
    root = comment
    while root.parent_id is not None:
        root = root.parent
    return root


def similar_ideas(*, challenge: ChallengePage, title: str, limit: int = 5) -> list[Idea]:
    """Published ideas of the challenge whose titles share words with `title`."""
    words = [word for word in _words(title) if len(word) > 3][:8]
    if not words:
        return []
    query = Q()
    for word in words:
        query |= Q(title__icontains=word)
    candidates = public_ideas(challenge=challenge).filter(query)[:50]
    scored = sorted(candidates, key=lambda idea: -len(set(words) & set(_words(idea.title))))
    return scored[:limit]


def _words(text: str) -> list[str]:
    return [word.strip(".,;:¿?¡!\"'()").lower() for word in text.split()]


def supports_by_participant_type(challenge: ChallengePage) -> dict[int, dict[str, int]]:
    """For each idea of the challenge: supports per participant type."""
    rows = (
        Support.objects.filter(idea__challenge=challenge)
        .values("idea_id", "participant_type")
        .annotate(total=Count("pk"))
    )
    result: dict[int, dict[str, int]] = {}
    for row in rows:
        result.setdefault(row["idea_id"], dict.fromkeys(ParticipantType.values, 0))[
            row["participant_type"]
        ] = row["total"]
    return result


def challenge_results(challenge: ChallengePage) -> list[dict]:
    """The final ranking, public once the results date has passed: supports (normalised to the
    most supported idea) and the weighted evaluation (normalised to 5), weighed as the challenge
    says. Individual scores never leave this function."""
    if challenge.phase not in {Phase.RESULTS, Phase.CLOSED}:
        return []
    criteria = {criterion.pk: criterion.weight for criterion in challenge.criteria.all()}
    total_weight = sum(criteria.values()) or 1
    ideas = list(public_ideas(challenge=challenge))
    averages: dict[int, dict[int, list[int]]] = {}
    for evaluation in Evaluation.objects.filter(idea__challenge=challenge).values(
        "idea_id", "criterion_id", "score"
    ):
        averages.setdefault(evaluation["idea_id"], {}).setdefault(evaluation["criterion_id"], []).append(
            evaluation["score"]
        )
    top_supports = max((idea.support_count for idea in ideas), default=0) or 1
    breakdown = supports_by_participant_type(challenge)
    rows = []
    for idea in ideas:
        scores = averages.get(idea.pk, {})
        evaluation = (
            sum(criteria[c] * (sum(s) / len(s)) for c, s in scores.items() if c in criteria) / total_weight
            if scores
            else None
        )
        support_part = idea.support_count / top_supports
        evaluation_part = (evaluation or 0) / 5
        weight = challenge.support_weight / 100
        rows.append(
            {
                "idea": idea,
                "supports": idea.support_count,
                "supports_by_type": breakdown.get(idea.pk, dict.fromkeys(ParticipantType.values, 0)),
                "evaluation": round(evaluation, 2) if evaluation is not None else None,
                "score": round(100 * (weight * support_part + (1 - weight) * evaluation_part), 1),
            }
        )
    rows.sort(key=lambda row: (-row["score"], -row["supports"], row["idea"].pk))
    for position, row in enumerate(rows, start=1):
        row["position"] = position
    return rows


def supports_left(user, challenge: ChallengePage) -> int | None:
    """How many more ideas of `challenge` this person may support (None: no limit, or anonymous)."""
    if challenge.support_limit is None or not getattr(user, "is_authenticated", False):
        return None
    used = Support.objects.filter(user=user, idea__challenge_id=challenge.pk).count()
    return max(0, challenge.support_limit - used)


def supports_left_text(left: int | None, limit: int | None) -> str:
    if left is None or limit is None:
        return ""
    if left == 0:
        return gettext("Ya usó todos sus apoyos en este reto: retire uno para apoyar otra idea.")
    return ngettext(
        "Le queda %(left)s de %(limit)s apoyos en este reto.",
        "Le quedan %(left)s de %(limit)s apoyos en este reto.",
        left,
    ) % {"left": left, "limit": limit}


# One person's own activity ("Mis aportes"): every row is the person's own, hidden ones too
# (their status or mark says so). Each is one query for a slice, whatever its length.


def ideas_by(user) -> QuerySet[Idea]:
    """The ideas `user` proposed, newest first, with their challenge."""
    return (
        Idea.objects.filter(author=user)
        .select_related("challenge")
        .defer("body", "body_html", "challenge__problem")
        .order_by("-created_at", "-pk")
    )


def ideas_supported_by(user) -> QuerySet[Idea]:
    """The ideas `user` supports, latest support first, with their challenge; marked as
    supported, as the support control expects."""
    return (
        Idea.objects.filter(supports__user=user)
        .select_related("challenge")
        .defer("body", "body_html", "challenge__problem")
        .annotate(
            supported_by_me=Value(True, output_field=BooleanField()), supported_at=F("supports__created_at")
        )
        .order_by("-supported_at", "-pk")
    )


def idea_follows_of(user) -> QuerySet[IdeaFollow]:
    """The ideas `user` follows (of published challenges), latest follow first, with the idea and
    its challenge (one query)."""
    return (
        IdeaFollow.objects.filter(user=user, idea__challenge__live=True)
        .select_related("idea", "idea__challenge")
        .defer("idea__body", "idea__body_html", "idea__challenge__problem")
        .order_by("-created_at", "-pk")
    )


def comments_by(user) -> QuerySet[Comment]:
    """The comments `user` wrote, newest first, with their idea (hidden ones too: the list
    marks them, with the moderation's public reason)."""
    return (
        Comment.objects.filter(author=user)
        .select_related("idea")
        .only(
            "id",
            "idea_id",
            "body_html",
            "hidden",
            "hidden_reason",
            "created_at",
            "edited_at",
            "idea__id",
            "idea__title",
            "idea__status",
        )
        .order_by("-created_at", "-pk")
    )
