"""Daphne processes on loopback (ports 8850-8899) serving the test database that pytest-django created."""

import contextlib
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

from django.db import connection

ROOT = Path(__file__).resolve().parents[2]
PORTS = range(8850, 8900)
APPLICATION_NAME = "lab-test-daphne"


def _free_ports(count: int) -> list[int]:
    found = []
    for port in PORTS:
        with socket.socket() as sock:
            try:
                sock.bind(("127.0.0.1", port))
            except OSError:
                continue
        found.append(port)
        if len(found) == count:
            return found
    raise RuntimeError("no free port in 8850-8899")


def _wait_for(port: int, process: subprocess.Popen, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"daphne on {port} exited with {process.returncode}")
        with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), timeout=1):
            return
        time.sleep(0.2)
    raise RuntimeError(f"nothing listens on 127.0.0.1:{port}")


@contextlib.contextmanager
def daphne_processes(count: int, debug: bool = False):
    """`count` daphne processes on the test database (the one pytest-django created) and Redis."""
    settings = connection.settings_dict
    database_url = (
        f"postgres://{settings['USER']}:{settings['PASSWORD'] or ''}@{settings['HOST'] or '127.0.0.1'}:"
        f"{settings['PORT'] or 5432}/{settings['NAME']}"
    )
    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "DJANGO_DEBUG": "1" if debug else "0",
        "DJANGO_SECRET_KEY": os.environ.get(
            "DJANGO_SECRET_KEY", "scale-out-test-key-7c1e0a9b8d6f5e4c3b2a1908f7e6d5c4"
        ),
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DJANGO_SECURE_SSL_REDIRECT": "0",
        "DJANGO_SECURE_COOKIES": "0",
        "DJANGO_LOG_LEVEL": "WARNING",
        "PGAPPNAME": APPLICATION_NAME,  # libpq names their sessions, to wait for them at the end
        "REPORTS_ENCRYPTION_KEYS": os.environ.get("REPORTS_ENCRYPTION_KEYS", "scale-out-test-reports-key"),
    }
    if os.environ.get("REDIS_URL"):
        env["REDIS_URL"] = os.environ["REDIS_URL"]
    ports = _free_ports(count)
    processes = [
        subprocess.Popen(  # noqa: S603
            [
                sys.executable,
                "-m",
                "daphne",
                "-v",
                "0",
                "-b",
                "127.0.0.1",
                "-p",
                str(port),
                "labplatform.asgi:application",
            ],
            cwd=ROOT,
            env=env,
        )
        for port in ports
    ]
    try:
        for port, process in zip(ports, processes, strict=True):
            _wait_for(port, process)
        yield ports
    finally:
        for process in processes:
            process.terminate()
        for process in processes:
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
        _wait_for_their_connections_to_end(database_url)


def _wait_for_their_connections_to_end(database_url: str, timeout: float = 15) -> None:
    """PostgreSQL ends a dead process' sessions a moment later; the test database can be
    dropped only when they are gone. (Its own connection: the caller may be async code.)"""
    import psycopg

    deadline = time.monotonic() + timeout
    with psycopg.connect(database_url, autocommit=True) as probe:
        while time.monotonic() < deadline:
            count = probe.execute(
                "SELECT count(*) FROM pg_stat_activity WHERE application_name = %s", [APPLICATION_NAME]
            ).fetchone()[0]
            if count == 0:
                return
            time.sleep(0.1)
