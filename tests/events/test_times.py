"""An event's times as instants (issue 4): the dates and wall-clock times an editor gives, in
Poland, across the changes to and from summer time; all-day and multi-day events; and the last
day to ask for a sign-language interpreter."""

from __future__ import annotations

import datetime as dt

import pytest

from biuletyn.events.models import EventPage
from tests.factories.events import event_fields, make_calendar, make_event

pytestmark = pytest.mark.integration

D = dt.date
T = dt.time
HOUR = dt.timedelta(hours=1)


def event(**fields) -> EventPage:
    return EventPage(**event_fields(attendance_mode="online", **fields))


def lasts(page: EventPage) -> dt.timedelta:
    """Real time between start and end. (Subtracting two datetimes with the same tzinfo gives
    the wall-clock difference, which is wrong across a clock change: compare in UTC.)"""
    return page.ends_at.astimezone(dt.UTC) - page.starts_at.astimezone(dt.UTC)


def test_night_of_the_spring_clock_change_is_an_hour_shorter(db):
    page = event(
        start_date=D(2026, 3, 28), start_time=T(22), end_date=D(2026, 3, 29), end_time=T(4)
    )

    assert page.starts_at.isoformat() == "2026-03-28T22:00:00+01:00"
    assert page.ends_at.isoformat() == "2026-03-29T04:00:00+02:00"
    assert lasts(page) == 5 * HOUR


def test_night_of_the_autumn_clock_change_is_an_hour_longer(db):
    page = event(
        start_date=D(2026, 10, 24), start_time=T(22), end_date=D(2026, 10, 25), end_time=T(4)
    )

    assert page.starts_at.isoformat() == "2026-10-24T22:00:00+02:00"
    assert page.ends_at.isoformat() == "2026-10-25T04:00:00+01:00"
    assert lasts(page) == 7 * HOUR


def test_saved_event_keeps_its_wall_clock_times(site_tree):
    # Stored as a date and a time with no offset, read back the same on any server clock.
    saved = make_event(
        make_calendar(site_tree["pl"]),
        start_date=D(2026, 3, 28),
        start_time=T(22),
        end_date=D(2026, 3, 29),
        end_time=T(4),
    )

    page = EventPage.objects.get(pk=saved.pk)

    assert (page.start_date, page.start_time, page.end_date, page.end_time) == (
        D(2026, 3, 28),
        T(22),
        D(2026, 3, 29),
        T(4),
    )
    assert lasts(page) == 5 * HOUR


def test_summer_and_winter_events_have_their_own_offsets(db):
    assert event(start_date=D(2026, 7, 1), start_time=T(16)).starts_at.utcoffset() == 2 * HOUR
    assert event(start_date=D(2026, 1, 15), start_time=T(16)).starts_at.utcoffset() == HOUR


def test_all_day_multi_day_event(db):
    page = event(start_date=D(2026, 6, 10), end_date=D(2026, 6, 12), start_time=None, end_time=None)

    assert page.is_all_day
    assert page.is_multi_day
    assert page.last_date == D(2026, 6, 12)
    assert page.starts_at is None
    assert page.ends_at is None


def test_all_day_event_of_one_day(db):
    page = event(start_date=D(2026, 6, 10), start_time=None, end_time=None)

    assert page.is_all_day
    assert not page.is_multi_day
    assert page.last_date == D(2026, 6, 10)


def test_timed_event_of_one_day(db):
    page = event(start_date=D(2026, 6, 10), start_time=T(16), end_time=T(18))

    assert not page.is_all_day
    assert not page.is_multi_day
    assert lasts(page) == 2 * HOUR


def test_timed_event_without_an_end_time_has_no_end(db):
    page = event(start_date=D(2026, 6, 10), start_time=T(16), end_time=None)

    assert page.starts_at.isoformat() == "2026-06-10T16:00:00+02:00"
    assert page.ends_at is None


def test_timed_multi_day_event_ends_on_its_last_day(db):
    page = event(
        start_date=D(2026, 6, 10), end_date=D(2026, 6, 12), start_time=T(9), end_time=T(15)
    )

    assert page.is_multi_day
    assert page.ends_at.isoformat() == "2026-06-12T15:00:00+02:00"


# The examples of issue 4: three working days before, not counting weekends and holidays.
DEADLINES = [
    (D(2025, 12, 29), D(2025, 12, 19), "Monday after Christmas: 24-26 December are holidays"),
    (D(2026, 4, 9), D(2026, 4, 3), "Thursday after Easter Monday"),
    (D(2026, 6, 8), D(2026, 6, 2), "Monday after Corpus Christi"),
]


@pytest.mark.parametrize(("day", "last_day", "why"), DEADLINES, ids=[d[2] for d in DEADLINES])
def test_interpreter_on_request_has_a_last_day_to_ask(db, day, last_day, why):
    page = event(
        start_date=day, sign_language="on_request", sign_language_how_to_ask="SMS 600 100 200"
    )

    assert page.interpreter_deadline == last_day


def test_deadline_counts_from_the_start_date_of_a_multi_day_event(db):
    page = event(
        start_date=D(2026, 6, 8),
        end_date=D(2026, 6, 12),
        sign_language="on_request",
        sign_language_how_to_ask="SMS 600 100 200",
    )

    assert page.interpreter_deadline == D(2026, 6, 2)


@pytest.mark.parametrize("offer", ["provided", "none"])
def test_no_deadline_unless_the_interpreter_is_on_request(db, offer):
    assert event(start_date=D(2026, 6, 8), sign_language=offer).interpreter_deadline is None
