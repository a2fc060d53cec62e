"""Following an idea, and telling its followers what became of it."""

from collections.abc import Iterable

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import QuerySet
from django.utils import translation
from django.utils.translation import gettext as _

from accounts.models import User
from accounts.notifications import notify_many
from accounts.selectors import check_verified
from core.refusals import Refused
from ideas.models import Idea, IdeaFollow

__all__ = [
    "check_can_follow",
    "idea_follow",
    "idea_followers",
    "idea_unfollow",
    "is_following_idea",
    "tell_followers",
]


def check_can_follow(user, idea: Idea) -> None:
    check_verified(user)
    if idea.is_hidden:
        raise Refused("hidden", _("Esta idea fue ocultada por moderación y no se puede seguir."))


def idea_follow(*, user: User, idea: Idea) -> tuple[IdeaFollow, bool]:
    """Follow an idea (verified accounts: e-mail goes only to verified addresses). Following
    again changes nothing. Returns the follow and whether it is new."""
    check_can_follow(user, idea)
    try:
        with transaction.atomic():
            return IdeaFollow.objects.get_or_create(user=user, idea=idea)
    except IntegrityError:
        # The same person followed at the same instant: the constraint kept one.
        return IdeaFollow.objects.get(user=user, idea=idea), False


def idea_unfollow(*, user: User, idea: Idea) -> bool:
    """Stop following. Any signed-in account may, verified or not (a person whose consent
    lapsed must still be able to stop the notices). Returns whether it changed."""
    if not getattr(user, "is_authenticated", False):
        raise Refused("not_authenticated", _("Ingrese con su cuenta para participar."), 401)
    deleted, _rows = IdeaFollow.objects.filter(user=user, idea=idea).delete()
    return bool(deleted)


def is_following_idea(user, idea: Idea) -> bool:
    if not getattr(user, "is_authenticated", False):
        return False
    return IdeaFollow.objects.filter(user=user, idea=idea).exists()


def idea_followers(idea_id: int, *, excluding: Iterable[int | None] = ()) -> QuerySet[User]:
    """The reachable people who follow the idea, but for `excluding` (ids): one query."""
    excluded = [pk for pk in excluding if pk is not None]
    return (
        User.objects.filter(idea_follows__idea_id=idea_id, is_active=True, deleted_at__isnull=True)
        .exclude(pk__in=excluded)
        .order_by("pk")
    )


def tell_followers(
    idea: Idea, *, excluding: Iterable[int | None], kind: str, url: str, message: str, **params
) -> int:
    """The same notice for every follower of `idea` but `excluding` (the actor, and whoever
    got a notice of their own about the same thing): one read, one INSERT, e-mails after commit.

    `message` is marked with gettext_noop and translated here, in the site's language."""
    with translation.override(settings.LANGUAGE_CODE):
        text = _(message) % params
    return len(
        notify_many(recipients=idea_followers(idea.pk, excluding=excluding), kind=kind, message=text, url=url)
    )
