"""Writes on consultations: comment while open, moderate, answer after closing, publish the report.

Each `check_*` says why an action is refused (`Refused`); the rules, views and API call them,
so the page, the form and the API never disagree on who may act.
"""

import difflib

from django.conf import settings
from django.db import transaction
from django.utils import timezone, translation
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from accounts.models import Membership, NotificationKind, Organization, User
from accounts.notifications import notify_many
from accounts.roles import EDITORS, MODERATORS
from accounts.selectors import check_verified
from consultations.models import (
    CONSULTATIONS,
    CommentAnswer,
    ConsultationComment,
    ConsultationPage,
    ConsultationSection,
    ConsultationStatus,
    Decision,
    Stance,
)
from core import page_cache
from core.markdown import render_markdown
from core.refusals import Refused

__all__ = [
    "Refused",
    "check_can_answer",
    "check_can_comment",
    "check_can_moderate",
    "check_can_publish_report",
    "comment_answer",
    "comment_create",
    "comment_hide",
    "comment_unhide",
    "consultation_report_publish",
    "wording_diff_html",
]

BODY_MAX = 4000
REASON_MAX = 300


def _in_group(user, name: str) -> bool:
    return bool(getattr(user, "is_authenticated", False)) and (
        user.is_superuser or user.groups.filter(name=name).exists()
    )


# Commenting -----------------------------------------------------------------------------


def check_can_comment(user, page: ConsultationPage, organization: Organization | None = None) -> None:
    check_verified(user)
    status = page.status
    if status == ConsultationStatus.UPCOMING:
        raise Refused(
            "not_open",
            _("Esta consulta aún no está abierta: recibe comentarios desde el %(date)s.")
            % {"date": timezone.localtime(page.opens_at).strftime("%d/%m/%Y %H:%M")},
        )
    if status != ConsultationStatus.OPEN:
        raise Refused("closed", _("Esta consulta ya cerró: no recibe más comentarios."))
    if organization is not None:
        if not organization.verified:
            raise Refused(
                "organization_not_verified",
                _("La organización «%(org)s» aún no ha sido verificada por el laboratorio.")
                % {"org": organization.name},
            )
        if not Membership.objects.filter(
            user=user, organization=organization, status=Membership.Status.APPROVED
        ).exists():
            raise Refused(
                "not_a_member",
                _("Solo los miembros aprobados pueden comentar en nombre de «%(org)s».")
                % {"org": organization.name},
            )


@transaction.atomic
def comment_create(
    *,
    author: User,
    section: ConsultationSection,
    stance: str,
    body: str,
    proposed_text: str = "",
    organization: Organization | None = None,
) -> ConsultationComment:
    check_can_comment(author, section.page, organization)
    body, proposed_text = (body or "").strip(), (proposed_text or "").strip()
    if stance not in Stance.values:
        raise Refused("invalid", _("Elija su postura: a favor, en contra o neutral."), 400)
    if not body:
        raise Refused("invalid", _("Escriba su observación."), 400)
    if len(body) > BODY_MAX or len(proposed_text) > BODY_MAX:
        raise Refused(
            "invalid",
            _("La observación y la redacción propuesta tienen un máximo de %(max)s caracteres.")
            % {"max": BODY_MAX},
            400,
        )
    if proposed_text == section.text.strip():
        proposed_text = ""
    comment = ConsultationComment(
        section=section,
        author=author,
        organization=organization,
        stance=stance,
        body=body,
        body_html=render_markdown(body),
        proposed_text=proposed_text,
    )
    comment.full_clean()
    comment.save()
    return comment


def wording_diff_html(original: str, proposed: str) -> SafeString:
    """The proposed wording against the section's text, word by word: deletions in <del> and
    insertions in <ins>, each with words a screen reader says, so it is never colour only."""
    before, after = original.split(), proposed.split()
    removed, added = escape(_("texto eliminado:")), escape(_("texto añadido:"))
    parts: list[str] = []
    matcher = difflib.SequenceMatcher(a=before, b=after, autojunk=False)
    for operation, a_start, a_end, b_start, b_end in matcher.get_opcodes():
        if operation == "equal":
            parts.append(escape(" ".join(before[a_start:a_end])))
            continue
        if operation in {"delete", "replace"}:
            parts.append(
                f'<del><span class="visually-hidden">[{removed}</span>'
                f'{escape(" ".join(before[a_start:a_end]))}<span class="visually-hidden">]</span></del>'
            )
        if operation in {"insert", "replace"}:
            parts.append(
                f'<ins><span class="visually-hidden">[{added}</span>'
                f'{escape(" ".join(after[b_start:b_end]))}<span class="visually-hidden">]</span></ins>'
            )
    return mark_safe(" ".join(parts))  # noqa: S308  (every piece escaped above)


# Moderation -------------------------------------------------------------------------------


def check_can_moderate(user) -> None:
    if not (_in_group(user, MODERATORS) or getattr(user, "is_staff", False)):
        raise Refused("not_moderator", _("Solo el equipo de moderación puede ocultar observaciones."))


def _reason(reason: str) -> str:
    reason = (reason or "").strip()
    if not reason:
        raise Refused("invalid", _("Escriba el motivo público por el que oculta la observación."), 400)
    if len(reason) > REASON_MAX:
        raise Refused(
            "invalid", _("El motivo no puede pasar de %(max)s caracteres.") % {"max": REASON_MAX}, 400
        )
    return reason


@transaction.atomic
def comment_hide(*, comment: ConsultationComment, by: User, reason: str) -> ConsultationComment:
    check_can_moderate(by)
    comment.hidden = True
    comment.hidden_reason = _reason(reason)
    comment.save(update_fields=["hidden", "hidden_reason"])
    return comment


@transaction.atomic
def comment_unhide(*, comment: ConsultationComment, by: User) -> ConsultationComment:
    check_can_moderate(by)
    comment.hidden = False
    comment.hidden_reason = ""
    comment.save(update_fields=["hidden", "hidden_reason"])
    return comment


# Answers and the report ----------------------------------------------------------------------


def check_can_answer(user, page: ConsultationPage) -> None:
    if not (_in_group(user, EDITORS) or getattr(user, "is_staff", False)):
        raise Refused(
            "not_responsible",
            _("Solo la dependencia responsable (editores del sitio) responde observaciones."),
        )
    if page.status in {ConsultationStatus.UPCOMING, ConsultationStatus.OPEN}:
        raise Refused("still_open", _("Las observaciones se responden cuando la consulta cierra."))


@transaction.atomic
def comment_answer(*, comment: ConsultationComment, by: User, decision: str, body: str) -> CommentAnswer:
    """Answer an observation, or correct the answer (the report shows the latest)."""
    page = comment.section.page
    check_can_answer(by, page)
    body = (body or "").strip()
    if decision not in Decision.values:
        raise Refused("invalid", _("Elija la decisión: aceptada, aceptada parcialmente o no aceptada."), 400)
    if not body:
        raise Refused("invalid", _("Explique la decisión: la respuesta es pública."), 400)
    if len(body) > BODY_MAX:
        raise Refused(
            "invalid", _("La respuesta tiene un máximo de %(max)s caracteres.") % {"max": BODY_MAX}, 400
        )
    answer, _created = CommentAnswer.objects.update_or_create(
        comment=comment,
        defaults={
            "decision": decision,
            "body": body,
            "body_html": render_markdown(body),
            "office_id": page.office_id,
            "answered_by": by,
            "answered_at": timezone.now(),
        },
    )
    return answer


def check_can_publish_report(user, page: ConsultationPage) -> None:
    check_can_answer(user, page)
    if page.report_published_at is not None:
        raise Refused("already_published", _("El informe de esta consulta ya está publicado."))
    pending = ConsultationComment.objects.filter(
        section__page=page, hidden=False, answer__isnull=True
    ).count()
    if pending:
        raise Refused(
            "unanswered",
            _("Faltan %(count)s observaciones por responder: el informe responde todas.")
            % {"count": pending},
            409,
        )


@transaction.atomic
def consultation_report_publish(*, page: ConsultationPage, by: User) -> ConsultationPage:
    """Publish the global report of observations and tell everyone who commented."""
    page = ConsultationPage.objects.select_for_update().get(pk=page.pk)
    check_can_publish_report(by, page)
    page.report_published_at = timezone.now()
    ConsultationPage.objects.filter(pk=page.pk).update(report_published_at=page.report_published_at)
    page_cache.bump(CONSULTATIONS)  # an update sends no signal
    participants = User.objects.filter(
        pk__in=ConsultationComment.objects.filter(section__page=page).values("author")
    ).exclude(pk=by.pk)
    with translation.override(settings.LANGUAGE_CODE):
        message = _("Se publicó el informe de observaciones de la consulta «%(title)s».") % {
            "title": page.title
        }
    notify_many(
        recipients=list(participants),
        kind=NotificationKind.CONSULTATION_REPORT,
        message=message,
        url=page.url + "informe/",
    )
    return page
