"""Dates the way readers say them: "20 czerwca 2024 r., godz. 16:00" in Polish,
"20 June 2024, 16:00" in English. The formats are msgids in Django's date-format syntax, so
each language writes its own (Polish escapes the letters of "r." and "godz." with backslashes).

One style everywhere (pages, cards, JSON-LD, ICS), issue 9:

* ranges with an en dash: "11–13 stycznia 2027 r." within a month, "30 stycznia – 2 lutego
  2027 r." across months, both years across years;
* a date never breaks across lines: the spaces inside it are non-breaking (between day and
  month, month and year, year and "r.", "godz." and the hour), and a word joiner follows an
  unspaced dash ("16:00–18:00", "11–13"), after which browsers would otherwise break. A line may
  break only after a comma and after the dash of a spaced range;
* names of months and weekdays are written as inside a sentence (Polish: lower case); a heading
  or sentence that starts with one capitalises it with |capfirst.

Every function returns plain text (no markup), so the same words go to pages, ICS files and
JSON-LD.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from typing import Any

from django import template
from django.utils import dateformat, dates, timezone
from django.utils.safestring import SafeData, mark_safe
from django.utils.translation import gettext, pgettext

register = template.Library()

NBSP = "\u00a0"
# U+2060 WORD JOINER: invisible, not read aloud, forbids a line break where it stands.
WORD_JOINER = "\u2060"
EN_DASH = "\u2013"
# A range of days or hours: "11–13", "16:00–18:00".
TIGHT_DASH = EN_DASH + WORD_JOINER
# A range of longer dates: "30 stycznia – 2 lutego"; the dash never starts a line.
SPACED_DASH = NBSP + EN_DASH + " "

_BREAKABLE_SPACE = re.compile(r"(?<!,) ")


def tie(text: str) -> str:
    """``text`` (one date or time phrase) with every space non-breaking except after a comma."""
    return _BREAKABLE_SPACE.sub(NBSP, text)


@register.filter(is_safe=True)
def tie_dates(text: str) -> str:
    """Editors' text (a lead, an intro, or rendered rich text: it changes only spaces, so markup
    stays as it is) with its dates kept on one line: "8 września 2024 r." and "godz. 16:00" as
    the site writes them. Only the spaces inside a date change."""
    if not text:
        return text
    return keep_safety(text, _tie_dates)


def _tie_dates(text: str) -> str:
    for pattern in _dates_in_text():
        text = pattern.sub(lambda match: f"{match[1]}{NBSP}{match[2]}", text)
    return text


def keep_safety(value: Any, change_spaces: Callable[[str], str]) -> str:
    """``change_spaces`` applied to ``value``'s text, as safe HTML when ``value`` was: a
    SafeString, or Wagtail's RichText (what |richtext gives for a rich-text block), which
    renders itself as safe HTML without being a SafeString, so a filter's ``is_safe`` misses it
    and Django would escape the result. Only for changes that touch spaces, never markup."""
    was_safe = isinstance(value, SafeData) or hasattr(value, "__html__")
    html = value.__html__() if was_safe else str(value)
    changed = change_spaces(html)
    # Safe: the input was safe HTML and only spaces between its characters changed.
    return mark_safe(changed) if was_safe else changed  # noqa: S308


def _dates_in_text() -> list[re.Pattern[str]]:
    # The month names of the active language, both cases: "8 września", "June 2024".
    names = "|".join(
        re.escape(str(name)) for name in [*dates.MONTHS.values(), *dates.MONTHS_ALT.values()]
    )
    return [
        re.compile(r"(\d) (r\.|godz\.)"),  # "2024 r."
        re.compile(rf"\b(\d{{1,2}}) ({names})\b", re.IGNORECASE),  # "8 września"
        re.compile(rf"\b({names}) (\d{{4}})\b", re.IGNORECASE),  # "września 2024"
        re.compile(r"\b(godz\.) (\d)"),  # "godz. 16:00"
    ]


def _local(value: dt.datetime | dt.date) -> dt.datetime | dt.date:
    if isinstance(value, dt.datetime) and timezone.is_aware(value):
        return timezone.localtime(value)
    return value


def _format(value: dt.datetime | dt.date, date_format: str) -> str:
    # Each caller names its format as a literal pgettext() call, so makemessages finds it.
    return tie(dateformat.format(_local(value), date_format))


@register.filter
def long_date(value: dt.datetime | dt.date | None) -> str:
    """ "20 czerwca 2024 r." / "20 June 2024"."""
    if value is None:
        return ""
    return _format(value, pgettext("long date format", "j F Y"))


@register.filter
def long_datetime(value: dt.datetime | None) -> str:
    """ "20 czerwca 2024 r., godz. 16:00" / "20 June 2024, 16:00"."""
    if value is None:
        return ""
    return _format(value, pgettext("long date and time format", "j F Y, H:i"))


def day_and_month(value: dt.date) -> str:
    """The start of a range within one year: "30 stycznia" / "30 January"."""
    return _format(value, pgettext("day and month format", "j F"))


def time_of_day(value: dt.time) -> str:
    """ "9:00" / "09:00"."""
    return dateformat.time_format(value, pgettext("time format", "H:i"))


def date_range(start: dt.date, end: dt.date | None) -> str:
    """A span of days: "11–13 stycznia 2027 r.", "30 stycznia – 2 lutego 2027 r.",
    "30 grudnia 2026 r. – 2 stycznia 2027 r."; one day is just that day."""
    if end is None or end == start:
        return long_date(start)
    if (start.year, start.month) == (end.year, end.month):
        return f"{start.day}{TIGHT_DASH}{long_date(end)}"
    if start.year == end.year:
        return f"{day_and_month(start)}{SPACED_DASH}{long_date(end)}"
    return f"{long_date(start)}{SPACED_DASH}{long_date(end)}"


def time_range(start: dt.time, end: dt.time | None) -> str:
    """ "16:00–18:00"; "od 16:00" / "from 16:00" without an end."""
    if end is None:
        return tie(gettext("from %(start)s") % {"start": time_of_day(start)})
    return f"{time_of_day(start)}{TIGHT_DASH}{time_of_day(end)}"


@register.filter
def month_year(value: dt.datetime | dt.date | None) -> str:
    """A month of the archive: "czerwiec 2024" / "June 2024"."""
    if value is None:
        return ""
    return in_running_text(_format(value, pgettext("month and year format", "F Y")))


def in_running_text(text: str) -> str:
    """A date that starts with a month or weekday name, written as inside a sentence. Django's
    catalogues capitalise those names; Polish writes them in lower case ("Wydarzenia – czerwiec
    2024", "ostatni dzień: środa, 9 grudnia"). Headings that start with one use |capfirst."""
    if pgettext("case of month and weekday names in running text", "Capitalised") != "Capitalised":
        return text[:1].lower() + text[1:]
    return text
