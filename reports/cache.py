"""What bumps the page cache in reports (`reports-stats`: the public statistics pages, their
CSV and JSON, the statistics API): a report filed, moved on, answered or decided, by any
channel. No page with a single report is ever cached."""

from core import page_cache

STATISTICS = "reports-stats"


def connect() -> None:
    from reports.models import Message, Report, StatusChange

    for model in (Report, StatusChange, Message):
        page_cache.watch(model, lambda instance: [STATISTICS])
