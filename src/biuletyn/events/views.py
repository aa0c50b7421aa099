"""ICS downloads: one event, and the feeds a reader subscribes to (all events, or a filter);
and, for the event editor, the last day to ask for an interpreter for the dates being typed."""

from __future__ import annotations

import datetime as dt

from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from wagtail.models import Locale

from . import ics, queries
from .enums import EventStatus
from .panels import deadline_message

CONTENT_TYPE = "text/calendar; charset=utf-8"


# Larger numbers are no page (and would overflow SQLite's integer).
_LARGEST_ID = 2**63 - 1


def event_ics(request: HttpRequest, pk: int) -> HttpResponse:
    if pk > _LARGEST_ID:
        raise Http404(_("There is no such event, or it is no longer published."))
    event = queries.events().filter(pk=pk).first()
    if event is None:
        raise Http404(_("There is no such event, or it is no longer published."))
    response = HttpResponse(ics.single_event(event, request), content_type=CONTENT_TYPE)
    # Slugs may hold Polish letters: the header names the file the RFC 6266 way.
    response["Content-Disposition"] = content_disposition_header(True, f"{event.slug}.ics")
    return response


def calendar_feed(request: HttpRequest) -> HttpResponse:
    """Upcoming events (and those of the last weeks) of the reader's language, filtered by the
    same GET parameters as the calendar page."""
    form, events = queries.for_feed(Locale.get_active(), request.GET)
    if events is None:
        problems = [str(error) for errors in form.errors.values() for error in errors]
        message = "\n".join([_("This calendar feed cannot be made:"), *problems, ""])
        return HttpResponse(message, status=400, content_type="text/plain; charset=utf-8")
    name = _("Biuletyn: events")
    chosen = [
        str(dict(form.fields[field].choices).get(value, value))  # type: ignore[attr-defined]
        for field, value in form.filters().items()
    ]
    if chosen:
        name = f"{name} ({', '.join(chosen)})"
    body = ics.calendar(
        events,
        request,
        name=name,
        description=_("Events announced in the Biuletyn, with their accessibility offer."),
    )
    return HttpResponse(body, content_type=CONTENT_TYPE)


def _typed_date(value: str) -> dt.date | None:
    """A date as the admin's date field gives it (2026-12-24), or as Polish editors type it
    (24.12.2026); None for anything else."""
    for pattern in ("%Y-%m-%d", "%d.%m.%Y"):
        try:
            return dt.datetime.strptime(value.strip(), pattern).date()
        except ValueError:
            continue
    return None


def interpreter_deadline(request: HttpRequest) -> JsonResponse:
    """For the event editor (an admin URL, for signed-in editors only): the last day to ask
    for a PJM interpreter, for ``start_date``, ``status`` and ``new_start_date`` as typed."""
    from .models import EventPage

    status = request.GET.get("status", "")
    page = EventPage(
        start_date=_typed_date(request.GET.get("start_date", "")),
        new_start_date=_typed_date(request.GET.get("new_start_date", "")),
        status=status if status in EventStatus.values else EventStatus.SCHEDULED,
    )
    deadline, message = deadline_message(page)
    # Wagtail's admin views are never cached.
    return JsonResponse(
        {"last_day": deadline.isoformat() if deadline else None, "message": message}
    )
