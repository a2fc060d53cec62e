"""Editors maintain the observatory in the Wagtail admin: its model permissions go to their group
after every migrate, like the CMS permissions in accounts.roles."""

from django.contrib.auth.models import Group, Permission

from accounts.roles import EDITORS, SUPERVISORS

MODELS = [
    "indicator",
    "target",
    "observation",
    "plan",
    "component",
    "activity",
    "followup",
    "progress",
    "risk",
    "control",
    "riskaction",
]


def grant_editors(sender=None, using: str = "default", **kwargs) -> None:
    group = Group.objects.using(using).filter(name=EDITORS).first()
    if group is None:
        return
    permissions = Permission.objects.using(using).filter(
        content_type__app_label="observatory", content_type__model__in=MODELS
    )
    group.permissions.add(*permissions)


def grant_supervisors(sender=None, using: str = "default", **kwargs) -> None:
    """The control office (supervisors) records the risk map's follow-ups in the admin; editors
    only see them."""
    supervisors = Group.objects.using(using).filter(name=SUPERVISORS).first()
    if supervisors is not None:
        permissions = Permission.objects.using(using).filter(
            content_type__app_label="observatory",
            codename__in=["add_riskfollowup", "change_riskfollowup", "view_riskfollowup", "view_risk"],
        )
        access_admin = Permission.objects.using(using).filter(
            content_type__app_label="wagtailadmin", codename="access_admin"
        )
        supervisors.permissions.add(*permissions, *access_admin)
    editors = Group.objects.using(using).filter(name=EDITORS).first()
    if editors is not None:
        editors.permissions.add(
            *Permission.objects.using(using).filter(
                content_type__app_label="observatory", codename="view_riskfollowup"
            )
        )
