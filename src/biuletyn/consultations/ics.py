"""Calendar files of consultations (issue 11): one VEVENT per consultation's period, from the
moment comments open to the moment they close, in Europe/Warsaw time with its VTIMEZONE.

Built with ``icalendar``, the way ``events/ics.py`` builds events' files (its text helpers are
reused). The UID comes from the page's translation key, so the Polish and the English file name
one period to a calendar, and it never changes with the title. The period is marked
TRANSPARENT: weeks of "consultation open" do not make a reader look busy.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _
from icalendar import Calendar, Event

from biuletyn.events.ics import feed, text

from .models import ConsultationPage

PRODID = "-//Biuletyn//Konsultacje//PL"


def uid(page: ConsultationPage) -> str:
    return f"consultation-{page.translation_key}"


def sequence(page: ConsultationPage) -> int:
    """The live revision's id: it grows with every publication (an alias follows its source)."""
    source = page.alias_of if page.alias_of_id else page
    return (source.live_revision_id if source is not None else None) or 0


def summary(page: ConsultationPage) -> str:
    return _("Consultation: %(title)s") % {"title": page.title}


def description(page: ConsultationPage, url: str) -> str:
    paragraphs = [
        _("What is consulted: %(subject)s.") % {"subject": page.subject.strip()},
        page.lead.strip(),
    ]
    if page.report_due:
        from biuletyn.core.templatetags.biuletyn_dates import long_date

        paragraphs.append(
            _("The report on the comments is due by %(date)s.")
            % {"date": long_date(page.report_due)}
        )
    paragraphs.append(url)
    return "\n\n".join(p for p in paragraphs if p)


def vevent(page: ConsultationPage, request: HttpRequest, *, stamp: dt.datetime) -> Event:
    url = request.build_absolute_uri(page.get_url(request) or "")
    component = Event.new(
        uid=uid(page),
        summary=text(summary(page)),
        start=timezone.localtime(page.opens_at),
        end=timezone.localtime(page.closes_at),
        stamp=stamp,
        last_modified=page.last_published_at or page.first_published_at,
        sequence=sequence(page),
        description=text(description(page, url)),
        url=url or None,
    )
    component.add("transp", "TRANSPARENT")
    return component


def _with_events(cal: Calendar, pages: Iterable[ConsultationPage], request: HttpRequest) -> bytes:
    stamp = timezone.now()
    for page in pages:
        cal.add_component(vevent(page, request, stamp=stamp))
    cal.add_missing_timezones()
    return cal.to_ical()  # type: ignore[no-any-return]


def single(page: ConsultationPage, request: HttpRequest) -> bytes:
    """One period to add to a calendar the reader has (no calendar name or UID: see
    ``events.ics.single_event``)."""
    cal = Calendar.new(prodid=PRODID, method="PUBLISH")
    cal.pop("UID", None)
    return _with_events(cal, [page], request)


def calendar(
    pages: Iterable[ConsultationPage], request: HttpRequest, *, name: str, description: str = ""
) -> bytes:
    """The feed of all visible consultations of a list, to subscribe to."""
    cal = feed(request, name=name, description=description, prodid=PRODID)
    return _with_events(cal, pages, request)
