"""Registrations for events, accommodation requests kept apart as the health data they are, the
outbox, and the records that purges happened (ADR 0011).

* ``RegistrationSetup``: an event's registration settings. One per event across its language
  versions: keyed on the event's ``translation_key``, as the ICS UID is. Public: whether
  registration is open shows on the event page.
* ``Registration``: one person with the people who come with them (one unit: confirmed or
  waiting together). Personal data, neutral to the page cache, anonymised after a while.
* ``AccommodationRequest``: one typed need of a registration, a case with a status. Special
  category data (GDPR art. 9): stored only with explicit consent, deleted a configurable number
  of days after the event.
* ``OutboxMessage``: every message to a person or an organiser, sent after commit by the worker.
* ``PurgeRecord``: what kind of data a purge removed, how many rows and when; never the content.

``__str__`` of personal models never shows personal data: Wagtail's audit log keeps it as the
object's label.
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.models import Locale

from .enums import (
    ACTIVE_STATUSES,
    CaseStatus,
    Channel,
    ContactPreference,
    MessageChannel,
    MessageKind,
    MessageStatus,
    Need,
    RegistrationStatus,
)

if TYPE_CHECKING:
    from biuletyn.events.models import EventPage


class RegistrationSetup(models.Model):
    event = models.ForeignKey(
        "events.EventPage",
        verbose_name=_("event"),
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_("Registration covers every language version of the event."),
    )
    # The event's translation_key: one setup for all its language versions.
    event_key = models.UUIDField(unique=True, editable=False)
    is_open = models.BooleanField(
        _("registration is on"),
        default=True,
        help_text=_("Switch it off to stop registration at once, whatever the dates below."),
    )
    capacity = models.PositiveIntegerField(
        _("seats"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1)],
        help_text=_("Leave empty for no limit. Wheelchair spaces are counted separately."),
    )
    opens_at = models.DateTimeField(
        _("registration opens"),
        null=True,
        blank=True,
        help_text=_("Time in Poland. Leave empty to open it as soon as you save."),
    )
    closes_at = models.DateTimeField(
        _("registration closes"),
        null=True,
        blank=True,
        help_text=_("Time in Poland. Leave empty to close it when the event starts."),
    )
    waiting_list = models.BooleanField(
        _("waiting list"),
        default=True,
        help_text=_("When all seats are taken, people can join a waiting list."),
    )
    assistant_takes_seat = models.BooleanField(
        _("a personal assistant takes a seat"),
        default=False,
        help_text=_(
            "Usually not: an assistant comes free of charge and does not count against the "
            "seats. Tick it only when the room really has no place for them otherwise."
        ),
    )
    max_seats_per_registration = models.PositiveSmallIntegerField(
        _("most seats one person can take"),
        default=4,
        validators=[MinValueValidator(1), MaxValueValidator(20)],
        help_text=_("The person registering and the people who come with them."),
    )
    wheelchair_spaces = models.PositiveIntegerField(
        _("wheelchair spaces"),
        default=0,
        help_text=_("Spaces without a chair, counted on their own, besides the seats."),
    )
    wheelchair_release_at = models.DateTimeField(
        _("hold wheelchair spaces until"),
        null=True,
        blank=True,
        help_text=_(
            "Until then only people who need a wheelchair space can take one. After it, free "
            "wheelchair spaces are open to everyone. Leave empty to hold them to the end."
        ),
    )
    controller = models.CharField(
        _("data controller"),
        max_length=300,
        help_text=_(
            "Who is responsible for the personal data, as the consent text names them, e.g. "
            "“Miasto Lublin – Urząd Miasta Lublin, pl. Króla Władysława Łokietka 1”."
        ),
    )
    controller_contact = models.CharField(
        _("contact to the data protection officer"),
        max_length=200,
        blank=True,
        help_text=_("An e-mail address or a postal address."),
    )
    organiser_email = models.EmailField(
        _("e-mail for the organiser's alerts"),
        blank=True,
        help_text=_(
            "New accommodation requests and the daily list of overdue ones go here. Leave "
            "empty to use the event contact's e-mail."
        ),
    )
    # The event's state as registrants were last told it: a publish that changes it sends a
    # message to everyone registered (services.notify_event_change).
    notified_state = models.CharField(max_length=300, blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("event registration")
        verbose_name_plural = _("event registrations")

    def __str__(self) -> str:
        return str(self.event.title)

    def save(self, *args: Any, **kwargs: Any) -> None:
        # The event in the site's default language (Polish) stands for all its versions: its
        # dates and status are the ones registrants are told about.
        source = self.event.get_translation_or_none(Locale.get_default())
        if source is not None and source.pk != self.event.pk:
            self.event = source.specific
        self.event_key = self.event.translation_key
        super().save(*args, **kwargs)

    # --- the clock ----------------------------------------------------------------------------

    def closing_time(self, event: EventPage | None = None) -> dt.datetime | None:
        """When registration closes: the set time, or else the event's start (its first day's
        midnight for an all-day event); None while a postponed event has no new date."""
        if self.closes_at is not None:
            return self.closes_at
        event = event or self.event
        if event.date_to_be_announced:
            return None
        return event.schedule.first_instant

    def state_at(self, now: dt.datetime, event: EventPage | None = None) -> str:
        """ "off", "not_yet", "open" or "closed" at ``now``."""
        event = event or self.event
        if not self.is_open or event.is_cancelled:
            return "off"
        if self.opens_at is not None and now < self.opens_at:
            return "not_yet"
        closing = self.closing_time(event)
        if event.is_past or (closing is not None and now >= closing):
            return "closed"
        return "open"

    def next_change(self, now: dt.datetime, event: EventPage | None = None) -> dt.datetime | None:
        """The next moment the answer of ``state_at`` changes by the clock alone (opening,
        closing, the release of wheelchair spaces): how long a cached event page may live."""
        moments = [self.opens_at, self.closing_time(event), self.wheelchair_release_at]
        future = [moment for moment in moments if moment is not None and moment > now]
        return min(future) if future else None

    def wheelchair_spaces_held(self, now: dt.datetime) -> bool:
        """Whether free wheelchair spaces are still kept for people who need one."""
        return self.wheelchair_release_at is None or now < self.wheelchair_release_at


class Registration(models.Model):
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    setup = models.ForeignKey(
        RegistrationSetup,
        verbose_name=_("event registration"),
        on_delete=models.PROTECT,
        related_name="registrations",
    )
    # The language version the person registered on: their messages and links speak it.
    language = models.CharField(_("language"), max_length=8, default="pl")
    status = models.CharField(
        _("status"), max_length=12, choices=RegistrationStatus.choices, db_index=True
    )
    channel = models.CharField(
        _("how it came in"), max_length=10, choices=Channel.choices, default=Channel.ONLINE
    )
    name = models.CharField(pgettext_lazy("person", "name"), max_length=200)
    email = models.EmailField(_("e-mail"), max_length=254, blank=True)
    phone = models.CharField(_("phone"), max_length=32, blank=True)
    contact_preference = models.CharField(
        _("preferred contact"),
        max_length=8,
        choices=ContactPreference.choices,
        default=ContactPreference.EMAIL,
    )
    seats = models.PositiveSmallIntegerField(
        _("seats"), default=1, help_text=_("The person and the people who come with them.")
    )
    # The allocation, fixed when the registration is confirmed: ordinary seats and wheelchair
    # spaces it holds (a personal assistant counts only when the setup says so).
    seats_held = models.PositiveSmallIntegerField(default=0, editable=False)
    wheelchair_spaces_held = models.PositiveSmallIntegerField(default=0, editable=False)
    # Normalised contact for "the same person registering twice" (lower-case e-mail, digits of
    # the phone); emptied by anonymisation.
    email_key = models.CharField(max_length=254, blank=True, editable=False)
    phone_key = models.CharField(max_length=32, blank=True, editable=False)
    idempotency_key = models.CharField(max_length=64, null=True, blank=True, unique=True)
    health_consent_at = models.DateTimeField(_("consent to health data given"), null=True)
    # The person chose needs but did not consent: the needs were not stored, and they were told.
    needs_dropped = models.BooleanField(default=False, editable=False)
    staff_note = models.TextField(
        _("note for staff"),
        blank=True,
        help_text=_("Seen only in the admin. Never write health details here."),
    )
    registered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("registered by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("registered"), default=timezone.now, db_index=True)
    updated_at = models.DateTimeField(auto_now=True)
    confirmed_at = models.DateTimeField(null=True, blank=True)
    cancelled_at = models.DateTimeField(null=True, blank=True)
    reminder_sent_at = models.DateTimeField(null=True, blank=True)
    checked_in_at = models.DateTimeField(_("checked in"), null=True, blank=True)
    anonymised_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        ordering = ["created_at", "pk"]
        constraints = [
            # Exactly one active registration per e-mail (and per phone) for an event.
            models.UniqueConstraint(
                fields=["setup", "email_key"],
                condition=Q(status__in=ACTIVE_STATUSES) & ~Q(email_key=""),
                name="one_active_registration_per_email",
            ),
            models.UniqueConstraint(
                fields=["setup", "phone_key"],
                condition=Q(status__in=ACTIVE_STATUSES) & ~Q(phone_key=""),
                name="one_active_registration_per_phone",
            ),
            models.CheckConstraint(
                condition=~Q(email="", phone="") | Q(anonymised_at__isnull=False),
                name="registration_has_a_way_to_reach",
            ),
        ]
        indexes = [models.Index(fields=["setup", "status", "created_at"])]

    def __str__(self) -> str:
        # No personal data: Wagtail's audit log keeps this as the label.
        return str(pgettext_lazy("registration label", "Registration no. %(number)s")) % {
            "number": self.pk
        }

    @property
    def is_active(self) -> bool:
        return self.status in ACTIVE_STATUSES

    @property
    def reference(self) -> str:
        """A short code a person can read out on the phone."""
        return str(self.public_id).split("-")[0].upper()


class AccommodationRequest(models.Model):
    registration = models.ForeignKey(
        Registration,
        verbose_name=_("registration"),
        on_delete=models.CASCADE,
        related_name="accommodations",
    )
    need = models.CharField(_("need"), max_length=16, choices=Need.choices)
    details = models.TextField(_("details"), blank=True, max_length=2000)
    status = models.CharField(
        _("status"), max_length=12, choices=CaseStatus.choices, default=CaseStatus.REQUESTED
    )
    answer = models.TextField(
        _("answer to the person"),
        blank=True,
        help_text=_("What you confirm or offer instead, in plain words. The person reads it."),
    )
    # Asked after the last day to ask for an interpreter: accepted as best effort.
    best_effort = models.BooleanField(_("asked late: best effort"), default=False)
    due_on = models.DateField(_("answer due by"))
    created_at = models.DateTimeField(default=timezone.now)
    answered_at = models.DateTimeField(null=True, blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("accommodation request")
        verbose_name_plural = _("accommodation requests")
        ordering = ["registration", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["registration", "need"], name="one_case_per_need"),
        ]

    def __str__(self) -> str:
        return str(pgettext_lazy("case label", "Accommodation request no. %(number)s")) % {
            "number": self.pk
        }


class OutboxMessage(models.Model):
    kind = models.CharField(max_length=20, choices=MessageKind.choices)
    channel = models.CharField(
        max_length=8, choices=MessageChannel.choices, default=MessageChannel.EMAIL
    )
    registration = models.ForeignKey(
        Registration, null=True, blank=True, on_delete=models.CASCADE, related_name="messages"
    )
    setup = models.ForeignKey(
        RegistrationSetup, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    to = models.CharField(max_length=254)
    subject = models.CharField(max_length=300)
    body = models.TextField()
    # An ICS attachment (the event), as text; empty for none.
    ics = models.TextField(blank=True)
    status = models.CharField(
        max_length=8,
        choices=MessageStatus.choices,
        default=MessageStatus.PENDING,
        db_index=True,
    )
    attempts = models.PositiveSmallIntegerField(default=0)
    next_attempt_at = models.DateTimeField(default=timezone.now)
    last_error = models.CharField(max_length=300, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("outgoing message")
        verbose_name_plural = _("outgoing messages")
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return str(pgettext_lazy("message label", "Message no. %(number)s")) % {"number": self.pk}


class PurgeRecord(models.Model):
    """That a purge happened: what kind of data, how many rows, when. Never the content."""

    class DataKind(models.TextChoices):
        ACCOMMODATIONS = "accommodations", _("accommodation answers (health data)")
        REGISTRATIONS = "registrations", _("registrations anonymised")
        MESSAGES = "messages", _("sent messages")
        PERSON_REQUEST = "person_request", _("deleted at the person's request")

    class Trigger(models.TextChoices):
        SCHEDULE = "schedule", _("the daily schedule")
        COMMAND = "command", _("the purge_personal_data command")
        PERSON = "person", _("the person, through their link")
        STAFF = "staff", _("staff in the admin")

    setup = models.ForeignKey(
        RegistrationSetup,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="purge_records",
        verbose_name=_("event registration"),
    )
    event_title = models.CharField(_("event"), max_length=255, blank=True)
    data_kind = models.CharField(_("data"), max_length=16, choices=DataKind.choices)
    rows = models.PositiveIntegerField(_("rows"))
    trigger = models.CharField(_("done by"), max_length=10, choices=Trigger.choices)
    ran_at = models.DateTimeField(_("when"), default=timezone.now)

    class Meta:
        verbose_name = _("purge record")
        verbose_name_plural = _("purge records")
        ordering = ["-ran_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.get_data_kind_display()}: {self.rows}"
