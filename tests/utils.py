"""Helpers shared by the tests."""

from django.db import connection
from django.test.utils import CaptureQueriesContext


def count_queries(func) -> int:
    """How many SQL queries `func()` runs."""
    with CaptureQueriesContext(connection) as context:
        func()
    return len(context)
