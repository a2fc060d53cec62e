"""Writes about challenges: following one, and telling followers when its phase changes."""

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import translation
from django.utils.translation import gettext as _

from accounts.models import NotificationKind, User
from accounts.notifications import notify_many
from accounts.selectors import check_verified
from challenges.models import ChallengePage, Follow, Phase, PhaseNotice
from core.refusals import Refused


def _remember_phase(challenge: ChallengePage) -> None:
    # A follower is told about changes from now on, not about the phase the challenge is in.
    PhaseNotice.objects.get_or_create(challenge=challenge, defaults={"phase": challenge.phase})


def challenge_follow(*, user: User, challenge: ChallengePage) -> tuple[Follow, bool]:
    """Follow a challenge (verified accounts: e-mail goes only to verified addresses).
    Following again changes nothing. Returns the follow and whether it is new."""
    check_verified(user)
    if not challenge.live:
        raise Refused("not_found", _("Este reto no está publicado."), 404)
    _remember_phase(challenge)
    try:
        with transaction.atomic():
            return Follow.objects.get_or_create(user=user, challenge=challenge)
    except IntegrityError:
        # The same person followed at the same instant: the constraint kept one.
        return Follow.objects.get(user=user, challenge=challenge), False


def challenge_unfollow(*, user: User, challenge: ChallengePage) -> bool:
    """Stop following. Any logged-in account may, verified or not. Returns whether it changed."""
    if not getattr(user, "is_authenticated", False):
        raise Refused("not_authenticated", _("Ingrese con su cuenta para participar."), 401)
    deleted, _rows = Follow.objects.filter(user=user, challenge=challenge).delete()
    return bool(deleted)


def is_following(user, challenge: ChallengePage) -> bool:
    if not getattr(user, "is_authenticated", False):
        return False
    return Follow.objects.filter(user=user, challenge=challenge).exists()


def phase_changes_notify() -> tuple[int, int]:
    """Tell the followers of every live challenge whose phase changed since they were last told.

    Idempotent and safe to run concurrently (cron): the stored phase is swapped with a
    conditional UPDATE in the same transaction as the notices, so each change is announced
    once. A challenge seen for the first time is only remembered. Returns (changes, notices).
    """
    changes = notices = 0
    known = dict(PhaseNotice.objects.values_list("challenge_id", "phase"))
    for challenge in ChallengePage.objects.live().order_by("pk"):
        phase = challenge.phase
        last = known.get(challenge.pk)
        if last is None:
            PhaseNotice.objects.get_or_create(challenge=challenge, defaults={"phase": phase})
            continue
        if last == phase:
            continue
        with transaction.atomic():
            swapped = PhaseNotice.objects.filter(challenge=challenge, phase=last).update(phase=phase)
            if not swapped:
                continue  # another run announced it
            followers = User.objects.filter(
                follows__challenge=challenge, is_active=True, deleted_at__isnull=True
            ).order_by("pk")
            with translation.override(settings.LANGUAGE_CODE):
                message = _("El reto «%(title)s» pasó a la fase «%(phase)s».") % {
                    "title": challenge.title,
                    "phase": Phase(phase).label,
                }
            created = notify_many(
                recipients=followers,
                kind=NotificationKind.CHALLENGE_PHASE,
                message=message,
                url=challenge.get_url() or "",
            )
        changes += 1
        notices += len(created)
    return changes, notices
