"""The accessibility offer of an event in words: the lines of the facts box on the page, the ICS
description and the JSON-LD summary.

Every sentence follows the event's state (issue 9): a past event says what there was, in the
past tense, and asks nothing of the reader; a cancelled one and one whose date is to be announced
give no last day to ask. "How to ask" names only the channels the contact really has.

Functions return plain text. A line that holds the last day to ask takes a ``day`` function, so
the page can put that day in a <time> element while calendars get the words.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from biuletyn.core.templatetags.biuletyn_dates import long_date

from .enums import OFFER_ITEMS, SignLanguageOffer

if TYPE_CHECKING:
    from biuletyn.organisations.models import RequestChannel

    from .enums import OfferItem
    from .models import EventPage

# What ends a sentence already: "…2026 r." ends with the full stop of the abbreviation.
_SENTENCE_ENDS = (".", "!", "?", "…")


def sentence(text: str) -> str:
    """``text`` as a sentence: a full stop added unless it already ends with one ("r.")."""
    text = text.strip()
    if not text or text.endswith(_SENTENCE_ENDS):
        return text
    return f"{text}."


def by_day(day: dt.date) -> str:
    """The last day to ask, after "do" / "by": "wtorku 15 grudnia 2026 r." (the weekday in the
    genitive in Polish) / "Tuesday 15 December 2026". A narrow screen may break the line between
    the weekday and the date (the date itself never breaks); the sentences tie "do" to the
    weekday with a no-break space in the catalogue."""
    weekday = _WEEKDAYS_AFTER_BY[day.weekday()]()
    return f"{weekday} {long_date(day)}"


_WEEKDAYS_AFTER_BY: tuple[Callable[[], str], ...] = (
    lambda: pgettext("weekday after 'by' (Polish: genitive)", "Monday"),
    lambda: pgettext("weekday after 'by' (Polish: genitive)", "Tuesday"),
    lambda: pgettext("weekday after 'by' (Polish: genitive)", "Wednesday"),
    lambda: pgettext("weekday after 'by' (Polish: genitive)", "Thursday"),
    lambda: pgettext("weekday after 'by' (Polish: genitive)", "Friday"),
    lambda: pgettext("weekday after 'by' (Polish: genitive)", "Saturday"),
    lambda: pgettext("weekday after 'by' (Polish: genitive)", "Sunday"),
)


# --- the state of the event -------------------------------------------------------------------


def asks_for_requests(event: EventPage) -> bool:
    """Whether the page invites readers to ask for something: not for a past or cancelled
    event."""
    return not event.is_past and not event.is_cancelled


def standing_deadline(event: EventPage) -> dt.date | None:
    """The last day to ask for an interpreter, when the reader can still act on it."""
    if not asks_for_requests(event):
        return None
    return event.interpreter_deadline


# --- the lines of the offer ---------------------------------------------------------------------


def pjm_line(event: EventPage, *, day: Callable[[dt.date], str] = by_day) -> str:
    """The Polish Sign Language line of the facts box: "Tłumacz PJM: zapewniony",
    "Tłumacz PJM: na zgłoszenie, do wtorku 15 grudnia 2026 r.", "Tłumacz PJM był zapewniony"."""
    offer = event.sign_language
    if event.is_past:
        if offer == SignLanguageOffer.PROVIDED:
            return _("A PJM interpreter was provided")
        if offer == SignLanguageOffer.ON_REQUEST:
            return _("A PJM interpreter could be booked on request")
        return _("No PJM interpreter was announced")
    if offer == SignLanguageOffer.PROVIDED:
        return _("PJM interpreter: provided")
    if offer == SignLanguageOffer.ON_REQUEST:
        deadline = standing_deadline(event)
        if deadline is not None:
            return _("PJM interpreter: on request, by %(day)s") % {"day": day(deadline)}
        if event.date_to_be_announced:
            return _("PJM interpreter: on request; the last day to ask comes with the new date")
        return _("PJM interpreter: on request")
    return _("PJM interpreter: not announced by the organiser")


@dataclass(frozen=True)
class ItemLine:
    item: OfferItem
    text: str
    # The venue's profile does not say it has this; the organiser brings it.
    by_organiser: bool


def brought_by_organiser(event: EventPage) -> set[str]:
    """The fields of the offer that are also venue features the venue's profile does not mark
    "yes": the organiser brings them (a portable induction loop)."""
    venue = event.venue
    if venue is None or not event.takes_place_in_person:
        return set()
    profile = {feature.field: value for feature, value in venue.accessibility_profile}
    return {item.field for item in event.offer if profile.get(item.field, "yes") != "yes"}


def item_lines(event: EventPage) -> list[ItemLine]:
    """One line per yes/no item the organiser provides."""
    brought = brought_by_organiser(event)
    lines = []
    for item in event.offer:
        by_organiser = item.field in brought
        if event.is_past:
            text = _past_item(item)
        elif by_organiser:
            text = _("%(item)s: yes – the organiser provides it") % {"item": item.public_label}
        else:
            text = str(item.public_label)
        lines.append(ItemLine(item, text, by_organiser))
    return lines


def _past_item(item: OfferItem) -> str:
    past = _PAST_ITEMS.get(item.field)
    if past is not None:
        return past()
    # The editor's label is the lower-case one, right after the colon.
    return _("Provided: %(item)s") % {"item": item.label}


_PAST_ITEMS: dict[str, Callable[[], str]] = {
    "captions": lambda: _("There were live captions"),
    "subtitles": lambda: _("There were subtitles for the deaf"),
    "hearing_loop": lambda: _("There was an induction loop or FM system"),
    "audio_description": lambda: _("There was audio description"),
    "easy_read": lambda: _("There were easy-to-read materials"),
    "assistant": lambda: _("There was an assistant on site"),
    "reserved_seating": lambda: _("There was reserved seating"),
}
assert set(_PAST_ITEMS) <= {item.field for item in OFFER_ITEMS}


# --- how to ask -----------------------------------------------------------------------------


def ways_to_ask(channels: Sequence[RequestChannel]) -> str:
    """What the reader can do, from the contact's real channels only: "napisz e-mail, wyślij
    SMS albo zadzwoń"; empty without channels."""
    verbs = [str(channel.verb) for channel in channels]
    if not verbs:
        return ""
    if len(verbs) == 1:
        return verbs[0]
    return _("%(ways)s or %(last)s") % {"ways": ", ".join(verbs[:-1]), "last": verbs[-1]}


def request_channels(event: EventPage) -> list[RequestChannel]:
    """The contact's channels, when the page invites requests."""
    if not asks_for_requests(event) or event.contact is None:
        return []
    return event.contact.request_channels


# --- calendars and search engines -----------------------------------------------------------


def offer_lines(event: EventPage) -> list[str]:
    """The offer as sentences, for the ICS description and the JSON-LD summary: no "ask by"
    line for a past or cancelled event, nor while the date is to be announced."""
    lines: list[str] = []
    if event.sign_language == SignLanguageOffer.PROVIDED:
        lines.append(_("Polish Sign Language (PJM) interpreter: provided."))
    elif event.sign_language == SignLanguageOffer.ON_REQUEST:
        deadline = standing_deadline(event)
        if deadline is None:
            lines.append(_("Polish Sign Language (PJM) interpreter: on request."))
        else:
            line = _(
                "Polish Sign Language (PJM) interpreter: on request, ask by %(day)s at the latest."
            )
            lines.append(sentence(line % {"day": long_date(deadline)}))
    lines.extend(sentence(str(item.public_label)) for item in event.offer)
    if event.accessibility_other.strip():
        lines.append(sentence(event.accessibility_other))
    return lines


def venue_lines(event: EventPage) -> list[str]:
    """The venue's confirmed features: what a reader can count on."""
    if event.venue is None or not event.takes_place_in_person:
        return []
    confirmed = event.venue.confirmed_features
    if not confirmed:
        return []
    # The editor's labels are the lower-case ones, right inside a sentence.
    features = "; ".join(str(feature.label) for feature in confirmed)
    return [_("At the venue: %(features)s.") % {"features": features}]
