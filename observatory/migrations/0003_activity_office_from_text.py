"""Plan activities name their responsible office from the offices list instead of free text: the
link, beside the old text until the next migration has filled it."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0006_office_members_project_notices"),
        ("observatory", "0002_corruption_risk_map"),
    ]

    operations = [
        migrations.RenameField("activity", "responsible_office", "responsible_office_text"),
        migrations.AddField(
            model_name="activity",
            name="responsible_office",
            field=models.ForeignKey(
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="plan_activities",
                to="accounts.office",
                verbose_name="dependencia responsable",
            ),
        ),
    ]
