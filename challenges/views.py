"""Views of the challenges app outside the page tree: follow and unfollow a challenge."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from challenges import services
from challenges.models import ChallengePage
from core.refusals import Refused


def _back(request, challenge: ChallengePage):
    next_url = request.POST.get("next", "")
    if next_url and url_has_allowed_host_and_scheme(
        next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return redirect(next_url)
    return redirect(challenge.get_url(request) or "/")


@login_required
@require_POST
def follow(request, pk: int):
    challenge = get_object_or_404(ChallengePage.objects.live(), pk=pk)
    try:
        _follow, created = services.challenge_follow(user=request.user, challenge=challenge)
    except Refused as refusal:
        messages.error(request, refusal.message)
    else:
        if created:
            messages.success(
                request,
                _("Ahora sigue el reto «%(title)s». Le avisaremos cuando cambie de fase.")
                % {"title": challenge.title},
            )
        else:
            messages.info(request, _("Usted ya sigue el reto «%(title)s».") % {"title": challenge.title})
    return _back(request, challenge)


@login_required
@require_POST
def unfollow(request, pk: int):
    challenge = get_object_or_404(ChallengePage.objects.live(), pk=pk)
    if services.challenge_unfollow(user=request.user, challenge=challenge):
        messages.success(request, _("Dejó de seguir el reto «%(title)s».") % {"title": challenge.title})
    else:
        messages.info(request, _("Usted no seguía el reto «%(title)s».") % {"title": challenge.title})
    return _back(request, challenge)
