"""Reads for moderation: who moderates which challenges, the queue of open flags, the log."""

from dataclasses import dataclass, field

from django.db.models import Q, QuerySet

from accounts.models import Membership
from challenges.models import ChallengePage
from ideas.models import Comment, Flag, Idea, ModerationLog


def moderated_challenge_ids(user) -> list[int] | None:
    """The challenges whose content the person moderates: None for all of them (staff and the
    moderators group), the co-led challenges for members of co-lead organisations, else []."""
    if not getattr(user, "is_authenticated", False):
        return []
    if user.has_perm("ideas.moderate_idea"):  # without an object: staff and moderators only
        return None
    return list(
        ChallengePage.objects.filter(
            co_leads__memberships__user=user, co_leads__memberships__status=Membership.Status.APPROVED
        )
        .values_list("pk", flat=True)
        .distinct()
    )


def _in_challenges(challenge_ids: list[int] | None) -> Q:
    if challenge_ids is None:
        return Q()
    return Q(idea__challenge_id__in=challenge_ids) | Q(comment__idea__challenge_id__in=challenge_ids)


@dataclass
class FlaggedContent:
    """One flagged idea or comment with its open flags, oldest first."""

    flags: list[Flag] = field(default_factory=list)

    @property
    def first(self) -> Flag:
        return self.flags[0]

    @property
    def idea(self) -> Idea | None:
        return self.first.idea

    @property
    def comment(self) -> Comment | None:
        return self.first.comment

    @property
    def target_idea(self) -> Idea:
        return self.first.target_idea

    @property
    def count(self) -> int:
        return len(self.flags)


def open_flags(*, challenge_ids: list[int] | None = None) -> list[FlaggedContent]:
    """The queue: open flags grouped by content, the longest-waiting content first. One query."""
    flags = (
        Flag.objects.filter(_in_challenges(challenge_ids), resolved_at__isnull=True)
        .select_related("idea__challenge", "idea__author", "comment__author", "comment__idea__challenge")
        .order_by("created_at", "pk")
    )
    groups: dict[tuple[int | None, int | None], FlaggedContent] = {}
    for flag in flags:
        groups.setdefault((flag.idea_id, flag.comment_id), FlaggedContent()).flags.append(flag)
    return list(groups.values())


def moderation_log(*, challenge_ids: list[int] | None = None) -> QuerySet[ModerationLog]:
    return (
        ModerationLog.objects.filter(_in_challenges(challenge_ids))
        .select_related("moderator", "idea__challenge", "comment__author", "comment__idea__challenge")
        .order_by("-created_at", "-pk")
    )
