"""`make run`: the task worker in the background, daphne in front, the demo accounts printed.

Run as `python -m labplatform.serve`; PORT chooses the port (8000 by default).
"""

import os
import signal
import subprocess
import sys

from labplatform.demo import accounts_banner


def main() -> int:
    port = os.environ.get("PORT", "8000")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "labplatform.settings")
    worker = subprocess.Popen([sys.executable, "manage.py", "db_worker", "--no-reload"])  # noqa: S603
    server = subprocess.Popen(  # noqa: S603
        # -v 0: no access log. daphne's would write every client's IP address, and reporters of
        # corruption must leave no trace.
        [
            sys.executable,
            "-m",
            "daphne",
            "-v",
            "0",
            "-b",
            "127.0.0.1",
            "-p",
            port,
            "labplatform.asgi:application",
        ]
    )
    print(accounts_banner(f"http://127.0.0.1:{port}"), flush=True)  # noqa: T201
    try:
        return server.wait()
    except KeyboardInterrupt:
        server.send_signal(signal.SIGINT)
        return server.wait()
    finally:
        worker.terminate()
        worker.wait(timeout=10)


if __name__ == "__main__":
    sys.exit(main())
