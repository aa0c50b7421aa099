"""An event's registration as JSON (issue 10): each event page links it; it gives at least the
capacity, seats taken, the waiting list and the form's absolute address in the page's language;
it is always current (never stored by the page cache); only visible pages answer, and an event
without registration answers with its registration fields null.

Personas: a developer of a city's app showing free seats; a reader of a private page's id."""

from __future__ import annotations

import pytest
from wagtail.models import Locale, PageViewRestriction

from tests.factories.registrations import make_setup, register
from tests.registrations.test_event_page_registration import page_cache  # noqa: F401

pytestmark = pytest.mark.integration


def json_url(page) -> str:
    return f"/api/events/{page.pk}.json"


def test_the_figures_of_an_open_registration(client, event):
    setup = make_setup(event, capacity=3, wheelchair_spaces=2)
    register(setup, seats=2)
    register(setup, seats=2)
    response = client.get(json_url(event))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert "no-cache" in response["Cache-Control"]
    data = response.json()
    assert data["id"] == event.pk
    assert data["language"] == "pl"
    assert data["url"] == f"http://localhost{event.url}"
    assert data["registration_state"] == "open"
    assert data["registration_url"] == f"http://localhost{event.url}zapisy/"
    assert data["capacity"] == 3
    assert data["seats_taken"] == 2
    assert data["seats_free"] == 1
    assert data["waitlist_enabled"] is True
    assert data["waitlist_length"] == 1
    assert data["waitlist_people"] == 2
    assert data["wheelchair_spaces"] == 2
    assert data["wheelchair_spaces_taken"] == 0
    assert data["wheelchair_spaces_free"] == 2
    assert data["registration_closes_at"] is not None


def test_the_english_version_gives_the_english_form(client, setup, event):
    english = event.get_translation(Locale.objects.get(language_code="en"))
    response = client.get(json_url(english))
    data = response.json()
    assert data["language"] == "en"
    # The answer's language is the page's, though the address has no language prefix.
    assert response["Content-Language"] == "en"
    assert client.get(json_url(event))["Content-Language"] == "pl"
    assert data["registration_url"] == f"http://localhost{english.url}registration/"
    assert data["capacity"] == setup.capacity


def test_an_event_without_registration_has_null_registration_fields(client, event):
    data = client.get(json_url(event)).json()
    assert data["id"] == event.pk
    assert data["registration_state"] is None
    assert data["registration_url"] is None
    assert data["capacity"] is None
    assert data["seats_taken"] is None


def test_only_visible_events_answer(client, setup, event, site_tree):
    assert client.get(f"/api/events/{site_tree['pl'].pk}.json").status_code == 404
    assert client.get("/api/events/999999.json").status_code == 404
    PageViewRestriction.objects.create(page=event, restriction_type="login")
    response = client.get(json_url(event))
    assert response.status_code == 404
    assert response.json() == {"error": "not_found"}
    assert "no-cache" in response["Cache-Control"]
    english = event.get_translation(Locale.objects.get(language_code="en"))
    assert client.get(json_url(english)).status_code == 404


def test_it_is_always_current_with_the_page_cache_on(client, setup, event, page_cache):  # noqa: F811
    assert client.get(json_url(event)).json()["seats_taken"] == 0
    register(setup, seats=3)
    response = client.get(json_url(event))
    assert response.get("X-Page-Cache") is None
    assert response.json()["seats_taken"] == 3
    assert len(page_cache) == 0


def test_only_get(client, setup, event):
    assert client.post(json_url(event)).status_code == 405
