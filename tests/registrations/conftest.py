"""An event with registration for the tests of registrations."""

from __future__ import annotations

import pytest

from tests.factories.events import make_calendar, make_event
from tests.factories.registrations import make_setup


@pytest.fixture
def calendar(site_tree):
    return make_calendar(site_tree["pl"])


@pytest.fixture
def event(calendar):
    return make_event(calendar, sign_language="on_request", sign_language_how_to_ask="Napisz.")


@pytest.fixture
def setup(event):
    return make_setup(event)
