"""Who may do what with projects (django-rules): everyone reads; editors, staff and the members
of the responsible office update a project."""

import rules

from accounts.roles import EDITORS
from accounts.rules import is_staff

is_editor = rules.is_group_member(EDITORS)


@rules.predicate
def is_office_member(user, project) -> bool:
    if project is None or not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    return project.office.members.filter(pk=user.pk).exists()


rules.add_perm("projects.update_project", is_staff | is_editor | is_office_member)
