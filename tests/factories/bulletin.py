"""Bulletin objects for tests: images drawn with Pillow, organisations, categories, articles."""

from __future__ import annotations

import datetime as dt
import itertools
from io import BytesIO
from typing import Any

from django.core.files.images import ImageFile
from django.utils import timezone
from PIL import Image as PILImage
from wagtail.images import get_image_model
from wagtail.models import Locale, Page

from biuletyn.articles.models import ArticleIndexPage, ArticlePage, Category
from biuletyn.organisations.models import Organisation
from biuletyn.pages.services import publish_new_page

_numbers = itertools.count(1)


def make_image(
    *,
    description: str = "Rampa z poręczami przy wejściu do biblioteki",
    is_decorative: bool = False,
    is_poster: bool = False,
    text_version: str = "",
    size: tuple[int, int] = (640, 400),
) -> Any:
    buffer = BytesIO()
    PILImage.new("RGB", size, (30, 90, 60)).save(buffer, format="PNG")
    number = next(_numbers)
    return get_image_model().objects.create(
        title=f"Obraz {number}",
        file=ImageFile(buffer, name=f"obraz-{number}.png"),
        description=description,
        is_decorative=is_decorative,
        is_poster=is_poster,
        text_version=text_version,
    )


def make_organisation(**fields: Any) -> Organisation:
    number = next(_numbers)
    defaults = {
        "name": f"Stowarzyszenie Testowe {number}",
        "slug": f"stowarzyszenie-{number}",
        "street_address": "ul. Długa 5",
        "postcode": "20-001",
        "city": "Lublin",
        "phone": "81 123 45 67",
        "sms": "600 100 200",
        "email": f"biuro{number}@example.org",
        "opening_hours": "poniedziałek–piątek 8:00–16:00\nsobota 9:00–12:00",
    }
    return Organisation.objects.create(**{**defaults, **fields})


def make_bulletin(home: Page) -> ArticleIndexPage:
    existing = ArticleIndexPage.objects.child_of(home).first()
    if existing is not None:
        return existing
    page = ArticleIndexPage(title="Biuletyn", slug="biuletyn", locale=home.locale)
    return publish_new_page(parent=home, page=page)


def make_category(name: str = "Wydarzenia", slug: str = "wydarzenia") -> Category:
    return Category.objects.create(name=name, slug=slug, locale=Locale.get_default())


def make_article(
    parent: Page,
    *,
    title: str | None = None,
    categories: list[Category] | None = None,
    tags: list[str] | None = None,
    body: list[dict[str, Any]] | None = None,
    when: dt.datetime | None = None,
    **fields: Any,
) -> ArticlePage:
    number = next(_numbers)
    article = ArticlePage(
        title=title or f"Artykuł {number}",
        slug=f"artykul-{number}",
        lead="Krótka zajawka artykułu o sprawach ważnych dla czytelników.",
        publication_date=when or timezone.now() - dt.timedelta(days=number),
        body=body or [{"type": "paragraph", "value": "<p>Treść artykułu.</p>"}],
        locale=parent.locale,
        **fields,
    )
    if categories:
        article.categories = categories
    if tags:
        article.tags.add(*tags)
    return publish_new_page(parent=parent, page=article)


def every_block(organisation: Organisation, image: Any, document: Any) -> list[dict[str, Any]]:
    """An article body with one block of every type, pointing at the given contact, image and
    document."""
    return [
        {
            "type": "paragraph",
            "value": '<p>Akapit z <b>pogrubieniem</b> i <a href="https://lublin.eu/">linkiem</a>.</p>',
        },
        {"type": "heading", "value": "Program spotkania"},
        {"type": "subheading", "value": "Część pierwsza"},
        {"type": "image", "value": {"image": image.pk, "caption": "Fot. redakcja"}},
        {"type": "quote", "value": {"text": "Nic o nas bez nas.", "attribution": "hasło ruchu"}},
        {"type": "document", "value": {"document": document.pk, "title": "Formularz uwag"}},
        {"type": "contact", "value": {"organisation": organisation.pk, "heading": ""}},
        {
            "type": "table",
            "value": {
                "caption": "Terminy spotkań",
                "columns": [
                    {"type": "text", "heading": "Dzień"},
                    {"type": "text", "heading": "Miejsce"},
                ],
                "rows": [
                    {"values": ["12 czerwca", "Ratusz"]},
                    {"values": ["20 czerwca", "Centrum Kultury"]},
                ],
            },
        },
    ]
