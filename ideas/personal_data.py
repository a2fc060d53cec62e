"""What the ideas app holds about a person, for the personal-data download, and what goes with
the account."""

from core.personal_data import eraser, register


@register("ideas")
def ideas(user) -> list[dict]:
    return [
        {
            "id": idea.pk,
            "challenge": idea.challenge.title,
            "title": idea.title,
            "body": idea.body,
            "organization": idea.organization.name if idea.organization else None,
            "status": idea.status,
            "created_at": idea.created_at.isoformat(),
        }
        for idea in user.ideas.select_related("challenge", "organization").order_by("created_at")
    ]


@register("comments")
def comments(user) -> list[dict]:
    return [
        {"idea": comment.idea_id, "body": comment.body, "created_at": comment.created_at.isoformat()}
        for comment in user.comments.order_by("created_at")
    ]


@register("supports")
def supports(user) -> list[dict]:
    return [
        {"idea": support.idea_id, "title": support.idea.title, "created_at": support.created_at.isoformat()}
        for support in user.supports.select_related("idea").order_by("created_at")
    ]


@register("flags")
def flags(user) -> list[dict]:
    return [
        {
            "idea": flag.idea_id,
            "comment": flag.comment_id,
            "reason": flag.reason,
            "detail": flag.detail,
            "created_at": flag.created_at.isoformat(),
        }
        for flag in user.flags.order_by("created_at")
    ]


@register("idea_follows")
def idea_follows(user) -> list[dict]:
    return [
        {"idea": follow.idea_id, "title": follow.idea.title, "since": follow.created_at.isoformat()}
        for follow in user.idea_follows.select_related("idea").order_by("created_at")
    ]


@eraser("idea_follows")
def forget_idea_follows(user) -> None:
    user.idea_follows.all().delete()
