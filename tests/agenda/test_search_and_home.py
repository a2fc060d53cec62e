"""Events in the site search; what is next for the home page."""

import datetime

import pytest
from django.template.loader import render_to_string
from django.utils import timezone

from agenda.selectors import upcoming_events
from core import search
from tests.agenda.factories import EventFactory
from tests.utils import count_queries

pytestmark = pytest.mark.django_db


def _provider():
    return {search_type.type: search_type.provider for search_type in search.search_types()}["event"]


def test_search_finds_public_events_only():
    shown = EventFactory(title="Taller de Veeduría ciudadana")
    EventFactory(title="Veeduría interna", public=False)
    hits = _provider()("veeduría", 10)
    assert [(hit.type, hit.title, hit.url) for hit in hits] == [
        ("event", shown.title, f"/agenda/{shown.pk}/")
    ]
    assert count_queries(lambda: _provider()("taller", 10)) == 1


def test_upcoming_events_for_the_home_page_in_one_query():
    EventFactory(title="Ya pasó", starts_at=timezone.now() - datetime.timedelta(days=2))
    EventFactory(title="Cancelado", cancelled=True)
    later = EventFactory(title="Después", starts_at=timezone.now() + datetime.timedelta(days=9))
    soon = EventFactory(title="Pronto", starts_at=timezone.now() + datetime.timedelta(days=1))
    assert count_queries(lambda: upcoming_events(5)) == 1
    events = upcoming_events(5)
    assert events == [soon, later]
    html = render_to_string("agenda/includes/upcoming.html", {"events": events})
    assert html.index("Pronto") < html.index("Después")
    assert 'href="/agenda/"' in html
