"""The accessibility offer of an event on its page, in the words of ``events.offer``: the PJM
line with the last day to ask in a <time>, one line per provision, and "how to ask" from the
contact's real channels."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import template
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import SafeString, mark_safe

from biuletyn.events import offer

register = template.Library()

# Stands for the last day in the words of a line until the line is escaped (a control
# character no translation holds).
_DAY = "\x00"


@register.simple_tag
def pjm_line(event: Any) -> SafeString:
    """The PJM line of the facts box; the last day to ask, if it stands, is a strong <time>."""
    days: list[dt.date] = []

    def day(value: dt.date) -> str:
        days.append(value)
        return _DAY

    text = str(conditional_escape(offer.pjm_line(event, day=day)))
    if days:
        words = format_html(
            '<strong class="app-facts__deadline"><time datetime="{}">{}</time></strong>',
            days[0].isoformat(),
            offer.by_day(days[0]),
        )
        text = text.replace(_DAY, str(words))
    return mark_safe(text)  # noqa: S308 - escaped above, the <time> by format_html


@register.filter
def item_lines(event: Any) -> list[offer.ItemLine]:
    return offer.item_lines(event)


@register.filter
def request_channels(event: Any) -> list[Any]:
    """The contact's channels, only while the page invites requests."""
    return offer.request_channels(event)


@register.filter
def ways_to_ask(channels: list[Any]) -> str:
    return offer.ways_to_ask(channels)


@register.filter
def asks_for_requests(event: Any) -> bool:
    return offer.asks_for_requests(event)


@register.filter
def standing_deadline(event: Any) -> dt.date | None:
    return offer.standing_deadline(event)


@register.filter
def brought_by_organiser(event: Any) -> set[str]:
    """The venue features the organiser brings to this event (for the venue's profile)."""
    return offer.brought_by_organiser(event) if event else set()
