"""The registry of what a real deployment needs before its first visitor.

Each app registers an idempotent step (its section index page, its groups, its policy pages)
from its AppConfig.ready(); `manage.py bootstrap_site` runs them in `order`. A step creates
what is missing and never changes what an editor has already edited. It returns a list of
short, human lines saying what it created (empty when there was nothing to do).
"""

from collections.abc import Callable
from dataclasses import dataclass

Step = Callable[[], list[str]]


@dataclass(frozen=True)
class BootstrapStep:
    name: str
    order: int
    run: Step


_steps: dict[str, BootstrapStep] = {}


def register(name: str, order: int) -> Callable[[Step], Step]:
    def decorator(run: Step) -> Step:
        _steps[name] = BootstrapStep(name=name, order=order, run=run)
        return run

    return decorator


def steps() -> list[BootstrapStep]:
    return sorted(_steps.values(), key=lambda step: (step.order, step.name))
