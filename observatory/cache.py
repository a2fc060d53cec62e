"""What bumps the page cache in the observatory (`observatory`: its home, indicator pages,
plan pages, their CSV and JSON, the indicators API): indicators, observations, targets and
the plan, saved or deleted anywhere (the admin screens included), and each load of
observations (`services._upsert`, whose `bulk_create` sends no signal).

`risks` (the corruption risk map, a risk's page, their CSV and JSON, the risks API): a risk,
its controls, actions and follow-ups saved or deleted anywhere (the admin screens and
`services.risk_followup_record` included)."""

from core import page_cache

OBSERVATORY = "observatory"
RISKS = "risks"


def connect() -> None:
    from observatory.models import (
        Activity,
        Component,
        Control,
        FollowUp,
        Indicator,
        Observation,
        Plan,
        Progress,
        Risk,
        RiskAction,
        RiskFollowUp,
        Target,
    )

    for model in (Indicator, Observation, Target, Plan, Component, Activity, FollowUp, Progress):
        page_cache.watch(model, lambda instance: [OBSERVATORY])
    for model in (Risk, Control, RiskAction, RiskFollowUp):
        page_cache.watch(model, lambda instance: [RISKS])
