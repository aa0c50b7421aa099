"""Fixtures of the core tests."""

from __future__ import annotations

import pytest

from biuletyn.core import pagecache


@pytest.fixture
def page_cache(settings, tmp_path):
    """The page cache turned on, with a store of its own for this test (ADR 0001)."""
    settings.PAGE_CACHE_ENABLED = True
    settings.PAGE_CACHE_DIR = tmp_path / "pages"
    return pagecache.store()
