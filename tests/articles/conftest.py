"""Fixtures of the bulletin's tests."""

from __future__ import annotations

import pytest

from tests.factories.bulletin import make_bulletin


@pytest.fixture
def bulletin(site_tree):
    """The Polish bulletin under the Polish home page."""
    return make_bulletin(site_tree["pl"])
