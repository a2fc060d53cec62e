"""Settings come from the environment: embedded defaults, production values, clear failures.

Each case runs in a fresh interpreter with exactly the environment given, as a deployment would.
"""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

PROBE = """
import json, django
django.setup()
from django.conf import settings as s
print(json.dumps({
    "DEBUG": s.DEBUG,
    "SECRET_KEY": s.SECRET_KEY,
    "ALLOWED_HOSTS": s.ALLOWED_HOSTS,
    "DB_ENGINE": s.DATABASES["default"]["ENGINE"],
    "DB_NAME": str(s.DATABASES["default"]["NAME"]),
    "DB_HOST": s.DATABASES["default"].get("HOST"),
    "CHANNEL_BACKEND": s.CHANNEL_LAYERS["default"]["BACKEND"],
    "CHANNEL_CONFIG": s.CHANNEL_LAYERS["default"].get("CONFIG"),
    "CACHE_BACKEND": s.CACHES["default"]["BACKEND"],
    "CACHE_LOCATION": s.CACHES["default"].get("LOCATION"),
    "EMAIL_BACKEND": s.EMAIL_BACKEND,
    "EMAIL_HOST": getattr(s, "EMAIL_HOST", None),
    "REPORTS_ENCRYPTION_KEYS": s.REPORTS_ENCRYPTION_KEYS,
    "TASKS": s.TASKS["default"]["BACKEND"],
    "LANGUAGE_CODE": s.LANGUAGE_CODE,
    "TIME_ZONE": s.TIME_ZONE,
    "SESSION_COOKIE_SECURE": s.SESSION_COOKIE_SECURE,
    "CSRF_COOKIE_SECURE": s.CSRF_COOKIE_SECURE,
    "SECURE_HSTS_SECONDS": s.SECURE_HSTS_SECONDS,
    "SECURE_SSL_REDIRECT": s.SECURE_SSL_REDIRECT,
    "STATICFILES": s.STORAGES["staticfiles"]["BACKEND"],
}))
"""

PRODUCTION = {
    "DJANGO_DEBUG": "0",
    "DJANGO_SECRET_KEY": "k" * 20 + "-production-secret-with-enough-entropy-8f3a1c9e2b7d",
    "DJANGO_ALLOWED_HOSTS": "laboratorio.bucaramanga.gov.co,www.laboratorio.bucaramanga.gov.co",
    "DATABASE_URL": "postgres://lab:secreto@db.interno:5432/laboratorio",
    "REDIS_URL": "redis://cache.interno:6379/1",
    "REPORTS_ENCRYPTION_KEYS": "clave-nueva,clave-anterior",
}


def run(code_or_args, env: dict[str, str]) -> subprocess.CompletedProcess:
    base = {key: os.environ[key] for key in ("PATH", "HOME", "LANG") if key in os.environ}
    args = (
        [sys.executable, "-c", code_or_args]
        if isinstance(code_or_args, str)
        else [sys.executable, *code_or_args]
    )
    return subprocess.run(  # noqa: S603
        args,
        cwd=ROOT,
        env={**base, "DJANGO_SETTINGS_MODULE": "labplatform.settings", **env},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def settings_under(env: dict[str, str]) -> dict:
    result = run(PROBE, env)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_embedded_defaults_under_make_run():
    s = settings_under({"DJANGO_DEBUG": "1"})
    assert s["DEBUG"] is True
    assert s["SECRET_KEY"]  # a development key, so that `make run` needs nothing
    assert s["ALLOWED_HOSTS"] == ["localhost", "127.0.0.1"]
    assert s["DB_ENGINE"] == "django.db.backends.sqlite3"
    assert s["DB_NAME"].endswith("db.sqlite3")
    assert s["CHANNEL_BACKEND"] == "channels.layers.InMemoryChannelLayer"
    assert s["CACHE_BACKEND"] == "django.core.cache.backends.locmem.LocMemCache"
    assert s["EMAIL_BACKEND"] == "django.core.mail.backends.console.EmailBackend"
    assert s["REPORTS_ENCRYPTION_KEYS"]
    assert s["TASKS"] == "django_tasks_db.DatabaseBackend"
    assert (s["LANGUAGE_CODE"], s["TIME_ZONE"]) == ("es-co", "America/Bogota")
    assert s["SESSION_COOKIE_SECURE"] is False


def test_debug_is_off_unless_asked():
    s = settings_under({"DJANGO_SECRET_KEY": "x" * 50, "REPORTS_ENCRYPTION_KEYS": "k"})
    assert s["DEBUG"] is False


def test_production_values():
    s = settings_under(PRODUCTION)
    assert s["DEBUG"] is False
    assert s["SECRET_KEY"] == PRODUCTION["DJANGO_SECRET_KEY"]
    assert s["ALLOWED_HOSTS"] == ["laboratorio.bucaramanga.gov.co", "www.laboratorio.bucaramanga.gov.co"]
    assert s["DB_ENGINE"] == "django.db.backends.postgresql"
    assert (s["DB_NAME"], s["DB_HOST"]) == ("laboratorio", "db.interno")
    # One PUBLISH per room event, fanned out by each process (see the settings).
    assert s["CHANNEL_BACKEND"] == "channels_redis.pubsub.RedisPubSubChannelLayer"
    host = s["CHANNEL_CONFIG"]["hosts"][0]
    assert host["address"] == "redis://cache.interno:6379/1"
    assert host["socket_timeout"] is None  # a blocking receive must never time out
    assert s["CACHE_BACKEND"] == "django.core.cache.backends.redis.RedisCache"
    assert s["CACHE_LOCATION"] == "redis://cache.interno:6379/1"
    assert s["REPORTS_ENCRYPTION_KEYS"] == ["clave-nueva", "clave-anterior"]
    assert s["SESSION_COOKIE_SECURE"] is True and s["CSRF_COOKIE_SECURE"] is True
    assert s["SECURE_HSTS_SECONDS"] >= 31_536_000
    assert s["SECURE_SSL_REDIRECT"] is True
    assert s["STATICFILES"] == "whitenoise.storage.CompressedManifestStaticFilesStorage"


def test_smtp_from_the_environment():
    s = settings_under({**PRODUCTION, "EMAIL_HOST": "smtp.bucaramanga.gov.co", "EMAIL_PORT": "587"})
    assert s["EMAIL_BACKEND"] == "django.core.mail.backends.smtp.EmailBackend"
    assert s["EMAIL_HOST"] == "smtp.bucaramanga.gov.co"


@pytest.mark.parametrize("missing", ["DJANGO_SECRET_KEY", "REPORTS_ENCRYPTION_KEYS"])
def test_production_without_a_required_variable_stops_with_its_name(missing):
    env = {key: value for key, value in PRODUCTION.items() if key != missing}
    result = run(PROBE, env)
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert f"{missing} is required" in result.stderr


def test_development_key_is_refused_in_production():
    from labplatform import settings as module

    result = run(PROBE, {**PRODUCTION, "DJANGO_SECRET_KEY": module._DEV_SECRET_KEY})
    assert result.returncode != 0 and "must not be the development key" in result.stderr


def test_a_bad_boolean_is_named():
    result = run(PROBE, {"DJANGO_DEBUG": "quizás"})
    assert result.returncode != 0 and "DJANGO_DEBUG must be 1 or 0" in result.stderr


def test_check_deploy_reports_nothing_in_production(tmp_path):
    # SQLite here so that the check needs no server; every other production value is set.
    env = {**PRODUCTION, "DATABASE_URL": f"sqlite:///{tmp_path / 'deploy.sqlite3'}"}
    result = run(["manage.py", "check", "--deploy", "--fail-level", "WARNING"], env)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout
