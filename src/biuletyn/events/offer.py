"""The accessibility offer of an event in words, for the ICS description and the JSON-LD summary.

The page renders the offer from its template; calendars and search engines get the same facts
as plain sentences in the reader's language.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.utils.translation import gettext as _

from biuletyn.core.templatetags.biuletyn_dates import long_date

from .enums import SignLanguageOffer

if TYPE_CHECKING:
    from .models import EventPage


def offer_lines(event: EventPage) -> list[str]:
    lines: list[str] = []
    if event.sign_language == SignLanguageOffer.PROVIDED:
        lines.append(_("Polish Sign Language (PJM) interpreter: provided."))
    elif event.sign_language == SignLanguageOffer.ON_REQUEST:
        deadline = event.interpreter_deadline
        assert deadline is not None
        lines.append(
            _("Polish Sign Language (PJM) interpreter: on request, ask by %(day)s at the latest.")
            % {"day": long_date(deadline)}
        )
    lines.extend(f"{item.public_label}." for item in event.offer)
    if event.accessibility_other:
        lines.append(event.accessibility_other.strip())
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
