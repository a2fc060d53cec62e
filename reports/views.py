"""Pages of the report channel: the form, the look-up with the receipt, the public statistics,
and the handlers' dashboard. Every page here is private: not cached, no referrer sent on."""

import functools

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.debug import sensitive_post_parameters, sensitive_variables
from django.views.decorators.http import require_POST

from core import page_cache, ratelimit
from core.page_cache import next_local_midnight
from core.refusals import Refused
from reports import files, privacy, rules, selectors, services, throttle
from reports.cache import STATISTICS
from reports.forms import (
    AssignForm,
    ExtendForm,
    LookupForm,
    OutcomeForm,
    ReferralForm,
    ReferralStageForm,
    ReporterMessageForm,
    ReportForm,
    StaffReportForm,
    StatusForm,
    SurveyForm,
    WithdrawForm,
    WriteForm,
)
from reports.models import (
    Attachment,
    AuditAction,
    Authority,
    Channel,
    Decision,
    Outcome,
    Referral,
    Report,
    Status,
)
from reports.services import HANDLER_FLOW


def reports_statistics_page(view):
    """Aggregate figures change with reports (bumped by reports.cache) and with the calendar
    (days to answer, terms): cached until the next local midnight at most."""

    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        page_cache.shows(request, STATISTICS, until=next_local_midnight())
        return view(request, *args, **kwargs)

    return wrapper


def private(view=None, *, referrer_policy: str = "no-referrer"):
    """No cache may keep these pages and no other site learns where the visitor came from."""

    def decorate(view):
        @functools.wraps(view)
        def wrapper(request, *args, **kwargs):
            privacy.protect(request)
            response = view(request, *args, **kwargs)
            add_never_cache_headers(response)
            response["Cache-Control"] = "no-store, no-cache, must-revalidate, private, max-age=0"
            response["Referrer-Policy"] = referrer_policy
            return response

        return wrapper

    return decorate(view) if view is not None else decorate


def reporter_page(view):
    """A page of the reporter's path: private, with no referrer at all.

    Without a referrer browsers send `Origin: null` with a form, which Django's CSRF check
    refuses; these forms are exempt. They act for nobody (no account, no session): a forged
    submission could do nothing that its author could not do directly, and the look-up
    needs the receipt, which only its holder knows.
    """
    return csrf_exempt(private(view))


# The reporter's side


@reporter_page
@sensitive_post_parameters()
@sensitive_variables()
def report_create(request):
    if request.method == "POST":
        form = ReportForm(request.POST, request.FILES)
        if form.is_valid():
            data = form.cleaned_data
            ratelimit.check(request, "report")
            try:
                report, receipt = services.report_create(
                    kind=data["kind"],
                    category=data["category"],
                    description=data["description"],
                    entity=data["entity"],
                    territory=data["territory"],
                    place=data["place"],
                    occurred_on=data["occurred_on"],
                    people_involved=data["people_involved"],
                    how_known=data["how_known"],
                    how_known_detail=data["how_known_detail"],
                    contact_name=data["contact_name"],
                    contact_email=data["contact_email"],
                    contact_phone=data["contact_phone"],
                    fears_retaliation=data["fears_retaliation"],
                    attachments=data["attachments"],
                )
            except Refused as refusal:
                form.add_error(None, refusal.message)
            else:
                # Rendered, not redirected: the receipt appears once, here, and in no address.
                return render(
                    request,
                    "reports/receipt.html",
                    {"receipt": services.receipt_format(receipt), "report": report},
                    status=201,
                )
        status = 400
    else:
        form = ReportForm()
        status = 200
    context = {"form": form, "can_handle": rules.can_handle(request.user)}
    return render(request, "reports/report_form.html", context, status=status)


def _status_page(
    request, report: Report, receipt: str, message_form=None, withdraw_form=None, survey_form=None, status=200
):
    context = {
        "report": report,
        "history": report.status_changes.all(),
        "conversation": report.messages.filter(internal=False).prefetch_related("attachments"),
        "message_form": message_form or ReporterMessageForm(initial={"receipt": receipt}),
        "withdraw_form": withdraw_form or WithdrawForm(initial={"receipt": receipt}),
        "receipt": receipt,
        "referrals": report.referrals.all(),
        "outcome": Outcome.objects.filter(report=report).first(),
        "survey_form": survey_form or SurveyForm(initial={"receipt": receipt}),
    }
    return render(request, "reports/status.html", context, status=status)


def _find(request, receipt: str) -> Report | None:
    throttle.check(request)
    report = services.report_find(receipt=receipt)
    if report is None:
        throttle.failed(request)
    return report


@reporter_page
@sensitive_post_parameters()
@sensitive_variables()
def lookup(request):
    """With the receipt (POSTed, never in the address) the reporter reads and answers."""
    form = LookupForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            report = _find(request, form.cleaned_data["receipt"])
        except Refused as refusal:
            form.add_error(None, refusal.message)
            return render(request, "reports/lookup.html", {"form": form}, status=refusal.status)
        if report is not None:
            return _status_page(request, report, form.cleaned_data["receipt"])
        form.add_error(None, _("No encontramos una denuncia con ese código. Revise los 16 dígitos."))
        return render(request, "reports/lookup.html", {"form": form}, status=404)
    return render(request, "reports/lookup.html", {"form": form}, status=400 if form.errors else 200)


def _reporter_action(request, form_class, act):
    form = form_class(request.POST, request.FILES)
    receipt = form.data.get("receipt", "")
    if not form.is_valid() and "receipt" in form.errors:
        return redirect("reports:lookup")
    try:
        report = _find(request, services.receipt_normalize(receipt) or "")
    except Refused as refusal:
        return render(request, "reports/lookup.html", {"form": LookupForm(), "refusal": refusal}, status=429)
    if report is None:
        return render(
            request,
            "reports/lookup.html",
            {
                "form": LookupForm(),
                "refusal": Refused("not_found", _("No encontramos una denuncia con ese código."), 400),
            },
            status=404,
        )
    code = form.data["receipt"]
    if form.is_valid():
        try:
            notice = act(report, form.cleaned_data)
        except Refused as refusal:
            form.add_error(None, refusal.message)
        else:
            messages.success(request, notice)
            report.refresh_from_db()
            return _status_page(request, report, services.receipt_normalize(code))
    kwargs = {
        ReporterMessageForm: {"message_form": form},
        SurveyForm: {"survey_form": form},
    }.get(form_class, {"withdraw_form": form})
    return _status_page(request, report, services.receipt_normalize(code), status=400, **kwargs)


@reporter_page
@require_POST
@sensitive_post_parameters()
@sensitive_variables()
def reporter_message(request):
    def act(report, data):
        services.reporter_message(report=report, body=data["body"], attachments=data["attachments"])
        return _("Su mensaje quedó en la denuncia. La Oficina de Transparencia lo verá.")

    return _reporter_action(request, ReporterMessageForm, act)


@reporter_page
@require_POST
@sensitive_post_parameters()
@sensitive_variables()
def reporter_withdraw(request):
    def act(report, data):
        services.reporter_withdraw(report=report)
        return _("Usted desistió de la denuncia. Queda registrada, pero ya no se tramita.")

    return _reporter_action(request, WithdrawForm, act)


@reporter_page
@require_POST
@sensitive_post_parameters()
@sensitive_variables()
def reporter_survey(request):
    def act(report, data):
        services.outcome_survey_answer(
            report=report, satisfaction=data["satisfaction"], would_report_again=data["would_report_again"]
        )
        return _("Gracias por responder. Sus respuestas solo se usan en las estadísticas, sin su denuncia.")

    return _reporter_action(request, SurveyForm, act)


@reporter_page
@require_POST
@sensitive_post_parameters()
@sensitive_variables()
def reporter_attachment(request):
    """A file of the conversation, for the holder of the receipt (POSTed, never in an address)."""
    form = LookupForm(request.POST)
    if not form.is_valid():
        return redirect("reports:lookup")
    try:
        report = _find(request, form.cleaned_data["receipt"])
    except Refused as refusal:
        return render(request, "reports/lookup.html", {"form": LookupForm(), "refusal": refusal}, status=429)
    item = None
    if report is not None and request.POST.get("attachment", "").isdigit():
        # Files of the handlers' internal notes are never the reporter's to read.
        item = (
            Attachment.objects.filter(report=report, pk=int(request.POST["attachment"]))
            .exclude(message__internal=True)
            .first()
        )
    if item is None:
        raise Http404
    # The reporter gets back what was sent; images, as the copy without metadata when there is one.
    data = files.load(item.clean_name or item.stored_name)
    content_type = "image/png" if item.clean_name else item.content_type
    response = HttpResponse(data, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="adjunto-{item.pk}"'
    response["X-Content-Type-Options"] = "nosniff"
    return response


@reports_statistics_page
def statistics(request):
    months = selectors.monthly_statistics()
    total, years = selectors.channel_statistics()
    chart, charted, summary = month_chart(months)
    return render(
        request,
        "reports/statistics.html",
        {
            **figures_context(total, years),
            "months": months,
            "month_chart": chart,
            "charted_months": charted,
            "month_summary": summary,
            "categories": Report._meta.get_field("category").choices,
            "can_handle": rules.can_handle(request.user),
            "can_supervise": rules.can_supervise(request.user),
        },
    )


@reports_statistics_page
def semiannual(request):
    return render(request, "reports/semiannual.html", {"halves": selectors.semiannual_statistics()})


# The handlers' side


def _handler_only(view):
    @functools.wraps(view)
    @login_required
    def wrapper(request, *args, **kwargs):
        if not rules.can_handle(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    # Handlers post forms with their session: the Origin header must reach the CSRF check,
    # so the referrer goes to this site only, never to another.
    return private(wrapper, referrer_policy="same-origin")


@_handler_only
def dashboard(request):
    status = request.GET.get("estado", "")
    if status not in Status.values:
        status = ""
    reports = list(selectors.dashboard_reports(request.user, status=status)[:500])
    counts = selectors.status_counts()
    today = selectors.today()
    return render(
        request,
        "reports/dashboard.html",
        {
            "reports": reports,
            "counts": [(value, label, counts[value]) for value, label in Status.choices],
            "status": status,
            "today": today,
            "soon": selectors.due_soon_limit(today),
        },
    )


def _access(request, pk: int, action=AuditAction.VIEW) -> Report:
    try:
        return selectors.access_report(request.user, pk, action)
    except Report.DoesNotExist as missing:
        raise Http404 from missing


def _handle_page(request, report: Report, status=200, **forms):
    context = {
        "report": report,
        "history": report.status_changes.select_related("by"),
        "conversation": report.messages.select_related("handler").prefetch_related("attachments"),
        "attachments": report.attachments.filter(message__isnull=True),
        "assign_form": forms.get("assign_form") or AssignForm(initial={"handler": report.assigned_to_id}),
        "status_form": forms.get("status_form") or StatusForm(allowed=HANDLER_FLOW.get(report.status, ())),
        "extend_form": forms.get("extend_form") or ExtendForm(initial={"days": report.term_days}),
        "write_form": forms.get("write_form") or WriteForm(),
        "forward_by": services.forward_by(report),
        "can_extend": not report.extension_days and report.status in (Status.RECEIVED, Status.IN_REVIEW),
        "today": selectors.today(),
        **_follow_up_context(report, forms),
    }
    return render(request, "reports/handle.html", context, status=status)


def _follow_up_context(report: Report, forms: dict) -> dict:
    outcome = Outcome.objects.filter(report=report).first()
    failed_stage = forms.get("stage_form")
    referrals = list(report.referrals.select_related("created_by"))
    for referral in referrals:
        if failed_stage is not None and failed_stage.prefix == f"remision-{referral.pk}":
            referral.stage_form = failed_stage
        else:
            referral.stage_form = ReferralStageForm(referral=referral)
    if outcome is not None:
        initial = {
            "decision": outcome.decision,
            "decided_on": outcome.decided_on,
            "authority": outcome.authority,
            "other_authority": outcome.other_authority,
            "summary": outcome.summary,
        }
    else:
        initial = {"decided_on": selectors.today()}
    return {
        "referrals": referrals,
        "outcome": outcome,
        "can_follow_up": report.status != Status.WITHDRAWN,
        "referral_form": forms.get("referral_form")
        or ReferralForm(initial={"referred_on": selectors.today()}),
        "outcome_form": forms.get("outcome_form") or OutcomeForm(initial=initial),
    }


@_handler_only
def handle(request, pk: int):
    return _handle_page(request, _access(request, pk))


def _handler_action(request, pk, form_name, form, audit_action, act, done):
    report = _access(request, pk, audit_action)
    if form.is_valid():
        try:
            act(report, form.cleaned_data)
        except Refused as refusal:
            form.add_error(None, refusal.message)
        else:
            messages.success(request, done)
            return redirect("reports:handle", pk=pk)
    report.refresh_from_db()
    return _handle_page(request, report, status=400, **{form_name: form})


@_handler_only
@require_POST
def assign(request, pk: int):
    def act(report, data):
        services.report_assign(report=report, by=request.user, handler=data["handler"])

    return _handler_action(
        request, pk, "assign_form", AssignForm(request.POST), AuditAction.VIEW, act, _("Asignación guardada.")
    )


@_handler_only
@require_POST
def change_status(request, pk: int):
    def act(report, data):
        services.report_change_status(
            report=report,
            by=request.user,
            to_status=data["to_status"],
            reason=data["reason"],
            authority=data["authority"],
        )

    current = Report.objects.filter(pk=pk).values_list("status", flat=True).first()
    form = StatusForm(request.POST, allowed=HANDLER_FLOW.get(current, ()))
    return _handler_action(request, pk, "status_form", form, AuditAction.VIEW, act, _("Estado cambiado."))


@_handler_only
@require_POST
def extend(request, pk: int):
    def act(report, data):
        services.report_extend(report=report, by=request.user, days=data["days"], reason=data["reason"])

    return _handler_action(
        request, pk, "extend_form", ExtendForm(request.POST), AuditAction.VIEW, act, _("Término prorrogado.")
    )


@_handler_only
@require_POST
def write(request, pk: int):
    def act(report, data):
        services.report_write(
            report=report,
            by=request.user,
            body=data["body"],
            internal=data["internal"],
            attachments=data["attachments"],
        )

    return _handler_action(
        request,
        pk,
        "write_form",
        WriteForm(request.POST, request.FILES),
        AuditAction.VIEW,
        act,
        _("Mensaje guardado."),
    )


@_handler_only
@require_POST
def refer(request, pk: int):
    def act(report, data):
        services.referral_create(report=report, by=request.user, **data)

    return _handler_action(
        request,
        pk,
        "referral_form",
        ReferralForm(request.POST),
        AuditAction.VIEW,
        act,
        _("Remisión guardada."),
    )


@_handler_only
@require_POST
def referral_stage(request, pk: int, referral_id: int):
    referral = Referral.objects.filter(report_id=pk, pk=referral_id).first()
    if referral is None:
        raise Http404

    def act(report, data):
        services.referral_update(
            referral=referral,
            by=request.user,
            stage=data["stage"],
            updated_on=data["updated_on"],
            case_reference=data["case_reference"],
        )

    form = ReferralStageForm(request.POST, prefix=f"remision-{referral.pk}")
    return _handler_action(request, pk, "stage_form", form, AuditAction.VIEW, act, _("Remisión actualizada."))


@_handler_only
@require_POST
def decide(request, pk: int):
    def act(report, data):
        services.outcome_record(report=report, by=request.user, **data)

    return _handler_action(
        request, pk, "outcome_form", OutcomeForm(request.POST), AuditAction.VIEW, act, _("Decisión guardada.")
    )


@_handler_only
@sensitive_post_parameters()
@sensitive_variables()
def record(request):
    """A report received by phone, in person, by letter or by e-mail, with a printable receipt."""
    if request.method == "POST":
        form = StaffReportForm(request.POST, request.FILES)
        if form.is_valid():
            data = dict(form.cleaned_data)
            try:
                report, receipt = services.report_record(by=request.user, **data)
            except Refused as refusal:
                form.add_error(None, refusal.message)
            else:
                return render(
                    request,
                    "reports/receipt_print.html",
                    {
                        "receipt": services.receipt_format(receipt),
                        "report": report,
                        "lookup_path": reverse("reports:lookup"),
                    },
                    status=201,
                )
        status = 400
    else:
        form = StaffReportForm(initial={"received_on": selectors.today()})
        status = 200
    return render(request, "reports/record.html", {"form": form}, status=status)


@_handler_only
def attachment(request, pk: int, attachment_id: int):
    """The copy without metadata by default; the original only when asked for, and audited so."""
    original = request.GET.get("original") == "1"
    report = _access(request, pk, AuditAction.VIEW_ORIGINAL if original else AuditAction.VIEW_ATTACHMENT)
    item = Attachment.objects.filter(report=report, pk=attachment_id).first()
    if item is None:
        raise Http404
    if item.clean_name and not original:
        data, content_type, name = files.load(item.clean_name), "image/png", f"adjunto-{item.pk}.png"
    else:
        data, content_type, name = files.load(item.stored_name), item.content_type, f"adjunto-{item.pk}"
    response = HttpResponse(data, content_type=content_type)
    disposition = (
        "inline" if content_type.startswith("image/") or content_type == "application/pdf" else "attachment"
    )
    response["Content-Disposition"] = f'{disposition}; filename="{name}"'
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = (
        "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox"
    )
    return response


@login_required
@private(referrer_policy="same-origin")
def audit_log(request):
    try:
        entries = selectors.audit_log(request.user)
    except PermissionDenied:
        raise
    from django.core.paginator import Paginator

    page = Paginator(entries, 100).get_page(request.GET.get("pagina"))
    return render(request, "reports/audit_log.html", {"page_obj": page, "entries": page.object_list})


def _statistics_rows() -> list[dict]:
    from reports.models import Category

    rows = []
    for month in selectors.monthly_statistics():
        row = {"periodo": month.month.strftime("%Y-%m"), "recibidas": month.received}
        row.update(
            {f"tema_{value}": n for value, n in zip(Category.values, month.category_counts, strict=True)}
        )
        row.update(
            {
                "respondidas": month.responded,
                "respondidas_en_termino": month.in_term,
                "porcentaje_en_termino": month.in_term_share,
                "promedio_dias_habiles": month.average_days,
            }
        )
        rows.append(row)
    return rows


@reports_statistics_page
def statistics_csv(request):
    import csv

    from reports.models import Category

    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="denuncias-estadisticas.csv"'
    header = [
        "periodo",
        "recibidas",
        *(f"tema_{value}" for value in Category.values),
        "respondidas",
        "respondidas_en_termino",
        "porcentaje_en_termino",
        "promedio_dias_habiles",
    ]
    writer = csv.DictWriter(response, fieldnames=header)
    writer.writeheader()
    for row in _statistics_rows():
        writer.writerow({key: "" if value is None else value for key, value in row.items()})
    return response


@reports_statistics_page
def statistics_json(request):
    from django.http import JsonResponse

    return JsonResponse({"estadisticas": _statistics_rows()}, json_dumps_params={"ensure_ascii": False})


def figures_context(total, years) -> dict:
    """The public figures as rows for the tables, and the charts beside them."""
    from observatory.chart import Bar, build_bars

    def breakdown(title, name, choices):
        rows = [
            {"value": value, "label": label, "count": n} for value, label, n in total.breakdown(name, choices)
        ]
        kept_back = f"< {selectors.SMALL_CELL}"
        chart = build_bars(
            [
                Bar(label=row["label"], value=row["count"], text=kept_back, hatched=True)
                if row["count"] is None
                else Bar(label=row["label"], value=row["count"])
                for row in rows
            ],
            integer=True,
        )
        return (title, name, rows, chart)

    return {
        "total": total,
        "years": years,
        "breakdowns": [
            breakdown(_("Por estado"), "status", Status.choices),
            breakdown(_("Por tema"), "category", Report._meta.get_field("category").choices),
            breakdown(_("Por canal"), "channel", Channel.choices),
            breakdown(_("Por decisión de las autoridades"), "decision", Decision.choices),
        ],
        "authorities": Authority.choices,
        "year_chart": _year_chart(years),
        "small_cell": selectors.SMALL_CELL,
    }


def _year_chart(years):
    """Reports received per year (the observatory's accessible SVG chart); years with fewer
    than five are left out of the line, as they are hidden in the table."""
    from decimal import Decimal

    from observatory.chart import build_chart

    if len(years) < 2:
        return None
    periods = [str(year.year) for year in reversed(years)]
    received = {str(y.year): Decimal(y.received) for y in years if y.received_shown is not None}
    return build_chart(periods, [(str(_("Denuncias recibidas")), received)], {}, "")


MONTHS_CHARTED = 24


def month_chart(months: list[selectors.MonthStats], today=None):
    """The last 24 months (months without reports as 0), each column the reports received that
    month: answered or forwarded within the term, after it, or not (yet). The same counts as the
    monthly table; none of them is a new figure."""
    from observatory.chart import build_columns

    if not months:
        return None, [], ""
    by_month = {month.month: month for month in months}
    last = (today or selectors.today()).replace(day=1)
    first = max(min(by_month), _months_before(last, MONTHS_CHARTED - 1))
    rows, month = [], first
    while month <= last:
        rows.append(by_month.get(month) or selectors.MonthStats(month=month))
        month = _months_before(month, -1)
    series = [
        (_("Respondidas o trasladadas dentro del término"), lambda m: m.in_term),
        (_("Respondidas o trasladadas fuera del término"), lambda m: m.late),
        (_("Sin respuesta ni traslado"), lambda m: m.unanswered),
    ]
    chart = build_columns(
        [f"{m.month:%Y-%m}" for m in rows],
        [(str(name), {f"{m.month:%Y-%m}": count(m) for m in rows}) for name, count in series],
    )
    return chart, list(reversed(rows)), _month_summary(rows)


def _month_summary(rows: list[selectors.MonthStats]) -> str:
    from observatory.periods import period_label

    received = sum(m.received for m in rows)
    in_term = sum(m.in_term for m in rows)
    late = sum(m.late for m in rows)
    busiest = max(rows, key=lambda m: (m.received, m.month))
    return ngettext(
        "De %(first)s a %(last)s: %(received)s denuncia recibida; %(in_term)s respondidas o "
        "trasladadas dentro del término, %(late)s fuera del término y %(open)s sin respuesta ni "
        "traslado. El mes con más denuncias: %(busiest)s (%(most)s).",
        "De %(first)s a %(last)s: %(received)s denuncias recibidas; %(in_term)s respondidas o "
        "trasladadas dentro del término, %(late)s fuera del término y %(open)s sin respuesta ni "
        "traslado. El mes con más denuncias: %(busiest)s (%(most)s).",
        received,
    ) % {
        "first": period_label(f"{rows[0].month:%Y-%m}"),
        "last": period_label(f"{rows[-1].month:%Y-%m}"),
        "received": received,
        "in_term": in_term,
        "late": late,
        "open": received - in_term - late,
        "busiest": period_label(f"{busiest.month:%Y-%m}"),
        "most": busiest.received,
    }


def _months_before(month, count: int):
    year, index = divmod(month.year * 12 + month.month - 1 - count, 12)
    return month.replace(year=year, month=index + 1, day=1)


def _figures_row(figures) -> dict:
    data = figures.as_json()
    row = {"anio": data["year"], "recibidas": data["received"]}
    for name in ("status", "category", "channel", "decision"):
        row.update({f"{name}_{value}": n for value, n in data[name].items()})
    row.update(
        {
            "porcentaje_en_termino": data["answered_on_time_pct"],
            "mediana_dias_habiles_primera_respuesta": data["median_business_days_to_first_answer"],
            "mediana_dias_habiles_decision": data["median_business_days_to_decision"],
            "encuestas": data["satisfaction"]["answers"],
            "porcentaje_satisfechos": data["satisfaction"]["satisfied_pct"],
            "satisfaccion_promedio": data["satisfaction"]["average"],
        }
    )
    return row


@reports_statistics_page
def figures_csv(request):
    """The yearly figures for machines; an empty count is one from 1 to 4, hidden."""
    import csv

    _total, years = selectors.channel_statistics()
    rows = [_figures_row(year) for year in years]
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="denuncias-cifras-anuales.csv"'
    header = list(_figures_row(selectors.ChannelFigures(year=0)).keys())
    writer = csv.DictWriter(response, fieldnames=header)
    writer.writeheader()
    for row in rows:
        writer.writerow({key: "" if value is None else value for key, value in row.items()})
    return response
