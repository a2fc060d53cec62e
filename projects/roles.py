"""Editors keep projects in the Wagtail admin: the model permissions go to their group after
every migrate, like the observatory's."""

from django.contrib.auth.models import Group, Permission

from accounts.roles import EDITORS


def grant_editors(sender=None, using: str = "default", **kwargs) -> None:
    group = Group.objects.using(using).filter(name=EDITORS).first()
    if group is None:
        return
    permissions = Permission.objects.using(using).filter(
        content_type__app_label="projects", content_type__model__in=["project", "milestone"]
    )
    group.permissions.add(*permissions)
