"""Views of moderation: report an idea or a comment, the moderators' queue and decisions, the log.

"Who may" is `ideas.moderate_idea` (ideas/rules.py), checked here on the content's idea; the
services keep the invariants and say why they refuse."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from core.refusals import Refused
from ideas import moderation_selectors as selectors
from ideas import services
from ideas.models import Comment, Flag, FlagReason, Idea, ModerationAction, ModerationLog

QUEUE_PAGE_SIZE = 25
LOG_PAGE_SIZE = 50


class FlagForm(forms.Form):
    reason = forms.ChoiceField(
        label=gettext_lazy("¿Por qué reporta este contenido?"),
        choices=FlagReason.choices,
        widget=forms.RadioSelect,
        error_messages={"required": gettext_lazy("Elija el motivo del reporte.")},
    )
    detail = forms.CharField(
        label=gettext_lazy("Detalle"),
        required=False,
        max_length=services.FLAG_DETAIL_MAX,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=gettext_lazy(
            "Opcional, salvo si elige «Otro motivo». Solo lo lee el equipo de moderación; "
            "no escriba datos personales."
        ),
    )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("reason") == FlagReason.OTHER and not (cleaned.get("detail") or "").strip():
            self.add_error("detail", _("Cuéntenos brevemente por qué reporta este contenido."))
        return cleaned


def _safe_next(request) -> str:
    next_url = request.POST.get("next") or request.GET.get("next") or ""
    if next_url and url_has_allowed_host_and_scheme(
        next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return next_url
    return ""


def _require_moderation(user, idea: Idea) -> None:
    if not user.has_perm("ideas.moderate_idea", idea):
        raise PermissionDenied(_("Usted no tiene permiso para moderar este contenido."))


def _moderated_challenges(user) -> list[int] | None:
    challenge_ids = selectors.moderated_challenge_ids(user)
    if challenge_ids == []:
        raise PermissionDenied(
            _("Esta página es solo para el equipo de moderación y las entidades co-líderes.")
        )
    return challenge_ids


# Reporting -----------------------------------------------------------------------------


@login_required
def flag_idea(request, pk: int):
    idea = get_object_or_404(Idea.objects.select_related("challenge", "author"), pk=pk)
    return _flag(request, idea=idea, comment=None, back=idea.get_absolute_url())


@login_required
def flag_comment(request, pk: int):
    comment = get_object_or_404(Comment.objects.select_related("idea__challenge", "author"), pk=pk)
    return _flag(request, idea=None, comment=comment, back=services.comment_url(comment))


def _flag(request, *, idea: Idea | None, comment: Comment | None, back: str):
    """GET shows the form (a page of its own, so that a link is enough on the idea's page);
    POST files the report and goes back to the content."""
    back = _safe_next(request) or back
    status = 200
    if request.method == "POST":
        form = FlagForm(request.POST)
        if form.is_valid():
            try:
                services.flag_create(
                    reporter=request.user,
                    idea=idea,
                    comment=comment,
                    reason=form.cleaned_data["reason"],
                    detail=form.cleaned_data["detail"],
                )
            except Refused as refusal:
                messages.error(request, refusal.message)
            else:
                messages.success(
                    request, _("Gracias. Su reporte llegó al equipo de moderación, que lo revisará pronto.")
                )
            return redirect(back)
        status = 400
    else:
        form = FlagForm()
    return render(
        request,
        "ideas/moderation_flag.html",
        {
            "form": form,
            "idea": idea or comment.idea,
            "comment": comment,
            "back": back,
            "action": request.path,
        },
        status=status,
    )


# The queue and decisions ------------------------------------------------------------------


@login_required
def moderation_queue(request):
    challenge_ids = _moderated_challenges(request.user)
    page = Paginator(selectors.open_flags(challenge_ids=challenge_ids), QUEUE_PAGE_SIZE).get_page(
        request.GET.get("pagina")
    )
    return render(
        request,
        "ideas/moderation_queue.html",
        {"page_obj": page, "groups": page.object_list, "all_challenges": challenge_ids is None},
    )


@login_required
@require_POST
def moderation_decide(request, pk: int):
    flag = get_object_or_404(
        Flag.objects.select_related("idea__challenge", "comment__idea__challenge"), pk=pk
    )
    _require_moderation(request.user, flag.target_idea)
    decision = request.POST.get("decision", "")
    try:
        services.flag_decide(
            moderator=request.user, flag=flag, decision=decision, reason=request.POST.get("reason", "")
        )
    except Refused as refusal:
        messages.error(request, refusal.message)
    else:
        if decision == "hide":
            messages.success(
                request,
                _("Contenido ocultado. En su lugar se muestra el motivo; quien lo publicó recibió un aviso."),
            )
        else:
            messages.success(request, _("Reporte descartado: el contenido sigue visible."))
    return redirect(_safe_next(request) or "ideas:moderation_queue")


@login_required
def moderation_log(request):
    challenge_ids = _moderated_challenges(request.user)
    page = Paginator(selectors.moderation_log(challenge_ids=challenge_ids), LOG_PAGE_SIZE).get_page(
        request.GET.get("pagina")
    )
    return render(
        request,
        "ideas/moderation_log.html",
        {"page_obj": page, "entries": page.object_list, "HIDE": ModerationAction.HIDE},
    )


@login_required
@require_POST
def moderation_unhide(request, pk: int):
    """Undo a hide made by mistake, from its entry in the log."""
    entry = get_object_or_404(
        ModerationLog.objects.select_related("idea__challenge", "comment__idea__challenge"), pk=pk
    )
    target_idea = entry.idea if entry.idea_id else entry.comment.idea
    _require_moderation(request.user, target_idea)
    if entry.action != ModerationAction.HIDE:
        messages.error(request, _("Solo se puede deshacer una decisión de ocultar."))
        return redirect("ideas:moderation_log")
    try:
        services.content_unhide(
            moderator=request.user,
            idea=entry.idea,
            comment=entry.comment,
            reason=request.POST.get("reason", ""),
        )
    except Refused as refusal:
        messages.error(request, refusal.message)
    else:
        messages.success(request, _("El contenido se volvió a mostrar; quien lo publicó recibió un aviso."))
    return redirect("ideas:moderation_log")
