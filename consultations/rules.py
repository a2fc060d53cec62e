"""Who may do what with consultations (django-rules). The services say why an action is refused;
these predicates answer "may this person, now?" for templates and permission checks."""

import rules

from consultations import services
from core.refusals import passes


@rules.predicate
def can_comment(user, page) -> bool:
    return page is not None and passes(services.check_can_comment, user, page)


@rules.predicate
def can_answer(user, page) -> bool:
    return page is not None and passes(services.check_can_answer, user, page)


@rules.predicate
def can_moderate(user) -> bool:
    return passes(services.check_can_moderate, user)


rules.add_perm("consultations.comment_consultation", can_comment)
rules.add_perm("consultations.answer_consultationcomment", can_answer)
rules.add_perm("consultations.moderate_consultationcomment", can_moderate)
