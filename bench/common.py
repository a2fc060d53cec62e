"""Shared pieces of the benchmarks: a production-like server on loopback and a bounded load.

Everything here talks to 127.0.0.1 only, runs for a bounded time and stops by itself.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import os
import platform
import socket
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PYTHON = sys.executable
SERVER_PIDS: list[int] = []  # the daphne processes that daphne_servers is running now


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def bench_env(database_url: str, redis_url: str | None) -> dict[str, str]:
    env = {
        **os.environ,
        "DJANGO_DEBUG": "0",
        "DJANGO_SECRET_KEY": "bench-only-secret-key-0f9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c",
        "REPORTS_ENCRYPTION_KEYS": "bench-only-reports-key",
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DJANGO_SECURE_SSL_REDIRECT": "0",
        "DJANGO_SECURE_COOKIES": "0",
        "DJANGO_LOG_LEVEL": "WARNING",
        "DATABASE_URL": database_url,
        "DATABASE_CONN_MAX_AGE": "60",
    }
    if redis_url:
        env["REDIS_URL"] = redis_url
    else:
        env.pop("REDIS_URL", None)
    return env


def ensure_postgres_database(database_url: str) -> None:
    """Create the benchmark's own database when it does not exist yet."""
    name = database_url.rsplit("/", 1)[-1]
    admin_url = database_url.rsplit("/", 1)[0] + "/postgres"
    exists = subprocess.run(  # noqa: S603
        ["psql", admin_url, "-tAc", f"SELECT 1 FROM pg_database WHERE datname = '{name}'"],  # noqa: S607,S608 (our own setting)
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    if not exists:
        subprocess.run(
            ["psql", admin_url, "-c", f'CREATE DATABASE "{name}"'], check=True, capture_output=True
        )  # noqa: S603,S607


def manage(env: dict[str, str], *args: str) -> None:
    subprocess.run([PYTHON, "manage.py", *args], cwd=ROOT, env=env, check=True)  # noqa: S603


SERVERS = ("daphne", "uvicorn")
APPLICATION = "labplatform.asgi:application"


def server_command(server: str, port: int) -> list[str]:
    """The same ASGI application under daphne or uvicorn (HTTP/1.1 and WebSocket, one process)."""
    if server == "uvicorn":
        return [
            PYTHON,
            "-m",
            "uvicorn",
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
            "--log-level",
            "warning",
            "--no-access-log",
            "--lifespan",
            "off",
            APPLICATION,
        ]
    return [PYTHON, "-m", "daphne", "-v", "0", "-b", "127.0.0.1", "-p", str(port), APPLICATION]


@contextlib.contextmanager
def daphne_servers(env: dict[str, str], count: int = 1, server: str = "daphne"):
    """`count` server processes (daphne unless `server` says uvicorn) on free loopback ports;
    yields the ports."""
    ports = [free_port() for _ in range(count)]
    processes = [
        subprocess.Popen(server_command(server, port), cwd=ROOT, env=env)  # noqa: S603
        for port in ports
    ]
    SERVER_PIDS[:] = [process.pid for process in processes]
    try:
        for port in ports:
            wait_for_port(port)
        yield ports
    finally:
        SERVER_PIDS.clear()
        for process in processes:
            process.terminate()
        for process in processes:
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()


def wait_for_port(port: int, timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), timeout=1):
            return
        time.sleep(0.2)
    raise RuntimeError(f"nothing listens on 127.0.0.1:{port} after {timeout} s")


@dataclass
class LoadResult:
    path: str
    requests: int
    errors: int
    seconds: float
    latencies_ms: list[float]
    statuses: set[str] = field(default_factory=set)

    @property
    def rps(self) -> float:
        return self.requests / self.seconds if self.seconds else 0.0

    def percentile(self, q: float) -> float:
        if not self.latencies_ms:
            return float("nan")
        ordered = sorted(self.latencies_ms)
        return ordered[min(len(ordered) - 1, int(q * len(ordered)))]

    @property
    def median_ms(self) -> float:
        return statistics.median(self.latencies_ms) if self.latencies_ms else float("nan")


def build_request(method: str, path: str, headers: dict[str, str] | None = None, body: bytes = b"") -> bytes:
    lines = [
        f"{method} {path} HTTP/1.1",
        "Host: 127.0.0.1",
        "Accept-Language: es-CO",
        "Connection: keep-alive",
    ]
    lines += [f"{name}: {value}" for name, value in (headers or {}).items()]
    if body or method in {"POST", "PUT", "PATCH", "DELETE"}:
        lines.append(f"Content-Length: {len(body)}")
    return ("\r\n".join(lines) + "\r\n\r\n").encode() + body


async def _client(
    port: int,
    path: str,
    stop_at: float,
    max_requests: int,
    counter: list[int],
    result: LoadResult,
    request: bytes | None = None,
    ok_statuses: tuple[bytes, ...] = (b" 200 ",),
):
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    request = request or build_request("GET", path)
    try:
        while time.monotonic() < stop_at and counter[0] < max_requests:
            counter[0] += 1
            started = time.perf_counter()
            writer.write(request)
            await writer.drain()
            status_line = await reader.readline()
            length = 0
            chunked = False
            while True:
                line = await reader.readline()
                if line in (b"\r\n", b""):
                    break
                name, _, value = line.decode("latin-1").partition(":")
                if name.lower() == "content-length":
                    length = int(value.strip())
                elif name.lower() == "transfer-encoding" and "chunked" in value.lower():
                    chunked = True
            if chunked:
                while True:
                    size = int((await reader.readline()).strip(), 16)
                    await reader.readexactly(size + 2)
                    if size == 0:
                        break
            elif length:
                await reader.readexactly(length)
            result.latencies_ms.append((time.perf_counter() - started) * 1000)
            if any(ok in status_line for ok in ok_statuses):
                result.requests += 1
            else:
                result.errors += 1
                result.statuses.add(status_line.decode("latin-1").strip())
    finally:
        writer.close()
        with contextlib.suppress(Exception):
            await writer.wait_closed()


async def load(
    ports: list[int],
    path: str,
    *,
    concurrency: int,
    seconds: float,
    max_requests: int = 200_000,
    requests: list[bytes] | None = None,
    ok_statuses: tuple[bytes, ...] = (b" 200 ",),
    label: str | None = None,
) -> LoadResult:
    """GET `path` from `concurrency` keep-alive connections for `seconds` (or `max_requests`).
    `requests`, one per connection, replaces the GET (e.g. POSTs with each client's own session)."""
    result = LoadResult(path=label or path, requests=0, errors=0, seconds=0.0, latencies_ms=[])
    counter = [0]
    started = time.monotonic()
    stop_at = started + seconds
    await asyncio.gather(
        *(
            _client(
                ports[i % len(ports)],
                path,
                stop_at,
                max_requests,
                counter,
                result,
                requests[i % len(requests)] if requests else None,
                ok_statuses,
            )
            for i in range(concurrency)
        )
    )
    result.seconds = time.monotonic() - started
    return result


def setup_django(env: dict[str, str]) -> None:
    """Django in the benchmark's own process, on the benchmark's database (to load data)."""
    os.environ.update(env)
    os.environ["DJANGO_SETTINGS_MODULE"] = "labplatform.settings"
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()


def signed_in(users) -> list[str]:
    """A session key per user, as the site's login would have stored it."""
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.sessions.backends.db import SessionStore

    keys = []
    for user in users:
        session = SessionStore()
        session[SESSION_KEY] = str(user.pk)
        session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
        session[HASH_SESSION_KEY] = user.get_session_auth_hash()
        session.create()
        keys.append(session.session_key)
    return keys


BASELINE = "/salud/"


def demo_pages_main(description: str, database: str, paths: list[str]) -> None:
    """Seed the demo content into `database`, then measure each of `paths` (or the paths given
    on the command line) next to `/salud/`, under each server asked for."""
    parser = argparse.ArgumentParser(
        description=description, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("paths", nargs="*", help="paths to measure instead of the default list")
    parser.add_argument("--seconds", type=float, default=10.0)
    parser.add_argument("--concurrency", type=int, default=16)
    parser.add_argument("--workers", type=int, default=2, help="server processes")
    parser.add_argument(
        "--server", default="daphne", help="daphne, uvicorn, or both (daphne,uvicorn): side by side"
    )
    args = parser.parse_args()
    paths = args.paths or paths

    database_url = os.environ.get("BENCH_DATABASE_URL", f"postgres://postgres@127.0.0.1:5432/{database}")
    ensure_postgres_database(database_url)
    env = bench_env(database_url, os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/3"))
    manage(env, "migrate", "--no-input", "-v", "0")
    manage(env, "seed_demo", "--allow-production")
    manage(env, "collectstatic", "--no-input", "-v", "0")

    for server in args.server.split(","):
        print(
            f"# {platform.processor() or platform.machine()}, {os.cpu_count()} cores, "
            f"{args.workers} {server}, {args.concurrency} connections, {args.seconds:.0f} s per path, "
            "PostgreSQL + Redis"
        )
        with daphne_servers(env, args.workers, server) as ports:
            asyncio.run(load(ports, BASELINE, concurrency=4, seconds=2))  # warm up every process
            for path in paths:
                asyncio.run(load(ports, path, concurrency=4, seconds=1))
            baseline = asyncio.run(load(ports, BASELINE, concurrency=args.concurrency, seconds=args.seconds))
            rows = [baseline]
            for path in paths:
                row = asyncio.run(load(ports, path, concurrency=args.concurrency, seconds=args.seconds))
                rows.append(row)
        print_rows(rows, baseline)


def print_rows(rows: list[LoadResult], baseline: LoadResult) -> None:
    width = max(len(row.path) for row in rows) + 2
    print(f"{'path':<{width}}{'req/s':>9}{'ratio':>8}{'p50 ms':>9}{'p95 ms':>9}{'errors':>8}")
    for row in rows:
        print(
            f"{row.path:<{width}}{row.rps:>9.1f}{row.rps / baseline.rps:>8.2f}{row.median_ms:>9.1f}"
            f"{row.percentile(0.95):>9.1f}{row.errors:>8}  {' '.join(sorted(row.statuses))}"
        )
