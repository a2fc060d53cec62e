"""Recompute the participation indicators (ideas, supports, new participants, and those other apps
register). Run it from cron once a day; it is idempotent:

    15 2 * * *  cd /srv/lab && .venv/bin/python manage.py update_computed_indicators

With --enqueue it only queues the task for `manage.py db_worker`.
"""

from django.core.management.base import BaseCommand

from observatory.services import computed_indicators_update
from observatory.tasks import update_computed_indicators


class Command(BaseCommand):
    help = "Recalcula los indicadores de participación del observatorio (idempotente; para cron)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--enqueue", action="store_true", help="Encolar la tarea en vez de ejecutarla aquí."
        )

    def handle(self, *args, **options):
        if options["enqueue"]:
            result = update_computed_indicators.enqueue()
            self.stdout.write(f"Tarea encolada: {result.id}")
            return
        summary = computed_indicators_update()
        if options["verbosity"] >= 1:
            self.stdout.write(
                f"Indicadores calculados: {summary.indicators}; mediciones guardadas: {summary.observations}."
            )
