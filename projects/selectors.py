"""Reads of projects: progress is the weighted share of done milestones, summed in the database
at every read (never stored, so it cannot go stale)."""

from django.db.models import Count, IntegerField, OuterRef, Prefetch, Q, QuerySet, Subquery, Sum, Value
from django.db.models.functions import Coalesce

from projects.models import Milestone, Project, Status, Update


def progress_percent(done_weight: int | None, total_weight: int | None) -> int:
    """0–100, rounded half up; a project without milestones is at 0."""
    if not total_weight:
        return 0
    return (200 * (done_weight or 0) + total_weight) // (2 * total_weight)


def _weights(done: bool | None) -> Subquery:
    milestones = Milestone.objects.filter(project=OuterRef("pk"))
    if done:
        milestones = milestones.filter(done_on__isnull=False)
    summed = milestones.order_by().values("project").annotate(total=Sum("weight")).values("total")
    return Coalesce(Subquery(summed, output_field=IntegerField()), Value(0))


def with_progress(queryset: QuerySet[Project]) -> QuerySet[Project]:
    """Each project with `done_weight` and `total_weight`; `progress_of(project)` turns them into %."""
    return queryset.annotate(done_weight=_weights(True), total_weight=_weights(None))


def progress_of(project: Project) -> int:
    if not hasattr(project, "total_weight"):
        project = with_progress(Project.objects.filter(pk=project.pk)).get()
    return progress_percent(project.done_weight, project.total_weight)


def public_projects(
    *, challenge: int | None = None, office: int | None = None, status: str = "", territory: str = ""
) -> QuerySet[Project]:
    queryset = Project.objects.filter(published=True).select_related("office", "challenge", "idea")
    if challenge:
        queryset = queryset.filter(challenge_id=challenge)
    if office:
        queryset = queryset.filter(office_id=office)
    if status:
        queryset = queryset.filter(status=status)
    if territory:
        queryset = queryset.filter(territory=territory)
    return with_progress(queryset).order_by("-starts_on", "pk")


def project_detail(*, pk: int) -> Project:
    """One published project with its milestones (and their evidence) and its timeline."""
    milestones = Milestone.objects.select_related("evidence_document", "evidence_image").order_by(
        "sort_order", "due_on", "pk"
    )
    return (
        public_projects()
        .prefetch_related(
            Prefetch("milestones", queryset=milestones),
            Prefetch("updates", queryset=Update.objects.order_by("-occurred_on", "-created_at", "-pk")),
        )
        .get(pk=pk)
    )


def projects_for_api() -> QuerySet[Project]:
    milestones = Milestone.objects.select_related("evidence_document", "evidence_image").order_by(
        "sort_order", "due_on", "pk"
    )
    return public_projects().prefetch_related(Prefetch("milestones", queryset=milestones)).order_by("pk")


def filter_choices() -> dict:
    """The options of the index's filters: only what some published project uses."""
    from accounts.models import Office
    from challenges.models import ChallengePage

    used = Project.objects.filter(published=True)
    return {
        "challenges": ChallengePage.objects.filter(pk__in=used.values("challenge")).order_by("title"),
        "offices": Office.objects.filter(pk__in=used.values("office")).order_by("name"),
        "territories": sorted(set(used.values_list("territory", flat=True))),
        "statuses": Status.choices,
    }


def status_totals() -> dict[str, int]:
    rows = Project.objects.filter(published=True).values("status").annotate(n=Count("pk"))
    return {row["status"]: row["n"] for row in rows}


def project_for_idea(idea_id: int) -> Project | None:
    return public_projects().filter(idea_id=idea_id).first()


def projects_for_challenge(challenge_id: int) -> list[Project]:
    return list(public_projects(challenge=challenge_id).filter(~Q(idea=None)))
