"""The event page's side of registration (issue 10): a block near the date and the offer, before
the body, that says whether registration is open by the clock and leads to the form; no seat
counts on this cached page; the cached copy never outlives the next opening or closing
(max-age), and sign-ups never empty the page cache. Each event page links its live JSON.

Personas: a reader who checks when registration opens; a Deaf reader who asks for a PJM
interpreter through the form; an anonymous reader whose pages stay fast during a rush."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.core.cache import cache
from django.test import Client
from django.utils import timezone

from biuletyn.core import pagecache
from biuletyn.events.enums import EventStatus
from tests.factories.events import days, make_event
from tests.factories.registrations import make_setup, register

pytestmark = pytest.mark.integration


@pytest.fixture
def page_cache(settings, tmp_path):
    """The page cache turned on, with a store of its own for this test (ADR 0001)."""
    settings.PAGE_CACHE_ENABLED = True
    settings.PAGE_CACHE_DIR = tmp_path / "pages"
    return pagecache.store()


def block_of(html: str) -> str:
    match = re.search(r'<section class="app-registration-block".*?</section>', html, re.S)
    assert match is not None, "no registration block"
    return match.group(0)


def max_age(response) -> int:
    match = re.search(r"max-age=(\d+)", response["Cache-Control"])
    assert match is not None, response["Cache-Control"]
    return int(match.group(1))


def test_open_registration_links_the_form_and_says_until_when(client, event):
    closes = timezone.now() + dt.timedelta(days=5)
    make_setup(event, closes_at=closes)
    html = client.get(event.url).content.decode()
    block = block_of(html)
    assert "Zapisy trwają do" in block
    assert f'href="{event.url}zapisy/"' in block
    assert f'datetime="{timezone.localtime(closes).isoformat()}"' in block
    # Before the body and after the facts (date and offer).
    assert html.index("app-facts") < html.index("app-registration-block") < html.index("app-lead")
    # Live counts are only on the form page and in the JSON.
    assert "Wolne miejsca" not in html
    assert "Lista rezerwowa" not in html


def test_not_yet_open_says_when_it_opens(client, event):
    make_setup(event, opens_at=timezone.now() + dt.timedelta(days=2))
    block = block_of(client.get(event.url).content.decode())
    assert "Zapisy ruszają" in block
    assert "zapisy/" not in block


def test_closed_and_switched_off_are_said_plainly(client, event):
    setup = make_setup(event, closes_at=timezone.now() - dt.timedelta(hours=1))
    block = block_of(client.get(event.url).content.decode())
    assert "Zapisy są już zamknięte." in block
    assert "zapisy/" not in block
    setup.closes_at = None
    setup.is_open = False
    setup.save()
    block = block_of(client.get(event.url).content.decode())
    assert "Zapisy na to wydarzenie są zamknięte." in block


def test_an_event_without_registration_has_no_block(client, event):
    assert "app-registration-block" not in client.get(event.url).content.decode()


def test_cancelled_and_past_events_have_no_registration_link(client, calendar):
    cancelled = make_event(calendar, status=EventStatus.CANCELLED)
    past = make_event(calendar, start_date=days(-3))
    for event in (cancelled, past):
        make_setup(event)
        html = client.get(event.url).content.decode()
        assert "app-registration-block" not in html
        assert "zapisy/" not in html


def test_an_interpreter_on_request_can_be_asked_for_in_the_form(client, setup, event):
    html = client.get(event.url).content.decode()
    assert f'href="{event.url}zapisy/#registration-needs"' in html
    assert "O tłumacza możesz też poprosić w formularzu zapisów" in html
    # And in the PJM part of the offer, beside the last day to order one.
    offer = html.split('class="app-offer"', 1)[1]
    assert "Ostatni dzień na zamówienie tłumacza:" in offer
    assert (
        f'<a href="{event.url}zapisy/#registration-needs">'
        "Możesz też zaznaczyć tłumacza w formularzu zapisów.</a>" in offer
    )


def test_the_description_has_its_own_heading_after_the_registration_block(client, setup, event):
    html = client.get(event.url).content.decode()
    about = html.index('<h2 class="app-heading-l" id="event-about">O wydarzeniu</h2>')
    assert html.index("app-registration-block") < about < html.index("app-lead")


def test_no_link_to_the_form_in_the_offer_while_registration_is_closed(client, event):
    make_setup(event, opens_at=timezone.now() + dt.timedelta(days=2))
    html = client.get(event.url).content.decode()
    assert "#registration-needs" not in html
    assert "Możesz też zaznaczyć tłumacza" not in html


def test_the_page_links_its_json(client, event):
    html = client.get(event.url).content.decode()
    assert (
        f'<link rel="alternate" type="application/json" href="/api/events/{event.pk}.json">' in html
    )


def test_the_cached_page_never_outlives_the_next_change(client, event, page_cache):
    closes = timezone.now() + dt.timedelta(seconds=40)
    make_setup(event, closes_at=closes)
    before = timezone.now()
    response = client.get(event.url)
    assert response["X-Page-Cache"] == "miss"
    assert "public" in response["Cache-Control"]
    assert max_age(response) <= (closes - before).total_seconds()
    assert client.get(event.url)["X-Page-Cache"] == "hit"


def test_a_far_change_keeps_the_usual_lifetime(client, event, page_cache):
    make_setup(event, opens_at=timezone.now() + dt.timedelta(days=3))
    response = client.get(event.url)
    assert max_age(response) == 60


def test_sign_ups_leave_the_cached_event_page_in_place(
    client, setup, event, page_cache, django_capture_on_commit_callbacks
):
    cache.clear()  # the form's rate limits
    assert client.get(event.url)["X-Page-Cache"] == "miss"
    with django_capture_on_commit_callbacks(execute=True):
        for number in range(5):
            register(setup)
            sent = Client().post(
                f"{event.url}zapisy/",
                {
                    "name": f"Osoba {number}",
                    "email": f"formularz{number}@example.org",
                    "contact_preference": "email",
                    "seats": "1",
                },
            )
            assert sent.status_code == 303
    assert setup.registrations.count() == 10
    assert client.get(event.url)["X-Page-Cache"] == "hit"
    assert len(page_cache) == 1
    cache.clear()


def test_the_form_page_is_never_stored(client, setup, event, page_cache):
    url = f"{event.url}zapisy/"
    assert client.get(url).get("X-Page-Cache") is None
    assert client.get(url).get("X-Page-Cache") is None
    assert len(page_cache) == 0
