"""Demo content for Bucaramanga and the `seed_demo` command. No app imports it; a production
install may leave it out of INSTALLED_APPS."""

from django.apps import AppConfig


class DemoConfig(AppConfig):
    name = "demo"
    label = "demo"
    verbose_name = "Contenido de demostración"
