"""Following a debate session, and telling its followers (and the followers of its challenge)
when it is scheduled or rescheduled, goes live, and when its minutes are published."""

from __future__ import annotations

from collections.abc import Iterable

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Q, QuerySet
from django.utils import translation
from django.utils.translation import gettext as _

from accounts.models import Membership, NotificationKind, User
from accounts.notifications import notify_many
from accounts.roles import MODERATORS
from accounts.selectors import check_verified
from core.refusals import Refused
from sessions.models import Access, DebateSession, SessionFollow
from sessions.services.access import check_can_view

__all__ = [
    "check_can_follow",
    "is_following_session",
    "session_follow",
    "session_followers",
    "session_unfollow",
    "tell_session_followers",
]


def check_can_follow(user, session: DebateSession) -> None:
    check_verified(user)
    check_can_view(user, session)


def session_follow(*, user: User, session: DebateSession) -> tuple[SessionFollow, bool]:
    """Follow a session (verified accounts that may see it). Following again changes nothing.
    Returns the follow and whether it is new."""
    check_can_follow(user, session)
    try:
        with transaction.atomic():
            return SessionFollow.objects.get_or_create(user=user, session=session)
    except IntegrityError:
        # The same person followed at the same instant: the constraint kept one.
        return SessionFollow.objects.get(user=user, session=session), False


def session_unfollow(*, user: User, session: DebateSession) -> bool:
    """Stop following. Any signed-in account may, verified or not. Returns whether it changed."""
    if not getattr(user, "is_authenticated", False):
        raise Refused("not_authenticated", _("Ingrese con su cuenta para participar."), 401)
    deleted, _rows = SessionFollow.objects.filter(user=user, session=session).delete()
    return bool(deleted)


def is_following_session(user, session: DebateSession) -> bool:
    if not getattr(user, "is_authenticated", False):
        return False
    return SessionFollow.objects.filter(user=user, session=session).exists()


def session_followers(session: DebateSession, *, excluding: Iterable[int | None] = ()) -> QuerySet[User]:
    """The reachable people who follow the session or its challenge, each once, but for
    `excluding` (ids): one query whatever their number."""
    from challenges.models import Follow

    following = Q(pk__in=SessionFollow.objects.filter(session_id=session.pk).values("user_id"))
    if session.challenge_id:
        following |= Q(pk__in=Follow.objects.filter(challenge_id=session.challenge_id).values("user_id"))
    people = User.objects.filter(following, is_active=True, deleted_at__isnull=True)
    if not session.public and session.access == Access.INVITED:
        # Only those who may see the session hear of it (sessions.services.access.role_for):
        # its moderators and the members of the invited organisations.
        people = people.filter(
            Q(is_superuser=True)
            | Q(pk__in=User.objects.filter(groups__name=MODERATORS).values("pk"))
            | Q(pk__in=session.moderators.values("pk"))
            | Q(
                pk__in=Membership.objects.filter(
                    status=Membership.Status.APPROVED,
                    organization__in=session.invited_organizations.all(),
                ).values("user_id")
            )
        )
    return people.exclude(pk__in=[pk for pk in excluding if pk is not None]).order_by("pk")


def tell_session_followers(
    session: DebateSession, message: str, *, url: str = "", excluding: Iterable[int | None] = ()
) -> int:
    """The same notice for every follower of the session or of its challenge (one read, one
    INSERT, e-mails after commit). `message` is marked with gettext_noop and may name the
    session's `title`, its `challenge` and its `starts_at`; it is translated here, in the
    site's language."""
    from django.utils import formats, timezone

    with translation.override(settings.LANGUAGE_CODE):
        text = _(message) % {
            "title": session.title,
            "challenge": session.challenge.title if session.challenge_id else "",
            "starts_at": formats.date_format(timezone.localtime(session.starts_at), "DATETIME_FORMAT"),
        }
    created = notify_many(
        recipients=session_followers(session, excluding=excluding),
        kind=NotificationKind.DEBATE_SESSION,
        message=text,
        url=url or session.get_absolute_url(),
    )
    return len(created)
