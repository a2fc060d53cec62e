"""Small site-wide views: health check, the personal-data policy link."""

from django.db import connection
from django.http import JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from wagtail.models import Page

from core import page_cache
from core.policies import PRIVACY_POLICY_SLUG


def health(request):
    """For the reverse proxy and the process manager: the database answers."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return JsonResponse({"status": "ok"})


def privacy_policy(request):
    """The policy is a CMS page editors keep; a built-in text stands in until it exists."""
    page_cache.shows(request)
    page = Page.objects.live().public().filter(slug=PRIVACY_POLICY_SLUG).first()
    if page is not None:
        return redirect(page.get_url(request))
    return render(request, "privacy_policy.html")


def cms_admin_login(request):
    """The CMS signs in through allauth, like everything else."""
    next_url = request.GET.get("next") or "/cms-admin/"
    if not url_has_allowed_host_and_scheme(next_url, {request.get_host()}, request.is_secure()):
        next_url = "/cms-admin/"
    return redirect(f"{reverse('account_login')}?{urlencode({'next': next_url})}")
