"""What services raise when the platform refuses an action, and the bridge from their checks
to django-rules predicates (so a template and the service never disagree on who may act)."""

from collections.abc import Callable


class Refused(Exception):
    """An action the platform refuses, with a code for machines and a message for people."""

    def __init__(self, code: str, message: str, status: int = 403):
        super().__init__(message)
        self.code = code
        self.message = message
        self.status = status


def passes(check: Callable[..., None], *args) -> bool:
    """True when the service's `check_*` function accepts the arguments."""
    try:
        check(*args)
    except Refused:
        return False
    return True
