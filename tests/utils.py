"""Helpers shared by the tests."""

from django.db import connection
from django.test.utils import CaptureQueriesContext, override_settings


def count_queries(func, *, page_cache: bool = False) -> int:
    """How many SQL queries `func()` runs: rendering the page, unless `page_cache` is true
    (then a page served from the page cache costs none)."""
    with override_settings(**({} if page_cache else {"PAGE_CACHE_SECONDS": 0})):
        with CaptureQueriesContext(connection) as context:
            func()
    return len(context)
