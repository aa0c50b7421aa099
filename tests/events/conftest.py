"""Fixtures of the events tests: a published calendar under the Polish home page."""

from __future__ import annotations

import pytest

from tests.factories.events import make_calendar


@pytest.fixture
def calendar(site_tree):
    return make_calendar(site_tree["pl"])
