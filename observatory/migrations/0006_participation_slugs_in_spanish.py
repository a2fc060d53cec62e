"""The computed "participantes nuevos" series take Spanish addresses (participantes-nuevos-ciudadanos
instead of participantes-nuevos-citizen); the old ones redirect (observatory.participation)."""

from django.db import migrations

RENAMED = {
    "participantes-nuevos-citizen": "participantes-nuevos-ciudadanos",
    "participantes-nuevos-university": "participantes-nuevos-universidades",
    "participantes-nuevos-guild": "participantes-nuevos-gremios",
    "participantes-nuevos-civil-society": "participantes-nuevos-sociedad-civil",
    "participantes-nuevos-public-entity": "participantes-nuevos-entidades-publicas",
    "participantes-nuevos-company": "participantes-nuevos-empresas",
}


def _rename(apps, renamed: dict[str, str]) -> None:
    Indicator = apps.get_model("observatory", "Indicator")
    changed = False
    for old, new in renamed.items():
        indicator = Indicator.objects.filter(slug=old, computed=True).first()
        if indicator is None:
            continue
        taken = Indicator.objects.filter(slug=new).first()
        if taken is not None:
            if not taken.computed:
                continue  # an editor's indicator has the name: the daily task leaves both alone
            # The series was already computed under its new name: the old copy only repeats it.
            indicator.delete()
        else:
            indicator.slug = new
            indicator.save(update_fields=["slug"])
        changed = True
    if changed:
        # Pages and API answers cached with the old addresses are rendered afresh.
        # Without a reachable cache the migration still runs: cached entries expire by themselves.
        try:
            from core.page_cache import bump_now

            bump_now(["observatory"])
        except Exception:  # noqa: BLE001
            pass


def forwards(apps, schema_editor):
    _rename(apps, RENAMED)


def backwards(apps, schema_editor):
    _rename(apps, {new: old for old, new in RENAMED.items()})


class Migration(migrations.Migration):
    dependencies = [("observatory", "0005_activity_office_required")]

    operations = [migrations.RunPython(forwards, backwards)]
