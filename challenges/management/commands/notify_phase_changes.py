"""Tell followers when a challenge changes phase. Run it from cron every few minutes:

    */5 * * * *  cd /srv/lab && .venv/bin/python manage.py notify_phase_changes

Phases come from the dates, so nothing happens at the moment a phase begins; this command
notices the change on its next run. It is idempotent: each change is announced once.
"""

from django.core.management.base import BaseCommand

from challenges.services import phase_changes_notify


class Command(BaseCommand):
    help = "Avisa a quienes siguen un reto cuando este cambia de fase (idempotente; para cron)."

    def handle(self, *args, **options):
        changes, notices = phase_changes_notify()
        if options["verbosity"] >= 1:
            self.stdout.write(f"Retos que cambiaron de fase: {changes}; avisos creados: {notices}.")
