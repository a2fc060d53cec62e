"""On PostgreSQL the site search reads GIN indexes on the text-search vectors of ideas and debate
sessions (search/migrations/0002_search_vector_indexes.py): EXPLAIN of each provider's own query
names its index. Skipped on SQLite (the PostgreSQL pass runs it); under CI=true a missing
PostgreSQL fails it (tests/conftest.py)."""

import datetime

import pytest
from django.db import connection
from django.utils import timezone

from ideas.models import Idea
from search.providers import matching_ideas, matching_sessions
from sessions.models import DebateSession
from tests.accounts.factories import UserFactory
from tests.challenges.factories import make_challenge
from tests.ideas.factories import IdeaFactory

pytestmark = [pytest.mark.postgres, pytest.mark.django_db]
ROWS = 2000
WORDS = ["parque", "alumbrado", "andenes", "biblioteca", "ciclovía", "mercado", "acueducto", "colegio"]


def plan_of(queryset) -> str:
    """The plan PostgreSQL picks for `queryset` with sequential scans priced out, as the planner
    does on a large table: whether an index is used at all is the question, not which is cheaper
    on a test's few thousand rows."""
    sql, params = queryset.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute("SET enable_seqscan = off")
        try:
            cursor.execute(f"EXPLAIN {sql}", params)
            return "\n".join(row[0] for row in cursor.fetchall())
        finally:
            cursor.execute("RESET enable_seqscan")


def test_the_database_is_postgresql_with_the_indexes():
    assert connection.vendor == "postgresql"
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT indexname, indexdef FROM pg_indexes WHERE indexname IN (%s, %s) ORDER BY indexname",
            ["debates_session_search_vector", "ideas_idea_search_vector"],
        )
        found = dict(cursor.fetchall())
    assert set(found) == {"debates_session_search_vector", "ideas_idea_search_vector"}
    assert "USING gin (to_tsvector('lab_spanish'::regconfig" in found["ideas_idea_search_vector"]


def test_the_idea_search_reads_its_gin_index():
    challenge = make_challenge("voting", title="Barrios más seguros")
    author = UserFactory()
    template = IdeaFactory.build(challenge=challenge, author=author)
    Idea.objects.bulk_create(
        [
            Idea(
                challenge=challenge,
                author=author,
                title=f"Idea {n}: {WORDS[n % len(WORDS)]} para la comuna {n % 17 + 1}",
                body=f"Arreglar el {WORDS[(n * 3) % len(WORDS)]} del barrio, con veeduría de la junta.",
                body_html=template.body_html,
            )
            for n in range(ROWS)
        ]
    )
    IdeaFactory(challenge=challenge, author=author, title="Denunciar la corrupción en la contratación")
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE ideas_idea")
    query = matching_ideas("corrupcion contratacion")
    assert [idea.title for idea in query] == ["Denunciar la corrupción en la contratación"]
    plan = plan_of(query)
    assert "ideas_idea_search_vector" in plan, plan


def test_the_session_search_reads_its_gin_index():
    now = timezone.now()
    DebateSession.objects.bulk_create(
        [
            DebateSession(
                title=f"Sesión {n} sobre el {WORDS[n % len(WORDS)]}",
                description="Diálogo con la comunidad.",
                starts_at=now,
                ends_at=now + datetime.timedelta(hours=2),
            )
            for n in range(ROWS)
        ]
    )
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE debates_debatesession")
    query = matching_sessions("gobierno abierto")
    assert list(query) == []
    plan = plan_of(query)
    assert "debates_session_search_vector" in plan, plan
