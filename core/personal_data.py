"""The registry of personal data: each app says what it holds about a person, and what goes
when the person deletes their account.

An app registers a function per section; `export_personal_data` gathers them all, so the
download a person gets (Ley 1581 de 2012, right of access) grows with the platform. An app
whose rows are private to the person (follows, say) also registers an eraser, which
`erase_personal_data` runs when the account is deleted (the account row stays as an anonymous
tombstone, so nothing would cascade).
"""

from collections.abc import Callable
from typing import Any

_sections: dict[str, Callable[[Any], Any]] = {}
_erasers: dict[str, Callable[[Any], Any]] = {}


def register(name: str) -> Callable[[Callable[[Any], Any]], Callable[[Any], Any]]:
    def decorator(func: Callable[[Any], Any]) -> Callable[[Any], Any]:
        _sections[name] = func
        return func

    return decorator


def export_personal_data(user) -> dict[str, Any]:
    return {name: collect(user) for name, collect in sorted(_sections.items())}


def eraser(name: str) -> Callable[[Callable[[Any], Any]], Callable[[Any], Any]]:
    def decorator(func: Callable[[Any], Any]) -> Callable[[Any], Any]:
        _erasers[name] = func
        return func

    return decorator


def erase_personal_data(user) -> None:
    """Delete what every app keeps of `user` alone (in the caller's transaction)."""
    for _name, erase in sorted(_erasers.items()):
        erase(user)
