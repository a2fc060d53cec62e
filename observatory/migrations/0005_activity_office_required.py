import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("observatory", "0004_activity_office_data")]

    operations = [
        migrations.RemoveField("activity", "responsible_office_text"),
        migrations.AlterField(
            model_name="activity",
            name="responsible_office",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.PROTECT,
                related_name="plan_activities",
                to="accounts.office",
                verbose_name="dependencia responsable",
            ),
        ),
    ]
