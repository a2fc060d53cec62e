"""Who may read and handle corruption reports: the report handlers, nobody else.

Not through `user.has_perm`: Django grants every permission to active superusers, and a
superuser must not read reports by being one. The rules live in their own rule set and are
checked with `rules.test_rule` by `reports.selectors.access_report` and the views.
"""

import rules

from accounts.roles import REPORT_HANDLERS, SUPERVISORS


@rules.predicate
def is_active_account(user) -> bool:
    return bool(getattr(user, "is_authenticated", False) and user.is_active)


is_report_handler = is_active_account & rules.is_group_member(REPORT_HANDLERS)
is_supervisor = is_active_account & rules.is_group_member(SUPERVISORS)

rules.add_rule("reports.handle_report", is_report_handler)
rules.add_rule("reports.view_audit_log", is_supervisor)


def can_handle(user) -> bool:
    return rules.test_rule("reports.handle_report", user)


def can_supervise(user) -> bool:
    return rules.test_rule("reports.view_audit_log", user)
