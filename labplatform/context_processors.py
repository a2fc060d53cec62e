"""Template context shared by every page."""

from django.conf import settings


def site(request):
    return {
        "LANGUAGE_COOKIE_NAME": settings.LANGUAGE_COOKIE_NAME,
        "PRIVACY_POLICY_VERSION": settings.PRIVACY_POLICY_VERSION,
    }
