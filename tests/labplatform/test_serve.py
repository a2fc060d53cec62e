"""`make serve` survives `kill -9` of a web worker: deploy/check-serve.sh starts the production
stack (supervisord, two daphne workers on one socket, the task worker, the schedule) on a free
port with a throw-away SQLite database, kills a worker and expects an answer within 10 s."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


# The script brings its own throw-away SQLite database whatever the suite runs on, so the
# PostgreSQL pass of .ci/run would only repeat the same check: it runs in the SQLite pass.
@pytest.mark.sqlite_pass
@pytest.mark.skipif(not (shutil.which("curl") and shutil.which("bc")), reason="needs curl and bc")
def test_make_serve_replaces_a_killed_worker_within_ten_seconds():
    env = {
        "PATH": f"{Path(sys.executable).parent}:/usr/bin:/bin",
        "PYTHON": sys.executable,
        "HOME": str(Path.home()),
    }
    result = subprocess.run(  # noqa: S603
        [str(ROOT / "deploy" / "check-serve.sh")],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=1200,
        check=False,
    )
    output = result.stdout + result.stderr
    assert result.returncode == 0, output[-4000:]
    assert "serving again after" in output and output.rstrip().endswith("OK")
