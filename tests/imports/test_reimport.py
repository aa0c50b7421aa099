"""Running the WordPress import again (issue 12, ADR 0013 §4 and §6): the same export twice
duplicates nothing; a later export updates the pages nobody touched and adds its new posts; a
page an editor changed since the import is left as it is and named in the report; and the page
cache is cleared once, at the end of the whole import.

Personas: the bulletin's editor who imports the old site again after WordPress kept running for
a few more weeks; another editor who has already corrected an imported article; readers, who
must never get a stale page from the cache.
"""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.auth import get_user_model
from taggit.models import Tag
from wagtail.contrib.redirects.models import Redirect
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, Revision

from biuletyn.articles.models import Category
from biuletyn.core import pagecache
from biuletyn.imports.models import ImportedItem
from tests.imports.conftest import (
    CHANGED_TEXT,
    CHANGED_TITLE,
    PUBLIC_PAGES,
    PUBLIC_POSTS,
    SITE,
    changed_export,
    page_of,
    run_import,
)

pytestmark = pytest.mark.integration


def counts() -> dict[str, int]:
    return {
        "pages": Page.objects.count(),
        "revisions": Revision.objects.count(),
        "images": get_image_model().objects.count(),
        "documents": get_document_model().objects.count(),
        "categories": Category.objects.count(),
        "tags": Tag.objects.count(),
        "redirects": Redirect.objects.count(),
        "records": ImportedItem.objects.count(),
    }


def body_text(page: Any) -> str:
    return "".join(b.value.source for b in page.body if b.block_type == "paragraph")


def editor() -> Any:
    return get_user_model().objects.create_user("redaktorka", "redaktorka@example.org", "x")


def test_the_same_export_twice_duplicates_nothing(imported):
    before = counts()
    again = run_import()
    assert counts() == before
    assert again.imported == 0
    assert again.updated == 0
    assert again.unchanged == len(PUBLIC_POSTS) + len(PUBLIC_PAGES)
    assert again.images == 0
    assert again.failed == []
    assert again.edited_since == []
    # What needs an editor is still said: the pages have not been fixed.
    assert {n.page_id for n in again.needs_editor} == {n.page_id for n in imported.needs_editor}


def test_a_later_export_updates_the_untouched_pages_and_adds_the_new_post(imported, tmp_path):
    before = counts()
    first_revision = page_of(22).latest_revision_id
    report = run_import(changed_export(tmp_path))

    assert report.imported == 1
    assert report.updated == 2  # posts 10 and 22
    assert report.unchanged == len(PUBLIC_POSTS) + len(PUBLIC_PAGES) - 2
    assert report.failed == []
    assert report.edited_since == []
    first = page_of(22)
    assert first.title == CHANGED_TITLE
    assert CHANGED_TEXT in body_text(first)
    assert first.publication_date.date().isoformat() == "2019-02-04"
    assert first.live
    assert first.latest_revision_id != first_revision
    assert ImportedItem.objects.get(site_url=SITE, post_id=22).revision_id == (
        first.latest_revision_id
    )
    assert "nową windę" in body_text(page_of(10))
    new = page_of(23)
    assert new.title == "Nowy dyżur tłumaczki PJM w urzędzie"
    assert new.live

    after = counts()
    # One page more, and its English alias; no other page, image, document or category.
    assert after["pages"] == before["pages"] + 2
    assert after["records"] == before["records"] + 1
    for kind in ("images", "documents", "categories", "tags"):
        assert after[kind] == before[kind], kind
    # Post 22's old permalink and its new one both lead to the same page.
    targets = {
        r.old_path: r.redirect_page_id
        for r in Redirect.objects.filter(old_path__contains="pierwsze-wydanie-biuletynu")
    }
    assert targets == {
        "/2019/02/01/pierwsze-wydanie-biuletynu": first.pk,
        "/2019/02/04/pierwsze-wydanie-biuletynu": first.pk,
    }


def test_the_later_export_twice_is_still_one_update(imported, tmp_path):
    path = changed_export(tmp_path)
    run_import(path)
    before = counts()
    report = run_import(path)
    assert counts() == before
    assert (report.imported, report.updated) == (0, 0)


def test_a_page_an_editor_changed_is_not_overwritten_and_is_reported(imported, tmp_path):
    page = page_of(22)
    page.lead = "Pierwsze wydanie: redakcja dopisała, kto pracował nad numerem."
    page.save_revision(user=editor()).publish()
    edited_revision = page.latest_revision_id

    report = run_import(changed_export(tmp_path))

    page = page_of(22)
    assert page.title == "Pierwsze wydanie biuletynu"
    assert page.lead == "Pierwsze wydanie: redakcja dopisała, kto pracował nad numerem."
    assert CHANGED_TEXT not in body_text(page)
    assert page.latest_revision_id == edited_revision
    assert [(n.page_id, n.title) for n in report.edited_since] == [
        (page.pk, "Pierwsze wydanie biuletynu")
    ]
    text = report.render()
    assert "Pierwsze wydanie biuletynu" in text.split("Zmienione przez redakcję")[1]
    assert f"/admin/pages/{page.pk}/edit/" in text
    # The others are updated and added as usual.
    assert report.updated == 1
    assert page_of(23).live


def test_a_draft_an_editor_saved_also_keeps_the_page(imported, tmp_path):
    page = page_of(22)
    page.title = "Pierwsze wydanie biuletynu – szkic redakcji"
    page.save_revision(user=editor())

    report = run_import(changed_export(tmp_path))

    page = page_of(22)
    assert page.get_latest_revision().content["title"] == (
        "Pierwsze wydanie biuletynu – szkic redakcji"
    )
    assert page.title == "Pierwsze wydanie biuletynu"  # the live version, untouched
    assert [n.page_id for n in report.edited_since] == [page.pk]


def test_an_editor_change_with_the_same_export_is_left_alone(imported):
    page = page_of(22)
    page.lead = "Lead poprawiony przez redakcję."
    page.save_revision(user=editor()).publish()

    report = run_import()

    assert page_of(22).lead == "Lead poprawiony przez redakcję."
    assert report.updated == 0


@pytest.mark.django_db(transaction=True)
def test_the_page_cache_is_cleared_once_at_the_end(site_tree, client, settings, tmp_path):
    """With real commits (one per post), a clear asked for by any publish would empty the cache
    at once; the import pauses the cache, so pages cached before it stay cached while it works
    (a reader keeps getting the old site's state, consistently) and go once it has finished."""
    settings.PAGE_CACHE_ENABLED = True
    settings.PAGE_CACHE_DIR = tmp_path / "pages"
    store = pagecache.store()
    # The first request makes the site's settings (a change of public content, so a clear).
    client.get("/")
    for url in ("/", "/en/"):
        client.get(url)
    assert [client.get(url).get("X-Page-Cache") for url in ("/", "/en/")] == ["hit", "hit"]
    cached = len(store)
    assert cached == 2
    generation = store.generation()

    class Watch:
        """The import's progress, and what the cache held at every step of it."""

        def __init__(self) -> None:
            self.seen: list[tuple[str | None, int]] = []

        def start(self, total: int) -> None:
            self.seen.append((store.generation(), len(store)))

        def advance(self) -> None:
            self.seen.append((store.generation(), len(store)))

    watch = Watch()
    report = run_import(progress=watch)

    assert report.imported == len(PUBLIC_POSTS) + len(PUBLIC_PAGES)
    assert len(watch.seen) == 31  # the start, then each of the 30 items
    assert set(watch.seen) == {(generation, cached)}
    assert store.generation() != generation
    assert len(store) == 0
    assert client.get("/").get("X-Page-Cache") != "hit"
