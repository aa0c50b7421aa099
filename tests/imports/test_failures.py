"""What goes wrong in a WordPress import, and what is left after it (issue 12, ADR 0013 §4):
one post that cannot be imported is rolled back alone and named in the report; a file damaged
in the middle, a file that is not a WordPress export, an empty file, a file in another encoding
than it declares and a path with no file stop with a sentence (in Polish, the site's language)
and write nothing.

Personas: the bulletin's editor who moves the old site, with an export and an uploads folder
that are not always what they should be.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from django.utils.translation import gettext
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from wagtail.contrib.redirects.models import Redirect
from wagtail.images import get_image_model
from wagtail.models import Page, Revision

from biuletyn.articles.models import ArticleIndexPage, ArticlePage, Category
from biuletyn.imports import wxr
from biuletyn.imports.models import ImportedItem
from tests.imports.conftest import (
    DAMAGED_POST,
    DATA,
    EXPORT,
    HTML_PAGE,
    LATER_POST,
    PUBLIC_PAGES,
    PUBLIC_POSTS,
    SITE,
    UPLOADS,
    damaged_image_export,
    malformed_export,
    page_of,
    run_import,
)

pytestmark = pytest.mark.integration

DAMAGED_TITLE = "Warsztaty w nowej sali"
WEB_PAGE = (
    "This file is a web page (HTML), not a WordPress export: it was probably saved from the "
    "browser. In WordPress, use Tools → Export, choose “All content” and import the .xml file "
    "it downloads."
)


def state() -> dict[str, object]:
    """What an import writes, in numbers and names."""
    return {
        "pages": sorted(Page.objects.values_list("pk", "title", "live", "latest_revision_id")),
        "revisions": Revision.objects.count(),
        "images": get_image_model().objects.count(),
        "categories": Category.objects.count(),
        "redirects": sorted(Redirect.objects.values_list("old_path", "redirect_page_id")),
        "records": sorted(ImportedItem.objects.values_list("post_id", "page_id", "content_hash")),
    }


# --- one post fails --------------------------------------------------------------------------


def test_a_post_whose_image_file_is_damaged_fails_alone(site_tree, tmp_path):
    export, uploads = damaged_image_export(tmp_path)

    report = run_import(export, media_dir=uploads)

    # The others, before and after it in the file, are imported.
    assert report.imported == len(PUBLIC_POSTS) + len(PUBLIC_PAGES) + 1
    assert page_of(LATER_POST).live
    assert [(f.post_id, f.title) for f in report.failed] == [(DAMAGED_POST, DAMAGED_TITLE)]
    assert "2024/06/mapa-dojazdu.jpg" in report.failed[0].error
    # Nothing of it is left: no page, revision, redirect or record, not even the good image it
    # showed before the damaged one.
    assert not ArticlePage.objects.filter(title=DAMAGED_TITLE).exists()
    assert not [r for r in Revision.objects.all() if r.content.get("title") == DAMAGED_TITLE]
    assert not Redirect.objects.filter(old_path__contains="warsztaty-w-nowej-sali").exists()
    assert not Redirect.objects.filter(old_path=f"/?p={DAMAGED_POST}").exists()
    assert not ImportedItem.objects.filter(post_id__in=[DAMAGED_POST, 110, 111]).exists()
    assert not get_image_model().objects.filter(title__in=["Sala warsztatowa", "Mapa dojazdu"])
    assert report.images == get_image_model().objects.count()
    # The summary names it, with the file to replace.
    text = report.render()
    assert "Nie udało się zaimportować 1 elementu" in text
    assert f"identyfikator {DAMAGED_POST} w WordPressie, „{DAMAGED_TITLE}”" in text
    assert "2024/06/mapa-dojazdu.jpg" in text


def test_the_failed_post_is_imported_once_its_file_is_put_back(site_tree, tmp_path):
    export, uploads = damaged_image_export(tmp_path)
    run_import(export, media_dir=uploads)
    shutil.copy(UPLOADS / "2024/03/zdjecie-przystanek.jpg", uploads / "2024/06/mapa-dojazdu.jpg")

    report = run_import(export, media_dir=uploads)

    assert report.failed == []
    assert report.imported == 1
    assert report.images == 2
    page = page_of(DAMAGED_POST)
    assert page.live
    assert [b.value["image"].title for b in page.body if b.block_type == "image"] == [
        "Sala warsztatowa",
        "Mapa dojazdu",
    ]


def test_a_page_that_is_its_own_parent_fails_alone(site_tree, tmp_path):
    text = EXPORT.read_text(encoding="utf-8")
    marker = "<wp:post_id>32</wp:post_id>"
    head, tail = text.split(marker)
    tail = tail.replace(
        "<wp:post_parent>0</wp:post_parent>", "<wp:post_parent>32</wp:post_parent>", 1
    )
    export = tmp_path / "bulletin-own-parent.xml"
    export.write_text(head + marker + tail, encoding="utf-8")

    report = run_import(export)

    assert [f.post_id for f in report.failed] == [32]
    assert report.imported == len(PUBLIC_POSTS) + len(PUBLIC_PAGES) - 1
    assert not ImportedItem.objects.filter(post_id=32).exists()
    assert not Redirect.objects.filter(old_path="/?page_id=32").exists()


# --- the file cannot be read -------------------------------------------------------------------


def test_malformed_xml_in_the_middle_names_the_line_and_changes_nothing(imported, tmp_path):
    export, line = malformed_export(tmp_path)
    before = state()

    with pytest.raises(wxr.WxrError) as error:
        run_import(export)

    assert error.value.line == line
    message = str(error.value)
    assert message.startswith(f"Plik nie jest poprawnym dokumentem XML (wiersz {line})")
    assert state() == before


def test_malformed_xml_on_an_empty_site_writes_nothing(site_tree, tmp_path):
    export, _line = malformed_export(tmp_path)
    before = state()

    with pytest.raises(wxr.WxrError):
        run_import(export)

    assert state() == before
    assert not ArticleIndexPage.objects.exists()
    assert not Category.objects.exists()


def bad_file(kind: str, directory: Path) -> Path:
    if kind == "rss":
        return DATA / "not_wxr.xml"
    if kind == "cp1250":
        return DATA / "cp1250.xml"
    if kind == "truncated":
        return DATA / "truncated.xml"
    if kind == "missing":
        return directory / "eksport-wordpress.xml"
    path = directory / f"{kind}.xml"
    path.write_text(HTML_PAGE if kind == "html" else "", encoding="utf-8")
    return path


BAD_FILES = {
    "rss": "Ten plik to kanał RSS, a nie eksport z WordPressa",
    # A new sentence: read through the catalogue, so the test holds before and after its
    # Polish text is filled in.
    "html": "This file is a web page (HTML), not a WordPress export",
    "empty": "Plik jest pusty, więc nie jest eksportem z WordPressa.",
    "cp1250": "Plik nie jest zapisany w kodowaniu, które deklaruje (wiersz 11)",
    "truncated": "Plik urywa się przedwcześnie (wiersz 190)",
    "missing": "Nie udało się odczytać pliku eksport-wordpress.xml",
}


@pytest.mark.parametrize("kind", sorted(BAD_FILES))
def test_a_file_that_cannot_be_imported_gets_a_sentence_and_writes_nothing(
    imported, tmp_path, kind
):
    before = state()

    with pytest.raises(wxr.WxrError) as error:
        run_import(bad_file(kind, tmp_path))

    expected = BAD_FILES[kind]
    if kind == "html":
        expected = gettext(WEB_PAGE).split(":")[0]
    assert str(error.value).startswith(expected)
    assert state() == before


@settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(cut=st.integers(min_value=0, max_value=EXPORT.stat().st_size - 20))
def test_an_export_cut_off_anywhere_writes_nothing(site_tree, tmp_path_factory, cut):
    """However a download or a copy cuts the file off, the import says so and writes nothing."""
    export = tmp_path_factory.mktemp("cut") / "bulletin.xml"
    export.write_bytes(EXPORT.read_bytes()[:cut])
    before = state()

    with pytest.raises(wxr.WxrError) as error:
        run_import(export)

    assert str(error.value)
    assert state() == before
    assert not ImportedItem.objects.filter(site_url=SITE).exists()
