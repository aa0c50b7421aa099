"""The WordPress import (issue 12) on the parser's test export (tests/imports/data/README.md):
what is published and what is not, dates across DST, authors, categories with parents, tags,
images with their alt text, caption and poster flag, links between posts, what needs an editor,
and that editors' own publishing keeps the editorial rules.

Personas: the bulletin's editor who moves the old WordPress site; readers who find the archive
where it was.
"""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from wagtail.images import get_image_model
from wagtail.models import Page

from biuletyn.articles.models import ArticleIndexPage, ArticlePage, Category
from biuletyn.imports.models import ImportedItem
from biuletyn.pages.models import HomePage, StandardPage
from tests.imports.conftest import PUBLIC_PAGES, PUBLIC_POSTS, SITE, page_of

pytestmark = pytest.mark.integration

UTC = dt.UTC


def test_only_what_was_public_is_published(imported):
    records = ImportedItem.objects.filter(site_url=SITE, page__isnull=False)
    assert sorted(r.post_id for r in records) == sorted(PUBLIC_POSTS + PUBLIC_PAGES)
    assert all(r.page.live for r in records)
    assert ArticlePage.objects.filter(locale__language_code="pl").count() == len(PUBLIC_POSTS)
    assert StandardPage.objects.filter(locale__language_code="pl").count() == len(PUBLIC_PAGES)
    assert imported.imported == len(PUBLIC_POSTS) + len(PUBLIC_PAGES)
    assert not imported.failed
    # Drafts, pending, private, password-protected, scheduled and trashed items, menu items and
    # reusable blocks: counted, never published.
    assert imported.skipped == {
        "draft": 1,
        "pending": 1,
        "private": 1,
        "password": 1,
        "future": 1,
        "trash": 2,
        "nav_menu_item": 2,
        "wp_block": 2,
    }
    titles = set(Page.objects.values_list("title", flat=True))
    for post_id in (16, 17, 18, 19, 20, 21, 33):
        assert not ImportedItem.objects.filter(post_id=post_id).exists()
    assert "Stopka kontaktowa" not in titles


def test_articles_are_in_the_polish_bulletin_with_their_dates(imported):
    bulletin = ArticleIndexPage.objects.get(locale__language_code="pl")
    for post_id in PUBLIC_POSTS:
        assert page_of(post_id).get_parent().pk == bulletin.pk
    expected = {
        10: dt.datetime(2024, 5, 14, 8, 0, tzinfo=UTC),  # CEST
        11: dt.datetime(2024, 3, 28, 9, 0, tzinfo=UTC),  # CET, before the DST change
        12: dt.datetime(2024, 3, 31, 1, 30, tzinfo=UTC),  # the night of the spring change
        13: dt.datetime(2023, 10, 29, 1, 30, tzinfo=UTC),  # the second 02:30 of the autumn
        22: dt.datetime(2019, 2, 1, 11, 0, tzinfo=UTC),  # GMT unknown: local time in Warsaw
    }
    for post_id, when in expected.items():
        page = page_of(post_id)
        assert page.publication_date == when, post_id
        assert page.first_published_at == when
        assert page.last_published_at == when


def test_authors_are_the_display_names(imported):
    assert page_of(10).author == "Anna Wiśniewska"
    assert page_of(11).author == "Łukasz Żółtowski"


def test_categories_keep_their_parents_and_tags_their_letters(imported):
    polish = Category.objects.filter(locale__language_code="pl")
    workshops = polish.get(slug="warsztaty")
    assert workshops.parent == polish.get(slug="wydarzenia")
    refugees = polish.get(slug="для-біженців")
    assert refugees.name == "Для біженців"
    assert refugees.parent == polish.get(slug="aktualnosci")
    assert list(page_of(13).categories.all()) == [workshops]
    assert list(page_of(15).categories.all()) == [refugees]
    assert {t.name for t in page_of(10).tags.all()} == {"dostępność", "Lublin"}
    assert {t.name for t in page_of(14).tags.all()} == {"łączniczka"}


def test_slugs_come_from_wordpress_with_their_letters(imported):
    assert page_of(10).slug == "dzien-otwarty-w-centrum-integracji"
    assert page_of(14).slug == "zaproszenie-na-spotkanie-z-łączniczką"
    assert page_of(15).slug == "консультації-для-біженців"


def test_pages_keep_their_tree_under_the_polish_home(imported):
    home = HomePage.objects.get(locale__language_code="pl")
    about, staff = page_of(30), page_of(31)
    assert about.get_parent().pk == home.pk
    assert staff.get_parent().pk == about.pk
    assert page_of(32).get_parent().pk == home.pk
    assert about.url == "/o-nas/"
    assert staff.url == "/o-nas/redakcja/"


def test_images_keep_alt_text_caption_and_the_poster_flag(imported):
    poster = ImportedItem.objects.get(site_url=SITE, post_id=101).image
    assert poster.is_poster
    assert poster.text_version == ""
    hall = ImportedItem.objects.get(site_url=SITE, post_id=102).image
    assert hall.description
    assert hall.accessibility_errors() == {}
    assert not ImportedItem.objects.get(site_url=SITE, post_id=104).image.description
    # The poster is post 10's featured image: its first image block.
    blocks = [b for b in page_of(10).body if b.block_type == "image"]
    assert blocks[0].value["image"].pk == poster.pk
    # Each attachment is one image however many posts use it.
    assert get_image_model().objects.filter(title=hall.title).count() == 1
    assert imported.images == get_image_model().objects.count()


def test_what_needs_an_editor_is_recorded(imported):
    def codes(post_id):
        return ImportedItem.objects.get(site_url=SITE, post_id=post_id).needs_editor

    assert codes(10) == ["poster_without_text"]
    assert {"generic_alt", "image_without_alt", "broken_media_link"} <= set(codes(12))
    assert codes(22) == []
    assert codes(32) == []
    noted = {note.page_id: note for note in imported.needs_editor}
    assert noted[page_of(10).pk].codes == ["poster_without_text"]
    assert any("regulamin-ankiety.pdf" in d for d in noted[page_of(12).pk].details)
    assert "2022/01/regulamin-ankiety.pdf" in imported.missing_files


def test_links_between_posts_lead_to_the_new_pages(imported):
    def source(post_id):
        return "".join(b.value.source for b in page_of(post_id).body if b.block_type == "paragraph")

    # 10 links to 11, which comes later in the file, by its permalink; 11 to 10 by ?p=10.
    assert f'linktype="page" id="{page_of(11).pk}"' in source(10)
    assert f'linktype="page" id="{page_of(10).pk}"' in source(11)
    # 15 links to 14 by an old slug.
    assert f'linktype="page" id="{page_of(14).pk}"' in source(15)
    # 12 links to the page 30 by ?page_id=30.
    assert f'linktype="page" id="{page_of(30).pk}"' in source(12)


def test_a_linked_file_of_the_uploads_becomes_a_document(imported):
    from wagtail.documents import get_document_model

    document = ImportedItem.objects.get(site_url=SITE, post_id=107).document
    assert document is not None
    assert get_document_model().objects.count() == 1
    body = "".join(b.value.source for b in page_of(11).body if b.block_type == "paragraph")
    assert f'linktype="document" id="{document.pk}"' in body
    assert "informator-2024.pdf" not in body


def test_an_editor_cannot_publish_the_broken_image_the_import_kept(imported):
    page = page_of(12)
    assert page.live
    with pytest.raises(ValidationError):
        page.save_revision().publish()


def test_a_page_leaves_the_list_once_an_editor_fixes_it(imported):
    page = page_of(10)
    poster = ImportedItem.objects.get(site_url=SITE, post_id=101).image
    poster.text_version = "Dzień otwarty w Centrum Integracji, 14 maja, od 10:00 do 16:00."
    poster.save()
    page.save_revision().publish()
    assert ImportedItem.objects.get(site_url=SITE, post_id=10).needs_editor == []


def test_every_page_has_an_english_alias(imported):
    for post_id in PUBLIC_POSTS + PUBLIC_PAGES:
        page = page_of(post_id)
        assert page.get_translations().filter(alias_of=page).exists()
