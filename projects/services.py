"""Writes on projects: each change leaves a dated line in the public timeline, and a milestone
done tells the people who follow the idea (its author, its supporters, its followers and the
challenge's followers)."""

import datetime
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import NotificationKind
from accounts.notifications import notify_many
from core.refusals import Refused
from projects.models import Milestone, Project, Status, Update


def check_can_update(user, project: Project) -> None:
    if not user.has_perm("projects.update_project", project):
        raise Refused(
            "not_allowed",
            _("Solo los editores y la dependencia responsable pueden actualizar este proyecto."),
        )


def _followers(project: Project):
    from django.contrib.auth import get_user_model

    if project.idea_id is None:
        return []
    idea = project.idea
    user_model = get_user_model()
    return list(
        user_model.objects.filter(pk__in=[idea.author_id])
        .union(user_model.objects.filter(supports__idea_id=idea.pk))
        .union(user_model.objects.filter(follows__challenge_id=idea.challenge_id))
        .union(user_model.objects.filter(idea_follows__idea_id=idea.pk))
    )


def _notify_milestone(project: Project, milestone: Milestone) -> None:
    recipients = _followers(project)
    if recipients:
        notify_many(
            recipients=recipients,
            kind=NotificationKind.PROJECT_MILESTONE,
            message=_("«%(project)s» cumplió el hito «%(milestone)s».")
            % {"project": project.title, "milestone": milestone.title},
            url=project.get_absolute_url(),
        )


def _log(
    project: Project,
    kind: str,
    text: str,
    *,
    user=None,
    milestone: Milestone | None = None,
    occurred_on: datetime.date | None = None,
) -> Update:
    author = user if getattr(user, "is_authenticated", False) else None
    return Update.objects.create(
        project=project,
        kind=kind,
        text=text[:500],
        author=author,
        milestone=milestone,
        occurred_on=occurred_on or timezone.localdate(),
    )


@transaction.atomic
def milestone_complete(
    *, milestone: Milestone, user, done_on: datetime.date | None = None, evidence_url: str = ""
) -> Milestone:
    """Mark a milestone done (today unless said otherwise) with an optional link to its evidence."""
    project = (
        Project.objects.select_for_update(of=("self",))
        .select_related("office", "idea")
        .get(pk=milestone.project_id)
    )
    check_can_update(user, project)
    milestone = Milestone.objects.select_for_update().get(pk=milestone.pk)
    if milestone.done_on is not None:
        raise Refused("already_done", _("Ese hito ya está cumplido."), status=409)
    done_on = done_on or timezone.localdate()
    if done_on > timezone.localdate():
        raise Refused("future_date", _("Un hito no puede cumplirse en una fecha futura."), status=400)
    if done_on < project.starts_on:
        raise Refused(
            "before_start", _("Un hito no puede cumplirse antes del inicio del proyecto."), status=400
        )
    milestone.done_on = done_on
    if evidence_url:
        milestone.evidence_url = evidence_url
    try:
        milestone.full_clean(exclude=["project"])
    except ValidationError as error:
        raise Refused("invalid", " ".join(error.messages), status=400) from error
    milestone.save(update_fields=["done_on", "evidence_url"])
    _log(
        project,
        Update.Kind.MILESTONE_DONE,
        _("Hito cumplido: %(title)s") % {"title": milestone.title},
        user=user,
        milestone=milestone,
        occurred_on=done_on,
    )
    if project.status == Status.PLANNED:
        project.status = Status.IN_PROGRESS
        project.save(update_fields=["status", "updated_at"])
        _log(
            project,
            Update.Kind.STATUS,
            _("Estado: %(status)s") % {"status": project.get_status_display()},
            user=user,
        )
    else:
        project.save(update_fields=["updated_at"])
    _notify_milestone(project, milestone)
    return milestone


@dataclass(frozen=True)
class Snapshot:
    """What a project looked like before an edit in the admin, to date what changed."""

    status: str
    done: frozenset[int]
    milestones: frozenset[int]
    exists: bool


def project_snapshot(project: Project | None) -> Snapshot:
    if project is None or project.pk is None:
        return Snapshot(status="", done=frozenset(), milestones=frozenset(), exists=False)
    rows = list(Milestone.objects.filter(project_id=project.pk).values_list("pk", "done_on"))
    status = Project.objects.filter(pk=project.pk).values_list("status", flat=True).first() or ""
    return Snapshot(
        status=status,
        done=frozenset(pk for pk, done_on in rows if done_on),
        milestones=frozenset(pk for pk, _ in rows),
        exists=True,
    )


def project_changes_record(*, project: Project, before: Snapshot, user) -> list[Update]:
    """Date every change an edit made (status, milestones done, reopened or added) in the timeline,
    and tell the idea's followers of each milestone done."""
    logged: list[Update] = []
    if not before.exists:
        # A project entered after it started is dated from its start, before its first milestones.
        started = min(project.starts_on, timezone.localdate())
        logged.append(
            _log(project, Update.Kind.CREATED, _("Proyecto registrado"), user=user, occurred_on=started)
        )
    elif before.status != project.status:
        logged.append(
            _log(
                project,
                Update.Kind.STATUS,
                _("Estado: %(status)s") % {"status": project.get_status_display()},
                user=user,
            )
        )
    for milestone in project.milestones.all():
        if milestone.pk not in before.milestones and before.exists:
            logged.append(
                _log(
                    project,
                    Update.Kind.MILESTONE_ADDED,
                    _("Hito nuevo: %(title)s") % {"title": milestone.title},
                    user=user,
                    milestone=milestone,
                )
            )
        if milestone.done_on and milestone.pk not in before.done:
            logged.append(
                _log(
                    project,
                    Update.Kind.MILESTONE_DONE,
                    _("Hito cumplido: %(title)s") % {"title": milestone.title},
                    user=user,
                    milestone=milestone,
                    occurred_on=min(milestone.done_on, timezone.localdate()),
                )
            )
            if before.exists:  # a project entered with milestones already done tells nobody
                _notify_milestone(project, milestone)
        elif not milestone.done_on and milestone.pk in before.done:
            logged.append(
                _log(
                    project,
                    Update.Kind.MILESTONE_REOPENED,
                    _("Hito reabierto: %(title)s") % {"title": milestone.title},
                    user=user,
                    milestone=milestone,
                )
            )
    if before.exists and not logged:
        logged.append(_log(project, Update.Kind.EDITED, _("Datos del proyecto actualizados"), user=user))
    return logged


@transaction.atomic
def project_create(
    *,
    title: str,
    summary: str,
    office,
    starts_on: datetime.date,
    ends_on: datetime.date,
    idea=None,
    challenge=None,
    budget=None,
    status: str = Status.PLANNED,
    territory: str = "",
    milestones: list[dict] = (),
    user=None,
) -> Project:
    """A project with its milestones (each `{"title", "weight", "due_on", "done_on"?, "evidence_url"?}`)."""
    project = Project(
        title=title,
        summary=summary,
        office=office,
        starts_on=starts_on,
        ends_on=ends_on,
        idea=idea,
        challenge=challenge or (idea.challenge if idea is not None else None),
        budget=budget,
        status=status,
    )
    if territory:
        project.territory = territory
    project.full_clean()
    project.save()
    for order, fields in enumerate(milestones):
        milestone = Milestone(project=project, sort_order=order, **fields)
        milestone.full_clean(exclude=["project"])
        milestone.save()
    project_changes_record(project=project, before=project_snapshot(None), user=user)
    return project
