"""One date style everywhere (issue 9): ranges with an en dash ("11–13 stycznia 2027 r.",
"30 stycznia – 2 lutego 2027 r."), spaces inside a date that never break, Polish weekday and
month names in lower case inside a sentence, and never "r.." or "r." alone at a line's start.
English dates in English style. The filters are the ones pages, cards, ICS files and JSON-LD
use (biuletyn_dates, biuletyn_events)."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

import pytest
from django.utils import translation
from hypothesis import given
from hypothesis import strategies as st

from biuletyn.core.templatetags.biuletyn_dates import (
    NBSP,
    WORD_JOINER,
    date_range,
    long_date,
    long_datetime,
    month_year,
    tie_dates,
)
from biuletyn.core.templatetags.biuletyn_text import (
    display_url,
    title_with_site,
    typeset,
)
from biuletyn.events.schedule import Schedule
from biuletyn.events.templatetags.biuletyn_events import day_heading, event_times, event_when
from biuletyn.venues.models import Venue

pytestmark = pytest.mark.unit

D = dt.date
T = dt.time


When = Schedule  # what the event filters read (an EventPage gives its .schedule)


def shown(text: str) -> str:
    """The text with its invisible characters made visible, for readable failures."""
    return text.replace(NBSP, "·").replace(WORD_JOINER, "")


@pytest.mark.parametrize(
    ("when", "polish", "english"),
    [
        (
            When(D(2024, 6, 20), T(16), end_time=T(18)),
            "czwartek, 20·czerwca·2024·r., 16:00–18:00",
            "Thursday, 20·June·2024, 16:00–18:00",
        ),
        (
            When(D(2024, 6, 20)),
            "czwartek, 20·czerwca·2024·r., cały·dzień",
            "Thursday, 20·June·2024, all·day",
        ),
        (
            When(D(2024, 6, 20), T(9, 30)),
            "czwartek, 20·czerwca·2024·r., od·9:30",
            "Thursday, 20·June·2024, from·09:30",
        ),
        (
            When(D(2027, 1, 11), end_date=D(2027, 1, 13)),
            "11–13·stycznia·2027·r.",
            "11–13·January·2027",
        ),
        (
            When(D(2027, 1, 30), end_date=D(2027, 2, 2)),
            "30·stycznia·– 2·lutego·2027·r.",
            "30·January·– 2·February·2027",
        ),
        (
            When(D(2026, 12, 30), end_date=D(2027, 1, 2)),
            "30·grudnia·2026·r.·– 2·stycznia·2027·r.",
            "30·December·2026·– 2·January·2027",
        ),
        (
            When(D(2027, 1, 11), T(10), D(2027, 1, 13), T(16)),
            "11·stycznia, 10:00·– 13·stycznia·2027·r., 16:00",
            "11·January, 10:00·– 13·January·2027, 16:00",
        ),
    ],
)
def test_event_dates_read_as_the_style_says(when, polish, english):
    with translation.override("pl"):
        in_polish = event_when(when)
    with translation.override("en"):
        in_english = event_when(when)

    assert (shown(in_polish), shown(in_english)) == (polish, english)


def test_an_unspaced_dash_is_followed_by_a_word_joiner_so_the_range_never_breaks():
    with translation.override("pl"):
        assert event_times(When(D(2024, 6, 20), T(16), end_time=T(18))) == "16:00–\u206018:00"
        assert date_range(D(2027, 1, 11), D(2027, 1, 13)).startswith("11–\u206013")


def test_weekday_and_month_are_lower_case_in_polish_and_capitalised_in_english():
    with translation.override("pl"):
        polish = (day_heading(D(2026, 12, 14)), month_year(D(2024, 6, 1)))
    with translation.override("en"):
        english = (day_heading(D(2026, 12, 14)), month_year(D(2024, 6, 1)))

    assert [shown(text) for text in polish] == ["poniedziałek, 14·grudnia·2026·r.", "czerwiec·2024"]
    assert [shown(text) for text in english] == ["Monday, 14·December·2026", "June·2024"]


def test_a_date_and_time_ties_godz_to_the_hour():
    moment = dt.datetime(2024, 6, 3, 16, 0)
    with translation.override("pl"):
        assert shown(long_datetime(moment)) == "3·czerwca·2024·r., godz.·16:00"


dates = st.dates(min_value=D(2000, 1, 1), max_value=D(2099, 12, 31))
times = st.one_of(st.none(), st.times().map(lambda t: t.replace(second=0, microsecond=0)))


@st.composite
def schedules(draw: st.DrawFn) -> When:
    start = draw(dates)
    days = draw(st.integers(min_value=0, max_value=800))
    start_time = draw(times)
    end_time = draw(times) if start_time is not None else None
    end = start + dt.timedelta(days=days) if days else None
    if end is None and start_time and end_time and end_time <= start_time:
        end_time = None
    return When(start, start_time, end, end_time)


def _typographic_faults(text: str) -> list[str]:
    faults = []
    if "r.." in text or "r. ." in text:
        faults.append("double full stop after r.")
    if re.search(r"[ \t\n]r\.", text):
        faults.append("a breaking space before r.")
    for match in re.finditer(r" ", text):
        before = text[: match.start()]
        if not before.endswith((",", "–")):
            faults.append(f"a breaking space inside a date: {shown(text)!r}")
    if re.search(r"\d-\d", text):
        faults.append("a hyphen in a range")
    return faults


@given(schedules())
def test_every_event_date_has_no_typographic_fault_in_either_language(when):
    with translation.override("pl"):
        polish = event_when(when)
    with translation.override("en"):
        english = event_when(when)

    assert _typographic_faults(polish) == []
    assert _typographic_faults(english) == []
    assert "r." not in english
    if when.is_multi_day:
        assert "–" in polish
        assert "–" in english
    assert (
        polish.count(str(when.last_date.year)) == 1 or when.start_date.year != when.last_date.year
    )


@given(dates, dates)
def test_every_range_of_days_has_an_en_dash_and_nbsp_before_r(first, second):
    start, end = sorted([first, second])
    with translation.override("pl"):
        text = date_range(start, end)

    assert _typographic_faults(text) == []
    assert text.endswith(f"{end.year}{NBSP}r.")
    assert ("–" in text) == (start != end)


@given(dates)
def test_a_long_date_ends_with_the_year_and_r_joined_by_nbsp(day):
    with translation.override("pl"):
        text = long_date(day)

    assert text == f"{day.day}{NBSP}{text.split(NBSP)[1]}{NBSP}{day.year}{NBSP}r."


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Uwagi można zgłaszać od 10 czerwca do 8 września 2024 r. Zapraszamy.",
            "Uwagi można zgłaszać od 10·czerwca do 8·września·2024·r. Zapraszamy.",
        ),
        ("Spotkanie 20 czerwca, godz. 16:00.", "Spotkanie 20·czerwca, godz.·16:00."),
        ("Mamy 12 osób i 3 psy.", "Mamy 12 osób i 3 psy."),
        ("", ""),
    ],
)
def test_editors_text_keeps_its_dates_on_one_line(text, expected):
    with translation.override("pl"):
        assert shown(tie_dates(text)) == expected


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://lublin.eu/", "lublin.eu"),
        ("http://example.org/kontakt/", "example.org/kontakt"),
        ("https://migowe-okno.example.pl", "migowe-okno.example.pl"),
        ("", ""),
        (None, ""),
    ],
)
def test_a_web_address_is_shown_without_scheme_or_trailing_slash(url, expected):
    assert display_url(url) == expected


def test_no_title_repeats_the_site_name():
    with translation.override("pl"):
        titles = [
            title_with_site("Biuletyn", True),
            title_with_site("Biuletyn", False),
            title_with_site("Wydarzenia", False),
            title_with_site("  "),
        ]

    assert titles == [
        "Biuletyn – Wiadomości dla osób z niepełnosprawnościami",
        "Biuletyn",
        "Wydarzenia – Biuletyn",
        "Biuletyn",
    ]


@dataclass
class _Venue:
    name: str
    city: str


@pytest.mark.parametrize(
    ("venue", "expected"),
    [
        (
            _Venue("Wirydarz Centrum Kultury w Lublinie", "Lublin"),
            "Wirydarz Centrum Kultury w Lublinie",
        ),
        (
            _Venue("Urząd Miasta Lublin, ul. Leszczyńskiego 23", "Lublin"),
            "Urząd Miasta Lublin, ul. Leszczyńskiego 23",
        ),
        (_Venue("Biblioteka „Pod Lipami”", "Lublin"), "Biblioteka „Pod Lipami”, Lublin"),
        (_Venue("Centrum Sportu w Świdniku", "Świdnik"), "Centrum Sportu w Świdniku"),
        (_Venue("Klub „Aktywni”", ""), "Klub „Aktywni”"),
    ],
)
def test_a_venue_names_its_town_once(venue, expected):
    assert Venue(name=venue.name, city=venue.city).name_and_city == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Spotkanie organizacji z Miastem Lublin – 20 czerwca",
            "Spotkanie organizacji z·Miastem Lublin·– 20·czerwca",
        ),
        (
            "Wiadomości dla osób z niepełnosprawnościami",
            "Wiadomości dla osób z·niepełnosprawnościami",
        ),
        ("Ala i kot, a pies w domu.", "Ala i·kot, a·pies w·domu."),
        ("", ""),
    ],
)
def test_titles_keep_one_letter_words_and_dates_with_the_next_word(text, expected):
    with translation.override("pl"):
        assert shown(typeset(text)) == expected
