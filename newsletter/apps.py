"""The newsletter (boletín) with double opt-in and one-click unsubscribe, and the challenges' feeds."""

from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class NewsletterConfig(AppConfig):
    name = "newsletter"
    verbose_name = _("Boletín")

    def ready(self) -> None:
        from newsletter import personal_data  # noqa: F401  (registers its section)
        from newsletter.roles import grant_newsletter

        post_migrate.connect(grant_newsletter, sender=self)
