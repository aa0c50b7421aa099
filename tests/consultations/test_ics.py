"""Calendar files of consultations (issue 11): one VEVENT per period, from opening to closing in
Europe/Warsaw with its VTIMEZONE, the same UID in Polish and English (the translation key), a
file per consultation linked from its page and the list's feed of every visible consultation,
through the visibility rule, with a fixed number of queries.

Personas: a resident who wants a reminder before comments close; an NGO subscribing to all
consultations."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from icalendar import Calendar
from wagtail.models import PageViewRestriction

from tests.consultations.test_pages import english, index  # noqa: F401
from tests.factories.consultations import make_consultation

pytestmark = pytest.mark.integration

WARSAW = ZoneInfo("Europe/Warsaw")


def events_of(response) -> list:
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return Calendar.from_ical(response.content).walk("VEVENT")


def test_one_consultation_file(client, index):  # noqa: F811
    page = make_consultation(
        index,
        opens_at=dt.datetime(2098, 6, 10, 0, 0, tzinfo=WARSAW),
        closes_at=dt.datetime(2098, 12, 8, 23, 59, tzinfo=WARSAW),
    )
    response = client.get(f"{page.url}konsultacja.ics")
    assert "attachment" in response["Content-Disposition"]
    cal = Calendar.from_ical(response.content)
    assert "X-WR-CALNAME" not in cal
    (event,) = events_of(response)
    assert event["DTSTART"].dt == dt.datetime(2098, 6, 10, 0, 0, tzinfo=WARSAW)
    assert event["DTEND"].dt == dt.datetime(2098, 12, 8, 23, 59, tzinfo=WARSAW)
    assert event["DTSTART"].params["TZID"] == "Europe/Warsaw"
    assert event["DTEND"].dt.utcoffset() == dt.timedelta(hours=1)
    assert event["DTSTART"].dt.utcoffset() == dt.timedelta(hours=2)
    assert str(event["SUMMARY"]) == f"Konsultacje: {page.title}"
    assert str(event["TRANSP"]) == "TRANSPARENT"
    assert str(event["URL"]) == f"http://testserver{page.url}"
    assert [tz["TZID"] for tz in cal.walk("VTIMEZONE")] == ["Europe/Warsaw"]


def test_the_uid_is_the_same_in_both_languages(client, index):  # noqa: F811
    page = make_consultation(index)
    alias = english(page)
    (polish,) = events_of(client.get(f"{page.url}konsultacja.ics"))
    (other,) = events_of(client.get(f"{alias.url}consultation.ics"))
    assert str(polish["UID"]) == str(other["UID"]) == f"consultation-{page.translation_key}"
    assert str(other["SUMMARY"]) == f"Consultation: {page.title}"


def test_the_feed_lists_every_visible_consultation(client, index):  # noqa: F811
    shown = [make_consultation(index), make_consultation(index)]
    hidden = make_consultation(index)
    PageViewRestriction.objects.create(page=hidden, restriction_type="login")
    response = client.get(f"{index.url}konsultacje.ics")
    cal = Calendar.from_ical(response.content)
    assert str(cal["X-WR-CALNAME"]) == "Biuletyn: konsultacje"
    uids = {str(event["UID"]) for event in events_of(response)}
    assert uids == {f"consultation-{page.translation_key}" for page in shown}
    english_feed = client.get(f"{english(index).url}consultations.ics")
    assert {str(event["UID"]) for event in events_of(english_feed)} == uids


def test_the_feed_takes_the_same_queries_for_one_or_three(client, index):  # noqa: F811
    def measure() -> int:
        with CaptureQueriesContext(connection) as queries:
            events_of(client.get(f"{index.url}konsultacje.ics"))
        return len(queries)

    make_consultation(index)
    client.get(f"{index.url}konsultacje.ics")
    one = measure()
    make_consultation(index)
    make_consultation(index)
    assert measure() == one


def test_a_private_consultation_keeps_its_file(client, index):  # noqa: F811
    page = make_consultation(index)
    PageViewRestriction.objects.create(page=index, restriction_type="login")
    response = client.get(f"{page.url}konsultacja.ics")
    assert response.status_code == 302
    assert "/login/" in response["Location"]
    assert client.get(f"{english(page).url}consultation.ics").status_code == 302


def test_the_list_and_the_page_link_their_files(client, index):  # noqa: F811
    page = make_consultation(index)
    assert f'href="{page.url}konsultacja.ics"' in client.get(page.url).content.decode()
    html = client.get(index.url).content.decode()
    title = "Konsultacje w aplikacji kalendarza"
    assert f'type="text/calendar" title="{title}" href="{index.url}konsultacje.ics"' in html
