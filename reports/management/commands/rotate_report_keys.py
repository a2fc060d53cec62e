"""Re-encrypt every report, message and attachment with the newest key of REPORTS_ENCRYPTION_KEYS.

Put the new key first in the variable (keep the old ones after it), restart, run this, and
only then drop the old keys: until this has run, old rows still need them to be read.
"""

from django.core.management.base import BaseCommand

from reports.services import reports_rotate_keys


class Command(BaseCommand):
    help = "Cifra de nuevo las denuncias y sus adjuntos con la clave más reciente de REPORTS_ENCRYPTION_KEYS."

    def handle(self, *args, **options):
        counts = reports_rotate_keys()
        if options["verbosity"] >= 1:
            summary = ", ".join(f"{name}: {n}" for name, n in counts.items())
            self.stdout.write(f"Cifrado de nuevo con la clave más reciente ({summary}).")
