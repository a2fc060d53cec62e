"""`manage.py bootstrap_site`: what a real deployment needs before its first visitor.

Runs every step the apps registered in core.bootstrap, in order, each in its own transaction.
Creates only what is missing, never demo content, and never changes what editors changed: run
it after every upgrade (`make serve` does).
"""

from django.core.management.base import BaseCommand
from django.db import transaction

from core import bootstrap


class Command(BaseCommand):
    help = "Crea lo que el sitio necesita antes de su primera visita (idempotente)."

    def handle(self, *args, **options):
        total = 0
        for step in bootstrap.steps():
            with transaction.atomic():
                created = step.run()
            for line in created:
                self.stdout.write(f"{step.name}: {line}")
            total += len(created)
        self.stdout.write(f"bootstrap_site: elementos creados: {total}.")
