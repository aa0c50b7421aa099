"""The fixed vocabularies of a registration: its status, how it came in, how the person wants to
be contacted, and the accommodation needs they can ask for (each a typed option, ADR 0011)."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class RegistrationStatus(models.TextChoices):
    CONFIRMED = "confirmed", _("confirmed")
    WAITING = "waiting", _("on the waiting list")
    # A honeypot hit: kept for a person to look at, never silently dropped, holds no seat.
    MODERATION = "moderation", _("awaiting a check")
    CANCELLED = "cancelled", pgettext_lazy("registration status", "cancelled")


# What holds a place in the queue for seats (confirmed ones hold seats, waiting ones wait).
ACTIVE_STATUSES = (RegistrationStatus.CONFIRMED, RegistrationStatus.WAITING)


class Channel(models.TextChoices):
    """How a registration reached us."""

    ONLINE = "online", _("the form on the website")
    PHONE = "phone", _("by phone")
    EMAIL = "email", _("by e-mail or letter")
    IN_PERSON = "in_person", _("in person")
    SMS = "sms", _("by text message")


class ContactPreference(models.TextChoices):
    EMAIL = "email", _("e-mail")
    SMS = "sms", _("text message (SMS)")
    PHONE = "phone", _("phone call")
    VIDEO = "video", _("video call (e.g. in PJM)")


class Need(models.TextChoices):
    """An accommodation a person can ask for. The short labels make the organiser's summary
    ("2 × PJM, 1 × pętla indukcyjna")."""

    PJM = "pjm", pgettext_lazy("need", "Polish Sign Language (PJM) interpreter")
    SJM = "sjm", pgettext_lazy("need", "Signed Polish (SJM) interpreter")
    SKOGN = "skogn", pgettext_lazy("need", "Interpreter for deafblind people (SKOGN)")
    HEARING_LOOP = "hearing_loop", pgettext_lazy("need", "Induction loop or FM system")
    WHEELCHAIR = "wheelchair", pgettext_lazy("need", "Wheelchair space")
    ASSISTANT = "assistant", pgettext_lazy("need", "I come with a personal assistant")
    CAPTIONS = "captions", pgettext_lazy("need", "Live captions")
    EASY_READ = "easy_read", pgettext_lazy("need", "Easy-to-read materials")
    QUIET_SPACE = "quiet_space", pgettext_lazy("need", "A quiet space to rest")
    DIET = "diet", pgettext_lazy("need", "Dietary needs")
    OTHER = "other", pgettext_lazy("need", "Something else")


NEED_SHORT_LABELS = {
    Need.PJM: pgettext_lazy("need, short", "PJM"),
    Need.SJM: pgettext_lazy("need, short", "SJM"),
    Need.SKOGN: pgettext_lazy("need, short", "SKOGN"),
    Need.HEARING_LOOP: pgettext_lazy("need, short", "induction loop"),
    Need.WHEELCHAIR: pgettext_lazy("need, short", "wheelchair space"),
    Need.ASSISTANT: pgettext_lazy("need, short", "assistant"),
    Need.CAPTIONS: pgettext_lazy("need, short", "captions"),
    Need.EASY_READ: pgettext_lazy("need, short", "easy-to-read"),
    Need.QUIET_SPACE: pgettext_lazy("need, short", "quiet space"),
    Need.DIET: pgettext_lazy("need, short", "diet"),
    Need.OTHER: pgettext_lazy("need, short", "other"),
}

# Interpreters: the act on sign language's 3 working days apply to these.
INTERPRETER_NEEDS = frozenset({Need.PJM, Need.SJM, Need.SKOGN})
# Needs whose details the person types (what diet, what else).
NEEDS_WITH_DETAILS = frozenset({Need.DIET, Need.OTHER})


class CaseStatus(models.TextChoices):
    """An accommodation request is a case the person can follow."""

    REQUESTED = "requested", pgettext_lazy("case status", "requested, waiting for an answer")
    CONFIRMED = "confirmed", pgettext_lazy("case status", "confirmed")
    ALTERNATIVE = "alternative", pgettext_lazy("case status", "an alternative offered")
    DECLINED = "declined", pgettext_lazy("case status", "declined")


OPEN_CASE_STATUSES = (CaseStatus.REQUESTED,)


class MessageKind(models.TextChoices):
    CONFIRMATION = "confirmation", _("registration confirmed")
    WAITING = "waiting", _("on the waiting list")
    PROMOTED = "promoted", _("a seat from the waiting list")
    WHEELCHAIR_SPACE = "wheelchair_space", _("a wheelchair space freed up")
    MODERATION = "moderation", _("registration awaiting a check")
    LINK_AGAIN = "link_again", _("the link sent again")
    CHANGED = "changed", _("registration changed")
    CANCELLED_BY_PERSON = "cancelled", _("registration cancelled")
    REMINDER = "reminder", _("reminder the day before")
    EVENT_CHANGED = "event_changed", _("the event was cancelled, postponed or moved")
    CASE_ANSWERED = "case_answered", _("an answer to an accommodation request")
    ORGANISER_ALERT = "organiser_alert", _("new accommodation request (to the organiser)")
    ORGANISER_DIGEST = "organiser_digest", _("overdue requests (to the organiser)")
    ORGANISER_WITHDRAWN = "organiser_withdrawn", _("requests withdrawn (to the organiser)")
    # Public consultations (issue 11) send through the same outbox.
    COMMENT_CONFIRM = "comment_confirm", _("a consultation comment to confirm")
    COMMENT_DECISION = "comment_decision", _("a moderator's decision on a comment")
    CONSULTATION_REPORT = "consult_report", _("the consultation report is published")


# The kinds written to the event's organiser, in Polish.
ORGANISER_KINDS = frozenset(
    {MessageKind.ORGANISER_ALERT, MessageKind.ORGANISER_DIGEST, MessageKind.ORGANISER_WITHDRAWN}
)
# The kinds public consultations write (their own templates, no registration on the row).
CONSULTATION_KINDS = frozenset(
    {MessageKind.COMMENT_CONFIRM, MessageKind.COMMENT_DECISION, MessageKind.CONSULTATION_REPORT}
)


class MessageChannel(models.TextChoices):
    EMAIL = "email", _("e-mail")
    SMS = "sms", _("text message")
    # Phone or video call: staff contact the person themselves; the outbox row is their to-do.
    MANUAL = "manual", _("contact by staff")


class MessageStatus(models.TextChoices):
    PENDING = "pending", _("waiting to be sent")
    SENT = "sent", _("sent")
    FAILED = "failed", _("failed, no more attempts")
    MANUAL = "manual", _("for staff to contact the person")
    DONE = "done", _("contacted by staff")
