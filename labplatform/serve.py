"""`make run`: the task worker in the background, daphne in front, the demo accounts printed.

Run as `python -m labplatform.serve`; PORT chooses the port (8000 by default). The worker's
log goes to `db_worker.log`, so that the console shows the accounts and the site's e-mail.
"""

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

from demo.accounts import accounts_banner

ROOT = Path(__file__).resolve().parent.parent


def _wait_for_port(port: int, process: subprocess.Popen, timeout: float = 30.0) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and process.poll() is None:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return True
        except OSError:
            time.sleep(0.2)
    return False


def main() -> int:
    port = int(os.environ.get("PORT", "8000"))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "labplatform.settings")
    with open(ROOT / "db_worker.log", "a") as worker_log:
        worker = subprocess.Popen(  # noqa: S603
            [sys.executable, "manage.py", "db_worker", "--no-reload"],
            cwd=ROOT,
            stdout=worker_log,
            stderr=worker_log,
        )
        # -v 0: no access log. daphne's would write every client's IP address, and reporters of
        # corruption must leave no trace.
        server = subprocess.Popen(  # noqa: S603
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
        )
        try:
            if not _wait_for_port(port, server):
                print(
                    f"daphne did not start on port {port} (is it taken? try `make run PORT=8001`).",
                    flush=True,
                )  # noqa: T201
                server.terminate()
                return 1
            print(accounts_banner(f"http://127.0.0.1:{port}"), flush=True)  # noqa: T201
            return server.wait()
        except KeyboardInterrupt:
            server.send_signal(signal.SIGINT)
            return server.wait()
        finally:
            worker.terminate()
            try:
                worker.wait(timeout=10)
            except subprocess.TimeoutExpired:
                worker.kill()


if __name__ == "__main__":
    sys.exit(main())
