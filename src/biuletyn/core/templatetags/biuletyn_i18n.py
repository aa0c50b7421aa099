"""Template tags for languages: the switcher and the hreflang links (ADR 0004)."""

from __future__ import annotations

from typing import Any

from django import template
from django.conf import settings
from django.utils import translation

from biuletyn.core import translations
from biuletyn.core.translations import content_language

register = template.Library()


@register.simple_tag(takes_context=True)
def language_versions(context: template.Context) -> dict[str, Any]:
    """What the page needs to speak about its languages.

    ``switch``: one link per site language (to the translation or alias of this page if there is
    one, otherwise to that language's home page); ``alternates``: real translations only;
    ``content_lang``: the language of the page's own text. A view that renders a route of a
    routable page (a form, a report) sets ``language_route`` (its name and arguments) in the
    context, so the links lead to the same route in the other language.
    """
    page = context.get("page")
    current = translation.get_language()
    request = context.get("request")
    by_language: dict[str, str] = {}
    alternates = []
    content_lang = current
    if page is not None and getattr(page, "pk", None):
        content_lang = content_language(page)
        versions = translations.language_versions(
            page, request, route=context.get("language_route")
        )
        alternates = [version for version in versions if version.is_real]
        by_language = {v.language_code: v.url for v in versions if not v.is_current}
    switch = []
    for code, _name in settings.LANGUAGES:
        if code == current:
            continue
        home = "/" if code == settings.LANGUAGE_CODE else f"/{code}/"
        url = by_language.get(code, home)
        info = translation.get_language_info(code)
        switch.append({"code": code, "url": url, "name_local": info["name_local"]})
    return {
        "switch": switch,
        "alternates": alternates,
        "content_lang": content_lang,
        "is_untranslated": content_lang != current,
    }


@register.filter(name="content_language")
def content_language_filter(page: Any) -> str:
    """The language a page's text is written in (an alias's is its source's)."""
    return content_language(page)


@register.simple_tag
def data_lang() -> str:
    """``translations.data_language()`` for templates.
    Use: ``{% data_lang as dl %}<p{% if dl %} lang="{{ dl }}"{% endif %}>``."""
    return translations.data_language()
