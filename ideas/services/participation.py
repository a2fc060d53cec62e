"""Proposing, supporting, commenting, status changes and evaluations, with the notices they send."""

import secrets

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import IntegrityError, connection, transaction
from django.db.models import F
from django.utils import timezone, translation
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, gettext_noop, ngettext

from accounts.models import Membership, NotificationKind, Organization, User
from accounts.notifications import notify
from accounts.selectors import check_verified
from challenges.models import ChallengePage, EvaluationCriterion, Phase
from core.markdown import render_markdown
from core.refusals import Refused
from ideas.cache import challenge_changed
from ideas.images import CleanImage
from ideas.models import (
    COMUNA_CODES,
    Comment,
    Evaluation,
    Idea,
    IdeaStatus,
    IdeaStatusChange,
    Support,
)
from ideas.services.follows import tell_followers

COMMENT_EDIT_WINDOW = timezone.timedelta(minutes=15)

# Status changes a co-lead or moderator may make, from each status.
STATUS_FLOW = {
    IdeaStatus.PUBLISHED: {IdeaStatus.UNDER_EVALUATION, IdeaStatus.SELECTED, IdeaStatus.NOT_SELECTED},
    IdeaStatus.UNDER_EVALUATION: {IdeaStatus.SELECTED, IdeaStatus.NOT_SELECTED, IdeaStatus.PUBLISHED},
    IdeaStatus.SELECTED: {IdeaStatus.IN_IMPLEMENTATION, IdeaStatus.NOT_SELECTED},
    IdeaStatus.NOT_SELECTED: {IdeaStatus.SELECTED},
    IdeaStatus.IN_IMPLEMENTATION: {IdeaStatus.IMPLEMENTED, IdeaStatus.SELECTED},
    IdeaStatus.IMPLEMENTED: set(),
    IdeaStatus.HIDDEN: set(),
}


def _phase_name(phase: str) -> str:
    return str(Phase(phase).label).lower()


def check_phase(challenge: ChallengePage, wanted: str, action: str) -> None:
    phase = challenge.phase
    if phase != wanted:
        raise Refused(
            "wrong_phase",
            _(
                "No se puede %(action)s: el reto está en la fase «%(phase)s» "
                "y esto solo es posible en «%(wanted)s»."
            )
            % {"action": action, "phase": _phase_name(phase), "wanted": _phase_name(wanted)},
        )


def check_can_propose(user, challenge: ChallengePage, organization: Organization | None = None) -> None:
    check_verified(user)
    check_phase(challenge, Phase.IDEAS, _("proponer ideas"))
    if organization is not None and not organization.verified:
        raise Refused(
            "organization_not_verified",
            _("La organización «%(org)s» aún no ha sido verificada por el laboratorio.")
            % {"org": organization.name},
        )
    if (
        organization is not None
        and not Membership.objects.filter(
            user=user, organization=organization, status=Membership.Status.APPROVED
        ).exists()
    ):
        raise Refused(
            "not_a_member",
            _("Solo los miembros aprobados pueden proponer en nombre de «%(org)s».")
            % {"org": organization.name},
        )


@transaction.atomic
def idea_create(
    *,
    author: User,
    challenge: ChallengePage,
    title: str,
    body: str,
    organization: Organization | None = None,
    comuna: str = "",
    image: CleanImage | None = None,
    image_alt: str = "",
) -> Idea:
    """Publish an idea. `comuna`: a code of core.territories, or "" for the whole city;
    `image`: a picture already checked by ideas.images, with its alt text (required with it)."""
    check_can_propose(author, challenge, organization)
    title, body, image_alt = title.strip(), body.strip(), " ".join(image_alt.split())
    if not title:
        raise Refused("invalid", _("Escriba un título para su idea."), 400)
    if not body:
        raise Refused("invalid", _("Describa su idea."), 400)
    if comuna and comuna not in COMUNA_CODES:
        raise Refused(
            "invalid", _("Elija una comuna o corregimiento de Bucaramanga, o «Toda la ciudad»."), 400
        )
    if image is not None and not image_alt:
        raise Refused("invalid", IMAGE_ALT_REQUIRED, 400)
    idea = Idea(
        challenge=challenge,
        author=author,
        organization=organization,
        title=title,
        body=body,
        body_html=render_markdown(body),
        comuna=comuna,
    )
    idea.full_clean()
    if image is not None:
        idea.image = _store_image(image, alt=image_alt, title=title, author=author)
    idea.save()
    IdeaStatusChange.objects.create(
        idea=idea,
        status_from="",
        status_to=IdeaStatus.PUBLISHED,
        reason=_("Idea publicada."),
        changed_by=author,
    )
    return idea


IMAGE_ALT_REQUIRED = gettext_lazy(
    "Describa la imagen en una frase (texto alternativo) para quienes no pueden verla."
)
IMAGE_COLLECTION = "Imágenes de ideas"


def _store_image(image: CleanImage, *, alt: str, title: str, author: User):
    """A Wagtail image in the collection of participants' pictures, under a random file name
    (the name on the participant's device may say who they are). Its `description` is the alt
    text, which `{% image %}` and `{% srcset_image %}` use."""
    from wagtail.images import get_image_model
    from wagtail.models import Collection

    collection = Collection.objects.filter(name=IMAGE_COLLECTION).first()
    if collection is None:
        collection = Collection.get_first_root_node().add_child(name=IMAGE_COLLECTION)
    stored = get_image_model()(
        title=Truncator(title).chars(255),
        description=Truncator(alt).chars(255),
        collection=collection,
        uploaded_by_user=author,
        file=ContentFile(image.data, name=f"idea-{secrets.token_hex(8)}.{image.extension}"),
    )
    stored._set_image_file_metadata()
    stored.save()
    return stored


def check_can_support(user, idea: Idea) -> None:
    check_verified(user)
    if idea.is_hidden:
        raise Refused("hidden", _("Esta idea fue ocultada por moderación y no recibe apoyos."))
    check_phase(idea.challenge, Phase.VOTING, _("apoyar ideas"))


def _add_to_support_count(idea: Idea, delta: int) -> None:
    """`support_count = support_count + delta` in the database, and the new value on `idea`,
    in one statement (RETURNING: PostgreSQL and SQLite alike)."""
    table = connection.ops.quote_name(Idea._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE {table} SET support_count = support_count + %s WHERE id = %s RETURNING support_count",  # noqa: S608 (our own table name)
            [delta, idea.pk],
        )
        idea.support_count = cursor.fetchone()[0]


def idea_support(*, user: User, idea: Idea) -> tuple[Idea, bool]:
    """Support an idea. Supporting again changes nothing. Returns the idea and whether it changed.

    The unique constraint decides a repeated support (no read before the insert); a challenge
    with a limit of supports per person locks the person's row first, so that two supports
    at the same instant cannot both pass the count."""
    check_can_support(user, idea)
    limit = idea.challenge.support_limit
    try:
        with transaction.atomic():
            if limit is not None:
                User.objects.select_for_update().filter(pk=user.pk).first()
                if Support.objects.filter(idea=idea, user=user).exists():
                    idea.refresh_from_db(fields=["support_count"])
                    return idea, False
                used = Support.objects.filter(user=user, idea__challenge_id=idea.challenge_id).count()
                if used >= limit:
                    raise Refused(
                        "support_limit",
                        ngettext(
                            "Ya usó su único apoyo en este reto: retírelo para apoyar otra idea.",
                            "Ya usó sus %(limit)s apoyos en este reto: retire uno para apoyar otra idea.",
                            limit,
                        )
                        % {"limit": limit},
                        409,
                    )
            Support.objects.create(idea=idea, user=user, participant_type=user.participant_type)
            _add_to_support_count(idea, 1)
            challenge_changed(idea.challenge_id)
    except IntegrityError:
        # Supported already (or by the same account at the same instant): the constraint kept one.
        idea.refresh_from_db(fields=["support_count"])
        return idea, False
    return idea, True


@transaction.atomic
def idea_withdraw_support(*, user: User, idea: Idea) -> tuple[Idea, bool]:
    check_verified(user)
    check_phase(idea.challenge, Phase.VOTING, _("retirar apoyos"))
    deleted, _rows = Support.objects.filter(idea=idea, user=user).delete()
    if deleted:
        _add_to_support_count(idea, -1)
        challenge_changed(idea.challenge_id)
    else:
        idea.refresh_from_db(fields=["support_count"])
    return idea, bool(deleted)


def check_can_comment(user, idea: Idea) -> None:
    check_verified(user)
    if idea.is_hidden:
        raise Refused("hidden", _("Esta idea fue ocultada por moderación y no admite comentarios."))
    if idea.challenge.phase in {Phase.UPCOMING, Phase.CLOSED}:
        raise Refused("wrong_phase", _("Los comentarios de este reto están cerrados."))


@transaction.atomic
def comment_create(*, author: User, idea: Idea, body: str, parent: Comment | None = None) -> Comment:
    check_can_comment(author, idea)
    body = body.strip()
    if not body:
        raise Refused("invalid", _("Escriba su comentario."), 400)
    if parent is not None and parent.idea_id != idea.pk:
        raise Refused("invalid", _("Solo puede responder a comentarios de esta misma idea."), 400)
    comment = Comment(idea=idea, parent=parent, author=author, body=body, body_html=render_markdown(body))
    comment.full_clean()
    comment.save()
    Idea.objects.filter(pk=idea.pk).update(comment_count=F("comment_count") + 1)
    if parent is not None:
        tell(
            parent.author,
            actor=author,
            kind=NotificationKind.COMMENT_REPLY,
            url=comment_url(comment),
            message=gettext_noop("%(name)s respondió a su comentario en la idea «%(title)s»."),
            name=author.public_name,
            title=idea.title,
        )
    # Whoever was answered got a notice of their own just above.
    tell_followers(
        idea,
        excluding=[author.pk, parent.author_id if parent is not None else None],
        kind=NotificationKind.IDEA_FOLLOWED,
        url=comment_url(comment),
        message=gettext_noop("%(name)s comentó la idea «%(title)s», que usted sigue."),
        name=author.public_name,
        title=idea.title,
    )
    return comment


@transaction.atomic
def comment_edit(*, author: User, comment: Comment, body: str) -> Comment:
    if comment.author_id != author.pk:
        raise Refused("not_author", _("Solo quien escribió el comentario puede editarlo."))
    if comment.hidden:
        raise Refused("hidden", _("Un comentario ocultado por moderación no se puede editar."))
    if timezone.now() - comment.created_at > COMMENT_EDIT_WINDOW:
        raise Refused(
            "edit_window", _("Los comentarios se pueden editar durante 15 minutos después de publicados.")
        )
    body = body.strip()
    if not body:
        raise Refused("invalid", _("Escriba su comentario."), 400)
    comment.body = body
    comment.body_html = render_markdown(body)
    comment.edited_at = timezone.now()
    comment.full_clean()
    comment.save(update_fields=["body", "body_html", "edited_at"])
    return comment


@transaction.atomic
def idea_change_status(*, idea: Idea, by: User, status: str, reason: str) -> Idea:
    """Move an idea along its public history, with a public reason."""
    idea = Idea.objects.select_for_update().get(pk=idea.pk)
    if status not in STATUS_FLOW.get(idea.status, set()):
        raise Refused(
            "invalid_status",
            _("Una idea «%(current)s» no puede pasar a «%(wanted)s».")
            % {
                "current": IdeaStatus(idea.status).label,
                "wanted": IdeaStatus(status).label if status in IdeaStatus.values else status,
            },
            400,
        )
    reason = reason.strip()
    if not reason:
        raise Refused("invalid", _("Explique públicamente el motivo del cambio de estado."), 400)
    IdeaStatusChange.objects.create(
        idea=idea, status_from=idea.status, status_to=status, reason=reason, changed_by=by
    )
    idea.status = status
    idea.save(update_fields=["status", "updated_at"])
    tell(
        idea.author,
        actor=by,
        kind=NotificationKind.IDEA_STATUS,
        url=idea.get_absolute_url(),
        message=gettext_noop("Su idea «%(title)s» ahora está «%(status)s». Motivo: %(reason)s"),
        title=idea.title,
        status=IdeaStatus(status).label,
        reason=Truncator(reason).chars(300),
    )
    # The author was told above, in their own words.
    tell_followers(
        idea,
        excluding=[by.pk, idea.author_id],
        kind=NotificationKind.IDEA_FOLLOWED,
        url=idea.get_absolute_url(),
        message=gettext_noop(
            "La idea «%(title)s», que usted sigue, ahora está «%(status)s». Motivo: %(reason)s"
        ),
        title=idea.title,
        status=IdeaStatus(status).label,
        reason=Truncator(reason).chars(300),
    )
    return idea


@transaction.atomic
def evaluation_save(
    *, evaluator: User, idea: Idea, criterion: EvaluationCriterion, score: int, comment: str = ""
) -> Evaluation:
    if criterion.challenge_id != idea.challenge_id:
        raise Refused("invalid", _("Ese criterio no pertenece al reto de esta idea."), 400)
    if not isinstance(score, int) or not 1 <= score <= 5:
        raise Refused("invalid", _("El puntaje va de 1 a 5."), 400)
    if idea.challenge.phase in {Phase.UPCOMING, Phase.IDEAS, Phase.CLOSED}:
        raise Refused("wrong_phase", _("Las ideas se evalúan después del cierre de la recepción de ideas."))
    evaluation, _created = Evaluation.objects.update_or_create(
        idea=idea, criterion=criterion, evaluator=evaluator, defaults={"score": score, "comment": comment}
    )
    return evaluation


# Notifications ------------------------------------------------------------------------


def comment_url(comment: Comment) -> str:
    """Where a comment is seen: its idea's page, at the comment's anchor."""
    return f"{comment.idea.get_absolute_url()}#comentario-{comment.pk}"


def tell(recipient: User, *, actor: User | None, kind: str, url: str, message: str, **params) -> None:
    """Notify someone of what another person did (never of one's own actions).

    `message` is marked with gettext_noop and translated here, in the site's language:
    the notice is for the reader, whatever language the actor's request was in."""
    if actor is not None and recipient.pk == actor.pk:
        return
    with translation.override(settings.LANGUAGE_CODE):
        text = _(message) % params
    notify(recipient=recipient, kind=kind, message=text, url=url)
