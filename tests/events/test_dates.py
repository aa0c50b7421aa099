"""The last day to ask for a sign-language interpreter: 3 working days before the event, not
counting Saturdays, Sundays or Polish public holidays (issue 4)."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from biuletyn.events.dates import (
    is_working_day,
    last_day_to_request_interpreter,
    working_days_before,
)

pytestmark = pytest.mark.unit

D = dt.date

# event day -> last day to ask; each case names what it exercises.
CASES = [
    (D(2025, 12, 29), D(2025, 12, 19), "24-26 December are holidays from 2025"),
    (D(2024, 12, 30), D(2024, 12, 23), "before 2025, 24 December was a working day"),
    (D(2026, 4, 9), D(2026, 4, 3), "Easter Monday 2026"),
    (D(2026, 6, 8), D(2026, 6, 2), "Corpus Christi 2026"),
    (D(2024, 4, 4), D(2024, 3, 29), "Easter Monday 2024 (1 April)"),
    (D(2025, 4, 24), D(2025, 4, 18), "Easter Monday 2025 (21 April)"),
    (D(2024, 5, 6), D(2024, 4, 29), "1 May and 3 May 2024 around a weekend"),
    (D(2025, 5, 5), D(2025, 4, 29), "1 May (Thu) and 3 May (Sat) 2025"),
    (D(2024, 11, 12), D(2024, 11, 6), "Independence Day, Monday 11 November 2024"),
    (D(2025, 11, 12), D(2025, 11, 6), "Independence Day, Tuesday 11 November 2025"),
    (D(2026, 1, 7), D(2025, 12, 31), "New Year's Day and Epiphany 2026"),
    (D(2024, 8, 16), D(2024, 8, 12), "Assumption, Thursday 15 August 2024"),
    (D(2025, 6, 23), D(2025, 6, 17), "Corpus Christi 2025 (19 June)"),
    (D(2026, 3, 12), D(2026, 3, 9), "an ordinary Thursday"),
    (D(2026, 3, 16), D(2026, 3, 11), "an ordinary Monday: the weekend is skipped"),
    (D(2027, 3, 31), D(2027, 3, 25), "Easter Monday 2027 (29 March)"),
    (
        D(2027, 12, 27),
        D(2027, 12, 21),
        "Christmas 2027 over a weekend, 24 December a Friday holiday",
    ),
]


@pytest.mark.parametrize(("event", "last_day", "why"), CASES, ids=[c[2] for c in CASES])
def test_last_day_to_request_interpreter(event, last_day, why):
    assert last_day_to_request_interpreter(event) == last_day


def test_a_datetime_counts_by_its_date():
    start = dt.datetime(2026, 6, 8, 18, 30)

    assert last_day_to_request_interpreter(start) == D(2026, 6, 2)


def test_holidays_are_not_working_days():
    assert not is_working_day(D(2025, 12, 24))
    assert is_working_day(D(2024, 12, 24))
    assert not is_working_day(D(2026, 6, 4))
    assert not is_working_day(D(2026, 6, 6))  # a Saturday


def test_count_must_be_positive():
    with pytest.raises(ValueError, match="at least 1"):
        working_days_before(D(2026, 1, 1), 0)


@given(st.dates(min_value=D(2020, 1, 1), max_value=D(2035, 12, 31)))
def test_last_day_is_a_working_day_with_exactly_two_working_days_between(event):
    last_day = last_day_to_request_interpreter(event)
    between = [last_day + dt.timedelta(days=n) for n in range(1, (event - last_day).days)]

    assert is_working_day(last_day)
    assert last_day < event
    assert sum(is_working_day(day) for day in between) == 2
