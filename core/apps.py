"""The kernel as an app, so that Django finds its template tags; it has no models."""

from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "core"
    label = "core"
    verbose_name = "Núcleo"
