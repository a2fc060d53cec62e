"""The periodic commands of `make serve` (run under supervisord as `schedule`).

Every 5 minutes: notify_phase_changes; every hour: remind_report_deadlines; every day (and at each
start): update_computed_indicators. The commands are
idempotent (each notice is sent once), so running them more often than needed is harmless and a
restart never loses a run. On a server with cron or systemd timers, use those instead (deploy/).
"""

import os
import sys
import time

EVERY = [
    ("notify_phase_changes", 5 * 60),
    ("remind_report_deadlines", 60 * 60),
    ("update_computed_indicators", 24 * 60 * 60),
]


def main() -> int:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "labplatform.settings")
    import django
    from django.core.management import call_command

    django.setup()
    last: dict[str, float] = {}
    while True:
        now = time.monotonic()
        for command, interval in EVERY:
            if now - last.get(command, -interval) >= interval:
                last[command] = now
                try:
                    call_command(command)
                except Exception as error:  # noqa: BLE001  (one failed run must not stop the others)
                    print(f"{command}: {error!r}", file=sys.stderr, flush=True)
        time.sleep(30)


if __name__ == "__main__":
    sys.exit(main())
