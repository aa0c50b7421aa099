"""What an article page shows besides its own fields: its categories in the reader's language,
the events that link to it, and whether its body already holds its contact. Reads go through
articles.queries (the one visibility rule, fixed query counts)."""

from __future__ import annotations

from typing import Any

from django import template

from biuletyn.articles import queries

register = template.Library()


@register.simple_tag
def categories_in_locale(categories: list[Any], locale: Any) -> list[Any]:
    return queries.categories_in_locale(list(categories), locale)


@register.simple_tag
def events_about(article: Any) -> list[Any]:
    return queries.events_about(article)


@register.filter
def has_contact_in_body(article: Any) -> bool:
    return queries.contact_in_body(article)
