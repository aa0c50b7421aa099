"""Small text filters for templates: how a web address is shown, the page's <title>, Polish
typesetting of editors' text, and soft hyphens in headings."""

from __future__ import annotations

import functools
import re
from typing import Any

import pyphen
from django import template
from django.utils.html import escape
from django.utils.translation import get_language, gettext

from .biuletyn_dates import NBSP, keep_safety, tie_dates

register = template.Library()

_SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*://", re.IGNORECASE)


@register.filter
def display_url(url: str | None) -> str:
    """A web address as a reader reads it aloud or types it: no "https://", no trailing "/"
    ("https://lublin.eu/" -> "lublin.eu", "https://example.org/kontakt/" -> "example.org/kontakt").
    The link's href keeps the full address."""
    if not url:
        return ""
    return _SCHEME.sub("", str(url).strip()).rstrip("/")


@register.filter(is_safe=True)
def title_with_site(text: str, is_home: Any = False) -> str:
    """The page's <title>: "Wydarzenia – Biuletyn"; never "Biuletyn – Biuletyn". The home page
    (its title is the site's name) says what the site is: "Biuletyn – Wiadomości dla osób z
    niepełnosprawnościami". Used as {% filter %} around the rendered (escaped) title block, so
    only the words added here are escaped."""
    site = escape(gettext("Biuletyn"))
    text = " ".join(str(text).split())
    if not text:
        return site
    if text != site:
        return f"{text} – {site}"
    if is_home:
        return f"{site} – {escape(gettext('News for disabled people'))}"
    return site


# A one-letter word ("w", "z", "i", "a", "o", "u") must not end a line in Polish typography.
_ONE_LETTER_WORD = re.compile(r"(?<![\w<&/.-])([aiouwzAIOUWZ]) (?=\S)")


@register.filter
def typeset(text: str | None) -> str:
    """An editor's plain text (a title, a lead) set as a Polish typesetter would: its dates on
    one line (tie_dates), no one-letter word at the end of a line ("osób z␣niepełno…") and no
    dash at the start of one ("Lublin␣– 20 czerwca"). For plain text only; the result is
    escaped like any other text."""
    if not text:
        return ""
    text = tie_dates(str(text)).replace(" – ", f"{NBSP}– ")
    return _ONE_LETTER_WORD.sub(lambda match: f"{match[1]}{NBSP}", text)


SOFT_HYPHEN = "\u00ad"
# Words this long may not fit a 320 px line in a large heading; shorter ones never need a break.
_LONG_WORD = re.compile(r"\w{10,}")
_DICTIONARIES = {"pl": "pl_PL", "en": "en_GB"}


@functools.cache
def _hyphenator(language: str) -> pyphen.Pyphen | None:
    dictionary = _DICTIONARIES.get(language.split("-")[0].lower())
    # Three letters at least on either side of a break ("niepełno-sprawnościami", never "-mi").
    return pyphen.Pyphen(lang=dictionary, left=3, right=3) if dictionary else None


@register.filter
def hyphenate(text: str | None, language: str | None = None) -> str:
    """A heading's long words with soft hyphens where the language's rules allow a break, so a
    narrow screen breaks "niepełno-sprawnościami" with a hyphen instead of cutting it anywhere.
    CSS ``hyphens: auto`` does the same only in browsers that carry a dictionary for the
    language (Chromium on Linux carries none); screen readers and find-in-page ignore soft
    hyphens. ``language`` is the text's language (the active one by default)."""
    if not text:
        return ""
    hyphenator = _hyphenator(language or get_language() or "pl")
    if hyphenator is None:
        return str(text)
    return _LONG_WORD.sub(
        lambda match: hyphenator.inserted(match[0], hyphen=SOFT_HYPHEN), str(text)
    )


_TAG = re.compile(r"(<[^>]*>)")
# As _ONE_LETTER_WORD, also when a tag comes right after the space ("w <a href=…>ratuszu</a>").
_ONE_LETTER_WORD_BEFORE_TAG = re.compile(r"(?<![\w<&/.-])([aiouwzAIOUWZ]) (?=\S|\Z)")


@register.filter(is_safe=True)
def typeset_html(html: str | None) -> str:
    """``typeset`` for rendered rich text: only the text between tags changes (its spaces),
    never a tag or an attribute, so the markup and its safety stay as they were."""
    if not html:
        return ""
    return keep_safety(html, _typeset_between_tags)


def _typeset_between_tags(html: str) -> str:
    parts = _TAG.split(html)
    for index in range(0, len(parts), 2):  # even items are text, odd ones tags
        text = tie_dates(parts[index]).replace(" – ", f"{NBSP}– ")
        parts[index] = _ONE_LETTER_WORD_BEFORE_TAG.sub(lambda match: f"{match[1]}{NBSP}", text)
    return "".join(parts)
