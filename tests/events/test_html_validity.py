"""Every page type of the calendar is valid HTML (Nu HTML Checker, 0 errors) in pl and en:
upcoming, filtered, a filter error, a month, the archive, and an event of each kind (timed
with PJM on request, all-day over three days, cancelled, online, hybrid, past). One checker
run for the lot."""

from __future__ import annotations

import pytest

from tests.factories.event_showcase import make_event_showcase
from tests.htmlcheck import assert_valid_html

pytestmark = pytest.mark.integration


def test_calendar_and_event_pages_are_valid_html(site_tree, client):
    showcase = make_event_showcase(site_tree)
    pages = {}
    for language, paths in showcase.paths.items():
        for kind, path in paths.items():
            response = client.get(path)
            assert response.status_code == 200, f"{path}: {response.status_code}"
            pages[f"{language}-{kind}"] = response.content.decode("utf-8")

    assert_valid_html(pages)
