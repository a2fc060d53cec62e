"""Remind handlers and supervisors of report deadlines. Run it from cron once a day:

    0 7 * * *  cd /srv/lab && .venv/bin/python manage.py remind_report_deadlines

Idempotent: each deadline is announced once 3 business days before and once when it passed.
"""

from django.core.management.base import BaseCommand

from reports.services import deadline_reminders_send


class Command(BaseCommand):
    help = "Avisa de los términos de las denuncias que vencen pronto o ya vencieron (idempotente; para cron)."

    def handle(self, *args, **options):
        soon, overdue = deadline_reminders_send()
        if options["verbosity"] >= 1:
            self.stdout.write(f"Denuncias por vencer avisadas: {soon}; vencidas avisadas: {overdue}.")
