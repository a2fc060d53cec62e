"""The public pages of projects: the index with filters and a page per project with its
timeline; the responsible office marks milestones done from the project's page."""

import csv

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core import page_cache
from core.refusals import Refused
from core.territories import TERRITORY_CHOICES
from ideas.cache import challenge_namespace
from projects import selectors, services
from projects.cache import PROJECTS, project_namespace
from projects.forms import FilterForm, MilestoneDoneForm
from projects.models import Milestone, Project
from projects.serializers import ProjectSerializer

TERRITORY_NAMES = dict(TERRITORY_CHOICES)


@page_cache.cached(PROJECTS)
def index(request):
    form = FilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    projects = list(
        selectors.public_projects(
            challenge=filters.get("reto"),
            office=filters.get("dependencia"),
            status=filters.get("estado") or "",
            territory=filters.get("territorio") or "",
        )
    )
    for project in projects:
        project.progress = selectors.progress_percent(project.done_weight, project.total_weight)
    choices = selectors.filter_choices()
    choices["territories"] = [(code, TERRITORY_NAMES.get(code, code)) for code in choices["territories"]]
    return render(
        request,
        "projects/index.html",
        {"projects": projects, "filters": filters, "choices": choices, "totals": selectors.status_totals()},
    )


def detail(request, pk: int):
    page_cache.shows(request, project_namespace(pk))
    try:
        project = selectors.project_detail(pk=pk)
    except Project.DoesNotExist as missing:
        raise Http404 from missing
    # The idea and the challenge it implements are shown by their titles.
    for challenge_id in {project.challenge_id, project.idea and project.idea.challenge_id} - {None}:
        page_cache.shows(request, challenge_namespace(challenge_id))
    project.progress = selectors.progress_percent(project.done_weight, project.total_weight)
    can_update = request.user.has_perm("projects.update_project", project)
    return render(
        request,
        "projects/detail.html",
        {
            "project": project,
            "milestones": list(project.milestones.all()),
            "updates": list(project.updates.all()),
            "territory": TERRITORY_NAMES.get(project.territory, project.territory),
            "can_update": can_update,
            "done_form": MilestoneDoneForm() if can_update else None,
        },
    )


@require_POST
def milestone_done(request, pk: int, milestone_pk: int):
    milestone = get_object_or_404(
        Milestone.objects.filter(project__published=True), pk=milestone_pk, project_id=pk
    )
    form = MilestoneDoneForm(request.POST)
    if not form.is_valid():
        if not request.user.has_perm("projects.update_project", milestone.project):
            raise PermissionDenied
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, error)
        return redirect(milestone.project.get_absolute_url() + "#hitos")
    try:
        services.milestone_complete(
            milestone=milestone,
            user=request.user,
            done_on=form.cleaned_data["done_on"],
            evidence_url=form.cleaned_data["evidence_url"],
        )
    except Refused as refusal:
        if refusal.status == 403:
            raise PermissionDenied(refusal.message) from refusal
        messages.error(request, refusal.message)
    else:
        messages.success(request, _("Hito cumplido: %(title)s") % {"title": milestone.title})
    return redirect(milestone.project.get_absolute_url() + "#hitos")


CSV_HEADER = [
    "id",
    "titulo",
    "url",
    "idea",
    "reto",
    "dependencia",
    "estado",
    "avance",
    "fecha_inicio",
    "fecha_fin",
    "presupuesto_cop",
    "territorio",
    "hitos",
    "hitos_cumplidos",
    "actualizado",
]


@page_cache.cached(PROJECTS)
def projects_csv(request) -> HttpResponse:
    """Open data: one row per published project (UTF-8, ISO dates, plain numbers)."""
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="proyectos.csv"'
    writer = csv.writer(response)
    writer.writerow(CSV_HEADER)
    projects = selectors.public_projects().annotate(
        milestone_count=Count("milestones", distinct=True),
        done_count=Count("milestones", filter=Q(milestones__done_on__isnull=False), distinct=True),
    )
    for project in projects.order_by("pk"):
        writer.writerow(
            [
                project.pk,
                project.title,
                request.build_absolute_uri(project.get_absolute_url()),
                project.idea_id or "",
                project.challenge_id or "",
                project.office.name,
                project.status,
                selectors.progress_percent(project.done_weight, project.total_weight),
                project.starts_on.isoformat(),
                project.ends_on.isoformat(),
                "" if project.budget is None else int(project.budget),
                project.territory,
                project.milestone_count,
                project.done_count,
                project.updated_at.isoformat(),
            ]
        )
    return response


@page_cache.cached(PROJECTS)
def projects_json(request) -> JsonResponse:
    """Open data: every published project with its milestones, in the API's shape, unpaginated."""
    data = ProjectSerializer(selectors.projects_for_api(), many=True, context={"request": request}).data
    return JsonResponse({"projects": data}, json_dumps_params={"ensure_ascii": False})
