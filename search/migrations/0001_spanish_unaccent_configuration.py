"""On PostgreSQL: the `unaccent` extension and the `lab_spanish` text search configuration
(Spanish stemming over unaccented words) that core.search.text_filter and Wagtail's search use.
Nothing to do on other databases."""

from django.db import migrations

CREATE = """
CREATE EXTENSION IF NOT EXISTS unaccent;
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = 'lab_spanish') THEN
    CREATE TEXT SEARCH CONFIGURATION lab_spanish (COPY = spanish);
    ALTER TEXT SEARCH CONFIGURATION lab_spanish
      ALTER MAPPING FOR hword, hword_part, word WITH unaccent, spanish_stem;
  END IF;
END
$$;
"""
DROP = "DROP TEXT SEARCH CONFIGURATION IF EXISTS lab_spanish;"


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(CREATE)


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP)


class Migration(migrations.Migration):
    dependencies = []
    run_before = [("wagtailsearch", "0001_initial")]

    operations = [migrations.RunPython(create, drop)]
