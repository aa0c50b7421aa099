"""The event editor explains itself (issue 9, "Editors"): categories on the first tab, the new
date of a postponed event in the Status panel, plain-words help on the Accessibility tab, and
the last day to ask for an interpreter counted by the server (a JSON view for editors only).

Personas: an editor (signed in to the admin); an anonymous visitor, who gets nothing."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.urls import reverse

from tests.factories.events import make_event

pytestmark = pytest.mark.integration


@pytest.fixture
def editor_client(client, django_user_model):
    user = django_user_model.objects.create_superuser("redaktorka", "r@example.org", "haslo-123")
    client.force_login(user)
    return client


def deadline_url() -> str:
    return reverse("events_admin:interpreter_deadline")


def test_the_last_day_to_ask_skips_weekends_and_christmas(editor_client):
    response = editor_client.get(deadline_url(), {"start_date": "2026-12-28"})

    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    data = response.json()
    assert data["last_day"] == "2026-12-21"
    assert " ".join(data["message"].split()) == (
        "Ostatni dzień na zgłoszenie potrzeby tłumacza przy tych datach: "
        "poniedziałek, 21 grudnia 2026 r."
    )


@pytest.mark.parametrize(
    ("params", "last_day"),
    [
        ({"start_date": "28.12.2026"}, "2026-12-21"),  # as Polish editors type it
        ({"start_date": "2027-01-20", "status": "postponed"}, None),  # date to be announced
        (
            {"start_date": "2027-01-20", "status": "postponed", "new_start_date": "2027-02-17"},
            "2027-02-12",
        ),
        ({"start_date": "2027-01-20", "new_start_date": "2027-02-17"}, "2027-01-15"),
        ({"start_date": "jutro"}, None),
        ({}, None),
    ],
)
def test_the_last_day_to_ask_follows_the_dates_that_stand(editor_client, params, last_day):
    data = editor_client.get(deadline_url(), params).json()

    assert data["last_day"] == last_day
    assert data["message"]


def test_the_deadline_view_is_for_editors_only(client, site_tree):
    response = client.get(deadline_url(), {"start_date": "2026-12-28"})

    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


def test_the_editor_has_categories_first_and_explains_the_accessibility_offer(
    editor_client, calendar
):
    event = make_event(
        calendar,
        start_date=dt.date(2027, 1, 20),
        sign_language="on_request",
        sign_language_how_to_ask="Napisz e-mail.",
    )

    html = editor_client.get(f"/admin/pages/{event.pk}/edit/").content.decode()

    content_tab = html[html.index('id="tab-tresc"') : html.index('id="tab-dostepnosc"')]
    assert 'name="categories"' in content_tab
    status = content_tab[content_tab.index('name="status"') :]
    assert status.index('name="new_start_date"') < status.index('name="status_note"')
    accessibility = html[html.index('id="tab-dostepnosc"') :]
    assert "najpóźniej 3 dni robocze przed wydarzeniem" in accessibility
    assert "Teksty łatwe do czytania i rozumienia (ETR)" in accessibility
    assert "aparatów słuchowych" in accessibility  # the induction loop, in plain words
    assert "napisy dla niesłyszących" in accessibility.lower()
    output = re.search(
        r"<p data-interpreter-deadline data-url=\"([^\"]+)\">(.*?)</p>", accessibility, re.S
    )
    assert output[1] == deadline_url()
    assert "15 stycznia 2027" in " ".join(output[2].split())
    assert "events/interpreter-deadline.js" in html
