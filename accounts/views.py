"""Views of the accounts app: profile, consent, personal data, organisations."""

import functools
import json

from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.core.serializers.json import DjangoJSONEncoder
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts import notifications as inbox
from accounts import selectors, services
from accounts.forms import (
    AccountDeleteForm,
    ConsentForm,
    MembershipRequestForm,
    OrganizationForm,
    ProfileForm,
)
from accounts.models import ORGANIZATION_KINDS, Membership, Organization
from core import activity, page_cache

ACTIVITY_PER_PAGE = 20


def _require(user, perm: str, obj=None) -> None:
    if not user.has_perm(perm, obj):
        raise PermissionDenied(_("Usted no tiene permiso para hacer esto."))


def _first_error(error: ValidationError) -> str:
    return error.messages[0] if error.messages else _("No se pudo completar la acción.")


@login_required
def profile(request):
    if request.method == "POST":
        form = ProfileForm(request.POST, instance=request.user)
        if form.is_valid():
            services.profile_update(
                user=request.user,
                display_name=form.cleaned_data["display_name"],
                participant_type=form.cleaned_data["participant_type"],
            )
            inbox.email_preference_update(
                user=request.user, email_notifications=form.cleaned_data["email_notifications"]
            )
            messages.success(request, _("Sus datos quedaron guardados."))
            return redirect("accounts:profile")
    else:
        form = ProfileForm(instance=request.user)
    return render(
        request,
        "accounts/profile.html",
        {
            "form": form,
            "has_consent": selectors.user_has_current_consent(request.user),
            "has_verified_email": selectors.user_has_verified_email(request.user),
            "is_verified": selectors.user_is_verified(request.user),
            "memberships": selectors.user_memberships(request.user),
        },
    )


@login_required
def my_activity(request):
    """Mis aportes: the first rows of each section that the apps register (core.activity)."""
    page_cache.never(request)
    return render(request, "accounts/activity.html", {"sections": activity.overview(request.user)})


@login_required
def my_activity_section(request, name: str):
    """One section of Mis aportes, all of it, a page at a time."""
    section = activity.get(name)
    if section is None:
        raise Http404
    page_cache.never(request)
    page = Paginator(section.rows(request.user), ACTIVITY_PER_PAGE).get_page(request.GET.get("pagina"))
    return render(
        request,
        "accounts/activity_section.html",
        {"section": section, "page_obj": page, "rows": list(page.object_list)},
    )


@login_required
def notifications(request):
    """The inbox, newest first. Looking does not mark anything read: that is a separate POST."""
    page = Paginator(inbox.user_notifications(request.user), 20).get_page(request.GET.get("pagina"))
    return render(
        request,
        "accounts/notifications.html",
        {"page_obj": page, "notifications": page.object_list, "unread": inbox.unread_count(request.user)},
    )


@login_required
@require_POST
def notifications_read(request):
    if inbox.notifications_mark_all_read(user=request.user):
        messages.success(request, _("Marcó todos sus avisos como leídos."))
    else:
        messages.info(request, _("No tenía avisos sin leer."))
    return redirect("accounts:notifications")


@login_required
def consent(request):
    next_url = request.POST.get("next") or request.GET.get("next") or ""
    if not url_has_allowed_host_and_scheme(next_url, {request.get_host()}, request.is_secure()):
        next_url = reverse("accounts:profile")
    if request.method == "POST":
        form = ConsentForm(request.POST)
        if form.is_valid():
            services.consent_record(user=request.user)
            messages.success(request, _("Gracias: su autorización quedó registrada."))
            return redirect(next_url)
    else:
        form = ConsentForm()
    return render(
        request,
        "accounts/consent.html",
        {"form": form, "next": next_url, "has_consent": selectors.user_has_current_consent(request.user)},
    )


@login_required
def data_export(request):
    data = services.account_export(user=request.user)
    response = HttpResponse(
        json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2),
        content_type="application/json; charset=utf-8",
    )
    stamp = timezone.localdate().isoformat()
    response["Content-Disposition"] = f'attachment; filename="mis-datos-laboratorio-{stamp}.json"'
    response["Cache-Control"] = "no-store"
    return response


@login_required
def account_delete(request):
    if request.method == "POST":
        form = AccountDeleteForm(request.POST, user=request.user)
        if form.is_valid():
            try:
                services.account_delete(user=request.user)
            except PermissionDenied as error:
                messages.error(request, str(error))
                return redirect("accounts:profile")
            logout(request)
            messages.success(
                request,
                _("Su cuenta fue eliminada. Sus aportes públicos quedan como de «participante anónimo»."),
            )
            return redirect("/")
    else:
        form = AccountDeleteForm(user=request.user)
    return render(request, "accounts/delete.html", {"form": form})


def organization_list(request):
    page_cache.shows(request, "organizations")
    kind = request.GET.get("tipo") or None
    if kind not in dict(ORGANIZATION_KINDS):
        kind = None
    query = (request.GET.get("q") or "").strip()[:100] or None
    organizations = selectors.organization_list(kind=kind, query=query)
    page = Paginator(organizations, 24).get_page(request.GET.get("pagina"))
    return render(
        request,
        "accounts/organization_list.html",
        {"page": page, "kinds": ORGANIZATION_KINDS, "kind": kind, "query": query or ""},
    )


def organization_detail(request, slug: str):
    page_cache.shows(request, "organizations")
    organization = get_object_or_404(Organization, slug=slug)
    user = request.user
    return render(
        request,
        "accounts/organization_detail.html",
        {
            "organization": organization,
            "members": selectors.organization_members(organization),
            "my_membership": selectors.membership_of(user, organization),
            "can_request": user.has_perm("accounts.request_membership"),
            "can_manage": user.has_perm("accounts.manage_organization", organization),
            "can_verify": user.has_perm("accounts.verify_organization"),
            "request_form": MembershipRequestForm(),
        },
    )


@login_required
def organization_create(request):
    if not request.user.has_perm("accounts.create_organization"):
        return _verified_account_needed(request)
    if request.method == "POST":
        form = OrganizationForm(request.POST)
        if form.is_valid():
            organization = services.organization_create(user=request.user, **form.cleaned_data)
            messages.success(
                request,
                _("La organización quedó registrada. El equipo del laboratorio la verificará pronto."),
            )
            return redirect(organization)
    else:
        form = OrganizationForm()
    return render(request, "accounts/organization_form.html", {"form": form})


@login_required
@require_POST
def membership_request(request, slug: str):
    organization = get_object_or_404(Organization, slug=slug)
    if not request.user.has_perm("accounts.request_membership"):
        return _verified_account_needed(request)
    form = MembershipRequestForm(request.POST)
    if form.is_valid():
        try:
            services.membership_request(
                user=request.user, organization=organization, message=form.cleaned_data["message"]
            )
        except ValidationError as error:
            messages.error(request, _first_error(error))
        else:
            messages.success(request, _("Su solicitud fue enviada a quien administra la organización."))
    else:
        messages.error(request, _("El mensaje es demasiado largo (máximo 1000 caracteres)."))
    return redirect(organization)


@login_required
def organization_requests(request, slug: str):
    organization = get_object_or_404(Organization, slug=slug)
    _require(request.user, "accounts.manage_organization", organization)
    return render(
        request,
        "accounts/organization_requests.html",
        {
            "organization": organization,
            "pending": selectors.organization_pending_requests(organization),
            "members": selectors.organization_members(organization),
        },
    )


@login_required
@require_POST
def membership_decide(request, pk: int):
    membership = get_object_or_404(Membership.objects.select_related("organization", "user"), pk=pk)
    _require(request.user, "accounts.decide_membership", membership)
    decision = request.POST.get("decision")
    if decision not in {"approve", "reject"}:
        messages.error(request, _("Elija aprobar o rechazar la solicitud."))
    else:
        try:
            services.membership_decide(membership=membership, by=request.user, approve=decision == "approve")
        except ValidationError as error:
            messages.error(request, _first_error(error))
        else:
            if decision == "approve":
                messages.success(
                    request,
                    _("Solicitud aprobada: %(name)s ya es miembro.") % {"name": membership.user.public_name},
                )
            else:
                messages.success(request, _("Solicitud rechazada."))
    return redirect("accounts:organization_requests", slug=membership.organization.slug)


@login_required
@require_POST
def membership_leave(request, pk: int):
    membership = get_object_or_404(Membership.objects.select_related("organization"), pk=pk)
    _require(request.user, "accounts.leave_membership", membership)
    try:
        services.membership_leave(membership=membership)
    except ValidationError as error:
        messages.error(request, _first_error(error))
    else:
        messages.success(request, _("Ya no forma parte de %(org)s.") % {"org": membership.organization.name})
    return redirect("accounts:profile")


@login_required
@require_POST
def organization_verify(request, slug: str):
    organization = get_object_or_404(Organization, slug=slug)
    _require(request.user, "accounts.verify_organization")
    verified = request.POST.get("verified", "1") == "1"
    services.organization_verify(organization=organization, by=request.user, verified=verified)
    messages.success(
        request,
        _("Organización verificada.") if verified else _("Se retiró la verificación de la organización."),
    )
    return redirect(organization)


def _verified_account_needed(request):
    """Explain what is missing to act: a verified e-mail or the current consent."""
    if not selectors.user_has_current_consent(request.user):
        messages.info(request, _("Antes de participar, autorice el tratamiento de sus datos personales."))
        return redirect(f"{reverse('accounts:consent')}?next={request.path}")
    messages.error(request, _("Para participar, verifique primero su correo electrónico."))
    return redirect("account_email")


# allauth's default for failed sign-ins: 5 per address in 300 seconds (ACCOUNT_RATE_LIMITS).
LOGIN_LOCKOUT_SECONDS = 300


def lockout_answers_429(view):
    """Wrap the sign-in view: a sign-in refused for too many failed attempts is a 429 with
    Retry-After (the page still shows the form and the reason)."""

    @functools.wraps(view)
    def wrapped(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        if getattr(request, "login_locked_out", False):
            response.status_code = 429
            response["Retry-After"] = str(LOGIN_LOCKOUT_SECONDS)
        return response

    return wrapped
