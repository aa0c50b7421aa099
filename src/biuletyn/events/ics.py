"""iCalendar (RFC 5545) files: one event to add to a phone's calendar, and feeds to subscribe to.

Built with the ``icalendar`` library. Times carry TZID=Europe/Warsaw and the calendar carries
the matching VTIMEZONE, so a phone abroad still shows the Polish wall-clock time converted
right. The UID is the page's translation key: the same event in Polish and English is one event
to a calendar, and it never changes when the title or address does. SEQUENCE grows with every
publication (it is the live revision's id), so a calendar that has the event replaces it (a
cancellation included), even when an editor corrects a page a moment after publishing it.

A postponed event keeps its UID: without a new date it is TENTATIVE at its original date, with
"to be announced" in its SUMMARY; once the new date is given, that date stands and it is
CONFIRMED again, so a calendar that has the event moves it.
"""

from __future__ import annotations

import datetime as dt
import re
import uuid
from collections.abc import Iterable
from typing import TYPE_CHECKING

from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _
from icalendar import Calendar, Event, vCalAddress

from .dates import local_datetime
from .enums import ICS_STATUS, EventStatus
from .offer import offer_lines, standing_deadline, venue_lines
from .templatetags.biuletyn_events import event_when

if TYPE_CHECKING:
    from .models import EventPage

PRODID = "-//Biuletyn//Kalendarz wydarzen//PL"
REFRESH_INTERVAL = dt.timedelta(hours=6)

# Every way text pasted into the admin can break a line: Windows and old Mac line ends, Word's
# manual line break (vertical tab), form feed, the Unicode separators.
_LINE_BREAK = re.compile("\r\n|[\n\r\v\f\x1c-\x1e\x85\u2028\u2029]")
# RFC 5545 3.3.11: TEXT has no control characters but the tab.
_CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f]")


def text(value: str) -> str:
    """``value`` as iCalendar text: line breaks as new lines (which icalendar escapes), other
    control characters left out, since calendar apps reject a file that has them."""
    return _CONTROL.sub("", _LINE_BREAK.sub("\n", value))


def one_line(value: str) -> str:
    """Text for a property that cannot hold a line break (the calendar's X-WR-CALNAME)."""
    return " ".join(text(value).split())


def feed(
    request: HttpRequest, *, name: str, description: str = "", prodid: str = PRODID
) -> Calendar:
    """The shell of a feed to subscribe to: a named calendar that asks to be refreshed (the
    events' feeds and the consultations' feed)."""
    cal = Calendar.new(
        prodid=prodid,
        method="PUBLISH",
        name=one_line(name),
        description=text(description) or None,
        refresh_interval=REFRESH_INTERVAL,
        # RFC 7986 5.3: the calendar's UID is persistent. One per address (language and
        # filters included), not a new random one at every download.
        uid=uuid.uuid5(uuid.NAMESPACE_URL, request.build_absolute_uri()),
    )
    # RFC 7986 5.7: REFRESH-INTERVAL must say VALUE=DURATION.
    cal["REFRESH-INTERVAL"].params["VALUE"] = "DURATION"
    # Calendar.new writes the name as NAME and as X-WR-CALNAME, which Google Calendar and
    # Outlook read; they also read the older X-PUBLISHED-TTL, not REFRESH-INTERVAL.
    cal.add("x-published-ttl", "PT6H")
    return cal


def calendar(
    events: Iterable[EventPage], request: HttpRequest, *, name: str, description: str = ""
) -> bytes:
    """A feed of events to subscribe to."""
    return _with_events(feed(request, name=name, description=description), events, request)


def single_event(event: EventPage, request: HttpRequest) -> bytes:
    """One event to add to a calendar the reader already has. No calendar name, UID or refresh
    interval: with them, Outlook imports the file as a new calendar and phones offer to
    subscribe instead of adding the event."""
    cal = Calendar.new(prodid=PRODID, method="PUBLISH")
    cal.pop("UID", None)  # Calendar.new makes one up
    return _with_events(cal, [event], request)


def _with_events(cal: Calendar, events: Iterable[EventPage], request: HttpRequest) -> bytes:
    stamp = timezone.now()
    for event in events:
        cal.add_component(vevent(event, request, stamp=stamp))
    cal.add_missing_timezones()
    return cal.to_ical()


def uid(event: EventPage) -> str:
    return str(event.translation_key)


def sequence(event: EventPage) -> int:
    """The id of the live revision: each publication makes a newer revision, so it grows every
    time, however soon after the last one (a time in minutes or seconds would not). An
    untranslated page (an alias) has no revisions of its own and follows its source page."""
    source = event.alias_of if event.alias_of_id else event
    return (source.live_revision_id if source is not None else None) or 0


def _times(event: EventPage) -> tuple[dt.date | dt.datetime, dt.date | dt.datetime | None]:
    """The standing dates (the original ones while a new date is to be announced)."""
    schedule = event.schedule
    if schedule.is_all_day:
        # DTEND of an all-day event is the day after the last one (RFC 5545 3.6.1).
        return schedule.start_date, schedule.last_date + dt.timedelta(days=1)
    start = schedule.starts_at
    assert start is not None
    end = schedule.ends_at
    if end is None and schedule.is_multi_day:
        end = local_datetime(schedule.last_date + dt.timedelta(days=1), dt.time(0, 0))
    return start, end


def status(event: EventPage) -> str:
    """RFC 5545 3.8.1.11: a postponed event is tentative until its new date is known."""
    if event.is_rescheduled:
        return "CONFIRMED"
    return ICS_STATUS[EventStatus(event.status)]


def summary(event: EventPage) -> str:
    if event.status == EventStatus.CANCELLED:
        return _("Cancelled: %(title)s") % {"title": event.title}
    if event.date_to_be_announced:
        return _("Postponed, new date to be announced: %(title)s") % {"title": event.title}
    if event.is_rescheduled:
        return _("Postponed: %(title)s") % {"title": event.title}
    return event.title


def location(event: EventPage) -> str:
    parts = []
    if event.venue is not None and event.takes_place_in_person:
        parts.append(f"{event.venue.name}, {event.venue.address_line}")
    if event.takes_place_online:
        parts.append(
            _("Online: %(url)s") % {"url": event.online_url} if event.online_url else _("Online")
        )
    return " / ".join(parts)


def description(event: EventPage, url: str) -> str:
    paragraphs = []
    if event.status != EventStatus.SCHEDULED:
        line = _("Status: %(status)s.") % {"status": event.get_status_display()}
        if event.date_to_be_announced:
            line = _(
                "Status: postponed, the new date is to be announced (first planned for %(when)s)."
            ) % {"when": event_when(event.original_schedule)}
        elif event.is_rescheduled:
            line = _("Status: postponed to %(when)s (first planned for %(original)s).") % {
                "when": event_when(event.schedule),
                "original": event_when(event.original_schedule),
            }
        paragraphs.append(f"{line} {event.status_note}".strip())
    paragraphs.append(event.lead.strip())
    accessibility = offer_lines(event) + venue_lines(event)
    if accessibility:
        paragraphs.append("\n".join([_("Accessibility:"), *accessibility]))
    if event.sign_language_how_to_ask and standing_deadline(event):
        paragraphs.append(event.sign_language_how_to_ask.strip())
    contact = event.contact
    if contact is not None:
        details = [contact.name, contact.phone, contact.email]
        paragraphs.append(
            _("Contact: %(details)s") % {"details": ", ".join(d for d in details if d)}
        )
    paragraphs.append(url)
    return "\n\n".join(paragraphs)


def vevent(event: EventPage, request: HttpRequest, *, stamp: dt.datetime) -> Event:
    """The event. DTSTAMP is when the file is made (RFC 5545 3.8.7.2, with METHOD);
    LAST-MODIFIED is when the event was last published."""
    url = request.build_absolute_uri(event.get_url(request) or "")
    start, end = _times(event)
    place = location(event)
    published = event.last_published_at or event.first_published_at
    component = Event.new(
        uid=uid(event),
        summary=text(summary(event)),
        start=start,
        end=end,
        stamp=stamp,
        last_modified=published,
        sequence=sequence(event),
        status=status(event),  # type: ignore[arg-type]
        location=text(place) if place else None,
        description=text(description(event, url)),
        url=url or None,
        categories=[one_line(category.name) for category in event.categories.all()],
    )
    organisers = [o for o in event.organisers.all() if o.email]
    if organisers:
        organiser = vCalAddress(f"mailto:{organisers[0].email}")
        organiser.params["cn"] = one_line(organisers[0].name)
        component.add("organizer", organiser)
    venue = event.venue
    if venue is not None and venue.has_coordinates and event.takes_place_in_person:
        component.add("geo", (float(venue.latitude), float(venue.longitude)))  # type: ignore[arg-type]
    return component
