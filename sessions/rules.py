"""Who may do what in the debate rooms (django-rules). The services say why an action is
refused; these predicates answer "may this person, now?" for pages, the API and the consumer."""

import rules

from core.refusals import passes
from sessions import services


@rules.predicate
def can_view(user, session) -> bool:
    return session is not None and passes(services.check_can_view, user, session)


@rules.predicate
def can_participate(user, session) -> bool:
    return session is not None and passes(services.check_can_participate, user, session)


@rules.predicate
def can_follow(user, session) -> bool:
    return session is not None and passes(services.check_can_follow, user, session)


@rules.predicate
def is_session_moderator(user, session) -> bool:
    return session is not None and services.is_session_moderator(user, session)


rules.add_perm("debates.view_debatesession", can_view)
rules.add_perm("debates.participate_debatesession", can_participate)
rules.add_perm("debates.follow_debatesession", can_follow)
rules.add_perm("debates.moderate_debatesession", is_session_moderator)
