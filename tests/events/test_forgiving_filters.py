"""The calendar's filters forgive (issue 9): a date in any form people write it, a precise
message for one that does not exist, the whole list under an error, results first after a
filter, and page numbers that do not exist (ADR 0010).

Persona: a reader on a phone who types "24.12.2026" and mistypes "30.02.2027"."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.utils import translation
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from biuletyn.events.forms import EventFilterForm, parse_day
from tests.factories.bulletin import make_category, make_organisation
from tests.factories.events import days, make_event
from tests.factories.venues import make_venue

pytestmark = pytest.mark.integration


def _titles(html: str) -> list[str]:
    # Card titles are typeset (a no-break space after a one-letter word): read as typed.
    found = re.findall(r'app-event-card__title[^>]*><a href="[^"]+">([^<]+)</a>', html)
    return [title.replace("\u00a0", " ") for title in found]


def _form(data: dict[str, str]) -> EventFilterForm:
    return EventFilterForm(data, categories=[], organisers=[], cities=[])


# --- the date ---------------------------------------------------------------------------------


@pytest.mark.unit
@pytest.mark.parametrize(
    ("typed", "day"),
    [
        ("2026-12-24", dt.date(2026, 12, 24)),
        ("24.12.2026", dt.date(2026, 12, 24)),
        ("4.1.2027", dt.date(2027, 1, 4)),
        ("04.01.2027", dt.date(2027, 1, 4)),
        ("24/12/2026", dt.date(2026, 12, 24)),
        ("24-12-2026", dt.date(2026, 12, 24)),
        ("24 12 2026", dt.date(2026, 12, 24)),
        ("  24.12.2026  ", dt.date(2026, 12, 24)),
        ("24. 12. 2026", dt.date(2026, 12, 24)),
        ("24.12.2026 r.", dt.date(2026, 12, 24)),
        ("24 grudnia 2026", dt.date(2026, 12, 24)),
        ("24 grudnia 2026 r.", dt.date(2026, 12, 24)),
        ("24 December 2026", dt.date(2026, 12, 24)),
        ("29.02.2028", dt.date(2028, 2, 29)),
        ("", None),
        ("   ", None),
    ],
)
def test_a_day_in_the_forms_people_write(typed, day):
    assert parse_day(typed) == day


def _message(typed: str, language: str) -> str:
    with translation.override(language):
        with pytest.raises(ValidationError) as error:
            parse_day(typed)
        (message,) = error.value.messages  # lazy: read in the language
    return message


@pytest.mark.unit
@pytest.mark.parametrize(
    ("typed", "polish", "english"),
    [
        (
            "30.02.2027",
            "Nie ma takiego dnia: luty\u00a02027\u00a0r. ma 28 dni.",
            "There is no such day: February 2027 has 28 days.",
        ),
        (
            "31.4.2027",
            "Nie ma takiego dnia: kwiecień\u00a02027\u00a0r. ma 30 dni.",
            "There is no such day: April 2027 has 30 days.",
        ),
        (
            "2024-13-01",
            "Nie ma miesiąca 13: miesiące mają numery od 1 do 12.",
            "There is no month 13: months are numbered from 1 to 12.",
        ),
        (
            "jutro",
            "Podaj dzień w postaci dzień.miesiąc.rok, na przykład 24.12.2026.",
            "Give the day as day.month.year, for example 24.12.2026.",
        ),
        (
            "24.12.26",
            "Podaj dzień w postaci dzień.miesiąc.rok, na przykład 24.12.2026.",
            "Give the day as day.month.year, for example 24.12.2026.",
        ),
        (
            "1.1.3000",
            "W kalendarzu nie ma roku 3000. Podaj rok od 1900 do 2200.",
            "The calendar has no year 3000. Give a year between 1900 and 2200.",
        ),
    ],
)
def test_a_day_that_cannot_be_says_why(typed, polish, english):
    assert _message(typed, "pl") == polish
    assert _message(typed, "en") == english


POLISH_DATE_MESSAGES = ("Nie ma takiego dnia", "Nie ma miesiąca", "Podaj dzień", "W kalendarzu")


@pytest.mark.unit
@settings(max_examples=300, deadline=None)
@given(
    typed=st.one_of(
        st.text(),
        st.from_regex(r"\A\s*\d{1,5}\s*[-./ ]\s*\d{1,3}\s*[-./ ]\s*\d{1,5}\s*(r\.)?\s*\Z"),
    )
)
def test_any_text_in_the_date_field_filters_or_gets_a_polish_message(typed):
    with translation.override("pl"):
        form = _form({"from_date": typed})
        if form.is_valid():
            assert form.cleaned_data["from_date"] is None or isinstance(
                form.cleaned_data["from_date"], dt.date
            )
        else:
            (message,) = form.errors["from_date"]
            assert message.startswith(POLISH_DATE_MESSAGES), message


@pytest.mark.unit
def test_the_filter_line_names_each_filter_by_its_label():
    form = EventFilterForm(
        {"category": "kultura", "organiser": "migowe-okno", "city": "Zamość", "feature": "pjm"}
        | {"from_date": "24.12.2026"},
        categories=[("kultura", "Kultura")],
        organisers=[("migowe-okno", "Fundacja Migowe Okno")],
        cities=["Zamość"],
    )
    with translation.override("pl"):
        assert form.active_labels() == [
            "Kultura",
            "Fundacja Migowe Okno",
            "Zamość",
            "Z tłumaczeniem PJM",
            "od\u00a024\u00a0grudnia\u00a02026\u00a0r.",
        ]


# --- the page -----------------------------------------------------------------------------------


@pytest.fixture
def four_with_pjm(calendar):
    for n in range(4):
        make_event(
            calendar, title=f"Z tłumaczem {n}", start_date=days(n + 1), sign_language="provided"
        )
    make_event(calendar, title="Bez tłumacza", start_date=days(2))
    return calendar


def test_after_a_filter_the_results_come_first(client, four_with_pjm):
    html = client.get("/kalendarz/?feature=pjm").content.decode()

    line = re.search(r'<p class="app-filter-status[^"]*" id="filter-status">(.*?)</p>', html, re.S)
    assert line is not None
    text = re.sub(r"<[^>]+>", "", line[1])
    assert (
        " ".join(text.split())
        == "Z tłumaczeniem PJM · 4 wydarzenia · Zmień filtry · Wyczyść filtry"
    )
    assert '<details class="app-filter-panel" id="filter-panel">' in html  # closed
    # "Zmień" leads to the panel's first field; "Wyczyść" to the calendar without filters.
    assert 'href="#id_category">Zmień' in line[1]
    assert 'href="/kalendarz/">Wyczyść' in line[1]
    # Nothing between the line and the results but the closed panel: not the calendar's intro.
    after_line = html[line.end() :]
    assert after_line.index("</details>") < after_line.index("app-day")
    assert 'class="app-lead"' not in html
    assert _titles(html) == [f"Z tłumaczem {n}" for n in range(4)]


def test_without_a_filter_the_panel_is_closed_and_there_is_no_line(client, four_with_pjm):
    html = client.get("/kalendarz/").content.decode()
    assert 'id="filter-status"' not in html
    assert '<details class="app-filter-panel" id="filter-panel">' in html


def test_the_line_names_the_day_organiser_and_city(client, calendar):
    organiser = make_organisation(name="Fundacja Migowe Okno", slug="migowe-okno")
    culture = make_category(name="Kultura", slug="kultura")
    make_event(
        calendar,
        start_date=days(20),
        organisers=[organiser],
        categories=[culture],
        venue=make_venue(city="Zamość"),
    )
    since = days(10)
    html = client.get(
        "/kalendarz/",
        {
            "category": "kultura",
            "organiser": "migowe-okno",
            "city": "Zamość",
            "from_date": f"{since.day}.{since.month}.{since.year}",
        },
    ).content.decode()

    assert "Kultura, Fundacja Migowe Okno, Zamość, od\u00a0" in html
    assert "1 wydarzenie" in html


@pytest.mark.parametrize("typed", ["30.02.2027", "2024-13-01", "jutro", "24.12.26"])
def test_an_error_keeps_the_list_and_comes_first(client, four_with_pjm, typed):
    response = client.get("/kalendarz/", {"feature": "pjm", "from_date": typed})

    assert response.status_code == 200
    html = response.content.decode()
    assert "<title>Błąd: " in html
    main = html[html.index('<main id="main-content"') :]
    # The error summary is the first thing in main, and focusable for the script.
    first = re.search(r"<(h1|div)[^>]*>", main[main.index(">") + 1 :])
    assert first is not None
    assert 'class="app-error-summary"' in first[0]
    assert 'tabindex="-1"' in first[0]
    # It links to the field, which keeps what was typed.
    assert '<a href="#id_from_date">' in html
    assert f'value="{typed}"' in html
    assert 'aria-invalid="true"' in html
    # The whole list, unfiltered, under the open panel, with a word that it is not filtered.
    assert '<details class="app-filter-panel" id="filter-panel" open>' in html
    assert "Filtr nie został zastosowany: pokazujemy wszystkie wydarzenia." in html
    assert "Bez tłumacza" in _titles(html)
    assert len(_titles(html)) == 5
    assert "filters.js" in html


def test_a_day_written_the_polish_way_filters(client, calendar):
    make_event(calendar, title="Wcześniej", start_date=days(3))
    make_event(calendar, title="Później", start_date=days(9))
    since = days(5)

    for typed in (f"{since.day}.{since.month}.{since.year}", since.strftime("%d/%m/%Y")):
        html = client.get("/kalendarz/", {"from_date": typed}).content.decode()
        assert _titles(html) == ["Później"], typed
        assert f'value="{typed}"' in html  # as typed, not rewritten


def test_the_subscribe_section_speaks_plainly(client, calendar):
    make_event(calendar, start_date=days(3))
    html = client.get("/kalendarz/").content.decode()

    assert "Adres kalendarza do skopiowania" in html
    assert "(ICS)</a>" not in html
    assert "Kanał kalendarza" not in html


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    typed=st.text(alphabet=st.characters(blacklist_categories=["Cs"], blacklist_characters="\x00"))
)
def test_any_date_text_gives_a_page_never_a_500(four_with_pjm, typed):
    client = Client(raise_request_exception=False)
    response = client.get("/kalendarz/", {"from_date": typed})
    assert response.status_code == 200, typed
    html = response.content.decode()
    if "app-error-summary" in html:
        assert "Błąd: " in html
        assert len(_titles(html)) == 5  # the list stays
    else:
        assert "app-results-count" in html


# --- page numbers of the archive ----------------------------------------------------------------


@pytest.fixture
def archive(calendar, monkeypatch):
    monkeypatch.setattr(type(calendar), "archive_page_size", 2, raising=False)
    for n in range(5):
        make_event(calendar, title=f"Minione {n}", start_date=days(-10 - n))
    return calendar


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("?strona=99", (302, "/kalendarz/archiwum/?strona=3")),
        ("?organiser=&strona=99", (302, "/kalendarz/archiwum/?organiser=&strona=3")),
        ("?strona=abc", (301, "/kalendarz/archiwum/")),
        ("?strona=0", (301, "/kalendarz/archiwum/")),
        ("?strona=3", (200, "")),
    ],
)
def test_an_archive_page_that_does_not_exist_redirects(client, archive, query, expected):
    response = client.get("/kalendarz/archiwum/" + query)
    assert (response.status_code, response.get("Location", "")) == expected
