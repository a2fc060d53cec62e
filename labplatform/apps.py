"""The project package as an app: shared templates tags, the demo-content command."""

from django.apps import AppConfig


class LabPlatformConfig(AppConfig):
    name = "labplatform"
    label = "labplatform"
    verbose_name = "Laboratorio"
