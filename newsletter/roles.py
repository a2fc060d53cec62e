"""Editors compose and send the newsletter: its permissions go to their group after migrate."""

from django.apps import apps
from django.contrib.auth.management import create_permissions
from django.contrib.auth.models import Group, Permission

from accounts.roles import EDITORS


def grant_newsletter(sender=None, using: str = "default", **kwargs) -> None:
    create_permissions(apps.get_app_config("newsletter"), verbosity=0, using=using)
    group = Group.objects.using(using).filter(name=EDITORS).first()
    if group is not None:
        group.permissions.add(
            *Permission.objects.using(using)
            .filter(
                content_type__app_label="newsletter",
                content_type__model__in=["edition", "subscriber", "delivery"],
            )
            .exclude(codename__in=["add_subscriber", "add_delivery", "change_delivery"])
        )


def bootstrap_newsletter() -> list[str]:
    """Going-live step: the newsletter's permissions for editors (idempotent)."""
    before = Permission.objects.filter(group__name=EDITORS).count()
    grant_newsletter()
    added = Permission.objects.filter(group__name=EDITORS).count() - before
    return [f"Boletín: {added} permisos para editores."] if added else []
