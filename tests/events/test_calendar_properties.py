"""Whatever a reader or a robot puts in the calendar's address, the answer is a page with a
message or a 404, never a server error: filters (GET), the month in the path, the archive's page
number and the feeds. Hypothesis writes the input."""

from __future__ import annotations

import pytest
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.factories.events import days, make_event

pytestmark = pytest.mark.integration

FILTERS = ("category", "organiser", "city", "attendance", "feature", "from_date")
SETTINGS = settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
# Text a query string can carry (no NUL: Django's test client refuses it before any view runs).
QUERY_TEXT = st.text(
    alphabet=st.characters(blacklist_categories=["Cs"], blacklist_characters="\x00")
)


@pytest.fixture
def calendar_with_an_event(calendar):
    """The events tests' calendar with one event in three days' time."""
    make_event(calendar, start_date=days(3))
    return calendar


@SETTINGS
@given(params=st.dictionaries(st.sampled_from(FILTERS), QUERY_TEXT, max_size=4))
def test_any_filter_values_give_a_page(calendar_with_an_event, params):
    client = Client(raise_request_exception=False)
    for path in ("/kalendarz/", "/en/kalendarz/", "/kalendarz/archiwum/"):
        response = client.get(path, params)
        assert response.status_code == 200, (path, params)
        if any(params.values()) and b"app-error-summary" not in response.content:
            assert b"app-results-count" in response.content


@SETTINGS
@given(params=st.dictionaries(st.sampled_from(FILTERS), QUERY_TEXT, max_size=4))
def test_any_feed_filter_gives_a_calendar_or_a_message(calendar_with_an_event, params):
    client = Client(raise_request_exception=False)
    response = client.get("/kalendarz.ics", params)
    assert response.status_code in (200, 400), params
    if response.status_code == 400:
        assert response["Content-Type"] == "text/plain; charset=utf-8"
    else:
        assert response.content.startswith(b"BEGIN:VCALENDAR\r\n")


@SETTINGS
@given(
    month=st.text(
        alphabet=st.characters(blacklist_categories=["Cs", "Cc"], blacklist_characters="/?#%"),
        min_size=1,
    ),
    page=QUERY_TEXT,
)
def test_any_month_or_page_number_gives_a_page_or_a_404(calendar_with_an_event, month, page):
    client = Client(raise_request_exception=False)
    response = client.get(f"/kalendarz/miesiac/{month}/")
    # An address with spaces goes to its hyphenated form (ADR 0010), which answers too.
    if response.status_code == 301:
        assert response["Location"].startswith("/kalendarz/")
        response = client.get(response["Location"])
    assert response.status_code in (200, 404), month
    response = client.get("/kalendarz/archiwum/", {"strona": page})
    # A page that does not exist redirects to one that does (ADR 0010).
    assert response.status_code in (200, 301, 302), page
    if response.status_code != 200:
        assert client.get(response["Location"]).status_code == 200, page
