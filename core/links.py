"""Absolute links for e-mail, feeds and calendars, from the site's public address."""

from django.conf import settings


def site_url() -> str:
    return getattr(settings, "SITE_URL", "http://127.0.0.1:8000").rstrip("/")


def absolute(path: str) -> str:
    if path.startswith(("http://", "https://")):
        return path
    return f"{site_url()}{path}"
