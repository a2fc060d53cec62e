"""The newsletter (boletín) with double opt-in and one-click unsubscribe, and the challenges' feeds."""

from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class NewsletterConfig(AppConfig):
    name = "newsletter"
    verbose_name = _("Boletín")

    def ready(self) -> None:
        from core import bootstrap
        from newsletter import personal_data  # noqa: F401  (registers its section)
        from newsletter.roles import bootstrap_newsletter, grant_newsletter

        post_migrate.connect(grant_newsletter, sender=self)
        bootstrap.register("newsletter", order=61)(bootstrap_newsletter)
