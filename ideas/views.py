"""Views of the participation loop: an idea's page, proposing, supporting, commenting, following,
deciding."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from challenges.models import ChallengePage, Phase
from core import page_cache, page_views, ratelimit
from core.ratelimit import RateLimited
from core.refusals import Refused
from ideas import selectors, services
from ideas.cache import challenge_namespace
from ideas.forms import CommentEditForm, CommentForm, EvaluationForm, IdeaForm, StatusForm
from ideas.models import Comment, Evaluation, Idea


def _refused(request, refusal: Refused, to: str):
    messages.error(request, refusal.message)
    return redirect(to)


def _live_challenge_of(idea: Idea) -> ChallengePage:
    challenge = idea.challenge
    if not challenge.live:
        raise Http404
    return challenge


def idea_detail(request, pk: int):
    try:
        idea = selectors.idea_detail(pk=pk, user=request.user)
    except Idea.DoesNotExist as missing:
        raise Http404 from missing
    challenge = _live_challenge_of(idea)
    milestone = challenge.next_milestone()
    page_cache.shows(request, challenge_namespace(challenge.pk), until=milestone and milestone[1])
    user = request.user
    context = {
        "idea": idea,
        "challenge": challenge,
        "phase": challenge.phase,
        "comments": selectors.comment_tree(idea),
        "comment_form": CommentForm(idea=idea),
        "can_support": user.has_perm("ideas.support_idea", idea),
        "can_comment": user.has_perm("ideas.comment_idea", idea),
        "can_decide": user.has_perm("ideas.decide_idea_status", idea),
        "can_evaluate": user.has_perm("ideas.evaluate_idea", idea) and bool(challenge.criteria.exists()),
        "can_moderate": user.has_perm("ideas.moderate_idea", idea),
        # Personal: only signed-in pages show it, and the page cache never stores those.
        "following": services.is_following_idea(user, idea),
        "status_form": StatusForm(),
        "voting": challenge.phase == Phase.VOTING,
        # What higher floors add to an idea's page (its implementation project).
        **page_views.extra_context(idea, request),
        "supports_left_text": selectors.supports_left_text(
            selectors.supports_left(user, challenge), challenge.support_limit
        ),
    }
    return render(request, "ideas/idea_detail.html", context)


def propose(request, challenge: ChallengePage):
    """Two steps: write, see similar ideas of the same challenge, then confirm (or support one)."""
    if not request.user.is_authenticated:
        return redirect(f"{reverse('account_login')}?next={request.path}")
    try:
        services.check_can_propose(request.user, challenge)
    except Refused as refusal:
        return _refused(request, refusal, challenge.get_url(request))
    similar = []
    if request.method == "POST":
        if request.FILES.get("image"):
            ratelimit.check(request, "idea_image")  # before any picture is decoded
        form = IdeaForm(request.POST, request.FILES, user=request.user)
        if form.is_valid():
            similar = selectors.similar_ideas(challenge=challenge, title=form.cleaned_data["title"])
            if similar and request.POST.get("confirmed") != "1":
                # A browser never sends a file twice: the picture must be chosen again to confirm.
                return challenge.render(
                    request,
                    template="ideas/propose.html",
                    context_overrides={
                        "form": form,
                        "similar": similar,
                        "confirm_step": True,
                        "choose_image_again": form.cleaned_data["image"] is not None,
                    },
                )
            ratelimit.check(request, "idea")
            try:
                idea = services.idea_create(
                    author=request.user,
                    challenge=challenge,
                    title=form.cleaned_data["title"],
                    body=form.cleaned_data["body"],
                    organization=form.cleaned_data.get("organization"),
                    comuna=form.cleaned_data["comuna"],
                    image=form.cleaned_data["image"],
                    image_alt=form.cleaned_data["image_alt"],
                )
            except Refused as refusal:
                form.add_error(None, refusal.message)
            else:
                messages.success(request, _("Su idea quedó publicada. ¡Gracias por participar!"))
                return redirect(idea.get_absolute_url())
    else:
        form = IdeaForm(user=request.user)
    return challenge.render(
        request, template="ideas/propose.html", context_overrides={"form": form, "similar": similar}
    )


def _back_to(request, fallback: str) -> str:
    """The page the form came from (a challenge's list, an idea), if it is on this site."""
    next_url = request.POST.get("next", "")
    if next_url and url_has_allowed_host_and_scheme(next_url, {request.get_host()}, request.is_secure()):
        return next_url
    return fallback


def _wants_json(request) -> bool:
    return "application/json" in request.headers.get("Accept", "")


def _support_action(request, pk: int, action, done_message: str):
    """Support or withdraw. A plain form post comes back to its page; the same form sent by
    site.js (Accept: application/json) gets the new control and the supports left instead."""
    idea = get_object_or_404(Idea.objects.select_related("challenge"), pk=pk)
    back = _back_to(request, idea.get_absolute_url())
    ratelimit.check(request, "support")
    try:
        _idea, changed = action(user=request.user, idea=idea)
    except Refused as refusal:
        if _wants_json(request):
            return JsonResponse({"detail": refusal.message}, status=refusal.status)
        return _refused(request, refusal, back)
    if not _wants_json(request):
        if changed:
            messages.success(request, done_message)
        return redirect(back)
    idea = selectors.idea_detail(pk=pk, user=request.user)
    context = {
        "idea": idea,
        "voting": idea.challenge.phase == Phase.VOTING,
        "can_support": request.user.has_perm("ideas.support_idea", idea),
        "next_url": back,
    }
    left = selectors.supports_left(request.user, idea.challenge)
    return JsonResponse(
        {
            "message": done_message,
            "support_count": idea.support_count,
            "supported_by_me": idea.supported_by_me,
            "supports_left": left,
            "supports_left_text": selectors.supports_left_text(left, idea.challenge.support_limit),
            "html": render_to_string("ideas/includes/support_control.html", context, request=request),
        }
    )


@login_required
@require_POST
def support(request, pk: int):
    return _support_action(request, pk, services.idea_support, _("Usted apoya esta idea."))


@login_required
@require_POST
def withdraw(request, pk: int):
    return _support_action(request, pk, services.idea_withdraw_support, _("Retiró su apoyo a esta idea."))


@require_POST
def comment(request, pk: int):
    """Comment or reply. A plain form post comes back to the idea's page; the same form sent by
    site.js (Accept: application/json) gets the new comment's HTML, or the reason it was refused."""
    idea = get_object_or_404(Idea.objects.select_related("challenge"), pk=pk)
    fetch = _wants_json(request)
    if not request.user.is_authenticated:
        if fetch:
            return JsonResponse({"detail": _("Ingrese para comentar.")}, status=403)
        return redirect_to_login(f"{idea.get_absolute_url()}#comentar")
    form = CommentForm(request.POST, idea=idea)
    if not form.is_valid():
        if "parent" in form.errors:
            message = _("Solo puede responder a comentarios de esta misma idea.")
        else:
            message = _("Escriba su comentario (máximo 3000 caracteres).")
        if fetch:
            return JsonResponse({"detail": message}, status=400)
        messages.error(request, message)
        return redirect(idea.get_absolute_url() + "#comentar")
    try:
        ratelimit.check(request, "comment")
        created = services.comment_create(
            author=request.user, idea=idea, body=form.cleaned_data["body"], parent=form.cleaned_data["parent"]
        )
    except RateLimited as limited:
        if not fetch:
            raise
        response = JsonResponse({"detail": limited.message}, status=429)
        response["Retry-After"] = str(limited.retry_after)
        return response
    except Refused as refusal:
        if fetch:
            return JsonResponse({"detail": refusal.message}, status=refusal.status)
        return _refused(request, refusal, idea.get_absolute_url())
    done = _("Su comentario quedó publicado.")
    if not fetch:
        messages.success(request, done)
        return redirect(f"{idea.get_absolute_url()}#comentario-{created.pk}")
    idea.refresh_from_db(fields=["comment_count"])
    context = {"comment": created, "can_comment": request.user.has_perm("ideas.comment_idea", idea)}
    return JsonResponse(
        {
            "message": done,
            "id": created.pk,
            # Replies to replies sit under the top comment of their thread, as on the page.
            "thread": selectors.comment_thread_root(created).pk,
            "html": f"<li>{render_to_string('ideas/includes/comment.html', context, request=request)}</li>",
            # The heading's own words ("3 comentarios"), for the count above the comments.
            "count_text": ngettext("%(counter)s comentario", "%(counter)s comentarios", idea.comment_count)
            % {"counter": idea.comment_count},
        },
        status=201,
    )


@login_required
@require_POST
def follow(request, pk: int):
    idea = get_object_or_404(Idea.objects.select_related("challenge"), pk=pk)
    _live_challenge_of(idea)
    back = _back_to(request, idea.get_absolute_url())
    try:
        _follow, created = services.idea_follow(user=request.user, idea=idea)
    except Refused as refusal:
        return _refused(request, refusal, back)
    if created:
        messages.success(
            request,
            _("Ahora sigue la idea «%(title)s». Le avisaremos de sus cambios de estado y sus comentarios.")
            % {"title": idea.title},
        )
    else:
        messages.info(request, _("Usted ya sigue la idea «%(title)s».") % {"title": idea.title})
    return redirect(back)


@login_required
@require_POST
def unfollow(request, pk: int):
    idea = get_object_or_404(Idea.objects.select_related("challenge"), pk=pk)
    back = _back_to(request, idea.get_absolute_url())
    if services.idea_unfollow(user=request.user, idea=idea):
        messages.success(request, _("Dejó de seguir la idea «%(title)s».") % {"title": idea.title})
    else:
        messages.info(request, _("Usted no seguía la idea «%(title)s».") % {"title": idea.title})
    return redirect(back)


@login_required
def comment_edit(request, pk: int):
    comment = get_object_or_404(Comment.objects.select_related("idea"), pk=pk)
    if comment.author_id != request.user.pk:
        raise PermissionDenied(_("Solo quien escribió el comentario puede editarlo."))
    if request.method == "POST":
        form = CommentEditForm(request.POST)
        if form.is_valid():
            try:
                services.comment_edit(author=request.user, comment=comment, body=form.cleaned_data["body"])
            except Refused as refusal:
                return _refused(request, refusal, comment.idea.get_absolute_url())
            messages.success(request, _("Su comentario quedó actualizado."))
            return redirect(f"{comment.idea.get_absolute_url()}#comentario-{comment.pk}")
    else:
        form = CommentEditForm(initial={"body": comment.body})
    return render(request, "ideas/comment_edit.html", {"form": form, "comment": comment})


@login_required
@require_POST
def change_status(request, pk: int):
    idea = get_object_or_404(Idea.objects.select_related("challenge"), pk=pk)
    if not request.user.has_perm("ideas.decide_idea_status", idea):
        raise PermissionDenied(_("Solo las entidades co-líderes del reto deciden el estado de sus ideas."))
    form = StatusForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Elija un estado y explique el motivo."))
        return redirect(idea.get_absolute_url())
    try:
        services.idea_change_status(
            idea=idea, by=request.user, status=form.cleaned_data["status"], reason=form.cleaned_data["reason"]
        )
    except Refused as refusal:
        return _refused(request, refusal, idea.get_absolute_url())
    messages.success(request, _("El estado de la idea quedó actualizado."))
    return redirect(idea.get_absolute_url())


@login_required
def evaluate(request, pk: int):
    idea = get_object_or_404(Idea.objects.select_related("challenge"), pk=pk)
    if not request.user.has_perm("ideas.evaluate_idea", idea):
        raise PermissionDenied(_("Solo las entidades co-líderes del reto evalúan sus ideas."))
    criteria = idea.challenge.criteria.all()
    mine = {
        e.criterion_id: (e.score, e.comment)
        for e in Evaluation.objects.filter(idea=idea, evaluator=request.user)
    }
    if request.method == "POST":
        form = EvaluationForm(request.POST, criteria=criteria)
        if form.is_valid():
            try:
                with transaction.atomic():
                    for criterion, score, text in form.scores():
                        services.evaluation_save(
                            evaluator=request.user, idea=idea, criterion=criterion, score=score, comment=text
                        )
            except Refused as refusal:
                return _refused(request, refusal, idea.get_absolute_url())
            messages.success(request, _("Su evaluación quedó guardada."))
            return redirect(idea.get_absolute_url())
    else:
        form = EvaluationForm(criteria=criteria, initial_scores=mine)
    return render(request, "ideas/evaluate.html", {"form": form, "idea": idea})
