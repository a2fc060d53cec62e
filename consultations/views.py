"""Views behind a consultation page's routes: the draft with its comments, commenting,
answering and hiding, and the global report as HTML, CSV and PDF."""

import csv
from collections import defaultdict

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _

from consultations import selectors, services
from consultations.forms import AnswerForm, CommentForm, HideForm
from consultations.models import (
    CONSULTATIONS,
    ConsultationComment,
    ConsultationPage,
    ConsultationSection,
    ConsultationStatus,
    Stance,
)
from consultations.selectors import consultation_cards
from core import page_cache, page_views
from core.markdown import render_markdown
from core.refusals import Refused, passes

STANCE_PARAM = "postura"


def _answers_visible(request, page: ConsultationPage) -> bool:
    return page.report_published_at is not None or passes(services.check_can_answer, request.user, page)


def consultation_detail(
    request, page: ConsultationPage, *, bound: CommentForm | None = None, status: int = 200
):
    stance = request.GET.get(STANCE_PARAM)
    stance = stance if stance in Stance.values else None
    sections = selectors.sections_with_counts(page)
    by_section = defaultdict(list)
    for comment in selectors.page_comments(page, stance=stance):
        by_section[comment.section_id].append(comment)
    can_comment = passes(services.check_can_comment, request.user, page)
    for section in sections:
        section.text_html = render_markdown(section.text)
        section.shown_comments = by_section[section.pk]
        for comment in section.shown_comments:
            if comment.proposed_text and not comment.hidden:
                comment.diff_html = services.wording_diff_html(section.text, comment.proposed_text)
        if can_comment:
            section.form = (
                bound
                if bound is not None and bound.section.pk == section.pk
                else CommentForm(user=request.user, section=section)
            )
    context = {
        "page": page,
        "self": page,
        "sections": sections,
        "stance": stance,
        "stances": Stance.choices,
        "stance_param": STANCE_PARAM,
        "can_comment": can_comment,
        "comment_refusal": _comment_refusal(request, page),
        "can_answer": passes(services.check_can_answer, request.user, page),
        "can_moderate": passes(services.check_can_moderate, request.user),
        "answers_visible": _answers_visible(request, page),
        "total_comments": sum(section.comment_count for section in sections),
        "attachments": page.attachments.select_related("document").all(),
        "statuses": ConsultationStatus,
    }
    return TemplateResponse(request, "consultations/consultation_page.html", context, status=status)


def _comment_refusal(request, page: ConsultationPage) -> str:
    try:
        services.check_can_comment(request.user, page)
    except Refused as refusal:
        return refusal.message
    return ""


def _section_of(page: ConsultationPage, section_id: int) -> ConsultationSection:
    return get_object_or_404(ConsultationSection.objects.select_related("page"), pk=section_id, page=page)


def _comment_of(page: ConsultationPage, comment_id: int) -> ConsultationComment:
    return get_object_or_404(
        ConsultationComment.objects.select_related("section", "section__page", "author", "answer"),
        pk=comment_id,
        section__page=page,
    )


def comment_create(request, page: ConsultationPage, section_id: int):
    section = _section_of(page, section_id)
    if request.method != "POST":
        return redirect(f"{page.url}#seccion-{section.pk}")
    if not request.user.is_authenticated:
        return redirect_to_login(f"{page.url}#seccion-{section.pk}")
    form = CommentForm(request.POST, user=request.user, section=section)
    if not form.is_valid():
        messages.error(request, _("Revise su observación: hay campos por corregir."))
        return consultation_detail(request, page, bound=form, status=400)
    try:
        comment = services.comment_create(
            author=request.user,
            section=section,
            stance=form.cleaned_data["stance"],
            body=form.cleaned_data["body"],
            proposed_text=form.cleaned_data["proposed_text"],
            organization=form.cleaned_data.get("organization"),
        )
    except Refused as refusal:
        messages.error(request, refusal.message)
        if refusal.status == 400:
            return consultation_detail(request, page, bound=form, status=400)
        return redirect(f"{page.url}#seccion-{section.pk}")
    messages.success(request, _("Su observación quedó publicada. La dependencia responsable la responderá."))
    return redirect(f"{page.url}#observacion-{comment.pk}")


def comment_answer(request, page: ConsultationPage, comment_id: int):
    comment = _comment_of(page, comment_id)
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    try:
        services.check_can_answer(request.user, page)
    except Refused as refusal:
        messages.error(request, refusal.message)
        return redirect(f"{page.url}#observacion-{comment.pk}")
    answer = getattr(comment, "answer", None)
    initial = {"decision": answer.decision, "body": answer.body} if answer else None
    form = AnswerForm(request.POST or None, initial=initial)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                services.comment_answer(
                    comment=comment,
                    by=request.user,
                    decision=form.cleaned_data["decision"],
                    body=form.cleaned_data["body"],
                )
            except Refused as refusal:
                form.add_error(None, refusal.message)
            else:
                messages.success(request, _("La respuesta quedó guardada."))
                return redirect(f"{page.url}#observacion-{comment.pk}")
        status = 400
    context = {
        "page": page,
        "self": page,
        "comment": comment,
        "form": form,
        "diff_html": services.wording_diff_html(comment.section.text, comment.proposed_text)
        if comment.proposed_text
        else "",
    }
    return TemplateResponse(request, "consultations/answer.html", context, status=status)


def comment_hide(request, page: ConsultationPage, comment_id: int):
    comment = _comment_of(page, comment_id)
    if request.method != "POST":
        return redirect(f"{page.url}#observacion-{comment.pk}")
    if not request.user.is_authenticated:
        return redirect_to_login(page.url)
    form = HideForm(request.POST)
    try:
        if request.POST.get("action") == "unhide":
            services.comment_unhide(comment=comment, by=request.user)
            messages.success(request, _("La observación volvió a publicarse."))
        else:
            services.comment_hide(comment=comment, by=request.user, reason=form.data.get("reason", ""))
            messages.success(request, _("La observación quedó oculta con su motivo público."))
    except Refused as refusal:
        messages.error(request, refusal.message)
    return redirect(f"{page.url}#observacion-{comment.pk}")


def _report_or_404(request, page: ConsultationPage, *, preview: bool = False):
    if page.report_published_at is None and not (preview and _answers_visible(request, page)):
        raise Http404(_("El informe de esta consulta aún no se ha publicado."))
    rows = selectors.report_sections(page)
    return rows, selectors.report_totals(rows)


def report(request, page: ConsultationPage):
    rows, totals = _report_or_404(request, page, preview=True)
    for row in rows:
        for comment in row.comments:
            if comment.proposed_text and not comment.hidden:
                comment.diff_html = services.wording_diff_html(row.section.text, comment.proposed_text)
    context = {
        "page": page,
        "self": page,
        "rows": rows,
        "totals": totals,
        "can_publish": passes(services.check_can_publish_report, request.user, page),
        "can_answer": passes(services.check_can_answer, request.user, page),
    }
    return TemplateResponse(request, "consultations/report.html", context)


REPORT_CSV_COLUMNS = [
    "consulta",
    "seccion_numero",
    "seccion_titulo",
    "observacion_id",
    "fecha",
    "autor",
    "organizacion",
    "postura",
    "observacion",
    "redaccion_propuesta",
    "decision",
    "respuesta",
    "dependencia",
    "respondida_el",
]


def report_csv(request, page: ConsultationPage):
    rows, _totals = _report_or_404(request, page)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="informe-{page.slug}.csv"'
    writer = csv.writer(response)
    writer.writerow(REPORT_CSV_COLUMNS)
    for row in rows:
        for comment in row.comments:
            answer = getattr(comment, "answer", None)
            hidden = comment.hidden
            writer.writerow(
                [
                    page.title,
                    row.section.number,
                    row.section.heading,
                    comment.pk,
                    timezone.localtime(comment.created_at).isoformat(),
                    comment.author.public_name,
                    comment.organization.name if comment.organization else "",
                    comment.stance,
                    _("Ocultada por moderación: %(reason)s") % {"reason": comment.hidden_reason}
                    if hidden
                    else comment.body,
                    "" if hidden else comment.proposed_text,
                    answer.decision if answer else "",
                    answer.body if answer else "",
                    answer.office.name if answer else "",
                    timezone.localtime(answer.answered_at).isoformat() if answer else "",
                ]
            )
    return response


def report_pdf(request, page: ConsultationPage):
    from consultations.pdf import report_pdf_bytes

    rows, totals = _report_or_404(request, page)
    response = HttpResponse(report_pdf_bytes(page, rows, totals), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="informe-{page.slug}.pdf"'
    return response


def report_publish(request, page: ConsultationPage):
    if request.method != "POST":
        return redirect(page.url + "informe/")
    if not request.user.is_authenticated:
        return redirect_to_login(page.url + "informe/")
    try:
        services.consultation_report_publish(page=page, by=request.user)
    except Refused as refusal:
        messages.error(request, refusal.message)
        return redirect(page.url + "informe/")
    messages.success(request, _("El informe quedó publicado y se avisó a quienes participaron."))
    return redirect(page.url + "informe/")


@page_cache.cached(CONSULTATIONS)
def report_download(request, page_path: str, fmt: str):
    """`<consultation URL>informe.csv` and `informe.pdf`: Wagtail only serves paths that end in a
    slash, so these come through a URL of their own that finds the page by its path."""
    from wagtail.models import Site

    site = Site.find_for_request(request)
    if site is None:
        raise Http404
    components = [component for component in page_path.split("/") if component]
    page, _args, _kwargs = site.root_page.localized.specific.route(request, components)
    page = page.specific
    if (
        not isinstance(page, ConsultationPage)
        or not ConsultationPage.objects.live().public().filter(pk=page.pk).exists()
    ):
        raise Http404
    return report_csv(request, page) if fmt == "csv" else report_pdf(request, page)


# The routes of ConsultationPage and the list on ConsultationIndexPage (core.page_views).
page_views.register("consultations.ConsultationPage")(consultation_detail)
page_views.register("consultations.ConsultationPage", "comment")(comment_create)
page_views.register("consultations.ConsultationPage", "answer")(comment_answer)
page_views.register("consultations.ConsultationPage", "hide")(comment_hide)
page_views.register("consultations.ConsultationPage", "report")(report)
page_views.register("consultations.ConsultationPage", "publish_report")(report_publish)


@page_views.register_context("consultations.ConsultationIndexPage")
def consultation_index_context(index, request) -> dict:
    return {"consultations": consultation_cards(parent=index)}
