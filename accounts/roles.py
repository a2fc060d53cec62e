"""The role groups of ARCHITECTURE.md and what each may do in the CMS.

Kept in code and applied after every `migrate` (post_migrate), so that every database,
from a test run to production, has the same groups with the same permissions.
"""

from django.contrib.auth.management import create_permissions
from django.contrib.auth.models import Group, Permission

EDITORS = "editors"
MODERATORS = "moderators"
REPORT_HANDLERS = "report_handlers"
SUPERVISORS = "supervisors"
ROLE_GROUPS = [EDITORS, MODERATORS, REPORT_HANDLERS, SUPERVISORS]

# The site settings editors keep: the entity's identity and channels of attention in the footer.
_EDITOR_SETTINGS_PERMISSIONS = [("cms", "change_siteidentity")]
# The list of offices (dependencias) other apps name as responsible; deleting one is not offered.
_EDITOR_MODEL_PERMISSIONS = [
    ("accounts", "add_office"),
    ("accounts", "change_office"),
    ("accounts", "view_office"),
]
_EDITOR_PAGE_PERMISSIONS = ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"]
_EDITOR_COLLECTION_PERMISSIONS = {
    "wagtaildocs": ["add_document", "change_document", "choose_document", "delete_document"],
    "wagtailimages": ["add_image", "change_image", "choose_image", "delete_image"],
}


def ensure_role_groups(using: str = "default") -> None:
    from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission, Page

    groups = {name: Group.objects.using(using).get_or_create(name=name)[0] for name in ROLE_GROUPS}
    editors = groups[EDITORS]

    access_admin = (
        Permission.objects.using(using)
        .filter(content_type__app_label="wagtailadmin", codename="access_admin")
        .first()
    )
    if access_admin:
        editors.permissions.add(access_admin)
    for app_label, codename in _EDITOR_SETTINGS_PERMISSIONS + _EDITOR_MODEL_PERMISSIONS:
        setting_permission = (
            Permission.objects.using(using)
            .filter(content_type__app_label=app_label, codename=codename)
            .first()
        )
        if setting_permission:
            editors.permissions.add(setting_permission)

    root_page = Page.objects.using(using).filter(depth=1).first()
    if root_page:
        for codename in _EDITOR_PAGE_PERMISSIONS:
            permission = (
                Permission.objects.using(using)
                .filter(content_type__app_label="wagtailcore", codename=codename)
                .first()
            )
            if permission:
                GroupPagePermission.objects.using(using).get_or_create(
                    group=editors, page=root_page, permission=permission
                )

    root_collection = Collection.objects.using(using).filter(depth=1).first()
    if root_collection:
        for app_label, codenames in _EDITOR_COLLECTION_PERMISSIONS.items():
            for permission in Permission.objects.using(using).filter(
                content_type__app_label=app_label, codename__in=codenames
            ):
                GroupCollectionPermission.objects.using(using).get_or_create(
                    group=editors, collection=root_collection, permission=permission
                )

    # Wagtail's sample groups would be mistaken for ours ("Moderators" is not "moderators").
    Group.objects.using(using).filter(name__in=["Editors", "Moderators"], user__isnull=True).delete()


def setup_roles_after_migrate(sender, using="default", **kwargs) -> None:
    from django.apps import apps

    # Permissions of every app must exist first; Django creates them app by app.
    for app_config in apps.get_app_configs():
        create_permissions(app_config, verbosity=0, using=using)
    ensure_role_groups(using=using)
