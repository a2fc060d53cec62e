"""What the debate rooms hold about a person, for the personal-data download, and what goes with
the account."""

from core.personal_data import eraser, register
from sessions.models import (
    Attendance,
    FloorRequest,
    FloorTurn,
    Message,
    Mute,
    PollVote,
    SessionFollow,
    Upvote,
)


@register("debate_sessions")
def debate_sessions(user) -> dict:
    return {
        "messages": [
            {
                "session": m.session.title,
                "kind": m.kind,
                "body": m.body,
                "status": m.status,
                "created_at": m.created_at.isoformat(),
            }
            for m in Message.objects.filter(author=user).select_related("session").order_by("created_at")
        ],
        "upvotes": [
            {"message": u.message_id, "created_at": u.created_at.isoformat()}
            for u in Upvote.objects.filter(user=user).order_by("created_at")
        ],
        "floor_requests": [
            {"session": r.session.title, "status": r.status, "created_at": r.created_at.isoformat()}
            for r in FloorRequest.objects.filter(user=user).select_related("session").order_by("created_at")
        ],
        "floor_turns": [
            {
                "session": t.session.title,
                "started_at": t.started_at.isoformat(),
                "ended_at": t.ended_at and t.ended_at.isoformat(),
            }
            for t in FloorTurn.objects.filter(user=user).select_related("session").order_by("started_at")
        ],
        "poll_votes": [
            {"poll": v.poll.question, "option": v.option.label, "created_at": v.created_at.isoformat()}
            for v in PollVote.objects.filter(user=user)
            .select_related("poll", "option")
            .order_by("created_at")
        ],
        "mutes": [
            {"session": m.session.title, "created_at": m.created_at.isoformat()}
            for m in Mute.objects.filter(user=user).select_related("session")
        ],
        "attendance": [
            {
                "session": a.session.title,
                "connected_at": a.connected_at.isoformat(),
                "disconnected_at": a.disconnected_at and a.disconnected_at.isoformat(),
            }
            for a in Attendance.objects.filter(user=user).select_related("session").order_by("connected_at")
        ],
    }


@register("session_follows")
def session_follows(user) -> list[dict]:
    return [
        {"session": follow.session_id, "title": follow.session.title, "since": follow.created_at.isoformat()}
        for follow in SessionFollow.objects.filter(user=user).select_related("session").order_by("created_at")
    ]


@eraser("session_follows")
def forget_session_follows(user) -> None:
    SessionFollow.objects.filter(user=user).delete()
