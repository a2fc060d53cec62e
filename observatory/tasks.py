"""Background work of the observatory (django-tasks)."""

from django_tasks import task

from observatory.services import computed_indicators_update


@task()
def update_computed_indicators() -> dict:
    summary = computed_indicators_update()
    return {"indicators": summary.indicators, "observations": summary.observations}
