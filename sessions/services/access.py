"""Who may do what in a room: roles and the checks every action starts with."""

from __future__ import annotations

import datetime

from django.utils.translation import gettext as _

from accounts.models import Membership, NotificationKind, User
from accounts.roles import MODERATORS
from accounts.selectors import user_is_verified
from core.refusals import Refused
from sessions.models import (
    Access,
    DebateSession,
    Mute,
    SessionStatus,
)

MESSAGE_MAX_LENGTH = 1000
# At most this many messages per person and session in the window.
MESSAGE_RATE = 5
MESSAGE_RATE_WINDOW = datetime.timedelta(seconds=60)
POLL_MAX_OPTIONS = 8
EXTEND_MAX_SECONDS = 600
NOTIFICATION_KIND = NotificationKind.DEBATE_SESSION


def is_session_moderator(user, session: DebateSession) -> bool:
    """Named moderators of the session, the `moderators` group and superusers."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    if user.is_superuser:
        return True
    cache = user.__dict__.setdefault("_debate_moderator", {})
    if session.pk not in cache:
        cache[session.pk] = (
            user.groups.filter(name=MODERATORS).exists() or session.moderators.filter(pk=user.pk).exists()
        )
    return cache[session.pk]


def may_participate(user, session: DebateSession) -> bool:
    """Verified, and invited when the session is for invited organisations."""
    if not user_is_verified(user):
        return False
    if session.access == Access.INVITED:
        return Membership.objects.filter(
            user=user,
            status=Membership.Status.APPROVED,
            organization__in=session.invited_organizations.all(),
        ).exists()
    return True


def role_for(user, session: DebateSession) -> str:
    if is_session_moderator(user, session):
        return "moderator"
    if may_participate(user, session):
        return "participant"
    return "viewer"


def check_can_view(user, session: DebateSession) -> None:
    if session.public or role_for(user, session) != "viewer":
        return
    raise Refused("not_invited", _("Esta sesión es solo para las organizaciones invitadas."))


def check_moderator(user, session: DebateSession) -> None:
    if not is_session_moderator(user, session):
        raise Refused("not_moderator", _("Solo quien modera la sesión puede hacer esto."))


def check_can_participate(user, session: DebateSession) -> None:
    if not getattr(user, "is_authenticated", False):
        raise Refused("not_authenticated", _("Ingrese con su cuenta para participar."), 401)
    if not user_is_verified(user):
        raise Refused(
            "not_verified",
            _("Para participar, verifique su correo y autorice el tratamiento de sus datos personales."),
        )
    if not may_participate(user, session) and not is_session_moderator(user, session):
        raise Refused("not_invited", _("Esta sesión es solo para las organizaciones invitadas."))
    check_live(session)
    if Mute.objects.filter(session=session, user=user).exists():
        raise Refused("muted", _("La moderación silenció su participación en esta sesión."))


def check_live(session: DebateSession) -> None:
    if session.status == SessionStatus.LIVE:
        return
    if session.status == SessionStatus.PAUSED:
        raise Refused("not_live", _("La sesión está en pausa. Espere a que la moderación la reanude."), 409)
    if session.status == SessionStatus.CLOSED:
        raise Refused("not_live", _("La sesión ya terminó."), 409)
    raise Refused("not_live", _("La sesión aún no ha comenzado."), 409)


def lock_session(session: DebateSession) -> DebateSession:
    """The session's current row, locked until commit: decisions depend on its status."""
    return DebateSession.objects.select_for_update().get(pk=session.pk)


def person_payload(user: User) -> dict:
    return {"id": user.pk, "name": user.public_name}
