"""The observatory's pages: the indicators, one indicator with its chart and table, the plan, the
open-data downloads, and the editors' screens to load observations (CSV with preview, or by hand)."""

import csv
from functools import wraps

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse, HttpResponsePermanentRedirect, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from core import page_cache
from core.refusals import Refused
from core.territories import CITY, TERRITORY_NAMES
from core.urls import site_url
from observatory import participation, selectors, services
from observatory.cache import OBSERVATORY, RISKS
from observatory.chart import MAX_SERIES, Bar, Bars, build_bars, build_chart
from observatory.formatting import format_number, plain
from observatory.forms import ObservationForm, UploadForm
from observatory.models import (
    IMPACT_CHOICES,
    PROBABILITY_CHOICES,
    Indicator,
    Process,
    Risk,
    RiskLevel,
    Theme,
)
from observatory.periods import period_label
from observatory.serializers import IndicatorSerializer, RiskSerializer

SESSION_KEY = "observatory_upload"


@page_cache.cached(OBSERVATORY)
def home(request):
    # "The last twelve months" of participation move on with the calendar.
    page_cache.shows(request, until=participation.next_month_start)
    indicators = list(selectors.indicators_with_latest())
    for indicator in indicators:
        indicator.trend = selectors.trend(indicator)
    themes = []
    for value, label in Theme.choices:
        members = [indicator for indicator in indicators if indicator.theme == value]
        if members:
            themes.append((value, label, members))
    plan = selectors.public_plans().first()
    by_type = participation.participants_by_type()
    return render(
        request,
        "observatory/home.html",
        {
            "themes": themes,
            "plan": plan,
            "by_type": by_type,
            "by_type_bars": _participant_bars(by_type),
            "can_manage": request.user.has_perm("observatory.manage_observatory"),
        },
    )


def _participant_bars(by_type: participation.ParticipantsByType | None) -> Bars | None:
    if by_type is None:
        return None
    return build_bars([Bar(label=each.label, value=each.total) for each in by_type.types], integer=True)


def _follows_renamed_slug(view_name: str):
    """A series that changed its address answers its old one with a permanent redirect to the same
    view under the new slug, query string included."""

    def decorator(view):
        @wraps(view)
        def wrapper(request, slug: str, **kwargs):
            new = participation.renamed_slug(slug)
            if new is not None:
                url = reverse(view_name, kwargs={"slug": new})
                query = request.META.get("QUERY_STRING", "")
                return HttpResponsePermanentRedirect(f"{url}?{query}" if query else url)
            return view(request, slug=slug, **kwargs)

        return wrapper

    return decorator


def _public_indicator(slug: str) -> Indicator:
    return get_object_or_404(selectors.public_indicators(), slug=slug)


@_follows_renamed_slug("observatory:indicator")
@page_cache.cached(OBSERVATORY)
def indicator_detail(request, slug: str):
    indicator = _public_indicator(slug)
    observations = selectors.indicator_observations(indicator)
    observed = selectors.territories_observed(observations)
    asked = request.GET.getlist("territorio")
    if "todos" in asked:
        chosen = observed[:MAX_SERIES]
    else:
        chosen = [code for code in observed if code in asked][:MAX_SERIES]
    if not chosen:
        chosen = [CITY] if CITY in observed else observed[:1]
    series = selectors.series_by_territory(observations, chosen)
    targets = {target.period: target.value for target in indicator.targets.all()}
    periods = selectors.sorted_periods(p for s in series for p in s.points)
    chart = build_chart(periods, [(s.name, s.points) for s in series], targets, indicator.unit)
    table_targets = {period: targets.get(period) for period in periods}
    rows = [(period, [s.points.get(period) for s in series], table_targets.get(period)) for period in periods]
    return render(
        request,
        "observatory/indicator.html",
        {
            "indicator": indicator,
            "chart": chart,
            "series": series,
            "rows": rows,
            "has_targets": any(value is not None for value in table_targets.values()),
            "territory_options": [(code, TERRITORY_NAMES[code], code in chosen) for code in observed],
            "summary": _summary(indicator, series, targets),
            "headline": selectors.indicator_headline(indicator, observations, targets),
            "max_series": MAX_SERIES,
            "can_load": request.user.has_perm("observatory.load_observations", indicator)
            and not indicator.computed,
        },
    )


def _summary(indicator: Indicator, series, targets) -> str:
    """The chart's text alternative: first and last value of each series, and the latest target."""
    parts = []
    for each in series:
        periods = selectors.sorted_periods(each.points)
        first, last = periods[0], periods[-1]
        if first == last:
            parts.append(
                _("%(name)s: %(value)s %(unit)s en %(period)s.")
                % {
                    "name": each.name,
                    "value": format_number(each.points[last]),
                    "unit": indicator.unit,
                    "period": period_label(last),
                }
            )
        else:
            parts.append(
                _(
                    "%(name)s: de %(first)s %(unit)s en %(first_period)s "
                    "a %(last)s %(unit)s en %(last_period)s."
                )
                % {
                    "name": each.name,
                    "first": format_number(each.points[first]),
                    "first_period": period_label(first),
                    "last": format_number(each.points[last]),
                    "last_period": period_label(last),
                    "unit": indicator.unit,
                }
            )
    if targets:
        last_target = selectors.sorted_periods(targets)[-1]
        parts.append(
            _("Meta para %(period)s: %(value)s %(unit)s.")
            % {
                "period": period_label(last_target),
                "value": format_number(targets[last_target]),
                "unit": indicator.unit,
            }
        )
    return " ".join(parts)


@_follows_renamed_slug("observatory:indicator_csv")
@page_cache.cached(OBSERVATORY)
def indicator_csv(request, slug: str) -> HttpResponse:
    indicator = _public_indicator(slug)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{indicator.slug}.csv"'
    writer = csv.writer(response)
    writer.writerow(["indicator", "period", "territory", "territory_name", "value", "unit", "note"])
    for observation in selectors.indicator_observations(indicator):
        writer.writerow(
            [
                indicator.slug,
                observation.period,
                observation.territory,
                TERRITORY_NAMES.get(observation.territory, observation.territory),
                plain(observation.value),
                indicator.unit,
                observation.note,
            ]
        )
    return response


@_follows_renamed_slug("observatory:indicator_json")
@page_cache.cached(OBSERVATORY)
def indicator_json(request, slug: str) -> JsonResponse:
    indicator = get_object_or_404(selectors.indicators_for_api(), slug=slug)
    response = JsonResponse(
        IndicatorSerializer(indicator, context={"request": request}).data,
        json_dumps_params={"ensure_ascii": False},
    )
    response["Content-Disposition"] = f'inline; filename="{indicator.slug}.json"'
    return response


# --- The plan ---


@page_cache.cached(OBSERVATORY)
def plan_detail(request, year: int | None = None):
    plans = selectors.public_plans()
    plan = plans.filter(year=year).first() if year else plans.first()
    if plan is None:
        if year:
            raise Http404
        return render(request, "observatory/plan_missing.html")
    status = selectors.plan_status(plan)
    return render(
        request,
        "observatory/plan.html",
        {
            "status": status,
            "plan": plan,
            "other_plans": plans.exclude(pk=plan.pk).only("year", "title"),
            "component_bars": _component_bars(status) if status.follow_ups else None,
        },
    )


def _component_bars(status: selectors.PlanStatus) -> Bars | None:
    """Each component's progress on a 0–100 % track, with its finished and overdue activities."""
    bars = []
    for item in status.components:
        if item.activities:
            note = ngettext(
                "%(done)s de %(total)s actividad terminada",
                "%(done)s de %(total)s actividades terminadas",
                len(item.activities),
            ) % {"done": item.done_count, "total": len(item.activities)}
            if item.overdue_count:
                overdue = ngettext("%(count)s vencida", "%(count)s vencidas", item.overdue_count) % {
                    "count": item.overdue_count
                }
                note += " · " + overdue.replace(" ", "\N{NO-BREAK SPACE}")  # kept on one line
        else:
            note = _("Sin actividades")
        bars.append(
            Bar(
                label=f"{item.component.number}. {item.component.name}",
                value=item.progress,
                note=note,
            )
        )
    return build_bars(bars, maximum=100, suffix=" %")


@page_cache.cached(OBSERVATORY)
def plan_csv(request, year: int) -> HttpResponse:
    plan = get_object_or_404(selectors.public_plans(), year=year)
    status = selectors.plan_status(plan)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="plan-anticorrupcion-{plan.year}.csv"'
    writer = csv.writer(response)
    cuts = [follow_up.cut for follow_up in status.follow_ups]
    writer.writerow(
        [
            "year",
            "component_number",
            "component",
            "activity_code",
            "activity",
            "goal",
            "indicator",
            "responsible_office",
            "start_date",
            "due_date",
            *[f"progress_{cut}" for cut in cuts],
            "progress_latest",
            "overdue",
            "evidence_url",
        ]
    )
    base = site_url()
    for component in status.components:
        for item in component.activities:
            activity, latest = item.activity, item.latest_progress
            evidence = ""
            if latest is not None:
                if latest.evidence_url:
                    evidence = latest.evidence_url
                elif latest.evidence_document:
                    evidence = base + latest.evidence_document.url
            writer.writerow(
                [
                    plan.year,
                    component.component.number,
                    component.component.name,
                    activity.code,
                    activity.description,
                    activity.goal,
                    activity.indicator,
                    activity.responsible_office.name,
                    activity.start_date.isoformat(),
                    activity.due_date.isoformat(),
                    *[item.by_cut[follow_up.pk] for follow_up in status.follow_ups],
                    item.latest,
                    "true" if item.overdue else "false",
                    evidence,
                ]
            )
    return response


# --- Editors ---


def _check_manage(request) -> None:
    if not request.user.has_perm("observatory.manage_observatory"):
        raise PermissionDenied(_("Solo el equipo editorial administra el observatorio."))


@login_required
def manage(request):
    _check_manage(request)
    indicators = list(selectors.indicators_with_latest().filter(computed=False))
    return render(request, "observatory/manage.html", {"indicators": indicators})


def _loadable(request, slug: str) -> Indicator:
    """The indicator whose observations the editor loads (404, 403 for anyone else)."""
    indicator = get_object_or_404(Indicator, slug=slug)
    if not request.user.has_perm("observatory.load_observations", indicator):
        raise PermissionDenied(_("Solo el equipo editorial carga mediciones del observatorio."))
    return indicator


def _computed_refusal(request, indicator: Indicator):
    messages.error(
        request, _("Las mediciones de este indicador las calcula la plataforma; no se cargan a mano.")
    )
    return redirect(indicator.get_absolute_url())


def _load_context(indicator: Indicator, form, observation_form) -> dict:
    observations = selectors.indicator_observations(indicator)
    return {
        "indicator": indicator,
        "form": form,
        "observation_form": observation_form,
        "observations": [(o, TERRITORY_NAMES.get(o.territory, o.territory)) for o in reversed(observations)],
    }


@login_required
def load(request, slug: str):
    """Step 1: upload and check (nothing is saved); step 2: the preview; step 3: confirm, all or nothing."""
    indicator = _loadable(request, slug)
    if indicator.computed:
        return _computed_refusal(request, indicator)
    context = _load_context(indicator, UploadForm(), ObservationForm())
    if request.method != "POST":
        return render(request, "observatory/load.html", context)

    if request.POST.get("action") == "confirm":
        pending = request.session.get(SESSION_KEY)
        if not pending or pending.get("indicator") != indicator.pk:
            messages.error(request, _("No hay un archivo pendiente de confirmar: cárguelo de nuevo."))
            return redirect("observatory:load", slug=indicator.slug)
        parsed = services.observations_parse_csv(pending["csv"].encode("utf-8"))
        if not parsed.ok:
            messages.error(request, _("El archivo ya no es válido: cárguelo de nuevo."))
            return redirect("observatory:load", slug=indicator.slug)
        try:
            summary = services.observations_import(indicator=indicator, rows=parsed.rows, by=request.user)
        except Refused as refusal:
            messages.error(request, refusal.message)
            return redirect("observatory:load", slug=indicator.slug)
        del request.session[SESSION_KEY]
        messages.success(
            request,
            _(
                "Mediciones guardadas. Nuevas: %(created)s; actualizadas: %(updated)s; "
                "sin cambios: %(unchanged)s."
            )
            % {"created": summary.created, "updated": summary.updated, "unchanged": summary.unchanged},
        )
        return redirect(indicator.get_absolute_url())

    form = UploadForm(request.POST, request.FILES)
    context["form"] = form
    if not form.is_valid():
        return render(request, "observatory/load.html", context, status=400)
    upload = form.cleaned_data["file"]
    data = upload.read(services.MAX_FILE_BYTES + 1)
    parsed = services.observations_parse_csv(data)
    context["file_name"] = upload.name
    if not parsed.ok:
        request.session.pop(SESSION_KEY, None)
        context["errors"] = parsed.errors
        context["valid_count"] = len(parsed.rows)
        return render(request, "observatory/load.html", context, status=400)
    request.session[SESSION_KEY] = {"indicator": indicator.pk, "csv": data.decode("utf-8-sig")}
    preview = services.observations_preview(indicator=indicator, rows=parsed.rows)
    context["preview"] = [
        (row, change, before, TERRITORY_NAMES[row.territory]) for row, change, before in preview
    ]
    context["counts"] = {
        change: sum(1 for _row, each, _before in preview if each == change)
        for change in ("new", "update", "same")
    }
    return render(request, "observatory/load_preview.html", context)


@login_required
@require_POST
def add_observation(request, slug: str):
    indicator = _loadable(request, slug)
    if indicator.computed:
        return _computed_refusal(request, indicator)
    form = ObservationForm(request.POST)
    if not form.is_valid():
        return render(
            request, "observatory/load.html", _load_context(indicator, UploadForm(), form), status=400
        )
    try:
        services.observation_save(
            indicator=indicator,
            period=form.cleaned_data["period"],
            territory=form.cleaned_data["territory"],
            value=form.cleaned_data["value"],
            note=form.cleaned_data["note"],
            by=request.user,
        )
    except Refused as refusal:
        form.add_error(None, refusal.message)
        return render(
            request, "observatory/load.html", _load_context(indicator, UploadForm(), form), status=400
        )
    messages.success(request, _("La medición quedó guardada."))
    return redirect(reverse("observatory:indicator", kwargs={"slug": indicator.slug}))


@login_required
@require_POST
def delete_observation(request, slug: str):
    indicator = _loadable(request, slug)
    if indicator.computed:
        return _computed_refusal(request, indicator)
    period, territory = request.POST.get("period", ""), request.POST.get("territory", "")
    if services.observation_delete(indicator=indicator, period=period, territory=territory, by=request.user):
        messages.success(
            request,
            _("Se eliminó la medición de %(period)s en %(territory)s.")
            % {"period": period, "territory": TERRITORY_NAMES.get(territory, territory)},
        )
    else:
        messages.error(request, _("Esa medición ya no existe."))
    return redirect("observatory:load", slug=indicator.slug)


# --- the corruption risk map (PAAC component 1) ---


@page_cache.cached(RISKS)
def risk_map(request):
    process = request.GET.get("proceso", "")
    level = request.GET.get("nivel", "")
    process = process if process in Process.values else ""
    level = level if level in RiskLevel.values else ""
    risks = list(selectors.public_risks(process=process, level=level))
    return render(
        request,
        "observatory/risk_map.html",
        {
            "risks": risks,
            "maps": [
                ("inherent", selectors.heat_map(risks, "inherent")),
                ("residual", selectors.heat_map(risks, "residual")),
            ],
            "impacts": IMPACT_CHOICES,
            "probability_choices": PROBABILITY_CHOICES,
            "processes": Process.choices,
            "levels": RiskLevel.choices,
            "process": process,
            "level": level,
        },
    )


@page_cache.cached(RISKS)
def risk_detail(request, code: str):
    try:
        risk = selectors.risk_detail(code=code)
    except Risk.DoesNotExist as missing:
        raise Http404 from missing
    return render(
        request,
        "observatory/risk_detail.html",
        {
            "risk": risk,
            "controls": list(risk.controls.all()),
            "actions": list(risk.actions.all()),
            "followups": list(risk.followups.all()),
        },
    )


RISK_CSV_HEADER = [
    "code",
    "process",
    "office",
    "title",
    "causes",
    "consequences",
    "inherent_probability",
    "inherent_impact",
    "inherent_level",
    "residual_probability",
    "residual_impact",
    "residual_level",
    "controls",
    "actions",
    "latest_cut",
    "latest_progress",
    "updated_at",
]


@page_cache.cached(RISKS)
def risks_csv(request) -> HttpResponse:
    """Open data: one row per published risk (UTF-8, ISO dates, plain numbers)."""
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="mapa-riesgos-corrupcion.csv"'
    writer = csv.writer(response)
    writer.writerow(RISK_CSV_HEADER)
    for risk in selectors.risks_for_api():
        followups = list(risk.followups.all())
        latest = followups[-1] if followups else None
        writer.writerow(
            [
                risk.code,
                risk.process,
                risk.office.name,
                risk.title,
                risk.causes,
                risk.consequences,
                risk.inherent_probability,
                risk.inherent_impact,
                risk.inherent_level,
                risk.residual_probability,
                risk.residual_impact,
                risk.residual_level,
                len(risk.controls.all()),
                len(risk.actions.all()),
                latest.cut_on.isoformat() if latest else "",
                latest.progress if latest else "",
                risk.updated_at.isoformat(),
            ]
        )
    return response


@page_cache.cached(RISKS)
def risks_json(request) -> JsonResponse:
    data = RiskSerializer(selectors.risks_for_api(), many=True, context={"request": request}).data
    return JsonResponse({"risks": data}, json_dumps_params={"ensure_ascii": False})
