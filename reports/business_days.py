"""Terms counted in Colombian business days (Ley 1755 de 2015): weekends and national
holidays (the `holidays` package, CO calendar, with the Ley Emiliani Monday moves) do not count."""

import datetime
import functools

import holidays


@functools.cache
def _holidays_of(year: int) -> frozenset[datetime.date]:
    return frozenset(holidays.country_holidays("CO", years=year))


def is_business_day(day: datetime.date) -> bool:
    return day.weekday() < 5 and day not in _holidays_of(day.year)


def add_business_days(start: datetime.date, days: int) -> datetime.date:
    """The day on which a term of `days` business days counted from `start` ends.

    The day of `start` itself does not count (the term begins the next business day). A report
    received on a weekend or a holiday counts as received on the next business day, so its term
    begins the business day after that one.
    """
    if days < 0:
        raise ValueError("a term cannot be negative")
    while days and not is_business_day(start):
        start += datetime.timedelta(days=1)
    day = start
    left = days
    while left:
        day += datetime.timedelta(days=1)
        if is_business_day(day):
            left -= 1
    return day


def business_days_between(start: datetime.date, end: datetime.date) -> int:
    """Business days after `start` up to and including `end` (0 when end <= start); like
    `add_business_days`, a `start` on a weekend or a holiday counts as the next business day."""
    while start < end and not is_business_day(start):
        start += datetime.timedelta(days=1)
    count = 0
    day = start
    while day < end:
        day += datetime.timedelta(days=1)
        if is_business_day(day):
            count += 1
    return count
