"""The registry of personal data: each app says what it holds about a person.

An app registers a function per section; `export_personal_data` gathers them all, so the
download a person gets (Ley 1581 de 2012, right of access) grows with the platform.
"""

from collections.abc import Callable
from typing import Any

_sections: dict[str, Callable[[Any], Any]] = {}


def register(name: str) -> Callable[[Callable[[Any], Any]], Callable[[Any], Any]]:
    def decorator(func: Callable[[Any], Any]) -> Callable[[Any], Any]:
        _sections[name] = func
        return func

    return decorator


def export_personal_data(user) -> dict[str, Any]:
    return {name: collect(user) for name, collect in sorted(_sections.items())}
