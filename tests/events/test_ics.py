"""iCalendar files (issue 4): one event to add to a calendar, and the feeds a reader subscribes
to. Each file is downloaded as a reader's phone does and parsed back with ``icalendar``.

Persona: an anonymous reader with a calendar app."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import translation
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from icalendar import Calendar
from wagtail.models import Locale, PageViewRestriction

from biuletyn.events.models import EventPage
from biuletyn.events.queries import FEED_KEEPS_PAST_DAYS
from tests.factories.bulletin import make_category, make_organisation
from tests.factories.events import before, days, make_event
from tests.factories.venues import make_venue

pytestmark = pytest.mark.integration

D = dt.date
T = dt.time


def in_language(page: EventPage, language: str) -> EventPage:
    return page.get_translation(Locale.objects.get(language_code=language)).specific


def ics_url(page: EventPage, language: str = "pl") -> str:
    with translation.override(language):
        return reverse("events:ics", kwargs={"pk": page.pk})


def feed_url(language: str = "pl") -> str:
    with translation.override(language):
        return reverse("events:feed")


def download(client, page: EventPage, language: str = "pl"):
    """The one event of the file, and the calendar it came in."""
    response = client.get(ics_url(in_language(page, language), language))
    assert response.status_code == 200
    parsed = Calendar.from_ical(response.content)
    [vevent] = parsed.walk("VEVENT")
    return vevent, parsed


def feed(client, language: str = "pl", **params) -> list:
    response = client.get(feed_url(language), params)
    assert response.status_code == 200, response.content
    return Calendar.from_ical(response.content).walk("VEVENT")


# The address a reader subscribes to has no query; the calendar's filter form submitted with
# nothing chosen sends every field empty. Both are the whole feed.
WHOLE_FEED = [
    pytest.param({}, id="no query"),
    pytest.param(
        {"category": "", "organiser": "", "city": "", "attendance": "", "feature": ""},
        id="empty filter form",
    ),
]


def summaries(vevents) -> set[str]:
    return {str(vevent["SUMMARY"]) for vevent in vevents}


# --- addresses and the response -----------------------------------------------------------------


def test_addresses_of_the_files_are_in_the_readers_language(calendar):
    event = make_event(calendar)

    assert ics_url(event, "pl") == f"/kalendarz/wydarzenie-{event.pk}.ics"
    assert ics_url(event, "en") == f"/en/calendar/event-{event.pk}.ics"
    assert feed_url("pl") == "/kalendarz.ics"
    assert feed_url("en") == "/en/calendar.ics"


def test_one_event_is_downloaded_as_a_utf8_calendar_attachment(client, calendar):
    event = make_event(calendar, slug="spotkanie-z-miastem")

    response = client.get(ics_url(event))

    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="spotkanie-z-miastem.ics"'


@pytest.mark.parametrize("query", WHOLE_FEED)
def test_feed_is_a_utf8_calendar(client, calendar, query):
    make_event(calendar)

    response = client.get(feed_url(), query)

    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"


def test_unpublished_event_has_no_file(client, calendar):
    event = make_event(calendar)
    url = ics_url(event)
    event.unpublish()

    assert client.get(url).status_code == 404


def test_unknown_event_has_no_file(client, site_tree):
    assert client.get("/kalendarz/wydarzenie-999999.ics").status_code == 404


# --- the calendar ---------------------------------------------------------------------------------


def test_calendar_says_who_made_it_and_that_it_publishes(client, calendar):
    event = make_event(calendar)

    _vevent, parsed = download(client, event)

    assert str(parsed["VERSION"]) == "2.0"
    assert str(parsed["PRODID"]) == "-//Biuletyn//Kalendarz wydarzen//PL"
    assert str(parsed["METHOD"]) == "PUBLISH"


def test_feed_has_one_name_of_each_kind(client, calendar):
    # Google and Outlook read X-WR-CALNAME; a second one is a different name to some of them.
    make_event(calendar, title="Spotkanie z miastem")

    lines = client.get(feed_url()).content.split(b"\r\n")

    assert [line for line in lines if line.startswith(b"X-WR-CALNAME")] == [
        b"X-WR-CALNAME:Biuletyn: wydarzenia"
    ]
    assert [line for line in lines if line.startswith(b"NAME")] == [b"NAME:Biuletyn: wydarzenia"]


def test_one_event_file_is_not_a_calendar_of_its_own(client, calendar):
    # With a calendar name, UID or refresh interval Outlook imports the file as a new
    # calendar and phones offer to subscribe: a single event has none of them.
    event = make_event(calendar, title="Spotkanie z miastem")

    parsed = Calendar.from_ical(client.get(ics_url(event)).content)

    for name in ("NAME", "X-WR-CALNAME", "UID", "REFRESH-INTERVAL", "X-PUBLISHED-TTL"):
        assert name not in parsed, name
    assert len(parsed.walk("VEVENT")) == 1


def test_feed_asks_to_be_refreshed_every_six_hours(client, calendar):
    make_event(calendar)

    content = client.get(feed_url()).content

    assert b"\r\nREFRESH-INTERVAL;VALUE=DURATION:PT6H\r\n" in content
    assert b"\r\nX-PUBLISHED-TTL:PT6H\r\n" in content


def test_feed_keeps_its_calendar_uid_for_its_address(client, calendar):
    make_event(calendar)

    def calendar_uid(language: str = "pl", **params) -> str:
        return str(Calendar.from_ical(client.get(feed_url(language), params).content)["UID"])

    assert calendar_uid() == calendar_uid()
    assert calendar_uid(city="Lublin") == calendar_uid(city="Lublin")
    assert len({calendar_uid(), calendar_uid("en"), calendar_uid(city="Lublin")}) == 3


def test_timed_event_comes_with_the_polish_time_zone(client, calendar):
    event = make_event(calendar)

    _vevent, parsed = download(client, event)

    [timezone_] = parsed.walk("VTIMEZONE")
    assert str(timezone_["TZID"]) == "Europe/Warsaw"
    kinds = {component.name for component in timezone_.subcomponents}
    assert kinds == {"STANDARD", "DAYLIGHT"}


# --- the event ------------------------------------------------------------------------------------


def test_uid_is_the_translation_key_in_both_languages(client, calendar):
    event = make_event(calendar)

    polish, _ = download(client, event, "pl")
    english, _ = download(client, event, "en")

    assert str(polish["UID"]) == str(event.translation_key)
    assert str(english["UID"]) == str(event.translation_key)


def test_uid_is_the_same_in_every_download(client, calendar):
    event = make_event(calendar)

    first, _ = download(client, event)
    second, _ = download(client, event)

    assert str(first["UID"]) == str(second["UID"])


def test_changed_event_keeps_its_uid_and_gets_a_higher_sequence(client, calendar):
    # An editor fixes the title a moment after publishing: the phone must take the new version.
    event = make_event(calendar, title="Spotkanie z miastem")
    before, _ = download(client, event)

    event.title = "Spotkanie z prezydentem miasta"
    event.save_revision().publish()
    after, _ = download(client, event)

    assert str(after["UID"]) == str(before["UID"])
    assert str(after["SUMMARY"]) == "Spotkanie z prezydentem miasta"
    assert int(after["SEQUENCE"]) > int(before["SEQUENCE"])


def test_untranslated_english_event_has_the_sequence_of_the_polish_one(client, calendar):
    event = make_event(calendar)
    event.title = "Spotkanie po zmianie"
    event.save_revision().publish()

    polish, _ = download(client, event, "pl")
    english, _ = download(client, event, "en")

    assert int(english["SEQUENCE"]) == int(polish["SEQUENCE"])
    assert str(english["SUMMARY"]) == "Spotkanie po zmianie"


def test_start_and_end_are_polish_wall_clock_times(client, calendar):
    event = make_event(calendar, start_date=D(2026, 12, 10), start_time=T(16), end_time=T(18))

    vevent, _ = download(client, event)

    start, end = vevent["DTSTART"].dt, vevent["DTEND"].dt
    assert vevent["DTSTART"].params["TZID"] == "Europe/Warsaw"
    assert str(start.tzinfo) == "Europe/Warsaw"
    assert (start.replace(tzinfo=None), end.replace(tzinfo=None)) == (
        dt.datetime(2026, 12, 10, 16),
        dt.datetime(2026, 12, 10, 18),
    )


def test_night_of_the_spring_clock_change_lasts_five_hours_in_the_file(client, calendar):
    event = make_event(
        calendar,
        start_date=D(2026, 3, 28),
        start_time=T(22),
        end_date=D(2026, 3, 29),
        end_time=T(4),
    )

    vevent, _ = download(client, event)

    start, end = vevent["DTSTART"].dt, vevent["DTEND"].dt
    assert (start.utcoffset(), end.utcoffset()) == (dt.timedelta(hours=1), dt.timedelta(hours=2))
    assert end.astimezone(dt.UTC) - start.astimezone(dt.UTC) == dt.timedelta(hours=5)


def test_all_day_multi_day_event_has_dates_and_the_day_after_as_end(client, calendar):
    event = make_event(
        calendar,
        start_date=D(2026, 6, 10),
        end_date=D(2026, 6, 12),
        start_time=None,
        end_time=None,
    )

    response = client.get(ics_url(event))
    [vevent] = Calendar.from_ical(response.content).walk("VEVENT")

    assert b"\r\nDTSTART;VALUE=DATE:20260610\r\n" in response.content
    assert b"\r\nDTEND;VALUE=DATE:20260613\r\n" in response.content
    assert (vevent["DTSTART"].dt, vevent["DTEND"].dt) == (D(2026, 6, 10), D(2026, 6, 13))


def test_timed_multi_day_event_without_an_end_time_lasts_until_midnight(client, calendar):
    event = make_event(
        calendar, start_date=D(2026, 6, 10), end_date=D(2026, 6, 12), start_time=T(9), end_time=None
    )

    vevent, _ = download(client, event)

    assert vevent["DTEND"].dt.replace(tzinfo=None) == dt.datetime(2026, 6, 13, 0, 0)


def test_summary_and_url_name_the_event_page(client, calendar):
    event = make_event(calendar, title="Spotkanie z miastem", slug="spotkanie-z-miastem")

    polish, _ = download(client, event, "pl")
    english, _ = download(client, event, "en")

    assert str(polish["SUMMARY"]) == "Spotkanie z miastem"
    assert str(polish["URL"]) == "http://testserver/kalendarz/spotkanie-z-miastem/"
    assert str(english["URL"]) == "http://testserver/en/kalendarz/spotkanie-z-miastem/"


def test_location_is_the_venue_with_its_address(client, calendar):
    venue = make_venue(
        name="Centrum Kultury", street_address="ul. Peowiaków 12", postcode="20-007", city="Lublin"
    )
    event = make_event(calendar, venue=venue)

    vevent, _ = download(client, event)

    assert str(vevent["LOCATION"]) == "Centrum Kultury, ul. Peowiaków 12, 20-007 Lublin"


def test_online_event_has_its_address_as_location_and_no_position(client, calendar):
    event = make_event(calendar, attendance_mode="online", online_url="https://wideo.example.org/1")

    vevent, _ = download(client, event, "en")

    assert str(vevent["LOCATION"]) == "Online: https://wideo.example.org/1"
    assert "GEO" not in vevent


def test_venue_with_coordinates_gives_the_position(client, calendar):
    venue = make_venue(latitude=Decimal("51.248200"), longitude=Decimal("22.568400"))
    event = make_event(calendar, venue=venue)

    vevent, _ = download(client, event)

    assert (vevent["GEO"].latitude, vevent["GEO"].longitude) == (51.2482, 22.5684)


def test_venue_without_coordinates_gives_no_position(client, calendar):
    event = make_event(calendar, venue=make_venue(latitude=None, longitude=None))

    vevent, _ = download(client, event)

    assert "GEO" not in vevent


def test_organiser_with_an_email_is_the_organizer(client, calendar):
    organiser = make_organisation(name="Migowe Okno", email="kontakt@migoweokno.example.org")
    event = make_event(calendar, organisers=[organiser])

    vevent, _ = download(client, event)

    assert str(vevent["ORGANIZER"]) == "mailto:kontakt@migoweokno.example.org"
    assert vevent["ORGANIZER"].params["CN"] == "Migowe Okno"


def test_organiser_without_an_email_is_not_the_organizer(client, calendar):
    event = make_event(calendar, organisers=[make_organisation(email="")])

    vevent, _ = download(client, event)

    assert "ORGANIZER" not in vevent


@pytest.mark.parametrize(
    ("language", "last_day"), [("pl", "3\u00a0czerwca\u00a02027"), ("en", "3\u00a0June\u00a02027")]
)
def test_description_has_the_lead_and_the_interpreter_on_request_with_the_last_day(
    client, calendar, language, last_day, monkeypatch
):
    before(monkeypatch, D(2027, 6, 3))
    event = make_event(
        calendar,
        start_date=D(2027, 6, 8),
        lead="Rozmowa o nowych autobusach.",
        sign_language="on_request",
        sign_language_how_to_ask="Napisz SMS pod numer 600 100 200.",
    )

    vevent, _ = download(client, event, language)

    description = str(vevent["DESCRIPTION"])
    assert "Rozmowa o nowych autobusach." in description
    assert "PJM" in description
    assert last_day in description
    assert "Napisz SMS pod numer 600 100 200." in description


def test_description_has_the_yes_or_no_offer_in_the_readers_language(client, calendar):
    event = make_event(calendar, captions=True, audio_description=True)

    vevent, _ = download(client, event, "en")

    description = str(vevent["DESCRIPTION"])
    assert "Live captions." in description
    assert "Audio description." in description


@pytest.mark.parametrize(
    ("status", "ics_status"),
    [
        ("scheduled", "CONFIRMED"),
        ("cancelled", "CANCELLED"),
        ("postponed", "TENTATIVE"),
        ("moved_online", "CONFIRMED"),
    ],
)
def test_status(client, calendar, status, ics_status):
    event = make_event(calendar, status=status)

    vevent, _ = download(client, event)

    assert str(vevent["STATUS"]) == ics_status


def test_cancelled_event_says_so_in_its_summary_and_description(client, calendar):
    event = make_event(
        calendar, title="Koncert", status="cancelled", status_note="Z powodu remontu sali."
    )

    vevent, _ = download(client, event, "en")

    assert str(vevent["SUMMARY"]) == "Cancelled: Koncert"
    assert "Z powodu remontu sali." in str(vevent["DESCRIPTION"])


def test_event_moved_online_gives_no_venue(client, calendar):
    event = make_event(calendar, status="moved_online", online_url="https://wideo.example.org/2")

    vevent, _ = download(client, event, "en")

    assert str(vevent["LOCATION"]) == "Online: https://wideo.example.org/2"
    assert "GEO" not in vevent


# --- the bytes ----------------------------------------------------------------------------------


def physical_lines(content: bytes) -> list[bytes]:
    assert content.endswith(b"\r\n")
    return content[:-2].split(b"\r\n")


def test_lines_end_with_crlf_and_are_folded_at_75_octets(client, calendar):
    event = make_event(
        calendar,
        title="Zażółć gęślą jaźń — spotkanie " * 5,
        lead="Źdźbło, łąka; żółw\nw ogrodzie. " * 20,
        organisers=[make_organisation(name="Fundacja Łączy Nas Język Migowy " * 3)],
    )

    content = client.get(ics_url(event)).content

    lines = physical_lines(content)
    assert all(b"\n" not in line and b"\r" not in line for line in lines)
    assert max(len(line) for line in lines) <= 75
    assert any(line.startswith(b" ") for line in lines)  # something was folded
    for line in lines:
        line.decode("utf-8")  # a fold never splits a Polish letter


@pytest.mark.parametrize("query", WHOLE_FEED)
def test_feed_bytes_are_crlf_lines_of_at_most_75_octets(client, calendar, query):
    for n in range(3):
        make_event(calendar, title=f"Wydarzenie {n} " + "ąęśćżź" * 20, start_date=days(n + 1))

    lines = physical_lines(client.get(feed_url(), query).content)

    assert max(len(line) for line in lines) <= 75


# A title or lead as editors type them: any letters, punctuation that iCalendar escapes, new
# lines from a textarea (the browser sends CRLF). Other line breaks and control characters are
# the next tests'.
TEXT = st.text(
    alphabet=st.one_of(
        st.sampled_from(list(",;:\\\"'\n\t ąćęłńóśźżĄĆĘŁŃÓŚŹŻ–„”…€")),
        st.characters(exclude_categories=("Cs", "Cc", "Zl", "Zp")),
    ),
    min_size=1,
    max_size=150,
).filter(str.strip)


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(title=TEXT, lead=TEXT, crlf=st.booleans())
def test_any_title_and_lead_survive_the_file(client, calendar, title, lead, crlf):
    event = make_event(calendar, title="Na początek")
    if crlf:
        lead = lead.replace("\n", "\r\n")
    event.title, event.lead = title, lead
    event.save_revision().publish()

    response = client.get(ics_url(event))

    lines = physical_lines(response.content)
    assert max(len(line) for line in lines) <= 75
    [vevent] = Calendar.from_ical(response.content).walk("VEVENT")
    assert str(vevent["SUMMARY"]) == title
    assert lead.strip().replace("\r\n", "\n") in str(vevent["DESCRIPTION"])


@pytest.mark.parametrize(
    "line_break",
    ["\r\n", "\r", "\v", "\f", "\u2028", "\u2029", "\x85"],
    ids=["windows", "old mac", "word", "form feed", "line separator", "paragraph sep.", "nel"],
)
def test_every_kind_of_line_break_in_the_lead_is_a_new_line(client, calendar, line_break):
    event = make_event(calendar, lead=f"Pierwsza linia.{line_break}Druga linia.")

    vevent, _ = download(client, event)

    assert "Pierwsza linia.\nDruga linia." in str(vevent["DESCRIPTION"])


def test_title_with_a_line_break_stays_in_its_summary(client, calendar):
    # icalendar refuses a line break in a calendar name (a 500 before); the summary keeps it.
    event = make_event(calendar, title="Spotkanie\nz miastem")

    response = client.get(ics_url(event))

    assert response.status_code == 200
    parsed = Calendar.from_ical(response.content)
    assert str(parsed.walk("VEVENT")[0]["SUMMARY"]) == "Spotkanie\nz miastem"
    assert client.get(feed_url()).status_code == 200


def test_organiser_name_with_quotes_and_punctuation_survives(client, calendar):
    name = 'Fundacja "Razem"; Lublin, ^ oddział'
    event = make_event(calendar, organisers=[make_organisation(name=name)])

    vevent, _ = download(client, event)

    assert vevent["ORGANIZER"].params["CN"] == name


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(lead=st.text(st.characters(exclude_categories=("Cs",), exclude_characters="\x00")))
def test_control_characters_pasted_into_the_lead_never_break_the_file(client, calendar, lead):
    # Word's line break (\v), form feeds or a lone CR can come with pasted text.
    event = make_event(calendar)
    event.lead = lead + "Koniec."
    event.save_revision().publish()

    content = client.get(ics_url(event)).content

    assert all(b"\r" not in line and b"\n" not in line for line in physical_lines(content))
    assert all(byte >= 0x20 or byte == 0x09 for byte in content.replace(b"\r\n", b""))
    [vevent] = Calendar.from_ical(content).walk("VEVENT")
    assert "Koniec." in str(vevent["DESCRIPTION"])


# --- the feed -----------------------------------------------------------------------------------


@pytest.mark.parametrize("query", WHOLE_FEED)
def test_feed_keeps_upcoming_and_recent_events(client, calendar, query):
    make_event(calendar, title="Jutro", start_date=days(1))
    make_event(calendar, title="Dziś", start_date=days(0))
    make_event(calendar, title="Trwa", start_date=days(-3), end_date=days(2))
    make_event(calendar, title="Ostatni dzień w feedzie", start_date=days(-FEED_KEEPS_PAST_DAYS))
    make_event(calendar, title="Za dawno", start_date=days(-FEED_KEEPS_PAST_DAYS - 1))
    make_event(
        calendar,
        title="Długie, skończone niedawno",
        start_date=days(-FEED_KEEPS_PAST_DAYS - 20),
        end_date=days(-10),
    )

    assert summaries(feed(client, **query)) == {
        "Jutro",
        "Dziś",
        "Trwa",
        "Ostatni dzień w feedzie",
        "Długie, skończone niedawno",
    }


@pytest.mark.parametrize("query", WHOLE_FEED)
def test_feed_has_only_live_public_events(client, calendar, query):
    make_event(calendar, title="Opublikowane", start_date=days(1))
    make_event(calendar, title="Wycofane", start_date=days(2)).unpublish()
    private = make_event(calendar, title="Prywatne", start_date=days(3))
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    draft = EventPage(
        title="Szkic", slug="szkic", lead="Jeszcze nie.", start_date=days(4), live=False
    )
    draft.venue = make_venue()
    calendar.add_child(instance=draft)
    draft.save_revision()

    assert summaries(feed(client, **query)) == {"Opublikowane"}


@pytest.mark.parametrize("query", WHOLE_FEED)
def test_english_feed_has_the_english_pages(client, calendar, query):
    make_event(calendar, title="Spotkanie", slug="spotkanie", start_date=days(1))

    [polish] = feed(client, "pl", **query)
    [english] = feed(client, "en", **query)

    assert str(polish["URL"]) == "http://testserver/kalendarz/spotkanie/"
    assert str(english["URL"]) == "http://testserver/en/kalendarz/spotkanie/"
    assert str(english["UID"]) == str(polish["UID"])


@pytest.mark.parametrize("query", WHOLE_FEED)
def test_english_feed_leaves_out_an_event_unpublished_in_polish(client, calendar, query):
    make_event(calendar, title="Zostaje", start_date=days(1))
    make_event(calendar, title="Wycofane", start_date=days(2)).unpublish()

    assert summaries(feed(client, "en", **query)) == {"Zostaje"}


# Wagtail serves an alias with its source page's view restrictions (Page.get_view_restrictions
# resolves aliases), but PageQuerySet.public() looks only at the alias's own path: the calendar's
# queries exclude aliases of private pages themselves.


def test_english_feed_leaves_out_an_event_private_in_polish(client, calendar):
    make_event(calendar, title="Otwarte", start_date=days(1))
    private = make_event(calendar, title="Prywatne", start_date=days(2))
    PageViewRestriction.objects.create(page=private, restriction_type="login")

    assert summaries(feed(client, "en")) == {"Otwarte"}


def test_english_file_of_an_event_private_in_polish_is_not_served(client, calendar):
    private = make_event(calendar, title="Prywatne")
    PageViewRestriction.objects.create(page=private, restriction_type="login")

    assert client.get(ics_url(in_language(private, "en"), "en")).status_code == 404


def test_file_of_a_private_event_is_not_served(client, calendar):
    private = make_event(calendar, title="Prywatne")
    PageViewRestriction.objects.create(page=private, restriction_type="login")

    assert client.get(ics_url(private)).status_code == 404


@pytest.fixture
def programme(calendar):
    """Five upcoming events that differ in what the filters look at."""
    lublin = make_venue(city="Lublin", step_free_entrance="yes", accessible_toilet="no")
    accessible = make_venue(
        city="Lublin", step_free_entrance="yes", accessible_toilet="yes", hearing_loop="yes"
    )
    zamosc = make_venue(city="Zamość", step_free_entrance="no", accessible_toilet="no")
    make_event(
        calendar,
        title="Koncert",
        start_date=days(1),
        venue=lublin,
        categories=[make_category("Kultura", "kultura")],
    )
    make_event(
        calendar,
        title="Warsztaty",
        start_date=days(2),
        venue=zamosc,
        organisers=[make_organisation(name="Migowe Okno", slug="migowe-okno")],
        sign_language="provided",
        hearing_loop=True,
    )
    make_event(
        calendar,
        title="Webinar",
        start_date=days(3),
        attendance_mode="online",
        captions=True,
    )
    make_event(
        calendar,
        title="Debata",
        start_date=days(4),
        attendance_mode="mixed",
        venue=accessible,
        sign_language="on_request",
        sign_language_how_to_ask="SMS 600 100 200",
    )
    make_event(
        calendar,
        title="Przeniesione",
        start_date=days(5),
        attendance_mode="in_person",
        status="moved_online",
        venue=make_venue(city="Lublin", step_free_entrance="no"),
    )


FILTERS = [
    ({"category": "kultura"}, {"Koncert"}),
    ({"organiser": "migowe-okno"}, {"Warsztaty"}),
    ({"city": "Zamość"}, {"Warsztaty"}),
    # A city is where people go: an event moved online is no longer there.
    ({"city": "Lublin"}, {"Koncert", "Debata"}),
    ({"attendance": "in_person"}, {"Koncert", "Warsztaty", "Debata"}),
    ({"attendance": "online"}, {"Webinar", "Debata", "Przeniesione"}),
    ({"attendance": "mixed"}, {"Debata"}),
    ({"feature": "pjm"}, {"Warsztaty", "Debata"}),
    ({"feature": "step_free"}, {"Koncert", "Debata"}),
    ({"feature": "toilet"}, {"Debata"}),
    ({"feature": "hearing_loop"}, {"Warsztaty", "Debata"}),
    ({"feature": "captions"}, {"Webinar"}),
    ({"city": "Lublin", "feature": "pjm"}, {"Debata"}),
    ({"category": ""}, {"Koncert", "Warsztaty", "Webinar", "Debata", "Przeniesione"}),
]


@pytest.mark.parametrize(("params", "expected"), FILTERS, ids=[str(f[0]) for f in FILTERS])
def test_feed_filters_narrow_it(client, programme, params, expected):
    assert summaries(feed(client, **params)) == expected


def test_filtered_feed_is_named_after_its_filter(client, programme):
    response = client.get(feed_url("en"), {"city": "Zamość"})

    assert str(Calendar.from_ical(response.content)["NAME"]) == "Biuletyn: events (Zamość)"


BAD_FILTERS = [
    ("category", "nie-ma-takiej", "There is no such category. Choose one from the list."),
    ("organiser", "nikt", "We have no events by this organiser. Choose one from the list."),
    ("city", "Atlantyda", "We have no events in this city. Choose a city from the list."),
    ("attendance", "teleport", "There is no such way of taking part. Choose one from the list."),
    ("feature", "jetpack", "There is no such feature. Choose one from the list."),
]


@pytest.mark.parametrize("language", ["pl", "en"])
@pytest.mark.parametrize(("name", "value", "message"), BAD_FILTERS, ids=[b[0] for b in BAD_FILTERS])
def test_unknown_filter_value_is_a_400_in_the_readers_language(
    client, programme, language, name, value, message
):
    response = client.get(feed_url(language), {name: value})

    assert response.status_code == 400
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    with translation.override(language):
        expected = [
            translation.gettext("This calendar feed cannot be made:"),
            translation.gettext(message),
        ]
    assert response.content.decode().splitlines() == expected
    if language == "pl":
        assert expected[0] != "This calendar feed cannot be made:"  # translated


def test_unknown_parameters_are_ignored(client, programme):
    assert len(feed(client, strona="2", utm_source="newsletter")) == 5


def test_an_id_too_large_for_the_database_is_a_404(client, site_tree):
    assert client.get("/kalendarz/wydarzenie-99999999999999999999.ics").status_code == 404


def test_a_slug_with_polish_letters_names_the_downloaded_file(client, calendar):
    event = make_event(calendar, slug="spotkanie-w-łodzi")

    response = client.get(ics_url(event))

    assert response.status_code == 200
    assert response["Content-Disposition"] == (
        "attachment; filename*=utf-8''spotkanie-w-%C5%82odzi.ics"
    )


def test_a_past_event_no_longer_tells_readers_how_to_ask_for_an_interpreter(client, calendar):
    contact = make_organisation(email="biuro@example.org")
    how = "Napisz do nas e-mail z tematem „Tłumacz PJM”."
    fields = {"sign_language": "on_request", "sign_language_how_to_ask": how, "contact": contact}
    past = make_event(calendar, start_date=days(-10), **fields)
    upcoming = make_event(calendar, start_date=days(20), **fields)

    def text(page):
        vevent, _calendar = download(client, page)
        return str(vevent["DESCRIPTION"])

    assert how in text(upcoming)
    assert how not in text(past)
