"""Editors maintain the observatory in the Wagtail admin: its model permissions go to their group
after every migrate, like the CMS permissions in accounts.roles."""

from django.contrib.auth.models import Group, Permission

from accounts.roles import EDITORS

MODELS = ["indicator", "target", "observation", "plan", "component", "activity", "followup", "progress"]


def grant_editors(sender=None, using: str = "default", **kwargs) -> None:
    group = Group.objects.using(using).filter(name=EDITORS).first()
    if group is None:
        return
    permissions = Permission.objects.using(using).filter(
        content_type__app_label="observatory", content_type__model__in=MODELS
    )
    group.permissions.add(*permissions)
