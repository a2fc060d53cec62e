"""The debate sessions of a challenge, on the challenge's page (challenges/ knows no session)."""

from core import page_views
from sessions.selectors import public_sessions


@page_views.register_context("challenges.ChallengePage")
def challenge_sessions(challenge, request) -> dict:
    return {
        "challenge_sessions": list(
            public_sessions().filter(challenge=challenge).order_by("-starts_at", "-pk")[:10]
        )
    }
