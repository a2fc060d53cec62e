"""The kernel as an app, so that Django finds its template tags; it has no models."""

from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "core"
    label = "core"
    verbose_name = "Núcleo"

    def ready(self):
        from django.db.backends.signals import connection_created

        from core.search import register_sqlite_functions

        connection_created.connect(register_sqlite_functions, dispatch_uid="core.search.sqlite_functions")
