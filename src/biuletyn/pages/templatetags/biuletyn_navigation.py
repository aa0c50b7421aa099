"""The site's main navigation: the home page's sections in the reader's language (the pages an
editor marked "show in menus") and the directory of venues."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django import template
from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail.models import Locale, Page, Site

from biuletyn.core.visibility import is_visible, visible

register = template.Library()


@dataclass(frozen=True)
class NavItem:
    title: str
    url: str
    current: str  # aria-current: "page" on the page itself, "true" inside its section, or ""
    lang: str = ""  # the title's language, when it is not the page's (an untranslated section)


def _home(request: Any) -> Page | None:
    site = Site.find_for_request(request)
    if site is None:
        return None
    locale = Locale.get_active()
    if site.root_page.locale_id == locale.pk:
        return site.root_page
    return site.root_page.get_translation_or_none(locale)


@register.simple_tag(takes_context=True)
def main_navigation(context: template.Context) -> list[NavItem]:
    request = context.get("request")
    if request is None or context.get("without_database"):
        return []
    home = _home(request)
    items: list[tuple[str, str, str]] = []
    if home is not None:
        sections = visible(home.get_children().in_menu()).select_related("alias_of__locale")
        for section in sections:
            url = section.get_url(request=request)
            if url is None:
                continue
            lang = ""
            if section.alias_of_id and section.alias_of.locale_id != section.locale_id:
                lang = section.alias_of.locale.language_code
            items.append((section.title, url, lang))
    items.append((_("Venues"), reverse("venues:list"), ""))
    path = request.path
    # The longest matching address is the current section (the home page "/" matches all).
    current = max((url for _t, url, _l in items if path.startswith(url)), key=len, default="")
    return [
        NavItem(title, url, ("page" if url == path else "true") if url == current else "", lang)
        for title, url, lang in items
    ]


@register.filter
def if_visible(page: Any) -> Page | None:
    """``page`` when anyone may read it (``core.visibility``), otherwise None: for single links
    an editor chose in settings, such as the privacy policy in the footer."""
    # A missing setting reaches a filter as the template engine's "" rather than None.
    return page if isinstance(page, Page) and is_visible(page) else None
