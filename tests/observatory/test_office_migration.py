"""Plan activities' free-text office becomes a link to the offices list, keeping every text."""

import datetime

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

BEFORE = [("observatory", "0002_corruption_risk_map"), ("accounts", "0006_office_members_project_notices")]
AFTER = [("observatory", "0005_activity_office_required")]


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_each_distinct_text_becomes_one_office_and_nothing_is_lost():
    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE)
    apps = executor.loader.project_state(BEFORE).apps
    Office = apps.get_model("accounts", "Office")
    Plan = apps.get_model("observatory", "Plan")
    Component = apps.get_model("observatory", "Component")
    Activity = apps.get_model("observatory", "Activity")
    Office.objects.create(name="Secretaría Jurídica", slug="juridica")
    component = Component.objects.create(
        plan=Plan.objects.create(year=2030, title="Plan 2030"), number=1, name="Uno"
    )
    texts = ["Secretaría de Planeación", "Secretaría de Planeación", "Oficina TIC", "secretaría jurídica"]
    for n, text in enumerate(texts):
        Activity.objects.create(
            component=component,
            code=f"1.{n}",
            description="Actividad",
            goal="Meta",
            indicator="Indicador",
            responsible_office=text,
            start_date=datetime.date(2030, 1, 1),
            due_date=datetime.date(2030, 12, 1),
        )

    executor = MigrationExecutor(connection)
    executor.migrate(AFTER)
    apps = executor.loader.project_state(AFTER).apps
    Activity = apps.get_model("observatory", "Activity")
    Office = apps.get_model("accounts", "Office")
    by_code = dict(Activity.objects.values_list("code", "responsible_office__name"))
    assert by_code == {
        "1.0": "Secretaría de Planeación",
        "1.1": "Secretaría de Planeación",
        "1.2": "Oficina TIC",
        "1.3": "Secretaría Jurídica",  # the existing office, whatever the case of the text
    }
    assert Office.objects.filter(name="Secretaría de Planeación").count() == 1

    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(executor.loader.graph.leaf_nodes())
