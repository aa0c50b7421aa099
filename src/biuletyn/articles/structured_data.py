"""schema.org NewsArticle for each article, so search engines and assistants read its facts."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.http import HttpRequest

from biuletyn.core.translations import content_language
from biuletyn.pages.models import SiteSettings

from .queries import categories_in_locale

if TYPE_CHECKING:
    from .models import ArticlePage


def news_article(
    page: ArticlePage, request: HttpRequest, *, categories: list[Any], tags: list[Any]
) -> dict[str, Any]:
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": page.title,
        "description": page.lead,
        "datePublished": page.publication_date.isoformat(),
        "dateModified": (page.last_published_at or page.publication_date).isoformat(),
        # An untranslated English twin shows the Polish text: its language is the text's.
        "inLanguage": content_language(page),
        "url": page.get_full_url(request),
        "articleSection": [c.name for c in categories_in_locale(categories, page.locale)],
        "keywords": [t.name for t in tags],
    }
    images = [
        request.build_absolute_uri(image.get_rendition("width-1200").url)
        for image in page.images
        if not image.is_decorative
    ]
    if images:
        data["image"] = images
    publisher = SiteSettings.for_request(request).publisher
    if publisher is not None:
        data["publisher"] = {"@type": "Organization", "name": publisher.name}
    if page.source_url:
        data["isBasedOn"] = page.source_url
    return data
