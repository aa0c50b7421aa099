"""The states and choices of public consultations (issue 11)."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class ConsultationStatus(models.TextChoices):
    """A consultation's status, always derived from the clock and the report (never stored)."""

    UPCOMING = "upcoming", pgettext_lazy("consultation status", "upcoming")
    OPEN = "open", pgettext_lazy("consultation status", "open for comments")
    CLOSED = "closed", pgettext_lazy("consultation status", "closed, comments being read")
    REPORT_PUBLISHED = "report", pgettext_lazy("consultation status", "report published")


class CommentStatus(models.TextChoices):
    # Sent online, the e-mail address not yet confirmed: no moderator sees it yet.
    UNCONFIRMED = "unconfirmed", pgettext_lazy("comment status", "e-mail not confirmed")
    PENDING = "pending", pgettext_lazy("comment status", "waiting for moderation")
    PUBLISHED = "published", pgettext_lazy("comment status", "published")
    # Sent on someone's behalf without consent to publish its text: counted and answered in
    # the report, its text never shown.
    NOT_PUBLIC = "not_public", pgettext_lazy("comment status", "kept, not published")
    REJECTED = "rejected", pgettext_lazy("comment status", "rejected")
    # Reported by readers as often as CONSULTATION_REPORTS_TO_HIDE: off the page until a
    # moderator decides.
    HIDDEN = "hidden", pgettext_lazy("comment status", "hidden after reports")


# Statuses whose comment is counted and answered in the report.
REPORTED_STATUSES = (CommentStatus.PUBLISHED, CommentStatus.NOT_PUBLIC, CommentStatus.HIDDEN)


class Channel(models.TextChoices):
    ONLINE = "online", pgettext_lazy("comment channel", "online form")
    EMAIL = "email", pgettext_lazy("comment channel", "e-mail")
    LETTER = "letter", pgettext_lazy("comment channel", "letter")
    PHONE = "phone", pgettext_lazy("comment channel", "phone")
    PJM = "pjm", pgettext_lazy("comment channel", "in Polish Sign Language (PJM)")
    MEETING = "meeting", pgettext_lazy("comment channel", "at a meeting")


class Answer(models.TextChoices):
    ACCEPTED = "accepted", pgettext_lazy("comment answer", "accepted")
    PARTLY = "partly", pgettext_lazy("comment answer", "partly accepted")
    NOT_ACCEPTED = "not_accepted", pgettext_lazy("comment answer", "not accepted")
    # A question or a remark with nothing to accept: answered with an explanation.
    EXPLAINED = "explained", pgettext_lazy("comment answer", "explained, nothing to change")


class RejectReason(models.TextChoices):
    OFF_TOPIC = "off_topic", _("not about this consultation")
    OFFENSIVE = "offensive", _("offensive or breaks the law")
    PERSONAL_DATA = "personal_data", _("gives other people's personal data")
    SPAM = "spam", _("advertising or spam")
    DUPLICATE = "duplicate", _("the same comment sent again")
    OTHER = "other", _("another reason (explained below)")


class ReportReason(models.TextChoices):
    OFFENSIVE = "offensive", _("it is offensive or breaks the law")
    PERSONAL_DATA = "personal_data", _("it gives someone's personal data")
    SPAM = "spam", _("it is advertising or spam")
    OFF_TOPIC = "off_topic", _("it is not about this consultation")
    OTHER = "other", _("something else")
