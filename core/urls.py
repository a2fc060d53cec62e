"""Absolute links to the site, built from settings.SITE_URL (never from the request's Host)."""

from django.conf import settings


def site_url() -> str:
    return settings.SITE_URL.rstrip("/")


def absolute(path: str) -> str:
    """`path` (absolute path, or a full URL left as it is) as a link that works from anywhere."""
    if not path or "://" in path:
        return path
    return f"{site_url()}/{path.lstrip('/')}"
