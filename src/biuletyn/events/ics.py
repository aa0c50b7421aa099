"""iCalendar (RFC 5545) files: one event to add to a phone's calendar, and feeds to subscribe to.

Built with the ``icalendar`` library. Times carry TZID=Europe/Warsaw and the calendar carries
the matching VTIMEZONE, so a phone abroad still shows the Polish wall-clock time converted
right. The UID is the page's translation key: the same event in Polish and English is one event
to a calendar, and it never changes when the title or address does. SEQUENCE grows with every
publication, so a calendar that has the event replaces it (a cancellation included).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import TYPE_CHECKING

from django.http import HttpRequest
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from icalendar import Calendar, Event, vCalAddress

from .dates import local_datetime
from .enums import ICS_STATUS, EventStatus
from .offer import offer_lines, venue_lines

if TYPE_CHECKING:
    from .models import EventPage

PRODID = "-//Biuletyn//Kalendarz wydarzen//PL"
_SEQUENCE_EPOCH = dt.datetime(2020, 1, 1, tzinfo=dt.UTC)
REFRESH_INTERVAL = dt.timedelta(hours=6)


def calendar(
    events: Iterable[EventPage], request: HttpRequest, *, name: str, description: str = ""
) -> bytes:
    cal = Calendar.new(
        prodid=PRODID,
        method="PUBLISH",
        name=name,
        description=description or None,
        refresh_interval=REFRESH_INTERVAL,
        language=get_language(),
    )
    # Google Calendar and Outlook read the older X-WR names, not RFC 7986's NAME.
    cal.add("x-wr-calname", name)
    cal.add("x-published-ttl", "PT6H")
    for event in events:
        cal.add_component(vevent(event, request))
    cal.add_missing_timezones()
    return cal.to_ical()


def uid(event: EventPage) -> str:
    return str(event.translation_key)


def sequence(event: EventPage) -> int:
    """Minutes from 2020 to the last publication: grows each time the event is published."""
    published = event.last_published_at or event.first_published_at
    if published is None:
        return 0
    return max(0, int((published - _SEQUENCE_EPOCH).total_seconds() // 60))


def _times(event: EventPage) -> tuple[dt.date | dt.datetime, dt.date | dt.datetime | None]:
    if event.is_all_day:
        # DTEND of an all-day event is the day after the last one (RFC 5545 3.6.1).
        return event.start_date, event.last_date + dt.timedelta(days=1)
    start = event.starts_at
    assert start is not None
    end = event.ends_at
    if end is None and event.is_multi_day:
        end = local_datetime(event.last_date + dt.timedelta(days=1), dt.time(0, 0))
    return start, end


def location(event: EventPage) -> str:
    parts = []
    if event.venue is not None and event.takes_place_in_person:
        venue = event.venue
        address = ", ".join(
            part
            for part in (venue.street_address, f"{venue.postcode} {venue.city}".strip())
            if part
        )
        parts.append(f"{venue.name}, {address}")
    if event.takes_place_online:
        parts.append(
            _("Online: %(url)s") % {"url": event.online_url} if event.online_url else _("Online")
        )
    return " / ".join(parts)


def description(event: EventPage, url: str) -> str:
    paragraphs = []
    if event.status != EventStatus.SCHEDULED:
        status = _("Status: %(status)s.") % {"status": event.get_status_display()}
        paragraphs.append(f"{status} {event.status_note}".strip())
    paragraphs.append(event.lead.strip())
    accessibility = offer_lines(event) + venue_lines(event)
    if accessibility:
        paragraphs.append("\n".join([_("Accessibility:"), *accessibility]))
    if event.sign_language_how_to_ask and event.interpreter_deadline:
        paragraphs.append(event.sign_language_how_to_ask.strip())
    contact = event.contact
    if contact is not None:
        details = [contact.name, contact.phone, contact.email]
        paragraphs.append(
            _("Contact: %(details)s") % {"details": ", ".join(d for d in details if d)}
        )
    paragraphs.append(url)
    return "\n\n".join(paragraphs)


def vevent(event: EventPage, request: HttpRequest) -> Event:
    url = event.get_full_url(request) or ""
    start, end = _times(event)
    summary = event.title
    if event.status == EventStatus.CANCELLED:
        summary = _("Cancelled: %(title)s") % {"title": event.title}
    published = event.last_published_at or event.first_published_at
    component = Event.new(
        uid=uid(event),
        summary=summary,
        start=start,
        end=end,
        stamp=published,
        last_modified=published,
        sequence=sequence(event),
        status=ICS_STATUS[EventStatus(event.status)],  # type: ignore[arg-type]
        location=location(event) or None,
        description=description(event, url),
        url=url or None,
        categories=[category.name for category in event.categories.all()],
    )
    organisers = [o for o in event.organisers.all() if o.email]
    if organisers:
        organiser = vCalAddress(f"mailto:{organisers[0].email}")
        organiser.params["cn"] = organisers[0].name
        component.add("organizer", organiser)
    venue = event.venue
    if venue is not None and venue.has_coordinates and event.takes_place_in_person:
        component.add("geo", (float(venue.latitude), float(venue.longitude)))  # type: ignore[arg-type]
    return component
