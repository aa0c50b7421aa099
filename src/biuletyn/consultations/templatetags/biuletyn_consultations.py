"""Consultations on other pages: the event page names the consultations it is a meeting of."""

from __future__ import annotations

from typing import Any

from django import template

from biuletyn.consultations import queries

register = template.Library()


@register.simple_tag
def consultations_of_event(event: Any) -> list[Any]:
    """The visible consultations in the event's language that list it as a meeting."""
    return queries.for_event(event)
