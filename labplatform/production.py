"""`make serve`: the production stack on one machine, under supervisord.

    python -m labplatform.production

Reads the production variables from the environment, or from a `.env` file next to manage.py
(KEY=VALUE lines; the environment wins). Then migrates, runs `bootstrap_site`, collects the
static files, writes a supervisord configuration under SERVE_RUN_DIR (default `var/serve/`) and
hands over to supervisord, which keeps running:

- `web`: WEB_WORKERS daphne processes (default: one per CPU, at least 2) sharing one listening
  socket on HOST:PORT (default 127.0.0.1:8000) that supervisord opens and passes to each of
  them (an fcgi-program: the socket outlives the workers, so a worker that dies, even by
  `kill -9`, is replaced within a couple of seconds while the others keep serving);
- `tasks`: the django-tasks database worker (e-mail and other background work);
- `schedule`: the periodic commands (phase-change notices, report deadline reminders).

Put it behind the reverse proxy of deploy/nginx.conf for TLS. `deploy/check-serve.sh` checks
the whole stack, including the restart of a killed worker.
"""

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def load_env_file(path: Path) -> None:
    """KEY=VALUE lines (optionally quoted; # comments) into os.environ, without overriding."""
    if not path.is_file():
        return
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line or line.startswith("#") or "=" not in line:
            continue
        key, value = line.removeprefix("export ").split("=", 1)
        value = value.strip()
        if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
            value = value[1:-1]
        os.environ.setdefault(key.strip(), value)


def supervisord_conf(run_dir: Path, *, host: str, port: int, workers: int) -> str:
    python = sys.executable
    logs = run_dir / "logs"
    common = (
        f"directory={ROOT}\nautostart=true\nautorestart=true\nstartsecs=1\nstartretries=100\n"
        "stopasgroup=true\nkillasgroup=true\nstopwaitsecs=15\nredirect_stderr=true\n"
        "stdout_logfile_maxbytes=10MB\nstdout_logfile_backups=5\n"
    )
    # daphne -v 0: no access log, so no client address of any visitor (reporters included) is
    # written anywhere. --proxy-headers: behind nginx, the client is in X-Forwarded-For.
    return f"""[supervisord]
nodaemon=true
logfile={run_dir}/supervisord.log
pidfile={run_dir}/supervisord.pid
childlogdir={logs}

[unix_http_server]
file={run_dir}/supervisor.sock
chmod=0700

[rpcinterface:supervisor]
supervisor.rpcinterface_factory = supervisor.rpcinterface:make_main_rpcinterface

[supervisorctl]
serverurl=unix://{run_dir}/supervisor.sock

[fcgi-program:web]
socket=tcp://{host}:{port}
socket_backlog=1024
command={python} -m daphne -v 0 --fd 0 --proxy-headers -t 60 labplatform.asgi:application
process_name=web-%(process_num)s
numprocs={workers}
stdout_logfile={logs}/web-%(process_num)s.log
{common}
[program:tasks]
command={python} manage.py db_worker
stdout_logfile={logs}/tasks.log
{common}
[program:schedule]
command={python} -m labplatform.schedule
stdout_logfile={logs}/schedule.log
{common}"""


def main() -> int:
    load_env_file(Path(os.environ.get("ENV_FILE", ROOT / ".env")))
    os.environ.setdefault("DJANGO_DEBUG", "0")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "labplatform.settings")
    host = os.environ.get("HOST", "127.0.0.1")
    port = int(os.environ.get("PORT", "8000"))
    workers = int(os.environ.get("WEB_WORKERS", "0")) or max(2, os.cpu_count() or 2)
    os.environ.setdefault("SITE_URL", f"http://{host}:{port}")
    manage = [sys.executable, "manage.py"]
    for command in (
        ["migrate", "--no-input"],
        ["bootstrap_site"],
        ["collectstatic", "--no-input", "-v", "0"],
    ):
        subprocess.run([*manage, *command], cwd=ROOT, check=True)  # noqa: S603
    run_dir = Path(os.environ.get("SERVE_RUN_DIR", ROOT / "var" / "serve"))
    (run_dir / "logs").mkdir(parents=True, exist_ok=True)
    conf = run_dir / "supervisord.conf"
    conf.write_text(supervisord_conf(run_dir, host=host, port=port, workers=workers), encoding="utf-8")
    supervisord = shutil.which("supervisord", path=str(Path(sys.executable).parent)) or "supervisord"
    print(
        f"Sirviendo en http://{host}:{port} con {workers} procesos web; registros en {run_dir}/logs",
        flush=True,
    )
    os.execv(supervisord, [supervisord, "-c", str(conf)])  # noqa: S606
    return 1


if __name__ == "__main__":
    sys.exit(main())
