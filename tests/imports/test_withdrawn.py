"""A post WordPress stopped showing after an import (made private, back to draft, trashed):
the next import unpublishes it here too, with its English alias, unless an editor has changed
the page since; made public again, it comes back (issue 12: "what was public stays public", and
nothing more)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.utils import translation

from biuletyn.articles.models import ArticlePage
from tests.imports.conftest import EXPORT, page_of, run_import

pytestmark = pytest.mark.integration


def export_with_status(directory: Path, post_id: int, status: str) -> Path:
    """The test export with item ``post_id``'s status changed, as WordPress exports it then."""
    text = EXPORT.read_text(encoding="utf-8")
    items = re.split(r"(?=<item>)", text)
    marker = f"<wp:post_id>{post_id}</wp:post_id>"
    (index,) = [i for i, chunk in enumerate(items) if marker in chunk]
    old = "<wp:status><![CDATA[publish]]></wp:status>"
    assert items[index].count(old) == 1
    items[index] = items[index].replace(old, f"<wp:status><![CDATA[{status}]]></wp:status>")
    path = directory / f"export-{post_id}-{status}.xml"
    path.write_text("".join(items), encoding="utf-8")
    return path


@pytest.mark.parametrize("status", ["private", "draft", "trash"])
def test_a_post_no_longer_public_is_unpublished_with_its_alias(imported, tmp_path, status):
    page = page_of(11)
    assert page.live

    report = run_import(export_with_status(tmp_path, 11, status))

    page = page_of(11)
    assert not page.live
    assert not ArticlePage.objects.filter(alias_of=page, live=True).exists()
    assert [n.page_id for n in report.withdrawn] == [page.pk]
    with translation.override("pl"):
        text = report.render()
    assert "Nie są już publiczne w WordPressie" in text
    assert f"/admin/pages/{page.pk}/edit/" in text.split("Nie są już publiczne")[1]
    # The rest of the archive is untouched.
    assert page_of(10).live


def test_made_public_again_it_is_published_again(imported, tmp_path):
    run_import(export_with_status(tmp_path, 11, "private"))
    assert not page_of(11).live

    report = run_import()

    assert page_of(11).live
    assert report.updated == 1
    assert not report.withdrawn


def test_withdrawn_twice_is_reported_once(imported, tmp_path):
    export = export_with_status(tmp_path, 11, "private")
    run_import(export)

    report = run_import(export)

    assert not report.withdrawn
    assert not page_of(11).live


def test_a_page_an_editor_changed_stays_published_and_is_reported(imported, tmp_path):
    page = page_of(11)
    page.lead = "Redakcja uzupełniła zajawkę po imporcie."
    user = get_user_model().objects.create_user("redaktorka", "r@example.org", "x")
    page.save_revision(user=user).publish()

    report = run_import(export_with_status(tmp_path, 11, "private"))

    assert page_of(11).live
    assert not report.withdrawn
    assert [n.page_id for n in report.edited_since] == [page.pk]
