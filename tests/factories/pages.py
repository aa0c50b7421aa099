"""Pages for tests, created the way editors create them (publish + aliases in other languages)."""

from __future__ import annotations

from wagtail.models import Page

from biuletyn.pages.models import StandardPage
from biuletyn.pages.services import publish_new_page


def make_standard_page(
    parent: Page, *, title: str, slug: str, lead: str = "", body: str = ""
) -> StandardPage:
    page = StandardPage(title=title, slug=slug, lead=lead, body=body, locale=parent.locale)
    return publish_new_page(parent=parent, page=page)
