"""The Wagtail tree every test starts from: root page, locales, home pages, default site.

A transactional test (live_server) ends with a flush that removes even the rows Wagtail's
migrations made (the root page, the default locale). ``ensure_site_tree`` puts them back so
that every test, in any order, on any xdist worker, starts from the same tree.
"""

from __future__ import annotations

from django.conf import settings
from wagtail.models import Collection, Locale, Page

from biuletyn.demo.content import HOME_INTROS, HOME_TITLES
from biuletyn.pages.models import HomePage
from biuletyn.pages.services import ensure_home_pages


def ensure_root() -> Page:
    Locale.objects.get_or_create(language_code=settings.LANGUAGE_CODE)
    if Collection.get_first_root_node() is None:  # images and documents need it
        Collection.add_root(name="Root")
    root = Page.get_first_root_node()
    if root is None:
        root = Page.add_root(title="Root", slug="root", locale=Locale.get_default())
    return root


def ensure_site_tree(*, hostname: str = "localhost", port: int = 80) -> dict[str, HomePage]:
    ensure_root()
    return ensure_home_pages(titles=HOME_TITLES, intros=HOME_INTROS, hostname=hostname, port=port)
