"""Terms in Colombian business days: weekends and the national holidays of the CO calendar."""

import datetime

from hypothesis import given
from hypothesis import strategies as st

from reports.business_days import add_business_days, business_days_between, is_business_day
from tests.reports.conftest import day

dates = st.dates(min_value=datetime.date(2020, 1, 1), max_value=datetime.date(2035, 12, 31))
terms = st.integers(min_value=0, max_value=60)


def test_fifteen_business_days_from_15_december_2025_end_on_7_january_2026():
    # Christmas, New Year and Epiphany moved to Monday 12 January do not count.
    assert add_business_days(day("2025-12-15"), 15) == day("2026-01-07")


def test_holidays_of_2026_moved_to_monday_do_not_count():
    assert not is_business_day(day("2026-03-23"))  # San José, moved to Monday
    assert not is_business_day(day("2026-07-13"))  # Virgen de Chiquinquirá, moved to Monday
    assert not is_business_day(day("2026-07-20"))  # Independence Day
    assert is_business_day(day("2026-03-24"))
    assert add_business_days(day("2026-03-20"), 1) == day("2026-03-24")


def test_weekends_do_not_count():
    assert add_business_days(day("2026-11-27"), 1) == day("2026-11-30")  # Friday → Monday
    assert business_days_between(day("2026-11-27"), day("2026-11-30")) == 1


def test_a_report_received_on_a_weekend_counts_from_the_next_business_day():
    # Received on Saturday: received on Monday for the law, so the term starts on Tuesday.
    assert add_business_days(day("2026-11-28"), 1) == day("2026-12-01")
    assert business_days_between(day("2026-11-28"), day("2026-12-01")) == 1
    assert business_days_between(day("2026-11-28"), day("2026-11-30")) == 0


@given(dates, terms)
def test_a_term_never_ends_on_a_weekend_or_a_holiday(start, term):
    end = add_business_days(start, term)
    assert end == start if term == 0 else is_business_day(end)


@given(dates, terms, terms)
def test_a_longer_term_never_ends_earlier(start, first, second):
    shorter, longer = sorted((first, second))
    assert add_business_days(start, shorter) <= add_business_days(start, longer)


@given(dates, terms)
def test_counting_back_the_days_gives_the_term(start, term):
    assert business_days_between(start, add_business_days(start, term)) == term
