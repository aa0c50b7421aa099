"""How an event's dates and times read on a page: "piątek, 20 czerwca 2024 r., 16:00–18:00",
"11–13 stycznia 2027 r.", "cały dzień". Each format is a msgid in Django's date-format syntax
(see biuletyn_dates, which also says where lines may break), so every language words it its own
way. The event filters take an EventPage (its standing schedule) or an events Schedule."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import template
from django.utils import dateformat
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from biuletyn.core.templatetags.biuletyn_dates import (
    SPACED_DASH,
    date_range,
    day_and_month,
    in_running_text,
    long_date,
    tie,
    time_of_day,
    time_range,
)

register = template.Library()


def _day(value: dt.date) -> str:
    return in_running_text(
        tie(dateformat.format(value, pgettext("weekday and date format", "l, j F Y")))
    )


@register.filter
def day_heading(value: dt.date) -> str:
    """A day of the calendar: "piątek, 20 czerwca 2024 r." / "Friday, 20 June 2024"."""
    return _day(value)


@register.filter
def event_times(value: Any) -> str:
    """The hours of an event on its day in a list: "16:00–18:00", "od 16:00", "cały dzień"."""
    schedule = getattr(value, "schedule", value)
    if schedule.is_all_day:
        return tie(_("all day"))
    assert schedule.start_time is not None
    return time_range(schedule.start_time, schedule.end_time)


def _end_of_range(day: dt.date, time: dt.time | None) -> str:
    text = long_date(day)
    return f"{text}, {time_of_day(time)}" if time is not None else text


@register.filter
def event_when(value: Any) -> str:
    """The whole date and time of an event, in one phrase, as inside a sentence:
    "piątek, 20 czerwca 2024 r., 16:00–18:00", "11–13 stycznia 2027 r.",
    "11 stycznia, 10:00 – 13 stycznia 2027 r., 16:00"."""
    schedule = getattr(value, "schedule", value)
    start, last = schedule.start_date, schedule.last_date
    if not schedule.is_multi_day:
        return f"{_day(start)}, {event_times(schedule)}"
    if schedule.start_time is None and schedule.end_time is None:
        return date_range(start, last)
    begin = day_and_month(start) if start.year == last.year else long_date(start)
    if schedule.start_time is not None:
        begin = f"{begin}, {time_of_day(schedule.start_time)}"
    return f"{begin}{SPACED_DASH}{_end_of_range(last, schedule.end_time)}"


@register.filter
def iso_start(value: Any) -> str:
    """The machine-readable start for <time datetime>: a date, or a date and time with offset."""
    schedule = getattr(value, "schedule", value)
    if schedule.starts_at is None:
        return str(schedule.start_date.isoformat())
    return str(schedule.starts_at.isoformat())
