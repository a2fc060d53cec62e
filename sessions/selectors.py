"""Reads of the live debate rooms: the lists of sessions and the room snapshot."""

from __future__ import annotations

from django.db.models import Count, Exists, IntegerField, OuterRef, Prefetch, QuerySet, Subquery
from django.utils import timezone

from core.refusals import passes
from sessions import services
from sessions.models import (
    Attendance,
    DebateSession,
    FloorRequest,
    FloorRequestStatus,
    FloorTurn,
    Message,
    MessageStatus,
    Mute,
    Poll,
    PollOption,
    PollVote,
    SessionFollow,
    SessionStatus,
    Upvote,
)

SNAPSHOT_MESSAGES = 50


def session_follows_of(user) -> QuerySet[SessionFollow]:
    """The debate sessions `user` follows, latest follow first, with the session (one query)."""
    return SessionFollow.objects.filter(user=user).select_related("session").order_by("-created_at", "-pk")


def sessions_joined_by(user) -> QuerySet[DebateSession]:
    """The debate sessions `user` took part in (attended, spoke or asked for the floor, wrote,
    voted in a poll), latest first, with how many messages they wrote there: one query."""
    mine = {"session": OuterRef("pk"), "user": user}
    return (
        DebateSession.objects.filter(
            Exists(Attendance.objects.filter(**mine))
            | Exists(FloorRequest.objects.filter(**mine))
            | Exists(Message.objects.filter(session=OuterRef("pk"), author=user))
            | Exists(PollVote.objects.filter(poll__session=OuterRef("pk"), user=user))
        )
        .annotate(
            my_message_count=Subquery(
                Message.objects.filter(session=OuterRef("pk"), author=user)
                .order_by()
                .values("session")
                .annotate(total=Count("pk"))
                .values("total")[:1],
                output_field=IntegerField(),
            )
        )
        .order_by("-starts_at", "-pk")
    )


def public_sessions() -> QuerySet[DebateSession]:
    """The sessions anyone may see (what the home page, a challenge's page and search list)."""
    return DebateSession.objects.select_related("challenge").filter(public=True).order_by("starts_at", "pk")


def sessions_visible(user=None) -> list[DebateSession]:
    """The sessions `user` may see: every public one, and the private ones they are invited to
    or moderate (few, so each is checked with the same rule as its room page)."""
    rows = DebateSession.objects.select_related("challenge").order_by("starts_at", "pk")
    if not getattr(user, "is_authenticated", False):
        return list(rows.filter(public=True))
    return [s for s in rows if s.public or passes(services.check_can_view, user, s)]


def sessions_by_state(user=None) -> dict[str, list[DebateSession]]:
    """Live (and paused) first, then upcoming soonest first, then past most recent first."""
    rows = sessions_visible(user)
    return {
        "live": [s for s in rows if s.status in (SessionStatus.LIVE, SessionStatus.PAUSED)],
        "upcoming": [s for s in rows if s.status == SessionStatus.SCHEDULED],
        "past": sorted(
            (s for s in rows if s.status == SessionStatus.CLOSED), key=lambda s: s.starts_at, reverse=True
        ),
    }


def room_snapshot(session: DebateSession, user) -> dict:
    """Everything a client needs to draw the room, in a constant number of queries."""
    role = services.role_for(user, session)
    authenticated = getattr(user, "is_authenticated", False)
    turn = FloorTurn.objects.select_related("user").filter(session=session, ended_at__isnull=True).first()
    statuses = (
        [MessageStatus.APPROVED, MessageStatus.PENDING] if role == "moderator" else [MessageStatus.APPROVED]
    )
    messages = Message.objects.select_related("author").filter(session=session, status__in=statuses)
    if authenticated:
        messages = messages.annotate(upvoted=Exists(Upvote.objects.filter(message=OuterRef("pk"), user=user)))
    messages = list(messages.order_by("-created_at", "-pk")[:SNAPSHOT_MESSAGES])
    polls = list(
        Poll.objects.filter(session=session)
        .prefetch_related(Prefetch("options", queryset=PollOption.objects.order_by("position", "pk")))
        .order_by("-opened_at", "-pk")[:10]
    )
    voted = (
        dict(PollVote.objects.filter(poll__in=polls, user=user).values_list("poll_id", "option_id"))
        if authenticated and polls
        else {}
    )
    me = None
    if authenticated:
        me = {
            "id": user.pk,
            "name": user.public_name,
            "muted": Mute.objects.filter(session=session, user=user).exists(),
            "hand_raised": FloorRequest.objects.filter(
                session=session, user=user, status=FloorRequestStatus.WAITING
            ).exists(),
        }
    return {
        "type": "snapshot",
        "seq": session.seq,
        "server_time": timezone.now(),
        "role": role,
        "me": me,
        "session": {
            "id": session.pk,
            "title": session.title,
            "status": session.status,
            "moderated": session.moderated,
            "speaking_time": session.speaking_time,
            "starts_at": session.starts_at,
            "ends_at": session.ends_at,
        },
        "announcement": session.announcement,
        "floor": (
            {
                "user": {"id": turn.user.pk, "name": turn.user.public_name},
                "started_at": turn.started_at,
                "ends_at": turn.ends_at,
            }
            if turn
            else None
        ),
        "queue": services.queue_payload(session),
        "messages": [
            {
                **services.message_payload(message),
                "upvoted_by_me": bool(getattr(message, "upvoted", False)),
            }
            for message in reversed(messages)
        ],
        "polls": [{**services.poll_payload(poll), "my_vote": voted.get(poll.pk)} for poll in polls],
    }


def session_for_room(session_id: int) -> DebateSession | None:
    return DebateSession.objects.select_related("challenge").filter(pk=session_id).first()


def room_banner(snapshot: dict) -> dict | None:
    """What the room tells this person first: the floor is theirs (with the seconds left),
    their place in the queue, or that the session is paused, not started or over."""
    status = snapshot["session"]["status"]
    me = snapshot["me"]
    floor = snapshot["floor"]
    if status == SessionStatus.PAUSED:
        return {"kind": "paused"}
    if status == SessionStatus.SCHEDULED:
        return {"kind": "scheduled"}
    if status == SessionStatus.CLOSED:
        return {"kind": "closed"}
    if me and floor and floor["user"]["id"] == me["id"]:
        left = max(0, int((floor["ends_at"] - snapshot["server_time"]).total_seconds()))
        return {"kind": "speaking", "seconds_left": left, "clock": f"{left // 60}:{left % 60:02d}"}
    if me:
        for index, item in enumerate(snapshot["queue"], start=1):
            if item["user"]["id"] == me["id"]:
                return {"kind": "queued", "position": index}
    return None


def floor_seconds_left(snapshot: dict) -> str:
    """The floor's remaining time as m:ss when the page was made (for pages without JavaScript)."""
    floor = snapshot["floor"]
    if not floor:
        return ""
    left = max(0, int((floor["ends_at"] - snapshot["server_time"]).total_seconds()))
    return f"{left // 60}:{left % 60:02d}"
