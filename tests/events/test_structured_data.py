"""schema.org Event for each event page (issue 4): what search engines and assistants read.

Built by ``biuletyn.events.structured_data.event`` for a request, as the page does."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal

import pytest
from django.test import RequestFactory
from django.utils import translation
from wagtail.models import Locale

from biuletyn.events.models import EventPage
from biuletyn.events.structured_data import event as event_data
from tests.factories.bulletin import make_organisation
from tests.factories.events import make_event
from tests.factories.venues import make_venue

pytestmark = pytest.mark.integration

D = dt.date
T = dt.time
SCHEMA = "https://schema.org/"


def data_for(page: EventPage, language: str = "pl") -> dict:
    """The JSON-LD of ``page`` (in ``language``: its translation there) as the page writes it."""
    page = page.get_translation(Locale.objects.get(language_code=language)).specific
    request = RequestFactory().get(page.url, SERVER_NAME="localhost")
    with translation.override(language):
        data = event_data(page, request)
        # What the template writes: it must be plain JSON (no lazy strings, no Decimals).
        return json.loads(json.dumps(data))


def test_event_has_its_type_name_description_and_address(calendar):
    page = make_event(
        calendar, title="Spotkanie z miastem", slug="spotkanie", lead="Rozmowa o autobusach."
    )

    data = data_for(page)

    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "Event"
    assert data["name"] == "Spotkanie z miastem"
    assert data["description"] == "Rozmowa o autobusach."
    assert data["url"] == "http://localhost/kalendarz/spotkanie/"  # the request's host
    assert data_for(page, "en")["url"] == "http://localhost/en/kalendarz/spotkanie/"


def test_start_and_end_carry_the_polish_offset(calendar):
    page = make_event(calendar, start_date=D(2026, 6, 10), start_time=T(16), end_time=T(18))

    data = data_for(page)

    assert data["startDate"] == "2026-06-10T16:00:00+02:00"
    assert data["endDate"] == "2026-06-10T18:00:00+02:00"


def test_night_of_the_spring_clock_change_changes_offset(calendar):
    page = make_event(
        calendar,
        start_date=D(2026, 3, 28),
        start_time=T(22),
        end_date=D(2026, 3, 29),
        end_time=T(4),
    )

    data = data_for(page)

    assert data["startDate"] == "2026-03-28T22:00:00+01:00"
    assert data["endDate"] == "2026-03-29T04:00:00+02:00"


def test_all_day_event_has_dates_only(calendar):
    page = make_event(
        calendar, start_date=D(2026, 6, 10), end_date=D(2026, 6, 12), start_time=None, end_time=None
    )

    data = data_for(page)

    assert (data["startDate"], data["endDate"]) == ("2026-06-10", "2026-06-12")


def test_event_without_an_end_time_has_no_end(calendar):
    page = make_event(calendar, start_date=D(2026, 6, 10), start_time=T(16), end_time=None)

    assert "endDate" not in data_for(page)


@pytest.mark.parametrize(
    ("status", "schema_status"),
    [
        ("scheduled", "EventScheduled"),
        ("cancelled", "EventCancelled"),
        ("postponed", "EventPostponed"),
        ("moved_online", "EventMovedOnline"),
    ],
)
def test_event_status(calendar, status, schema_status):
    page = make_event(calendar, status=status)

    assert data_for(page)["eventStatus"] == SCHEMA + schema_status


@pytest.mark.parametrize(
    ("mode", "status", "schema_mode"),
    [
        ("in_person", "scheduled", "OfflineEventAttendanceMode"),
        ("online", "scheduled", "OnlineEventAttendanceMode"),
        ("mixed", "scheduled", "MixedEventAttendanceMode"),
        ("in_person", "moved_online", "OnlineEventAttendanceMode"),
        ("mixed", "moved_online", "OnlineEventAttendanceMode"),
    ],
)
def test_attendance_mode(calendar, mode, status, schema_mode):
    page = make_event(calendar, attendance_mode=mode, status=status)

    assert data_for(page)["eventAttendanceMode"] == SCHEMA + schema_mode


def _venue():
    return make_venue(
        name="Centrum Kultury",
        slug="centrum-kultury",
        street_address="ul. Peowiaków 12",
        postcode="20-007",
        city="Lublin",
    )


PLACE_ADDRESS = {
    "@type": "PostalAddress",
    "streetAddress": "ul. Peowiaków 12",
    "postalCode": "20-007",
    "addressLocality": "Lublin",
    "addressCountry": "PL",
}


def test_in_person_event_is_at_a_place_with_its_address(calendar):
    page = make_event(calendar, venue=_venue())

    location = data_for(page)["location"]

    assert location["@type"] == "Place"
    assert location["name"] == "Centrum Kultury"
    assert location["address"] == PLACE_ADDRESS
    assert location["url"] == "http://localhost/miejsca/centrum-kultury/"
    assert "@context" not in location  # only the outermost object has it


def test_online_event_is_at_a_virtual_location(calendar):
    page = make_event(
        calendar, attendance_mode="online", online_url="https://wideo.example.org/spotkanie"
    )

    assert data_for(page)["location"] == {
        "@type": "VirtualLocation",
        "url": "https://wideo.example.org/spotkanie",
    }


def test_online_event_whose_address_comes_later_is_still_virtual(calendar):
    page = make_event(calendar, attendance_mode="online", online_url="")

    assert data_for(page)["location"] == {"@type": "VirtualLocation"}


def test_hybrid_event_is_at_both(calendar):
    page = make_event(
        calendar, attendance_mode="mixed", venue=_venue(), online_url="https://wideo.example.org/1"
    )

    place, virtual = data_for(page)["location"]

    assert (place["@type"], place["address"]) == ("Place", PLACE_ADDRESS)
    assert virtual == {"@type": "VirtualLocation", "url": "https://wideo.example.org/1"}


def test_event_moved_online_is_no_longer_at_its_venue(calendar):
    page = make_event(
        calendar, venue=_venue(), status="moved_online", online_url="https://wideo.example.org/2"
    )

    assert data_for(page)["location"] == {
        "@type": "VirtualLocation",
        "url": "https://wideo.example.org/2",
    }


def test_organisers_are_listed(calendar):
    first = make_organisation(name="Migowe Okno", slug="migowe-okno")
    second = make_organisation(name="Fundacja Razem", slug="razem")
    page = make_event(calendar, organisers=[first, second])

    organizers = data_for(page)["organizer"]

    assert sorted(organizers, key=lambda o: o["name"]) == [
        {
            "@type": "Organization",
            "name": "Fundacja Razem",
            "url": "http://localhost/organizacje/razem/",
        },
        {
            "@type": "Organization",
            "name": "Migowe Okno",
            "url": "http://localhost/organizacje/migowe-okno/",
        },
    ]


def test_event_without_organisers_names_none(calendar):
    assert "organizer" not in data_for(make_event(calendar))


def test_free_event_offers_zero_zloty(calendar):
    page = make_event(calendar, slug="darmowe")

    data = data_for(page)

    assert data["isAccessibleForFree"] is True
    assert data["offers"] == {
        "@type": "Offer",
        "url": "http://localhost/kalendarz/darmowe/",
        "priceCurrency": "PLN",
        "price": "0",
    }


def test_paid_event_offers_its_price_in_zloty(calendar):
    page = make_event(
        calendar,
        is_free=False,
        price=Decimal("25.00"),
        price_details="Ulgowy 15 zł, opiekun wchodzi bezpłatnie.",
    )

    data = data_for(page)

    assert data["isAccessibleForFree"] is False
    assert data["offers"]["price"] == "25.00"
    assert data["offers"]["priceCurrency"] == "PLN"
    assert data["offers"]["description"] == "Ulgowy 15 zł, opiekun wchodzi bezpłatnie."


def test_paid_event_with_only_a_description_of_the_price_gives_no_price(calendar):
    page = make_event(calendar, is_free=False, price=None, price_details="Co łaska.")

    offers = data_for(page)["offers"]

    assert "price" not in offers
    assert offers["description"] == "Co łaska."


@pytest.mark.parametrize(
    ("offer", "languages"),
    # An interpreter on request is not there unless someone asks: only the summary says it.
    [("provided", ["pl", "pso"]), ("on_request", "pl"), ("none", "pl")],
)
def test_sign_language_is_among_the_languages(calendar, offer, languages):
    page = make_event(calendar, sign_language=offer, sign_language_how_to_ask="SMS 600 100 200")

    assert data_for(page)["inLanguage"] == languages


def test_untranslated_english_page_is_in_polish(calendar):
    # The English page of an untranslated event shows the Polish text (with a banner).
    page = make_event(calendar, sign_language="provided")

    assert data_for(page, "en")["inLanguage"] == ["pl", "pso"]


def test_translated_english_page_is_in_english(calendar):
    from biuletyn.pages.services import translate_alias

    page = make_event(calendar)
    english = page.get_translation(Locale.objects.get(language_code="en"))
    translate_alias(english, title="Meeting with the city", lead="A talk about buses.")

    data = data_for(page, "en")

    assert data["inLanguage"] == "en"
    assert data["name"] == "Meeting with the city"


def test_accessibility_features_use_the_schema_terms(calendar):
    page = make_event(
        calendar,
        sign_language="provided",
        captions=True,
        audio_description=True,
        easy_read=True,
        assistant=True,
    )

    features = data_for(page)["accessibilityFeature"]

    assert features == ["signLanguage", "captions", "audioDescription"]


def test_interpreter_on_request_is_not_claimed_as_a_feature(calendar):
    page = make_event(calendar, sign_language="on_request", sign_language_how_to_ask="SMS")

    data = data_for(page)

    assert "accessibilityFeature" not in data
    assert "on request" in data_for(page, "en")["accessibilitySummary"]


def test_event_without_an_offer_claims_no_feature(calendar):
    page = make_event(calendar, venue=make_venue(step_free_entrance="unknown", lift="unknown"))

    data = data_for(page)

    assert "accessibilityFeature" not in data
    assert "accessibilitySummary" not in data


def test_accessibility_summary_gives_the_last_day_to_ask_and_the_venue(calendar):
    page = make_event(
        calendar,
        start_date=D(2027, 6, 8),
        sign_language="on_request",
        sign_language_how_to_ask="SMS 600 100 200",
        venue=make_venue(step_free_entrance="yes", lift="no"),
    )

    summary = data_for(page, "en")["accessibilitySummary"]

    assert "3\u00a0June\u00a02027" in summary
    assert "step-free entrance" in summary
    assert "lift" not in summary  # "no" is not a feature to advertise
