"""Who may do what in the observatory (django-rules): everyone reads; editors and staff load data."""

import rules

from accounts.roles import EDITORS
from accounts.rules import is_staff

is_editor = rules.is_group_member(EDITORS)

rules.add_perm("observatory.load_observations", is_staff | is_editor)
rules.add_perm("observatory.manage_observatory", is_staff | is_editor)
