"""How an event's dates and times read on a page: "piątek, 20 czerwca 2024 r., 16:00–18:00",
"od 12 grudnia 2025 r. do 14 grudnia 2025 r.", "all day". Each format is a msgid in Django's
date-format syntax (see biuletyn_dates), so every language words it its own way."""

from __future__ import annotations

import datetime as dt

from django import template
from django.utils import dateformat
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from biuletyn.core.templatetags.biuletyn_dates import in_running_text, long_date, long_datetime
from biuletyn.events.models import EventPage

register = template.Library()


def _day(value: dt.date) -> str:
    return in_running_text(
        dateformat.format(value, pgettext("weekday and date format", "l, j F Y"))
    )


def _time(value: dt.time) -> str:
    return dateformat.time_format(value, pgettext("time format", "H:i"))


@register.filter
def day_heading(value: dt.date) -> str:
    """A day of the calendar: "piątek, 20 czerwca 2024 r." / "Friday, 20 June 2024"."""
    return _day(value)


@register.filter
def event_times(event: EventPage) -> str:
    """The hours of an event on its day in a list: "16:00–18:00", "from 16:00", "all day"."""
    if event.is_all_day:
        return _("all day")
    assert event.start_time is not None
    if event.end_time is None:
        return _("from %(start)s") % {"start": _time(event.start_time)}
    return f"{_time(event.start_time)}–{_time(event.end_time)}"


@register.filter
def event_when(event: EventPage) -> str:
    """The whole date and time of an event, in one phrase."""
    if not event.is_multi_day:
        if event.is_all_day:
            return _("%(day)s, all day") % {"day": _day(event.start_date)}
        return f"{_day(event.start_date)}, {event_times(event)}"
    start = long_date(event.start_date)
    end = long_date(event.last_date)
    if event.start_time is not None:
        start = long_datetime(dt.datetime.combine(event.start_date, event.start_time))
    if event.end_time is not None:
        end = long_datetime(dt.datetime.combine(event.last_date, event.end_time))
    return _("from %(start)s to %(end)s") % {"start": start, "end": end}


@register.filter
def iso_start(event: EventPage) -> str:
    """The machine-readable start for <time datetime>: a date, or a date and time with offset."""
    if event.starts_at is None:
        return event.start_date.isoformat()
    return event.starts_at.isoformat()
