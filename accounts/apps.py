"""Accounts: people, participant types, organisations and memberships, personal data."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "accounts"
    label = "accounts"
    verbose_name = _("Cuentas y organizaciones")

    def ready(self) -> None:
        from django.db.models.signals import post_migrate

        from accounts import personal_data  # noqa: F401  (registers the sections)
        from accounts.roles import setup_roles_after_migrate

        post_migrate.connect(setup_roles_after_migrate, sender=self, dispatch_uid="accounts.roles")

        from accounts.models import Membership, Office, Organization
        from core import page_cache

        # Organisation lists and pages, the home page's organisations, challenges' co-leads;
        # offices are named on projects, events, risks and consultations.
        for model in (Organization, Membership, Office):
            page_cache.watch(model, lambda instance: ["organizations", page_cache.SITE])
