"""The fixed vocabularies of an event: its status, how people attend, and the accessibility offer.

Each value names its schema.org counterpart, so the page, the JSON-LD and the ICS file say the
same thing.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import models
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


class EventStatus(models.TextChoices):
    SCHEDULED = "scheduled", _("planned")
    CANCELLED = "cancelled", _("cancelled")
    POSTPONED = "postponed", _("postponed")
    MOVED_ONLINE = "moved_online", _("moved online")


SCHEMA_EVENT_STATUS = {
    EventStatus.SCHEDULED: "https://schema.org/EventScheduled",
    EventStatus.CANCELLED: "https://schema.org/EventCancelled",
    EventStatus.POSTPONED: "https://schema.org/EventPostponed",
    EventStatus.MOVED_ONLINE: "https://schema.org/EventMovedOnline",
}

# RFC 5545 3.8.1.11: a postponed event has no confirmed date, so it is tentative.
ICS_STATUS = {
    EventStatus.SCHEDULED: "CONFIRMED",
    EventStatus.CANCELLED: "CANCELLED",
    EventStatus.POSTPONED: "TENTATIVE",
    EventStatus.MOVED_ONLINE: "CONFIRMED",
}


class AttendanceMode(models.TextChoices):
    IN_PERSON = "in_person", _("in person")
    ONLINE = "online", _("online")
    MIXED = "mixed", _("hybrid: in person and online")


SCHEMA_ATTENDANCE_MODE = {
    AttendanceMode.IN_PERSON: "https://schema.org/OfflineEventAttendanceMode",
    AttendanceMode.ONLINE: "https://schema.org/OnlineEventAttendanceMode",
    AttendanceMode.MIXED: "https://schema.org/MixedEventAttendanceMode",
}


class SignLanguageOffer(models.TextChoices):
    PROVIDED = "provided", _("provided: an interpreter will be there")
    ON_REQUEST = "on_request", _("on request: readers ask in advance")
    NONE = "none", _("not offered")


@dataclass(frozen=True)
class OfferItem:
    """One yes/no item of the event's own accessibility offer (the model field is a boolean)."""

    field: str
    label: Promise
    public_label: Promise
    # The W3C/schema.org accessibilityFeature term, where one exists.
    schema_term: str = ""
    # For editors: what the item is, in plain words.
    help_text: Promise | str = ""

    def __str__(self) -> str:
        return str(self.public_label)


OFFER_ITEMS: tuple[OfferItem, ...] = (
    OfferItem(
        "captions",
        _("live captions"),
        _("Live captions"),
        "captions",
        _("A captioner writes what is said, as it is said, on a screen or in the stream."),
    ),
    OfferItem(
        "subtitles",
        _("subtitles for the deaf"),
        _("Subtitles for the deaf"),
        "openCaptions",
        _(
            "Prepared subtitles of a film or recording that also describe sounds and music. "
            "Not the same as live captions."
        ),
    ),
    OfferItem(
        "hearing_loop",
        _("induction loop or FM system"),
        _("Induction loop or FM system"),
        help_text=_(
            "It sends the sound straight to hearing aids and cochlear implants (the T setting), "
            "without the noise of the room. Tick it when the organiser brings one or switches "
            "it on for this event."
        ),
    ),
    OfferItem(
        "audio_description",
        _("audio description"),
        _("Audio description"),
        "audioDescription",
        _("A voice describes what is seen, for blind and partially sighted people."),
    ),
    OfferItem(
        "easy_read",
        _("easy-to-read materials"),
        _("Easy-to-read materials"),
        help_text=_(
            "Texts in easy-to-read language (ETR): short sentences, everyday words, often "
            "with pictures, for people with intellectual disabilities and anyone who needs "
            "simple text."
        ),
    ),
    OfferItem(
        "assistant",
        _("assistant on site"),
        _("Assistant on site"),
        help_text=_("Someone who helps people find their way, move about or fill in forms."),
    ),
    OfferItem("reserved_seating", _("reserved seating"), _("Reserved seating")),
)


class Feature(models.TextChoices):
    """What a reader can filter the calendar by. Each one is a promise: an event matches only
    when the organiser offers it or the venue's profile confirms it, never when nobody knows."""

    SIGN_LANGUAGE = "pjm", _("With PJM interpreting (provided or on request)")
    STEP_FREE = "step_free", _("No barriers: step-free entrance")
    ACCESSIBLE_TOILET = "toilet", _("Accessible toilet")
    HEARING_LOOP = "hearing_loop", _("Induction loop or FM system")
    CAPTIONS = "captions", _("Live captions")
    SUBTITLES = "subtitles", _("Subtitles for the deaf")
    AUDIO_DESCRIPTION = "audio_description", _("Audio description")
    EASY_READ = "easy_read", _("Easy-to-read materials")
    ASSISTANT = "assistant", _("Assistant on site")
