"""Events for tests: a calendar under a home page and valid, published events in it.

``make_event`` fills every required field with something an editor would write (a Polish event
a month from today, 16:00–18:00, at a complete venue); any field can be overridden. Pages are
published with ``publish_new_page``, so each language gets an alias, as in the admin.
"""

from __future__ import annotations

import datetime as dt
import itertools
from typing import Any

from django.utils import timezone
from wagtail.models import Page

from biuletyn.events.enums import AttendanceMode
from biuletyn.events.models import EventIndexPage, EventPage
from biuletyn.pages.services import publish_new_page
from tests.factories.venues import make_venue

_numbers = itertools.count(1)


def make_calendar(home: Page) -> EventIndexPage:
    existing = EventIndexPage.objects.child_of(home).first()
    if existing is not None:
        return existing
    page = EventIndexPage(title="Kalendarz", slug="kalendarz", locale=home.locale)
    return publish_new_page(parent=home, page=page)


def event_fields(**fields: Any) -> dict[str, Any]:
    """The fields of a valid event, for pages that are saved or only cleaned."""
    number = next(_numbers)
    defaults: dict[str, Any] = {
        "title": f"Spotkanie {number}",
        "slug": f"spotkanie-{number}",
        "lead": "Spotkanie organizacji osób z niepełnosprawnościami z urzędem miasta.",
        "start_date": timezone.localdate() + dt.timedelta(days=30),
        "start_time": dt.time(16, 0),
        "end_time": dt.time(18, 0),
    }
    merged = {**defaults, **fields}
    if "venue" not in merged and "venue_id" not in merged:
        online = merged.get("attendance_mode") == AttendanceMode.ONLINE
        merged["venue"] = None if online else make_venue()
    return merged


def make_event(
    calendar: EventIndexPage,
    *,
    organisers: list[Any] | None = None,
    categories: list[Any] | None = None,
    **fields: Any,
) -> EventPage:
    """A published event under ``calendar`` (saving runs ``full_clean``: it must be valid)."""
    page = EventPage(locale=calendar.locale, **event_fields(**fields))
    if organisers:
        page.organisers = organisers
    if categories:
        page.categories = categories
    return publish_new_page(parent=calendar, page=page)


def days(n: int) -> dt.date:
    """The day ``n`` days from today in Warsaw (negative: in the past)."""
    return timezone.localdate() + dt.timedelta(days=n)


def before(monkeypatch: Any, day: dt.date) -> None:
    """Let the calendar's "today" be no later than the day before ``day``, so that a test of a
    fixed date (a holiday rule of 2027) still sees it as coming once that date has passed."""
    from biuletyn.events import queries

    pinned = min(timezone.localdate(), day - dt.timedelta(days=1))
    monkeypatch.setattr(queries, "today", lambda: pinned)
