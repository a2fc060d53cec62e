"""What the challenges app holds about a person, for the personal-data download, and what goes
with the account."""

from core.personal_data import eraser, register


@register("follows")
def follows(user) -> list[dict]:
    return [
        {"challenge": follow.challenge.title, "since": follow.created_at.isoformat()}
        for follow in user.follows.select_related("challenge").order_by("created_at")
    ]


@eraser("follows")
def forget_follows(user) -> None:
    user.follows.all().delete()
