"""Who may do what in the observatory (django-rules): everyone reads; editors and staff load data."""

import rules

from accounts.roles import EDITORS, SUPERVISORS
from accounts.rules import is_staff

is_editor = rules.is_group_member(EDITORS)

rules.add_perm("observatory.load_observations", is_staff | is_editor)
rules.add_perm("observatory.manage_observatory", is_staff | is_editor)

# The corruption risk map: editors keep it; the control office (supervisors) follows it up.
is_supervisor = rules.is_group_member(SUPERVISORS)
rules.add_perm("observatory.edit_risk_map", is_staff | is_editor)
rules.add_perm("observatory.follow_up_risk", is_staff | is_supervisor)
