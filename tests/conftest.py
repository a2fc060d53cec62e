"""Shared fixtures: users of each role, logged-in clients, fast hashing, immediate tasks.

Under CI (CI=true) a test may not skip for a missing service: a skip there is a failure,
except for the tests that belong to the other pass (PostgreSQL-only or Redis-only tests
during the SQLite pass, which .ci/run runs again against the real services, and the few
tests that bring their own database, which run once, in the SQLite pass).
"""

import os

import pytest
from django.db import connection

from tests.accounts.factories import OrganizationFactory, UserFactory

IN_CI = os.environ.get("CI", "").lower() in {"1", "true", "yes"}


def pytest_collection_modifyitems(config, items):
    postgres_pass = os.environ.get("DATABASE_URL", "").startswith(("postgres://", "postgresql://"))
    redis_pass = bool(os.environ.get("REDIS_URL"))
    for item in items:
        if item.get_closest_marker("postgres") and not postgres_pass:
            item.add_marker(pytest.mark.skip(reason="needs PostgreSQL: runs in the DATABASE_URL pass"))
        if item.get_closest_marker("redis") and not redis_pass:
            item.add_marker(pytest.mark.skip(reason="needs Redis: runs in the REDIS_URL pass"))
        if item.get_closest_marker("sqlite_pass") and os.environ.get("DATABASE_URL"):
            item.add_marker(pytest.mark.skip(reason="brings its own database: runs in the SQLite pass"))


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    if not IN_CI or not report.skipped:
        return
    other_pass = (
        (item.get_closest_marker("postgres") and not os.environ.get("DATABASE_URL"))
        or (item.get_closest_marker("redis") and not os.environ.get("REDIS_URL"))
        or (item.get_closest_marker("sqlite_pass") and os.environ.get("DATABASE_URL"))
    )
    if not other_pass:
        report.outcome = "failed"
        report.longrepr = f"skipped under CI=true, which is a failure: {report.longrepr}"


@pytest.fixture(autouse=True)
def _fast_and_immediate(settings, monkeypatch):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    # Report receipts keep their Argon2id hash, with the library's cheapest cost: the real cost
    # (100 MiB, 8 lanes) is the point in production and would only make the suite slow.
    from django.contrib.auth.hashers import Argon2PasswordHasher

    monkeypatch.setattr(Argon2PasswordHasher, "time_cost", 1)
    monkeypatch.setattr(Argon2PasswordHasher, "memory_cost", 64)
    monkeypatch.setattr(Argon2PasswordHasher, "parallelism", 1)
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    settings.WHITENOISE_USE_FINDERS = True
    settings.WHITENOISE_AUTOREFRESH = True


@pytest.fixture(autouse=True)
def _fresh_cache():
    """allauth's rate limits live in the cache: each test starts with none used."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def citizen(db):
    return UserFactory(display_name="Diana Pabón", participant_type="citizen")


@pytest.fixture
def other_citizen(db):
    return UserFactory(display_name="Carlos Ardila")


@pytest.fixture
def unverified_user(db):
    return UserFactory(verified_email=False)


@pytest.fixture
def staff_user(db):
    return UserFactory(display_name="Equipo del laboratorio", is_staff=True, participant_type="public_entity")


@pytest.fixture
def editor(db):
    return UserFactory(display_name="Laura Editora", groups=["editors"], participant_type="public_entity")


@pytest.fixture
def moderator(db):
    return UserFactory(display_name="Andrés Moderador", groups=["moderators"])


@pytest.fixture
def organization(db):
    return OrganizationFactory(name="Universidad Industrial de Santander", kind="university", verified=True)


@pytest.fixture
def org_admin(organization):
    from tests.accounts.factories import MembershipFactory

    user = UserFactory(display_name="Marcela Rueda", participant_type="university")
    MembershipFactory(user=user, organization=organization, role="admin", status="approved")
    return user


@pytest.fixture
def client_for(client):
    """`client_for(user)`: the test client, logged in as that user."""

    def login(user):
        client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
        return client

    return login


@pytest.fixture
def is_postgres(db) -> bool:
    return connection.vendor == "postgresql"


@pytest.fixture(scope="session", autouse=True)
def _close_database_pools(django_db_setup, django_db_blocker):
    """On PostgreSQL the connections live in a pool that outlives `close()`: close the pools
    before the test database is dropped, so that nothing else is connected to it then."""
    yield
    from django.db import connections

    with django_db_blocker.unblock():
        for connection_ in connections.all(initialized_only=True):
            if getattr(connection_, "pool", None) is not None:
                connection_.close_pool()


@pytest.fixture(autouse=True)
def _default_language():
    """Each test starts in Spanish: a request in English must not leave its language behind
    for the code a later test calls outside a request."""
    from django.conf import settings
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)
