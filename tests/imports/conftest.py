"""The parser's test export (tests/imports/data, its README lists every item), imported."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

DATA = Path(__file__).parent / "data"
EXPORT = DATA / "bulletin.xml"
UPLOADS = DATA / "uploads"
SITE = "https://rada-lublin.example.org"
# Between the export's last post (2024-06) and its scheduled one (2035-09-14): README.
NOW = dt.datetime(2025, 1, 15, 12, 0, tzinfo=dt.UTC)
PUBLIC_POSTS = (10, 11, 12, 13, 14, 15, 22)
PUBLIC_PAGES = (30, 31, 32)


def run_import(path: Path = EXPORT, **kwargs: Any) -> Any:
    from biuletyn.imports.services import import_export

    kwargs.setdefault("media_dir", UPLOADS)
    kwargs.setdefault("now", NOW)
    return import_export(path=path, **kwargs)


def page_of(post_id: int) -> Any:
    """The live page WordPress item ``post_id`` became."""
    from biuletyn.imports.models import ImportedItem

    return ImportedItem.objects.get(site_url=SITE, post_id=post_id).page.specific


@pytest.fixture
def imported(site_tree: Any) -> Any:
    """The test export imported once, with its uploads: the report."""
    return run_import()
