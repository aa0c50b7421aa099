"""Which language a page's content is in, and which real translations it has. ADR 0004.

With Wagtail's simple_translation and a synchronised tree, every Polish page has an English
twin. Until an editor translates it, that twin is an *alias*: the Polish content under an
English URL. Such a page is not a translation: it is announced as Polish-only, its content is
marked ``lang="pl"``, and hreflang links and the sitemap leave it out.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.http import HttpRequest
from django.utils.translation import get_language
from wagtail.models import Page

from .visibility import visible


def data_language() -> str:
    """The language of data editors type once, in Polish, and never translate (organisations'
    names, addresses and hours; venues): the default language on a page in another language,
    for a lang attribute (WCAG 3.1.2); empty on pages in the default language."""
    return settings.LANGUAGE_CODE if get_language() != settings.LANGUAGE_CODE else ""


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
    is_real: bool  # written in its own language, not an alias


def language_versions(
    page: Page,
    request: HttpRequest | None = None,
    route: tuple[str, dict[str, Any]] | None = None,
) -> list[LanguageVersion]:
    """Every visible version of ``page`` (itself included), with a fixed number of queries.
    ``route``: a route of a routable page (its name and arguments, e.g. a consultation's
    report): each version's URL is that route's, in the version's own words."""
    versions = []
    for version in visible(page.get_translations(inclusive=True)).select_related("locale"):
        url = version.get_url(request=request)
        if url is not None and route is not None:
            name, kwargs = route
            url += version.specific.reverse_subpage(name, kwargs=kwargs)
        if url is not None:
            versions.append(
                LanguageVersion(
                    version.locale.language_code,
                    url,
                    version.pk == page.pk,
                    is_real_translation(version),
                )
            )
    return versions


def real_translations(page: Page, request: HttpRequest | None = None) -> list[LanguageVersion]:
    """Live, real translations of ``page`` (itself included), for hreflang and the sitemap."""
    return [version for version in language_versions(page, request) if version.is_real]
