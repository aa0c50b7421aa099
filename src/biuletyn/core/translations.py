"""Which language a page's content is in, and which real translations it has. ADR 0004.

With Wagtail's simple_translation and a synchronised tree, every Polish page has an English
twin. Until an editor translates it, that twin is an *alias*: the Polish content under an
English URL. Such a page is not a translation: it is announced as Polish-only, its content is
marked ``lang="pl"``, and hreflang links and the sitemap leave it out.
"""

from __future__ import annotations

from dataclasses import dataclass

from wagtail.models import Page


def is_real_translation(page: Page) -> bool:
    """A page written in its own locale's language (not an alias of another locale's page)."""
    return page.alias_of_id is None


def content_language(page: Page) -> str:
    """The language the page's text is written in."""
    source = page.alias_of if page.alias_of_id else None
    if source is not None and source.locale_id != page.locale_id:
        return str(source.locale.language_code)
    return str(page.locale.language_code)


@dataclass(frozen=True)
class LanguageVersion:
    language_code: str
    url: str
    is_current: bool


def real_translations(page: Page) -> list[LanguageVersion]:
    """Live, real translations of ``page`` (itself included), for hreflang and the sitemap."""
    pages = (
        page.get_translations(inclusive=True)
        .live()
        .public()
        .filter(alias_of__isnull=True)
        .select_related("locale")
    )
    return [
        LanguageVersion(p.locale.language_code, p.get_url(), p.pk == page.pk)
        for p in pages
        if p.get_url() is not None
    ]
