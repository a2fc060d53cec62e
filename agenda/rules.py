"""Who may do what in the agenda (django-rules), from the services' checks."""

import rules

from agenda import services
from core.refusals import passes


@rules.predicate
def can_register(user, event) -> bool:
    return event is not None and passes(services.check_can_register, user, event)


@rules.predicate
def can_manage(user, event) -> bool:
    return event is not None and passes(services.check_can_manage, user, event)


rules.add_perm("agenda.register_event", can_register)
rules.add_perm("agenda.view_attendance", can_manage)
