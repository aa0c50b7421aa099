"""State changes of the Wagtail shell: setting up the language trees and the site."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import transaction
from wagtail.models import Locale, Page, Site

from .models import HomePage


@transaction.atomic
def ensure_locales() -> dict[str, Locale]:
    """One Wagtail locale per site language."""
    return {
        code: Locale.objects.get_or_create(language_code=code)[0] for code, _ in settings.LANGUAGES
    }


@transaction.atomic
def ensure_home_pages(
    *, titles: dict[str, str], intros: dict[str, str], hostname: str = "localhost", port: int = 80
) -> dict[str, HomePage]:
    """Make sure each language has a live home page and the default site points at the Polish one.

    Idempotent: existing home pages are kept as they are (editors may have changed them). The
    English home is a real translation of the Polish one, not an alias, so it carries English text.
    Wagtail's placeholder "Welcome" page is removed once nothing points at it.
    """
    locales = ensure_locales()
    root = Page.get_first_root_node()
    default_locale = locales[settings.LANGUAGE_CODE]
    home = HomePage.objects.filter(locale=default_locale).first()
    if home is None:
        home = HomePage(
            title=titles[settings.LANGUAGE_CODE],
            slug="biuletyn",
            intro=intros[settings.LANGUAGE_CODE],
            locale=default_locale,
        )
        root.add_child(instance=home)
        home.save_revision().publish()

    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        site = Site(is_default_site=True)
    site.hostname, site.port, site.root_page = hostname, port, home
    site.site_name = titles[settings.LANGUAGE_CODE]
    site.save()

    homes = {settings.LANGUAGE_CODE: home}
    for code, locale in locales.items():
        if code == settings.LANGUAGE_CODE:
            continue
        twin = HomePage.objects.filter(locale=locale).first()
        if twin is None:
            twin = home.copy_for_translation(locale)
            twin.title, twin.intro = titles[code], intros[code]
            twin.save_revision().publish()
        homes[code] = twin

    for placeholder in (
        Page.objects.filter(depth=2)
        .exclude(pk__in=[p.pk for p in homes.values()])
        .not_type(HomePage)
    ):
        if not Site.objects.filter(root_page=placeholder).exists():
            placeholder.delete()
    return homes


@transaction.atomic
def publish_new_page(*, parent: Page, page: Page) -> Page:
    """Add ``page`` under ``parent``, publish it, and give every other language an alias of it.

    The alias is what Wagtail's simple_translation makes when an editor creates a page in the
    admin (WAGTAILSIMPLETRANSLATION_SYNC_PAGE_TREE); code that creates pages calls this so that
    both paths leave the same tree. ADR 0004.
    """
    parent.add_child(instance=page)
    page.save_revision().publish()
    for locale in Locale.objects.exclude(pk=page.locale_id):
        if not page.has_translation(locale):
            page.copy_for_translation(locale, copy_parents=True, alias=True)
    return page


@transaction.atomic
def translate_alias(alias: Page, **fields: Any) -> Page:
    """Turn an alias into a real translation carrying ``fields`` (its own title, text...), as
    an editor does with Wagtail's "Convert to ordinary page" and then edits. From then on the
    page counts as translated: hreflang and the sitemap name it. ADR 0004."""
    page = alias.specific
    page.alias_of = None
    for name, value in fields.items():
        setattr(page, name, value)
    page.save()
    page.save_revision().publish()
    return page
