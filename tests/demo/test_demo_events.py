"""The demo calendar follows each event's state (issue 9): the postponed walk has no new date
and is listed under "Termin do ustalenia", the cancelled workshop is not among the home page's
upcoming events, the film has subtitles for the deaf (not live captions), and the English
calendar lives at /en/events/ with permanent redirects from its old address.

Persona: a reader of the demo, in Polish and in English."""

from __future__ import annotations

import re

import pytest
from django.utils import timezone

from biuletyn.demo.loader import load
from biuletyn.events.models import EventPage

pytestmark = pytest.mark.integration


@pytest.fixture
def demo(db, django_capture_on_commit_callbacks):
    # Wagtail creates the redirects of a changed slug once the load commits.
    with django_capture_on_commit_callbacks(execute=True):
        load(port=8000)


def titles(html: str) -> list[str]:
    return re.findall(r'app-event-card__title[^>]*><a href="[^"]+"[^>]*>([^<]+)</a>', html)


def test_the_postponed_walk_waits_under_date_to_be_announced(client, demo):
    walk = EventPage.objects.get(slug="spacer-badawczy-srodmiescie", locale__language_code="pl")
    html = client.get("/wydarzenia/").content.decode()

    assert walk.date_to_be_announced
    group = html[html.index('aria-labelledby="day-to-be-announced"') :]
    assert titles(group) == [walk.title]
    assert f'id="day-{walk.start_date.isoformat()}"' not in html


def test_the_home_page_lists_no_cancelled_event(client, demo):
    html = client.get("/").content.decode()
    upcoming = html[html.index('id="upcoming-events"') :]

    listed = titles(upcoming)
    assert len(listed) == 3
    cancelled = EventPage.objects.filter(status="cancelled", locale__language_code="pl")
    assert [event.title for event in cancelled if event.title in listed] == []


def test_the_film_has_subtitles_for_the_deaf(demo):
    film = EventPage.objects.get(slug="kino-dostepne-w-wirydarzu", locale__language_code="pl")

    assert film.subtitles
    assert not film.captions


def test_the_english_calendar_has_an_english_address_and_the_old_one_redirects(client, demo):
    month = timezone.localdate().strftime("%Y-%m")
    english_event = EventPage.objects.filter(locale__language_code="en").first()

    old = client.get("/en/wydarzenia/")
    old_event = client.get(f"/en/wydarzenia/{english_event.slug}/")

    assert client.get("/en/events/").status_code == 200
    assert (old.status_code, old["Location"]) == (301, "/en/events/")
    assert (old_event.status_code, old_event["Location"]) == (301, english_event.url)
    assert client.get(f"/en/events/month/{month}/").status_code == 200
    assert client.get("/wydarzenia/").status_code == 200
