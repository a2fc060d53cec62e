"""What bumps the page cache in reports (`reports-stats`: the public statistics pages, their
CSV and JSON, the yearly figures and the statistics API): a report filed, moved on, answered
or decided (its outcome and the reporter's survey), by any channel. No page with a single
report is ever cached."""

from core import page_cache

STATISTICS = "reports-stats"


def connect() -> None:
    from reports.models import Message, Outcome, Report, StatusChange

    for model in (Report, StatusChange, Message, Outcome):
        page_cache.watch(model, lambda instance: [STATISTICS])
