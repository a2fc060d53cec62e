"""Editors and moderators keep the agenda in the Wagtail admin: the event permissions go to
their groups after every migrate (and the admin's door to the moderators)."""

from django.apps import apps
from django.contrib.auth.management import create_permissions
from django.contrib.auth.models import Group, Permission

from accounts.roles import EDITORS, MODERATORS


def grant_agenda(sender=None, using: str = "default", **kwargs) -> None:
    create_permissions(apps.get_app_config("agenda"), verbosity=0, using=using)
    permissions = list(
        Permission.objects.using(using).filter(content_type__app_label="agenda", content_type__model="event")
    )
    access_admin = (
        Permission.objects.using(using)
        .filter(content_type__app_label="wagtailadmin", codename="access_admin")
        .first()
    )
    for group in Group.objects.using(using).filter(name__in=(EDITORS, MODERATORS)):
        group.permissions.add(*permissions)
        if access_admin is not None:
            group.permissions.add(access_admin)


def bootstrap_agenda() -> list[str]:
    """Going-live step: the agenda's permissions for editors and moderators (idempotent)."""
    before = Permission.objects.filter(group__name__in=(EDITORS, MODERATORS)).count()
    grant_agenda()
    added = Permission.objects.filter(group__name__in=(EDITORS, MODERATORS)).count() - before
    return [f"Agenda: {added} permisos para editores y moderadores."] if added else []
