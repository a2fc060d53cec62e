"""Data of the previous migration: one office per distinct text (kept as written), every plan
activity linked to it. Apart from the schema changes, so PostgreSQL has no pending trigger events."""

from django.db import migrations
from django.utils.text import slugify


def _unique_slug(Office, name: str) -> str:
    base = slugify(name)[:150] or "dependencia"
    slug, n = base, 1
    while Office.objects.filter(slug=slug).exists():
        n += 1
        slug = f"{base}-{n}"
    return slug


def texts_to_offices(apps, schema_editor):
    Activity = apps.get_model("observatory", "Activity")
    Office = apps.get_model("accounts", "Office")
    names = Activity.objects.values_list("responsible_office_text", flat=True).distinct()
    for raw in names:
        name = (raw or "").strip()[:160] or "Sin dependencia"
        office = Office.objects.filter(name__iexact=name).first()
        if office is None:
            office = Office.objects.create(name=name, slug=_unique_slug(Office, name))
        Activity.objects.filter(responsible_office_text=raw).update(responsible_office=office)


def offices_to_texts(apps, schema_editor):
    Activity = apps.get_model("observatory", "Activity")
    for activity in Activity.objects.select_related("responsible_office"):
        activity.responsible_office_text = activity.responsible_office.name if activity.responsible_office else ""
        activity.save(update_fields=["responsible_office_text"])


class Migration(migrations.Migration):
    dependencies = [("observatory", "0003_activity_office_from_text")]

    operations = [migrations.RunPython(texts_to_offices, offices_to_texts)]
