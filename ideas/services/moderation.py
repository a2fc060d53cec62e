"""Moderation: flags, hiding and unhiding ideas and comments with a public reason, and telling the author."""

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from accounts.models import NotificationKind, User
from core.refusals import Refused
from ideas.models import (
    Comment,
    Flag,
    FlagReason,
    FlagResolution,
    Idea,
    IdeaStatus,
    IdeaStatusChange,
    ModerationAction,
    ModerationLog,
)
from ideas.services.participation import comment_url, tell

# Moderation ---------------------------------------------------------------------------
# Who may moderate is `ideas.moderate_idea` (rules.py), checked by the views; these
# services keep the invariants: one target, a public reason, no double decisions.

PUBLIC_REASON_MAX = 300  # Idea.hidden_reason and Comment.hidden_reason
FLAG_DETAIL_MAX = 1000


def _one_target(idea: Idea | None, comment: Comment | None) -> None:
    if (idea is None) == (comment is None):
        raise Refused("invalid", _("Indique una idea o un comentario, uno solo."), 400)


def _public_reason(reason: str, *, required: str | None) -> str:
    reason = (reason or "").strip()
    if not reason and required:
        raise Refused("invalid", required, 400)
    if len(reason) > PUBLIC_REASON_MAX:
        raise Refused(
            "invalid",
            _("El motivo no puede pasar de %(max)s caracteres.") % {"max": PUBLIC_REASON_MAX},
            400,
        )
    return reason


def check_can_flag(user) -> None:
    if not getattr(user, "is_authenticated", False):
        raise Refused("not_authenticated", _("Ingrese con su cuenta para reportar contenido."), 401)
    if not user.is_active or user.deleted_at:
        raise Refused("inactive", _("Su cuenta no está activa."))


@transaction.atomic
def flag_create(
    *,
    reporter: User,
    idea: Idea | None = None,
    comment: Comment | None = None,
    reason: str,
    detail: str = "",
) -> Flag:
    """Report an idea or a comment to the moderators. One open report per person per content."""
    check_can_flag(reporter)
    _one_target(idea, comment)
    target = idea if idea is not None else comment
    if reason not in FlagReason.values:
        raise Refused("invalid", _("Elija el motivo del reporte."), 400)
    detail = (detail or "").strip()
    if reason == FlagReason.OTHER and not detail:
        raise Refused("invalid", _("Cuéntenos brevemente por qué reporta este contenido."), 400)
    if len(detail) > FLAG_DETAIL_MAX:
        raise Refused(
            "invalid", _("El detalle no puede pasar de %(max)s caracteres.") % {"max": FLAG_DETAIL_MAX}, 400
        )
    if target.author_id == reporter.pk:
        raise Refused("own_content", _("No puede reportar su propio contenido."), 400)
    if (idea is not None and idea.is_hidden) or (comment is not None and comment.hidden):
        raise Refused("already_hidden", _("Este contenido ya fue ocultado por moderación."), 409)
    already = Flag.objects.filter(reporter=reporter, idea=idea, comment=comment, resolved_at__isnull=True)
    refusal = Refused(
        "already_flagged", _("Usted ya reportó este contenido. El equipo de moderación lo revisará."), 409
    )
    if already.exists():
        raise refusal
    flag = Flag(reporter=reporter, idea=idea, comment=comment, reason=reason, detail=detail)
    flag.full_clean(validate_constraints=False)
    try:
        with transaction.atomic():
            flag.save()
    except IntegrityError:
        # The same person reported at the same instant: the constraint kept one.
        raise refusal from None
    return flag


def _tell_author_of_decision(log: ModerationLog) -> None:
    content = log.target
    if log.idea_id:
        url = log.idea.get_absolute_url()
        message = {
            ModerationAction.HIDE: gettext_noop(
                "Su idea «%(title)s» fue ocultada por moderación. Motivo: %(reason)s"
            ),
            ModerationAction.UNHIDE: gettext_noop(
                "Su idea «%(title)s» se volvió a mostrar. Motivo: %(reason)s"
            ),
        }[log.action]
        title = log.idea.title
    else:
        url = comment_url(log.comment)
        message = {
            ModerationAction.HIDE: gettext_noop(
                "Su comentario en la idea «%(title)s» fue ocultado por moderación. Motivo: %(reason)s"
            ),
            ModerationAction.UNHIDE: gettext_noop(
                "Su comentario en la idea «%(title)s» se volvió a mostrar. Motivo: %(reason)s"
            ),
        }[log.action]
        title = log.comment.idea.title
    tell(
        content.author,
        actor=log.moderator,
        kind=NotificationKind.MODERATION,
        url=url,
        message=message,
        title=title,
        reason=log.reason,
    )


@transaction.atomic
def content_hide(
    *,
    moderator: User,
    idea: Idea | None = None,
    comment: Comment | None = None,
    reason: str,
    flag: Flag | None = None,
) -> ModerationLog:
    """Hide an idea or a comment with a public reason. Nothing is deleted: the page shows a
    notice instead of the content. Open flags on it are resolved as "hidden"; the author is told."""
    _one_target(idea, comment)
    reason = _public_reason(reason, required=_("Explique públicamente por qué oculta este contenido."))
    previous_status = ""
    if idea is not None:
        idea = Idea.objects.select_for_update().get(pk=idea.pk)
        if idea.is_hidden:
            raise Refused("already_hidden", _("Este contenido ya está oculto."), 409)
        previous_status = idea.status
        IdeaStatusChange.objects.create(
            idea=idea,
            status_from=idea.status,
            status_to=IdeaStatus.HIDDEN,
            reason=reason,
            changed_by=moderator,
        )
        idea.status = IdeaStatus.HIDDEN
        idea.hidden_reason = reason
        idea.save(update_fields=["status", "hidden_reason", "updated_at"])
    else:
        comment = Comment.objects.select_for_update(of=("self",)).select_related("idea").get(pk=comment.pk)
        if comment.hidden:
            raise Refused("already_hidden", _("Este contenido ya está oculto."), 409)
        comment.hidden = True
        comment.hidden_reason = reason
        comment.save(update_fields=["hidden", "hidden_reason"])
    Flag.objects.filter(idea=idea, comment=comment, resolved_at__isnull=True).update(
        resolved_at=timezone.now(), resolved_by=moderator, resolution=FlagResolution.HIDDEN
    )
    log = ModerationLog.objects.create(
        action=ModerationAction.HIDE,
        idea=idea,
        comment=comment,
        flag=flag,
        moderator=moderator,
        reason=reason,
        previous_status=previous_status,
    )
    _tell_author_of_decision(log)
    return log


@transaction.atomic
def flag_dismiss(*, moderator: User, flag: Flag, reason: str = "") -> ModerationLog:
    """The content stays: resolve the flag, and every other open flag on the same content, as
    dismissed (the decision is about the content, not about one report)."""
    flag = Flag.objects.select_for_update().get(pk=flag.pk)
    if not flag.is_open:
        raise Refused("already_resolved", _("Este reporte ya fue resuelto."), 409)
    reason = _public_reason(reason, required=None)
    Flag.objects.filter(idea_id=flag.idea_id, comment_id=flag.comment_id, resolved_at__isnull=True).update(
        resolved_at=timezone.now(), resolved_by=moderator, resolution=FlagResolution.DISMISSED
    )
    return ModerationLog.objects.create(
        action=ModerationAction.DISMISS,
        idea_id=flag.idea_id,
        comment_id=flag.comment_id,
        flag=flag,
        moderator=moderator,
        reason=reason,
    )


MODERATION_DECISIONS = {"hide", "dismiss"}


@transaction.atomic
def flag_decide(*, moderator: User, flag: Flag, decision: str, reason: str = "") -> ModerationLog:
    """Decide a flag from the queue: hide its content, or dismiss it."""
    flag = Flag.objects.select_for_update(of=("self",)).select_related("idea", "comment").get(pk=flag.pk)
    if not flag.is_open:
        raise Refused("already_resolved", _("Este reporte ya fue resuelto."), 409)
    if decision == "hide":
        return content_hide(
            moderator=moderator, idea=flag.idea, comment=flag.comment, reason=reason, flag=flag
        )
    if decision == "dismiss":
        return flag_dismiss(moderator=moderator, flag=flag, reason=reason)
    raise Refused("invalid", _("Elija ocultar el contenido o descartar el reporte."), 400)


def _status_before_hiding(idea: Idea) -> str:
    hide = (
        ModerationLog.objects.filter(idea=idea, action=ModerationAction.HIDE)
        .order_by("-created_at", "-pk")
        .first()
    )
    if hide is not None and hide.previous_status:
        return hide.previous_status
    # Hidden some other way (the admin, the demo content): the status history knows.
    change = idea.status_changes.filter(status_to=IdeaStatus.HIDDEN).order_by("-changed_at", "-pk").first()
    if change is not None and change.status_from and change.status_from != IdeaStatus.HIDDEN:
        return change.status_from
    return IdeaStatus.PUBLISHED


@transaction.atomic
def content_unhide(
    *, moderator: User, idea: Idea | None = None, comment: Comment | None = None, reason: str
) -> ModerationLog:
    """Undo a hide made by mistake: the content shows again (an idea gets back its status)."""
    _one_target(idea, comment)
    reason = _public_reason(
        reason, required=_("Explique públicamente por qué vuelve a mostrar este contenido.")
    )
    if idea is not None:
        idea = Idea.objects.select_for_update().get(pk=idea.pk)
        if not idea.is_hidden:
            raise Refused("not_hidden", _("Este contenido no está oculto."), 409)
        status = _status_before_hiding(idea)
        IdeaStatusChange.objects.create(
            idea=idea, status_from=IdeaStatus.HIDDEN, status_to=status, reason=reason, changed_by=moderator
        )
        idea.status = status
        idea.hidden_reason = ""
        idea.save(update_fields=["status", "hidden_reason", "updated_at"])
    else:
        comment = Comment.objects.select_for_update(of=("self",)).select_related("idea").get(pk=comment.pk)
        if not comment.hidden:
            raise Refused("not_hidden", _("Este contenido no está oculto."), 409)
        comment.hidden = False
        comment.hidden_reason = ""
        comment.save(update_fields=["hidden", "hidden_reason"])
    log = ModerationLog.objects.create(
        action=ModerationAction.UNHIDE, idea=idea, comment=comment, moderator=moderator, reason=reason
    )
    _tell_author_of_decision(log)
    return log
