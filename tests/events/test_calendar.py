"""Readers of the calendar (issue 4): upcoming events by day, a month as a list, the archive, the
filters as plain GET forms, bad input answered with a message or a 404, and event pages.

Persona: an anonymous reader."""

from __future__ import annotations

import datetime as dt
import json
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from biuletyn.events.models import EventPage, EventRelatedArticle
from tests.factories.bulletin import make_category, make_organisation
from tests.factories.events import before, days, make_event
from tests.factories.venues import make_venue

pytestmark = pytest.mark.integration


def titles(response) -> list[str]:
    html = response.content.decode()
    # Card titles are typeset (a no-break space after a one-letter word): read as typed.
    found = re.findall(r'app-event-card__title[^>]*><a href="[^"]+">([^<]+)</a>', html)
    return [title.replace("\u00a0", " ") for title in found]


def test_upcoming_events_are_grouped_by_day_in_order(client, calendar):
    make_event(
        calendar, title="Później", start_date=days(3), start_time=dt.time(18, 0), end_time=None
    )
    make_event(calendar, title="Rano", start_date=days(3), start_time=dt.time(9, 0))
    make_event(calendar, title="Cały dzień", start_date=days(3), start_time=None, end_time=None)
    make_event(calendar, title="Jutro", start_date=days(1))
    make_event(calendar, title="Dawno", start_date=days(-10))

    response = client.get("/kalendarz/")

    assert response.status_code == 200
    assert titles(response) == ["Jutro", "Cały dzień", "Rano", "Później"]
    html = response.content.decode()
    assert html.count('class="app-day__title') == 2
    assert f'<time datetime="{days(3).isoformat()}">' in html


def test_an_event_that_began_yesterday_and_goes_on_is_listed_today(client, calendar):
    make_event(
        calendar,
        title="Festiwal",
        start_date=days(-1),
        end_date=days(1),
        start_time=None,
        end_time=None,
    )
    html = client.get("/kalendarz/").content.decode()
    assert "Festiwal" in html
    assert f'id="day-{days(0).isoformat()}"' in html


def test_month_view_lists_the_events_of_that_month(client, calendar):
    make_event(calendar, title="Czerwcowe", start_date=dt.date(2024, 6, 20))
    make_event(calendar, title="Lipcowe", start_date=dt.date(2024, 7, 2))
    make_event(
        calendar,
        title="Przełom miesięcy",
        start_date=dt.date(2024, 5, 30),
        end_date=dt.date(2024, 6, 2),
        start_time=None,
        end_time=None,
    )

    response = client.get("/kalendarz/miesiac/2024-06/")

    assert response.status_code == 200
    assert titles(response) == ["Przełom miesięcy", "Czerwcowe"]
    html = response.content.decode()
    assert "czerwiec 2024" in html.lower() or "czerwcu 2024" in html.lower()
    assert "/kalendarz/miesiac/2024-05/" in html
    assert "/kalendarz/miesiac/2024-07/" in html


@pytest.mark.parametrize(
    "month", ["2024-13", "2024-00", "24-06", "czerwiec", "2024-6", "9999-12", "0001-01"]
)
def test_a_month_that_does_not_exist_is_a_404(client, calendar, month):
    assert client.get(f"/kalendarz/miesiac/{month}/").status_code == 404


def test_archive_lists_past_events_newest_first_a_page_at_a_time(client, calendar):
    for number in range(22):
        make_event(calendar, title=f"Minione {number:02}", start_date=days(-30 - number))
    make_event(calendar, title="Przyszłe", start_date=days(5))

    first = client.get("/kalendarz/archiwum/")
    second = client.get("/kalendarz/archiwum/?strona=2")

    assert first.status_code == 200
    assert titles(first)[:2] == ["Minione 00", "Minione 01"]
    assert len(titles(first)) == 20
    assert titles(second) == ["Minione 20", "Minione 21"]
    assert "Przyszłe" not in first.content.decode()
    # Page numbers that do not exist: tests/events/test_forgiving_filters.py (ADR 0010).


def test_archive_pages_keep_the_filter(client, calendar):
    organiser = make_organisation(name="Fundacja Migowe Okno", slug="migowe-okno")
    for number in range(21):
        make_event(calendar, start_date=days(-5 - number), organisers=[organiser])
    html = client.get("/kalendarz/archiwum/?organiser=migowe-okno").content.decode()
    assert "?organiser=migowe-okno&amp;strona=2" in html


def test_filters_by_category_organiser_city_attendance_and_feature(client, calendar):
    culture = make_category(name="Kultura", slug="kultura")
    organiser = make_organisation(name="Fundacja Migowe Okno", slug="migowe-okno")
    zamosc = make_venue(city="Zamość", step_free_entrance="no", hearing_loop="yes")
    make_event(calendar, title="Koncert", start_date=days(2), categories=[culture])
    make_event(calendar, title="Warsztaty", start_date=days(3), organisers=[organiser])
    make_event(calendar, title="W Zamościu", start_date=days(4), venue=zamosc)
    make_event(calendar, title="Webinar", start_date=days(5), attendance_mode="online", venue=None)
    make_event(calendar, title="Z tłumaczem", start_date=days(6), sign_language="provided")

    def shown(query: str) -> list[str]:
        response = client.get(f"/kalendarz/?{query}")
        assert response.status_code == 200, query
        return titles(response)

    assert shown("category=kultura") == ["Koncert"]
    assert shown("organiser=migowe-okno") == ["Warsztaty"]
    assert shown("city=Zamo%C5%9B%C4%87") == ["W Zamościu"]
    assert shown("attendance=online") == ["Webinar"]
    assert "Webinar" not in shown("attendance=in_person")
    assert shown("feature=pjm") == ["Z tłumaczem"]
    assert "W Zamościu" not in shown("feature=step_free")
    assert shown("feature=hearing_loop") == ["W Zamościu"]
    assert shown(f"from_date={days(5).isoformat()}") == ["Webinar", "Z tłumaczem"]


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("category=nie-ma", "There is no such category"),
        ("organiser=nikt", "We have no events by this organiser"),
        ("city=Atlantyda", "We have no events in this city"),
        ("attendance=teleport", "There is no such way of taking part"),
        ("feature=jetpack", "There is no such feature"),
        ("from_date=2024-13-01", "There is no month 13"),
        ("from_date=jutro", "Give the day as day.month.year"),
    ],
)
def test_bad_filter_values_get_a_message_in_the_readers_language(client, calendar, query, message):
    make_event(calendar, start_date=days(1))
    response = client.get(f"/en/kalendarz/?{query}")
    assert response.status_code == 200
    html = response.content.decode()
    assert 'class="app-error-summary"' in html
    assert message in html
    # The error does not empty the page: the whole list shows under it, and says so.
    assert 'class="app-card-list"' in html
    assert "The filter was not applied: all events are shown." in html
    # What the reader typed stays in the date field (a list can only show its own choices).
    name, value = query.split("=", 1)
    if name == "from_date":
        assert f'value="{value}"' in html


def test_bad_filter_values_in_polish(client, calendar):
    make_event(calendar, start_date=days(1))
    html = client.get("/kalendarz/?feature=jetpack&from_date=2024-13-01").content.decode()
    assert 'lang="pl"' in html
    assert "There is no such feature" not in html  # translated
    assert html.count("app-field__error") >= 2 or html.count('<li><a href="#id_') == 2


@pytest.mark.parametrize("view", ["", "miesiac/{month}/", "archiwum/", "?feature=step_free"])
def test_the_calendar_reads_a_constant_number_of_queries(client, calendar, view):
    culture = make_category(name="Kultura", slug="kultura")
    organiser = make_organisation()
    path = "/kalendarz/" + view.format(month=days(1).strftime("%Y-%m"))

    def add(offset: int) -> None:
        for start in (days(offset), days(-offset)):  # one upcoming, one past
            make_event(
                calendar,
                start_date=start,
                categories=[culture],
                organisers=[organiser],
                venue=make_venue(),
            )

    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(path).status_code == 200
        return len(queries)

    add(1)
    count()  # the first request also creates the site's settings row
    few = count()
    for offset in range(2, 10):
        add(offset)
    assert count() == few


def test_event_page_shows_the_facts_the_offer_and_the_venue_profile(client, calendar, monkeypatch):
    before(monkeypatch, dt.date(2027, 3, 26))
    contact = make_organisation(name="Wydział Spraw Społecznych", email="spoleczne@example.pl")
    event = make_event(
        calendar,
        title="Spotkanie z miastem",
        start_date=dt.date(2027, 4, 1),
        sign_language="on_request",
        sign_language_how_to_ask="Napisz e-mail lub SMS.",
        captions=True,
        contact=contact,
        accessibility_notes="Tego dnia otwarte jest boczne wejście.",
        participants="Prezydent miasta\nDyrektorzy wydziałów",
    )
    response = client.get(event.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert "26\u00a0marca\u00a02027" in html  # last day to ask: Friday before Easter Monday
    assert '<time datetime="2027-03-26">' in html
    assert "Napisz e-mail lub SMS." in html
    assert "boczne wejście" in html
    assert "Dyrektorzy wydziałów" in html
    upcoming = make_event(calendar, start_date=days(7))
    assert f"/kalendarz/wydarzenie-{upcoming.pk}.ics" in client.get(upcoming.url).content.decode()
    assert 'type="text/calendar"' in html
    data = json.loads(
        re.search(r'<script type="application/ld\+json">(.+?)</script>', html, re.S)[1]
    )
    assert data["@type"] == "Event"
    assert data["inLanguage"] == "pl"  # on request: said in accessibilitySummary, not claimed
    assert "26\u00a0marca\u00a02027" in data["accessibilitySummary"]


def test_cancelled_event_says_so_first(client, calendar):
    event = make_event(calendar, status="cancelled", status_note="Z powodu remontu sali.")
    html = client.get(event.url).content.decode()
    assert html.index("app-status-banner") < html.index("app-lead")
    assert "Z powodu remontu sali." in html


def test_every_page_links_the_calendar_feed(client, calendar):
    for path in ["/", "/en/", "/kalendarz/", "/miejsca/"]:
        html = client.get(path).content.decode()
        assert re.search(
            r'<link rel="alternate" type="text/calendar"[^>]+href="/(en/calendar|kalendarz)\.ics"',
            html,
        ), path


def test_an_unpublished_event_is_not_shown(client, calendar):
    event = make_event(calendar, title="Szkic", start_date=days(2))
    event.unpublish()
    assert "Szkic" not in client.get("/kalendarz/").content.decode()
    assert EventPage.objects.live().count() == 0


def test_links_between_events_stay_in_the_readers_language(client, site_tree, calendar):
    march = make_event(calendar, title="Marzec", slug="marzec", start_date=days(-90))
    june = make_event(
        calendar, title="Czerwiec", slug="czerwiec", start_date=days(-5), continues=march
    )
    english_june = june.get_translation(site_tree["en"].locale)

    english = client.get(english_june.url).content.decode()
    polish_march = client.get(march.url).content.decode()

    assert 'href="/en/kalendarz/marzec/"' in english
    assert 'href="/kalendarz/marzec/"' not in english
    assert 'href="/kalendarz/czerwiec/"' in polish_march  # "continued at"
    assert "/en/kalendarz/czerwiec/" not in polish_march


def test_a_venue_feature_does_not_match_an_event_moved_online(client, calendar):
    venue = make_venue(step_free_entrance="yes")
    make_event(calendar, title="Na miejscu", start_date=days(1), venue=venue)
    make_event(
        calendar,
        title="Przeniesione",
        start_date=days(2),
        venue=venue,
        status="moved_online",
        online_url="https://spotkanie.example.pl/",
    )
    assert titles(client.get("/kalendarz/?feature=step_free")) == ["Na miejscu"]


def test_two_events_cannot_continue_each_other(calendar):
    from django.core.exceptions import ValidationError

    first = make_event(calendar, start_date=days(1))
    second = make_event(calendar, start_date=days(2), continues=first)
    first.continues = second
    with pytest.raises(ValidationError) as error:
        first.full_clean()
    assert "continues" in error.value.message_dict


def test_a_past_event_says_so_and_offers_no_calendar_file(client, calendar):
    # Issue 9: a past event invites no action (it used to keep its "add to calendar" link).
    event = make_event(calendar, start_date=days(-3))
    html = client.get(event.url).content.decode()
    assert "To wydarzenie już się odbyło" in html
    assert f"/kalendarz/wydarzenie-{event.pk}.ics" not in html


def test_when_the_day_to_ask_has_passed_the_page_says_to_ask_anyway(client, calendar):
    event = make_event(
        calendar,
        start_date=days(1),
        sign_language="on_request",
        sign_language_how_to_ask="Napisz e-mail.",
    )
    html = client.get(event.url).content.decode()
    assert "Ten dzień minął" in html


def test_the_event_page_reads_a_constant_number_of_queries(client, site_tree, calendar):
    from tests.factories.bulletin import make_article, make_bulletin

    bulletin = make_bulletin(site_tree["pl"])
    culture = make_category(name="Kultura", slug="kultura")
    event = make_event(calendar, start_date=days(3))

    def count(articles: int) -> int:
        EventRelatedArticle.objects.filter(page=event).delete()
        for _ in range(articles):
            article = make_article(bulletin, categories=[culture])
            EventRelatedArticle.objects.create(page=event, article=article)
        with CaptureQueriesContext(connection) as queries:
            html = client.get(event.url).content.decode()
        assert html.count('class="app-article-card"') == articles
        return len(queries)

    count(1)  # the first request also creates the site's settings row
    assert count(1) == count(5)
