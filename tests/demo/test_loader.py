"""The demo content of `make run` (biuletyn.demo): loading it twice changes nothing, it holds what
the demo promises (articles over several months, translations, a poster with its text version,
an article in moderation), and every kind of page it makes renders."""

from __future__ import annotations

import gc

import pytest
from django.apps import apps
from django.test import Client
from taggit.models import Tag
from wagtail.images import get_image_model
from wagtail.models import Locale

from biuletyn.accessibility.alt_text import check_alt_text
from biuletyn.articles.models import ArticleIndexPage, ArticlePage, ArticleSectionPage, Category
from biuletyn.demo import content
from biuletyn.demo.loader import load
from biuletyn.organisations.models import Organisation

pytestmark = pytest.mark.integration


def _row_counts() -> dict[str, int]:
    """How many rows every model has: a second load must not change any of them."""
    return {model._meta.label: model._default_manager.count() for model in apps.get_models()}


def test_loading_twice_changes_nothing(db):
    load(port=8000)
    first = _row_counts()

    load(port=8000)

    assert _row_counts() == first
    _assert_demo_holds_what_it_promises()
    _assert_images_are_described()


def _assert_demo_holds_what_it_promises() -> None:
    polish, english = Locale.objects.get(language_code="pl"), Locale.objects.get(language_code="en")
    dates = list(
        ArticlePage.objects.live().filter(locale=polish).values_list("publication_date", flat=True)
    )
    in_moderation = [page for page in ArticlePage.objects.all() if page.workflow_in_progress]

    assert len(dates) >= 15
    assert {d.year for d in dates} == {2024}
    assert len({d.month for d in dates}) >= 5
    assert Category.objects.filter(locale=polish).count() == 4
    assert Category.objects.filter(locale=english).count() == 4
    assert Organisation.objects.count() == 3
    assert [page.slug for page in in_moderation] == [content.MEMBER_ARTICLE["slug"]]
    assert in_moderation[0].live is False
    assert isinstance(in_moderation[0].get_parent().specific, ArticleSectionPage)
    translated = ArticlePage.objects.filter(locale=english, alias_of__isnull=True)
    assert translated.count() == len(content.TRANSLATIONS)


def _assert_images_are_described() -> None:
    images = list(get_image_model().objects.all())
    described = [image for image in images if not image.is_decorative]
    posters = [image for image in images if image.is_poster]

    assert {image.title: check_alt_text(image.description) for image in described} == {
        image.title: None for image in described
    }
    assert {image.title: image.accessibility_errors() for image in images} == {
        image.title: {} for image in images
    }
    assert content.poster_text_version() in [poster.text_version for poster in posters]


def _demo_paths() -> dict[str, str]:
    polish, english = Locale.objects.get(language_code="pl"), Locale.objects.get(language_code="en")
    bulletins = {bulletin.locale_id: bulletin for bulletin in ArticleIndexPage.objects.all()}
    tag = Tag.objects.get(name="organizacje pozarządowe")
    paths = {
        "home pl": "/",
        "home en": "/en/",
        "bulletin pl": bulletins[polish.pk].url,
        "bulletin en": bulletins[english.pk].url,
        "tag": bulletins[polish.pk].url
        + bulletins[polish.pk].reverse_subpage("tag", args=[tag.slug]),
        "month": "/biuletyn/archiwum/2024/06/",
        "announcement": ArticlePage.objects.get(
            slug="spotkanie-organizacji-z-miastem-20-czerwca", locale=polish
        ).url,
        "translated article": ArticlePage.objects.filter(locale=english, alias_of__isnull=True)
        .order_by("pk")
        .first()
        .url,
    }
    for category in Category.objects.select_related("locale"):
        bulletin = bulletins[category.locale_id]
        paths[f"category {category.slug}"] = bulletin.url + bulletin.reverse_subpage(
            "category", args=[category.slug]
        )
    return paths


def _render(client: Client) -> dict[str, tuple[int, str]]:
    load(port=8000)
    return {
        name: (response.status_code, response.content.decode())
        for name, path in _demo_paths().items()
        for response in [client.get(path)]
    }


# Wagtail leaves each new rendition's temporary file open (wagtail/wagtail#14055); the files are
# collected here, while their ResourceWarning is ignored, so that no later test trips over them.
@pytest.mark.filterwarnings("ignore::ResourceWarning")
def test_demo_pages_render(db, client):
    pages = _render(client)
    gc.collect()

    assert {name: status for name, (status, _html) in pages.items()} == {
        name: 200 for name in pages
    }
    assert len(pages) == 8 + 2 * len(content.CATEGORIES)
    announcement = pages["announcement"][1]
    assert "20 czerwca 2024 r. o 16:00" in announcement  # the lead
    assert "tel. 81 466 30 50, wips@lublin.eu" in announcement  # the poster's text version
    assert 'href="mailto:wips@lublin.eu"' in announcement  # the contact
    assert pages["month"][1].count('class="app-article-card"') == 3
    assert '<html lang="en"' in pages["translated article"][1]
    assert "has not been translated" not in pages["translated article"][1]
