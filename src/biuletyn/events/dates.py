"""Working days and the last day to ask for a Polish Sign Language interpreter.

The act on sign language (ustawa z 19 sierpnia 2011 r. o języku migowym i innych środkach
komunikowania się, art. 12 ust. 1) lets a person ask a public body for an interpreter at least
3 working days before the meeting. We apply it to every "on request" offer: count back from the
event, skipping Saturdays, Sundays and Polish public holidays (the `holidays` package knows the
movable ones and 24 December from 2025), and the third working day is the last day to ask.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from zoneinfo import ZoneInfo

import holidays

NOTICE_WORKING_DAYS = 3


@lru_cache(maxsize=64)
def _polish_holidays(year: int) -> frozenset[dt.date]:
    return frozenset(holidays.Poland(years=year))


def is_working_day(day: dt.date) -> bool:
    return day.weekday() < 5 and day not in _polish_holidays(day.year)


def working_days_before(day: dt.date, count: int) -> dt.date:
    """The ``count``-th working day before ``day`` (``day`` itself never counts)."""
    if count < 1:
        raise ValueError("count must be at least 1")
    found = 0
    current = day
    while found < count:
        current -= dt.timedelta(days=1)
        if is_working_day(current):
            found += 1
    return current


def last_day_to_request_interpreter(event_start: dt.date | dt.datetime) -> dt.date:
    """The last day on which a reader may still ask for a PJM interpreter for an event."""
    day = event_start.date() if isinstance(event_start, dt.datetime) else event_start
    return working_days_before(day, NOTICE_WORKING_DAYS)


# --- wall-clock times in Poland ------------------------------------------------------------------
#
# Editors give an event's times as a Polish reader reads them: a date and a wall-clock time in
# Europe/Warsaw. They are stored so (a date and a time, no offset) and turned into instants here,
# so "Saturday 28 March, 22:00 until Sunday 4:00" stays right across the change to summer time.

WARSAW = ZoneInfo("Europe/Warsaw")


def local_datetime(day: dt.date, time: dt.time) -> dt.datetime:
    """The instant of a wall-clock time in Warsaw. In the autumn hour that happens twice, the
    first (summer-time) one: that is when the clocks first show it."""
    return dt.datetime.combine(day, time).replace(tzinfo=WARSAW, fold=0)


def time_exists(day: dt.date, time: dt.time) -> bool:
    """False for a time the clocks skip, such as 2:30 on the last Sunday of March."""
    moment = dt.datetime.combine(day, time).replace(tzinfo=WARSAW)
    round_trip = moment.astimezone(dt.UTC).astimezone(WARSAW)
    return round_trip.replace(tzinfo=None) == moment.replace(tzinfo=None)
