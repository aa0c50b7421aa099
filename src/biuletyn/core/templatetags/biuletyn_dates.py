"""Dates the way readers say them: "20 czerwca 2024 r., godz. 16:00" in Polish,
"20 June 2024, 16:00" in English. The formats are msgids in Django's date-format syntax, so
each language writes its own (Polish escapes the letters of "r." and "godz." with backslashes).
"""

from __future__ import annotations

import datetime as dt

from django import template
from django.utils import dateformat, timezone
from django.utils.translation import pgettext

register = template.Library()


def _local(value: dt.datetime | dt.date) -> dt.datetime | dt.date:
    if isinstance(value, dt.datetime) and timezone.is_aware(value):
        return timezone.localtime(value)
    return value


@register.filter
def long_date(value: dt.datetime | dt.date | None) -> str:
    if value is None:
        return ""
    return dateformat.format(_local(value), pgettext("long date format", "j F Y"))


@register.filter
def long_datetime(value: dt.datetime | None) -> str:
    if value is None:
        return ""
    return dateformat.format(_local(value), pgettext("long date and time format", "j F Y, H:i"))


@register.filter
def month_year(value: dt.datetime | dt.date | None) -> str:
    """A month of the archive: "czerwiec 2024" / "June 2024"."""
    if value is None:
        return ""
    text = dateformat.format(_local(value), pgettext("month and year format", "F Y"))
    return in_running_text(text)


def in_running_text(text: str) -> str:
    """A date that starts with a month or weekday name, written as inside a sentence. Django's
    catalogues capitalise those names; Polish writes them in lower case ("Wydarzenia – czerwiec
    2024", "ostatni dzień: środa, 9 grudnia"). Headings that start with one use |capfirst."""
    if pgettext("case of month and weekday names in running text", "Capitalised") != "Capitalised":
        return text[:1].lower() + text[1:]
    return text
