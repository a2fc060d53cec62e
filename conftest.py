"""Loaded by pytest before Django: the environment the test run needs.

Tests run with DEBUG off, like production, so the production variables need values; the
ones given here are for tests only. Real values in the environment win. pytest-django sets
Django up after this file (DJANGO_SETTINGS_MODULE is set here, not in pyproject.toml, so that
these defaults are in place first).
"""

import os

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "labplatform.settings")
os.environ.setdefault("DJANGO_SECRET_KEY", "tests-only-secret-key-3b8e0d6f2a9c4e1b7d5f")
os.environ.setdefault("REPORTS_ENCRYPTION_KEYS", "tests-only-reports-key")
os.environ.setdefault("DJANGO_DEBUG", "0")
# Absolute links (e-mails, feeds, the catalogue) start with the test client's own origin.
os.environ.setdefault("SITE_URL", "http://testserver")
# The test client speaks plain HTTP: HTTPS redirects and secure cookies are tested apart.
os.environ.setdefault("DJANGO_SECURE_SSL_REDIRECT", "0")
os.environ.setdefault("DJANGO_SECURE_COOKIES", "0")

import django  # noqa: E402

# Set up now, so that tests/conftest.py may import models and factories at module level.
django.setup()
