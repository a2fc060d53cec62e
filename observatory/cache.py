"""What bumps the page cache in the observatory (`observatory`: its home, indicator pages,
plan pages, their CSV and JSON, the indicators API): indicators, observations, targets and
the plan, saved or deleted anywhere (the admin screens included), and each load of
observations (`services._upsert`, whose `bulk_create` sends no signal)."""

from core import page_cache

OBSERVATORY = "observatory"


def connect() -> None:
    from observatory.models import (
        Activity,
        Component,
        FollowUp,
        Indicator,
        Observation,
        Plan,
        Progress,
        Target,
    )

    for model in (Indicator, Observation, Target, Plan, Component, Activity, FollowUp, Progress):
        page_cache.watch(model, lambda instance: [OBSERVATORY])
