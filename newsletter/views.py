"""/boletin/: subscribe (double opt-in), confirm, unsubscribe (one click, RFC 8058); and the
editors' preview, test send and send of an edition."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt

from core import page_cache
from core.refusals import Refused
from newsletter import services
from newsletter.forms import SubscribeForm
from newsletter.models import Edition, Subscriber, SubscriberStatus
from newsletter.selectors import edition_content


@page_cache.cached()  # the form is the same for everyone; each visitor gets a CSRF token of their own
def subscribe(request):
    form = SubscribeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.subscriber_request(email=form.cleaned_data["email"])
        return render(request, "newsletter/check_email.html", {"email": form.cleaned_data["email"]})
    return render(request, "newsletter/subscribe.html", {"form": form}, status=400 if form.errors else 200)


def confirm(request, token: str):
    subscriber = Subscriber.objects.filter(token=token).exclude(status=SubscriberStatus.UNSUBSCRIBED).first()
    if request.method == "POST":
        try:
            services.subscriber_confirm(token=token)
        except Refused:
            subscriber = None
        else:
            return render(request, "newsletter/confirmed.html")
    if subscriber is None:
        return render(request, "newsletter/invalid_link.html", status=404)
    if subscriber.status == SubscriberStatus.CONFIRMED:
        return render(request, "newsletter/confirmed.html")
    return render(request, "newsletter/confirm.html", {"subscriber": subscriber})


@csrf_exempt  # RFC 8058: mail clients POST "List-Unsubscribe=One-Click" without a session or token.
def unsubscribe(request, token: str):
    if request.method == "POST":
        services.subscriber_unsubscribe(token=token)
        return render(request, "newsletter/unsubscribed.html")
    subscriber = Subscriber.objects.filter(token=token).first()
    if subscriber is None:
        return render(request, "newsletter/invalid_link.html", status=404)
    if subscriber.status == SubscriberStatus.UNSUBSCRIBED:
        return render(request, "newsletter/unsubscribed.html")
    return render(request, "newsletter/unsubscribe.html", {"subscriber": subscriber})


def _editor_edition(request, pk: int) -> Edition:
    if not request.user.has_perm("newsletter.change_edition"):
        raise PermissionDenied
    return get_object_or_404(Edition, pk=pk)


@login_required
def preview(request, pk: int):
    edition = _editor_edition(request, pk)
    return render(
        request,
        "newsletter/email/edition.html",
        {"edition": edition, "sections": edition_content(edition), "unsubscribe_url": "#", "home": "/"},
    )


@login_required
def test_send(request, pk: int):
    edition = _editor_edition(request, pk)
    if request.method != "POST":
        return render(
            request,
            "newsletter/confirm_action.html",
            {
                "edition": edition,
                "action": _("Enviar una prueba a %(email)s") % {"email": request.user.email},
            },
        )
    services.edition_test_send(edition=edition, email=request.user.email)
    messages.success(request, _("Enviamos una prueba a %(email)s.") % {"email": request.user.email})
    return redirect(reverse("newsletter_editions:edit", args=[edition.pk]))


@login_required
def send(request, pk: int):
    edition = _editor_edition(request, pk)
    if request.method != "POST":
        return render(
            request,
            "newsletter/confirm_action.html",
            {"edition": edition, "action": _("Enviar a todas las personas suscritas")},
        )
    try:
        services.edition_send(edition=edition)
    except Refused as refused:
        messages.error(request, refused.message)
    else:
        messages.success(
            request, _("El envío quedó en marcha; el registro por persona está en la lista de envíos.")
        )
    return redirect(reverse("newsletter_editions:edit", args=[edition.pk]))
