"""An event's state drives every list, card and file (issue 9, "Readers"): a postponed event is
never shown under its old date as if it stood (lists, ICS, JSON-LD); a cancelled one is not
among the home page's upcoming events nor in upcoming counts; cards name themselves by their
heading and show the status as a word in a box; past events invite no action.

Personas: an anonymous reader (Deaf, using PJM; low vision; a screen-reader user); an editor
for the rules."""

from __future__ import annotations

import datetime as dt
import json
import re

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from django.utils.translation import gettext as _
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from icalendar import Calendar

from biuletyn.events import queries
from biuletyn.events.dates import WARSAW, last_day_to_request_interpreter, time_exists
from biuletyn.events.enums import AttendanceMode, SignLanguageOffer
from biuletyn.events.models import EventPage
from biuletyn.events.schedule import Schedule
from tests.factories.bulletin import make_organisation
from tests.factories.events import days, event_fields, make_calendar, make_event
from tests.factories.venues import make_venue

pytestmark = pytest.mark.integration


def titles(html: str) -> list[str]:
    return re.findall(r'app-event-card__title[^>]*><a href="[^"]+"[^>]*>([^<]+)</a>', html)


def section(html: str, heading_id: str) -> str:
    """The HTML of the day section labelled by ``heading_id``."""
    start = html.index(f'aria-labelledby="{heading_id}"')
    return html[start : html.index("</section>", start)]


def postponed(calendar, **fields):
    return make_event(calendar, status="postponed", **fields)


def json_ld(html: str) -> dict:
    return json.loads(
        re.search(r'<script type="application/ld\+json">(.+?)</script>', html, re.S)[1]
    )


def ics(client, event: EventPage, language: str = "pl"):
    with translation.override(language):
        from django.urls import reverse

        url = reverse("events:ics", kwargs={"pk": event.pk})
    response = client.get(url)
    assert response.status_code == 200
    [vevent] = Calendar.from_ical(response.content).walk("VEVENT")
    return vevent


# --- the schedule ---------------------------------------------------------------------------


@pytest.mark.unit
def test_a_schedule_gives_its_instants_in_warsaw_across_the_change_of_time():
    overnight = Schedule(dt.date(2026, 3, 28), dt.time(22), dt.date(2026, 3, 29), dt.time(4))

    assert overnight.is_multi_day
    assert not overnight.is_all_day
    assert overnight.last_date == dt.date(2026, 3, 29)
    assert overnight.starts_at == dt.datetime(2026, 3, 28, 22, tzinfo=WARSAW)
    assert overnight.ends_at is not None
    assert overnight.starts_at is not None
    duration = overnight.ends_at.astimezone(dt.UTC) - overnight.starts_at.astimezone(dt.UTC)
    assert duration == dt.timedelta(hours=5)  # the clocks skip an hour
    all_day = Schedule(dt.date(2026, 5, 1))
    assert all_day.is_all_day
    assert all_day.starts_at is None
    assert all_day.ends_at is None
    assert not all_day.is_multi_day


def test_the_new_date_stands_only_for_a_postponed_event(db):
    original = dict(start_date=days(10), start_time=dt.time(11), end_time=dt.time(13))
    new = dict(new_start_date=days(40), new_start_time=dt.time(12), new_end_time=dt.time(14))

    rescheduled = EventPage(status="postponed", **original, **new)
    waiting = EventPage(status="postponed", **original)
    planned = EventPage(status="scheduled", **original, **new)  # invalid, see the rules

    assert rescheduled.schedule == Schedule(days(40), dt.time(12), None, dt.time(14))
    assert rescheduled.original_schedule == Schedule(days(10), dt.time(11), None, dt.time(13))
    assert rescheduled.is_rescheduled
    assert not rescheduled.date_to_be_announced
    assert waiting.date_to_be_announced
    assert not waiting.is_rescheduled
    assert waiting.schedule == waiting.original_schedule
    assert planned.schedule == planned.original_schedule
    assert not planned.is_rescheduled


def test_an_event_whose_date_is_to_be_announced_is_never_past(db):
    waiting = EventPage(status="postponed", start_date=days(-30))
    moved_later = EventPage(status="postponed", start_date=days(-30), new_start_date=days(3))
    moved_earlier = EventPage(status="postponed", start_date=days(3), new_start_date=days(-1))

    assert not waiting.is_past
    assert not moved_later.is_past
    assert moved_earlier.is_past


def test_the_last_day_to_ask_follows_the_standing_date(db):
    on_request = dict(sign_language="on_request", start_date=dt.date(2027, 1, 20))

    waiting = EventPage(status="postponed", **on_request)
    rescheduled = EventPage(status="postponed", new_start_date=dt.date(2027, 2, 17), **on_request)

    assert waiting.interpreter_deadline is None
    assert rescheduled.interpreter_deadline == dt.date(2027, 2, 12)  # Friday, 3 working days
    assert EventPage(**on_request).interpreter_deadline == dt.date(2027, 1, 15)


# --- the editor's rules for the new date ---------------------------------------------------------


def errors_of(page: EventPage) -> dict[str, list[str]]:
    """The messages clean() gives, by field, in Polish ({} when the event is valid)."""
    with translation.override("pl"):
        try:
            page.clean()
        except ValidationError as error:
            return {k: [str(m) for m in v] for k, v in error.message_dict.items()}
    return {}


def event(**fields) -> EventPage:
    return EventPage(**event_fields(attendance_mode="online", **fields))


def test_only_a_postponed_event_has_a_new_date(db):
    page = event(status="scheduled", new_start_date=days(60))

    with translation.override("pl"):
        expected = _(
            "Only a postponed event has a new date: choose the status “postponed”, or clear the "
            "new date."
        )
    assert errors_of(page) == {"new_start_date": [expected]}
    assert "przełożone" in expected


def test_a_new_time_needs_the_new_date(db):
    page = event(status="postponed", new_start_time=dt.time(10))

    assert errors_of(page) == {"new_start_date": ["Podaj też nową datę rozpoczęcia."]}


def test_the_new_date_cannot_end_before_it_starts(db):
    backwards = event(status="postponed", new_start_date=days(60), new_end_date=days(59))
    same_day = event(
        status="postponed",
        new_start_date=days(60),
        new_start_time=dt.time(12),
        new_end_time=dt.time(11),
    )
    time_without_start = event(
        status="postponed", new_start_date=days(60), new_end_time=dt.time(11)
    )

    assert list(errors_of(backwards)) == ["new_end_date"]
    assert list(errors_of(same_day)) == ["new_end_time"]
    assert list(errors_of(time_without_start)) == ["new_start_time"]
    assert errors_of(event(status="postponed", new_start_date=days(60))) == {}


def _last_sunday_of_march(year: int) -> dt.date:
    day = dt.date(year, 3, 31)
    return day - dt.timedelta(days=(day.weekday() + 1) % 7)


# The examples only clean unsaved pages: the database the fixture gives is the same for all.
@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    year=st.integers(2027, 2035),
    offset=st.integers(-1, 1),
    minutes=st.integers(0, 24 * 60 - 1),
)
def test_a_new_start_the_clocks_skip_is_refused_like_an_original_one(db, year, offset, minutes):
    day = _last_sunday_of_march(year) + dt.timedelta(days=offset)
    time = dt.time(minutes // 60, minutes % 60)
    fields = dict(status="postponed", start_date=day, start_time=time, end_time=None)
    original = errors_of(event(**fields))
    new = errors_of(
        event(
            **{**fields, "start_time": dt.time(20), "new_start_date": day, "new_start_time": time}
        )
    )

    skipped = not time_exists(day, time)
    assert skipped == (offset == 0 and time.hour == 2)
    assert ("start_time" in original) == skipped
    assert ("new_start_time" in new) == skipped
    if skipped:
        assert new["new_start_time"] == original["start_time"]


# --- a PJM interpreter on request needs a way to ask without a voice call ----------------------


@pytest.mark.parametrize(
    ("channels", "valid"),
    [
        ({"phone": "81 466 50 00"}, False),
        ({}, False),
        ({"phone": "81 466 50 00", "email": "spoleczne@example.pl"}, True),
        ({"sms": "600 100 200"}, True),
        ({"video_call_url": "https://wideo.example.org/pjm"}, True),
    ],
)
def test_interpreter_on_request_needs_a_channel_that_is_not_a_voice_call(db, channels, valid):
    none = {"phone": "", "sms": "", "email": "", "video_call_url": ""}
    contact = make_organisation(name="Wydział Spraw Społecznych", **{**none, **channels})
    page = event(sign_language="on_request", contact=contact)

    errors = errors_of(page)

    if valid:
        assert errors == {}
    else:
        [message] = errors["sign_language_how_to_ask"]
        assert "Wydział Spraw Społecznych" in message
        assert "bez rozmowy głosowej" in message


def test_instructions_are_enough_for_a_contact_with_only_a_phone(db):
    contact = make_organisation(phone="81 466 50 00", sms="", email="")
    page = event(
        sign_language="on_request",
        contact=contact,
        sign_language_how_to_ask="Napisz do nas przez formularz na stronie urzędu.",
    )

    assert errors_of(page) == {}


# --- lists ------------------------------------------------------------------------------------


def test_a_postponed_event_without_a_new_date_is_listed_under_date_to_be_announced(
    client, calendar
):
    make_event(calendar, title="Jutro", start_date=days(1))
    postponed(calendar, title="Spacer badawczy", start_date=days(2))
    make_event(calendar, title="Za tydzień", start_date=days(7))

    html = client.get("/kalendarz/").content.decode()

    assert titles(html) == ["Jutro", "Za tydzień", "Spacer badawczy"]
    assert f'id="day-{days(2).isoformat()}"' not in html  # not under its old date
    group = section(html, "day-to-be-announced")
    assert "Termin do ustalenia" in group
    assert titles(group) == ["Spacer badawczy"]
    assert f'Pierwotny termin: <time datetime="{days(2).isoformat()}T16:00:00' in group


def test_a_postponed_event_with_a_new_date_is_listed_under_the_new_date(client, calendar):
    postponed(
        calendar,
        title="Spacer badawczy",
        start_date=days(2),
        new_start_date=days(9),
        new_start_time=dt.time(11),
        new_end_time=dt.time(13, 30),
    )

    html = client.get("/kalendarz/").content.decode()

    assert f'id="day-{days(2).isoformat()}"' not in html
    assert titles(section(html, f"day-{days(9).isoformat()}")) == ["Spacer badawczy"]
    assert "day-to-be-announced" not in html
    assert "11:00" in section(html, f"day-{days(9).isoformat()}")


def test_an_event_moved_to_a_later_date_is_not_in_the_archive(client, calendar):
    postponed(calendar, title="Przełożone", start_date=days(-5), new_start_date=days(5))
    postponed(calendar, title="Czeka", start_date=days(-5))
    make_event(calendar, title="Minione", start_date=days(-5))

    archive = client.get("/kalendarz/archiwum/").content.decode()
    upcoming = client.get("/kalendarz/").content.decode()

    assert titles(archive) == ["Minione"]
    assert titles(upcoming) == ["Przełożone", "Czeka"]


def test_the_month_lists_the_new_date_and_only_this_month_lists_dates_to_be_announced(
    client, calendar
):
    far = days(0).replace(day=1) + dt.timedelta(days=70)
    postponed(calendar, title="Czeka", start_date=far)
    postponed(
        calendar, title="Przeniesione", start_date=far, new_start_date=far + dt.timedelta(days=40)
    )

    this_month = client.get(f"/kalendarz/miesiac/{days(0):%Y-%m}/").content.decode()
    old_month = client.get(f"/kalendarz/miesiac/{far:%Y-%m}/").content.decode()
    new_month = client.get(
        f"/kalendarz/miesiac/{far + dt.timedelta(days=40):%Y-%m}/"
    ).content.decode()

    assert titles(this_month) == ["Czeka"]
    assert "Termin do ustalenia" in section(this_month, "day-to-be-announced")
    assert titles(old_month) == []
    assert titles(new_month) == ["Przeniesione"]


def test_the_count_counts_what_will_happen_and_names_the_cancelled_apart(client, calendar):
    make_event(calendar, start_date=days(1))
    make_event(calendar, start_date=days(2))
    make_event(calendar, title="Odwołane", start_date=days(3), status="cancelled")
    postponed(calendar, start_date=days(4))

    html = client.get("/kalendarz/").content.decode()
    count = re.search(r'<p class="app-results-count"[^>]*>(.*?)</p>', html, re.S)[1]

    assert len(titles(html)) == 4
    assert count == "3 wydarzenia. Na liście jest też 1 odwołane wydarzenie."


def test_the_home_page_leaves_out_cancelled_events_and_dates_to_be_announced(client, site_tree):
    calendar = make_calendar(site_tree["pl"])
    make_event(calendar, title="Odwołane", start_date=days(1), status="cancelled")
    postponed(calendar, title="Czeka", start_date=days(1))
    for number in range(1, 5):
        make_event(calendar, title=f"Wydarzenie {number}", start_date=days(1 + number))
    make_event(calendar, title="Online", start_date=days(2), status="moved_online")

    html = client.get("/").content.decode()

    assert titles(html) == ["Wydarzenie 1", "Online", "Wydarzenie 2"]


def test_the_feed_keeps_an_event_whose_date_is_to_be_announced(client, calendar):
    postponed(calendar, title="Czeka", start_date=days(-200))
    make_event(calendar, title="Dawno", start_date=days(-200))

    response = client.get("/kalendarz.ics")

    summaries = [str(v["SUMMARY"]) for v in Calendar.from_ical(response.content).walk("VEVENT")]
    assert summaries == ["Przełożone, nowy termin do ustalenia: Czeka"]


@pytest.mark.parametrize("view", ["", "miesiac/{month}/", "archiwum/"])
def test_lists_with_postponed_and_cancelled_events_read_a_constant_number_of_queries(
    client, calendar, view
):
    path = "/kalendarz/" + view.format(month=days(0).strftime("%Y-%m"))

    def add(offset: int) -> None:
        postponed(calendar, start_date=days(offset))
        postponed(calendar, start_date=days(-offset), new_start_date=days(offset))
        postponed(calendar, start_date=days(offset), new_start_date=days(-offset))
        make_event(calendar, start_date=days(offset), status="cancelled")

    def count(url: str) -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        return len(captured)

    add(1)
    count(path)  # the first request also creates the site's settings row
    few, home_few, feed_few = count(path), count("/"), count("/kalendarz.ics")
    for offset in range(2, 8):
        add(offset)
    assert (count(path), count("/"), count("/kalendarz.ics")) == (few, home_few, feed_few)


# --- cards ------------------------------------------------------------------------------------


def test_a_card_is_named_by_its_heading_and_shows_the_status_as_a_badge(client, calendar):
    cancelled = make_event(calendar, title="Warsztaty", start_date=days(1), status="cancelled")
    other = make_event(calendar, title="Kino", start_date=days(1), status="moved_online")

    html = client.get("/kalendarz/").content.decode()

    for page in (cancelled, other):
        heading_id = f"event-{page.pk}-title"
        assert html.count(f'id="{heading_id}"') == 1
        assert f'<article class="app-event-card" aria-labelledby="{heading_id}">' in html
    assert (
        f'<a href="{cancelled.url}">Warsztaty</a><span class="app-visually-hidden">,</span> '
        '<strong class="app-status app-status--cancelled">Odwołane</strong></h3>'
    ) in html
    assert "Przeniesione do internetu</strong>" in html
    assert "app-event-card--cancelled" not in html


def test_the_stylesheet_strikes_no_title_through():
    from pathlib import Path

    css = Path("src/biuletyn/components/static/components/base.css").read_text()
    assert "line-through" not in css


def test_a_card_says_the_city_once(client, calendar):
    make_event(
        calendar,
        title="W mieście",
        start_date=days(1),
        venue=make_venue(name="Centrum Kultury w Lublinie", city="Lublin"),
    )
    make_event(
        calendar,
        title="Gdzie indziej",
        start_date=days(1),
        venue=make_venue(name="Sala Pod Lipami", city="Lublin"),
    )

    html = client.get("/kalendarz/").content.decode()

    assert ">Centrum Kultury w Lublinie</span>" in html
    assert ">Sala Pod Lipami, Lublin</span>" in html


def test_only_an_upcoming_card_gives_the_last_day_to_ask(client, calendar):
    contact = make_organisation(email="spoleczne@example.pl")
    on_request = dict(sign_language="on_request", contact=contact)
    upcoming = make_event(calendar, title="Przyszłe", start_date=days(20), **on_request)
    make_event(calendar, title="Minione", start_date=days(-20), **on_request)

    upcoming_html = client.get("/kalendarz/").content.decode()
    archive_html = client.get("/kalendarz/archiwum/").content.decode()

    deadline = last_day_to_request_interpreter(upcoming.start_date)
    from biuletyn.core.templatetags.biuletyn_dates import long_date

    with translation.override("pl"):
        expected = f"Tłumacz PJM na zgłoszenie: poproś do\u00a0{long_date(deadline)}"
    assert expected in upcoming_html
    assert "poproś do" not in archive_html
    assert "Tłumacz PJM był dostępny na zgłoszenie" in archive_html


# --- the event's files --------------------------------------------------------------------------


def test_ics_of_a_postponed_event_is_tentative_at_its_original_date_until_a_new_one(
    client, calendar
):
    page = postponed(
        calendar,
        title="Spacer",
        start_date=dt.date(2027, 1, 14),
        sign_language="on_request",
        sign_language_how_to_ask="Napisz e-mail.",
    )

    vevent = ics(client, page)

    assert str(vevent["SUMMARY"]) == "Przełożone, nowy termin do ustalenia: Spacer"
    assert str(vevent["STATUS"]) == "TENTATIVE"
    assert vevent.decoded("DTSTART") == dt.datetime(2027, 1, 14, 16, tzinfo=WARSAW)
    assert "pierwotny termin" in str(vevent["DESCRIPTION"])
    assert "11 stycznia" not in str(vevent["DESCRIPTION"])  # no last day to ask before a date
    english = ics(client, page, "en")
    assert str(english["SUMMARY"]) == "Postponed, new date to be announced: Spacer"


def test_ics_of_a_rescheduled_event_stands_at_the_new_date(client, calendar):
    page = postponed(
        calendar,
        title="Spacer",
        start_date=dt.date(2027, 1, 14),
        new_start_date=dt.date(2027, 3, 28),
        new_start_time=dt.time(1, 30),
        new_end_time=dt.time(3, 30),
    )

    vevent = ics(client, page)

    assert str(vevent["SUMMARY"]) == "Przełożone: Spacer"
    assert str(vevent["STATUS"]) == "CONFIRMED"
    start, end = vevent.decoded("DTSTART"), vevent.decoded("DTEND")
    assert start == dt.datetime(2027, 3, 28, 1, 30, tzinfo=WARSAW)
    # The clocks go forward at 2:00: two hours on the clock are one.
    assert end.astimezone(dt.UTC) - start.astimezone(dt.UTC) == dt.timedelta(hours=1)
    assert "przełożone na" in str(vevent["DESCRIPTION"])


def test_json_ld_of_a_postponed_event(client, calendar):
    waiting = postponed(calendar, start_date=dt.date(2027, 1, 14))
    moved = postponed(
        calendar,
        start_date=dt.date(2027, 1, 14),
        new_start_date=dt.date(2027, 2, 4),
        new_start_time=dt.time(11),
        new_end_time=None,
    )

    waiting_data = json_ld(client.get(waiting.url).content.decode())
    moved_data = json_ld(client.get(moved.url).content.decode())

    assert waiting_data["eventStatus"] == "https://schema.org/EventPostponed"
    assert waiting_data["startDate"] == "2027-01-14T16:00:00+01:00"
    assert "previousStartDate" not in waiting_data
    assert moved_data["eventStatus"] == "https://schema.org/EventRescheduled"
    assert moved_data["startDate"] == "2027-02-04T11:00:00+01:00"
    assert moved_data["previousStartDate"] == "2027-01-14T16:00:00+01:00"
    assert "endDate" not in moved_data


# --- subtitles for the deaf ----------------------------------------------------------------------


def test_subtitles_are_their_own_offer_distinct_from_live_captions(client, calendar):
    film = make_event(calendar, title="Film", start_date=days(3), subtitles=True)
    make_event(calendar, title="Debata", start_date=days(3), captions=True)

    subtitled = client.get("/kalendarz/", {"feature": "subtitles"}).content.decode()
    captioned = client.get("/kalendarz/", {"feature": "captions"}).content.decode()
    data = json_ld(client.get(film.url).content.decode())
    vevent = ics(client, film, "en")

    assert titles(subtitled) == ["Film"]
    assert titles(captioned) == ["Debata"]
    assert data["accessibilityFeature"] == ["openCaptions"]
    assert "Subtitles for the deaf." in str(vevent["DESCRIPTION"])
    assert "Live captions" not in str(vevent["DESCRIPTION"])
    assert 'value="subtitles"' in subtitled  # the filter offers it


# --- the calendar's own words under /en/ -------------------------------------------------------


def test_english_calendar_routes_use_english_words_and_redirect_polish_ones(client, calendar):
    make_event(calendar, start_date=days(1))
    month = days(0).strftime("%Y-%m")

    english = client.get("/en/kalendarz/").content.decode()
    assert f'href="/en/kalendarz/month/{month}/"' in english
    assert 'href="/en/kalendarz/archive/"' in english
    assert client.get(f"/en/kalendarz/month/{month}/").status_code == 200
    assert client.get("/en/kalendarz/archive/").status_code == 200

    old_month = client.get(f"/en/kalendarz/miesiac/{month}/", {"feature": "pjm"})
    old_archive = client.get("/en/kalendarz/archiwum/")
    assert old_month.status_code == 301
    assert old_month["Location"] == f"/en/kalendarz/month/{month}/?feature=pjm"
    assert (old_archive.status_code, old_archive["Location"]) == (301, "/en/kalendarz/archive/")
    polish = client.get("/kalendarz/archive/")
    assert (polish.status_code, polish["Location"]) == (301, "/kalendarz/archiwum/")
    assert client.get("/kalendarz/miesiac/2024-13/").status_code == 404
    assert client.get("/en/kalendarz/month/2024-13/").status_code == 404


# --- the queries, directly -------------------------------------------------------------------


def test_upcoming_at_a_venue_lists_dates_to_be_announced_last(calendar):
    venue = make_venue()
    postponed(calendar, title="Czeka", start_date=days(1), venue=venue)
    make_event(calendar, title="Później", start_date=days(9), venue=venue)
    postponed(calendar, title="Dawno", start_date=days(-3), new_start_date=days(-1), venue=venue)

    listed = queries.upcoming_at(venue, calendar.locale)

    assert [event.title for event in listed] == ["Później", "Czeka"]


def test_a_cards_offer_is_one_line_with_one_capital_at_its_start(db):
    event = EventPage(
        title="Webinar",
        start_date=dt.date(2027, 3, 1),
        attendance_mode=AttendanceMode.ONLINE,
        sign_language=SignLanguageOffer.PROVIDED,
        captions=True,
        easy_read=True,
    )
    with translation.override("pl"):
        assert event.highlights == [
            "Tłumacz PJM",
            "napisy na żywo",
            "materiały w tekście łatwym do czytania (ETR)",
        ]
    event.sign_language = SignLanguageOffer.NONE
    with translation.override("en"):
        assert event.highlights[0] == "Live captions"
