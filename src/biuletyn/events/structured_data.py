"""schema.org Event for each event: when, where, status, who organises it, and what the
accessibility offer is, so search engines and assistants read the facts and not a paragraph."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.http import HttpRequest

from biuletyn.core.translations import content_language
from biuletyn.venues.structured_data import place

from .enums import SCHEMA_ATTENDANCE_MODE, SignLanguageOffer
from .offer import offer_lines, venue_lines
from .schedule import Schedule

if TYPE_CHECKING:
    from .models import EventPage

# ISO 639-3 code of Polish Sign Language, for inLanguage.
PJM_LANGUAGE_CODE = "pso"


def _when(schedule: Schedule) -> dict[str, str]:
    if schedule.is_all_day:
        data = {"startDate": schedule.start_date.isoformat()}
        if schedule.is_multi_day:
            data["endDate"] = schedule.last_date.isoformat()
        return data
    assert schedule.starts_at is not None
    data = {"startDate": schedule.starts_at.isoformat()}
    if schedule.ends_at is not None:
        data["endDate"] = schedule.ends_at.isoformat()
    elif schedule.is_multi_day:
        data["endDate"] = schedule.last_date.isoformat()  # a last day without an hour
    return data


def _status(page: EventPage) -> dict[str, str]:
    """schema.org: a postponed event without a new date is EventPostponed at its original
    date; with one it is EventRescheduled, at the new date, with the first one as
    previousStartDate."""
    if not page.is_rescheduled:
        return {"eventStatus": page.schema_status}
    return {
        "eventStatus": "https://schema.org/EventRescheduled",
        "previousStartDate": _when(page.original_schedule)["startDate"],
    }


def event(
    page: EventPage, request: HttpRequest, *, organisers: list[Any] | None = None
) -> dict[str, Any]:
    organisers = list(page.organisers.all()) if organisers is None else organisers
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": page.title,
        "description": page.lead,
        "url": request.build_absolute_uri(page.get_url(request) or ""),
        **_when(page.schedule),
        **_status(page),
        "eventAttendanceMode": SCHEMA_ATTENDANCE_MODE[page.effective_attendance_mode],  # type: ignore[index]
    }
    locations: list[dict[str, Any]] = []
    if page.venue is not None and page.takes_place_in_person:
        venue_place = place(page.venue, request)
        venue_place.pop("@context")
        locations.append(venue_place)
    if page.takes_place_online:
        virtual: dict[str, Any] = {"@type": "VirtualLocation"}
        if page.online_url:
            virtual["url"] = page.online_url
        locations.append(virtual)
    if locations:
        data["location"] = locations[0] if len(locations) == 1 else locations
    if organisers:
        data["organizer"] = [
            {
                "@type": "Organization",
                "name": organisation.name,
                "url": request.build_absolute_uri(organisation.get_absolute_url()),
            }
            for organisation in organisers
        ]
    data["isAccessibleForFree"] = page.is_free
    offers: dict[str, Any] = {"@type": "Offer", "url": data["url"], "priceCurrency": "PLN"}
    if page.is_free:
        offers["price"] = "0"
    elif page.price is not None:
        offers["price"] = str(page.price)
    if page.price_details:
        offers["description"] = page.price_details
    data["offers"] = offers
    # An untranslated page (an alias) shows the text of its source page, in that language.
    languages = [content_language(page)]
    # Only an interpreter who will be there is a fact about the event; "on request" is said in
    # accessibilitySummary with the last day to ask.
    if page.sign_language == SignLanguageOffer.PROVIDED:
        languages.append(PJM_LANGUAGE_CODE)
    data["inLanguage"] = languages if len(languages) > 1 else languages[0]
    # schema.org defines these on CreativeWork; search engines read them on events too.
    terms = [item.schema_term for item in page.offer if item.schema_term]
    if page.sign_language == SignLanguageOffer.PROVIDED:
        terms.insert(0, "signLanguage")
    if terms:
        data["accessibilityFeature"] = terms
    summary = offer_lines(page) + venue_lines(page)
    if summary:
        data["accessibilitySummary"] = " ".join(summary)
    return data
