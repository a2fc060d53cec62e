"""Remind the people registered for tomorrow's events. Run it from cron once a day:

    0 9 * * *  cd /srv/lab && .venv/bin/python manage.py remind_events

Idempotent: each registration is reminded once; the e-mail goes through the task worker.
"""

from django.core.management.base import BaseCommand

from agenda.services import event_reminders_send


class Command(BaseCommand):
    help = "Recuerda por correo los eventos de mañana a las personas inscritas (idempotente; para cron)."

    def handle(self, *args, **options):
        sent = event_reminders_send()
        if options["verbosity"] >= 1:
            self.stdout.write(f"Recordatorios puestos en cola: {sent}.")
