"""On PostgreSQL: GIN indexes on the text-search vectors that core.search.text_filter builds for the
largest tables the site search reads, ideas and debate sessions, so that a search reads the index
instead of computing every row's vector. Nothing to do on other databases.

Each index is built by Django from the same expression the search compiles,
`SearchVector(*fields, config="lab_spanish")` over the fields its provider passes (search/providers.py),
so that PostgreSQL recognises it in the query; tests/search/test_search_indexes.py checks with
EXPLAIN that the provider's query uses it. A provider that searches other fields needs a new index.

Challenges are not indexed: their vector joins the page's title (wagtailcore_page) with the challenge's
summary (another table), which no single index can hold, and there are tens of them, not thousands.
The indexes live here, with the search, and not in Django's model state: the apps whose tables they
index know nothing of the search configuration, and SQLite has no GIN.
"""

from django.db import migrations

SEARCH_CONFIG = "lab_spanish"  # core.search.SEARCH_CONFIG, created by 0001
INDEXES = [
    # (app label, model, index name, the fields the provider searches)
    ("ideas", "Idea", "ideas_idea_search_vector", ("title", "body")),
    ("debates", "DebateSession", "debates_session_search_vector", ("title", "description")),
]


def _index(name, fields):
    from django.contrib.postgres.indexes import GinIndex
    from django.contrib.postgres.search import SearchVector

    return GinIndex(SearchVector(*fields, config=SEARCH_CONFIG), name=name)


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for label, model_name, name, fields in INDEXES:
        schema_editor.add_index(apps.get_model(label, model_name), _index(name, fields))


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for label, model_name, name, fields in INDEXES:
        schema_editor.remove_index(apps.get_model(label, model_name), _index(name, fields))


class Migration(migrations.Migration):
    dependencies = [
        ("site_search", "0001_spanish_unaccent_configuration"),
        ("ideas", "0003_public_list_indexes"),
        ("debates", "0002_session_stream_url"),
    ]

    operations = [migrations.RunPython(create, drop)]
