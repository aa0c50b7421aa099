"""A person's data: what they can download, deleting it at their request, and the scheduled
purge that forgets it after the event (ADR 0011).

* ``export_data``: everything stored about one person, as JSON-ready values in a documented,
  versioned shape (``EXPORT_VERSION``). The signed export link serves it as a download.
* ``delete_at_request``: the person deletes their data through their link. The registration's
  place goes to the waiting list, its cases and messages are deleted, and the row itself stays,
  anonymised, so the seat counts of the event keep their history.
* ``purge_due``: what the schedule (and the ``purge_personal_data`` command) removes:

  1. accommodation answers (health data) ``REGISTRATION_ACCOMMODATION_DAYS`` after the event
     ends: the cases are deleted and the consent's time cleared;
  2. registrations ``REGISTRATION_ANONYMISE_DAYS`` after the event ends: anonymised;
  3. messages sent (or failed, or done by staff) more than ``REGISTRATION_MESSAGE_DAYS`` ago,
     and every message of an anonymised registration: deleted.

  An event ends at ``schedule.over_at`` (its end time, or the midnight after its last day). A
  postponed event with no new date has not ended, however long ago its first date was; a
  cancelled event ends at the dates first announced. Each kind of data of each event leaves one
  ``PurgeRecord`` (the kind, how many rows, when; never the content) and one audit entry, in the
  same transaction as the deletion: the data is gone exactly when the record says so. Each
  event's kind runs in its own short transaction, so a large purge never holds SQLite's write
  lock for long, and a second run finds nothing and records nothing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils import timezone

from biuletyn.events.dates import WARSAW

from . import audit, services
from .enums import ACTIVE_STATUSES, MessageStatus
from .models import (
    AccommodationRequest,
    OutboxMessage,
    PurgeRecord,
    Registration,
    RegistrationSetup,
)

# The shape of ``export_data``; raise it when a key changes meaning or goes away.
EXPORT_VERSION = 1

# Messages whose work is over: they can go once they are old enough.
FINISHED_MESSAGE_STATUSES = (MessageStatus.SENT, MessageStatus.FAILED, MessageStatus.DONE)

DataKind = PurgeRecord.DataKind
Trigger = PurgeRecord.Trigger


# --- when an event is over ---------------------------------------------------------------------


def event_over_at(setup: RegistrationSetup) -> dt.datetime | None:
    """When the setup's event ended (or will end); None while a postponed event has no new
    date. A cancelled event keeps its first dates, so it counts from them."""
    event = setup.event
    if event.date_to_be_announced:
        return None
    return event.schedule.over_at


# --- the download ------------------------------------------------------------------------------


def _when(value: dt.datetime | None) -> str | None:
    return timezone.localtime(value, WARSAW).isoformat() if value is not None else None


def _day(value: dt.date | None) -> str | None:
    return value.isoformat() if value is not None else None


def _time(value: dt.time | None) -> str | None:
    return value.isoformat(timespec="minutes") if value is not None else None


def export_data(registration: Registration) -> dict[str, Any]:
    """Everything stored about the person of ``registration``, JSON-serialisable.

    The shape (version 1), every instant in ISO 8601 with Poland's offset, days as YYYY-MM-DD,
    and the fixed vocabularies as their codes (``status``, ``need`` …)::

        {
          "version": 1,
          "exported_at": instant,
          "controller": {"name", "contact"},
          "event": {"title", "status", "start_date", "start_time", "end_date", "end_time",
                    "date_to_be_announced"},
          "registration": {"reference", "public_id", "status", "channel", "language",
                           "name", "email", "phone", "contact_preference", "seats",
                           "seats_held", "wheelchair_spaces_held", "health_consent_at",
                           "needs_dropped", "staff_note", "created_at", "updated_at",
                           "confirmed_at", "cancelled_at", "reminder_sent_at",
                           "checked_in_at", "anonymised_at"},
          "accommodation_requests": [{"need", "details", "status", "answer", "best_effort",
                                      "due_on", "created_at", "answered_at"}],
          "messages": [{"kind", "channel", "status", "created_at", "sent_at"}]
        }

    Messages are listed without their text (it repeats what is above). The staff note is
    included: it is data about the person, and staff are told never to write health details
    in it.
    """
    setup = registration.setup
    event = setup.event
    schedule = event.schedule
    title = str(event.title)
    translation = _event_in(event, registration.language)
    if translation is not None:
        title = str(translation.title)
    return {
        "version": EXPORT_VERSION,
        "exported_at": _when(timezone.now()),
        "controller": {"name": setup.controller, "contact": setup.controller_contact},
        "event": {
            "title": title,
            "status": str(event.status),
            "start_date": None if event.date_to_be_announced else _day(schedule.start_date),
            "start_time": None if event.date_to_be_announced else _time(schedule.start_time),
            "end_date": None if event.date_to_be_announced else _day(schedule.end_date),
            "end_time": None if event.date_to_be_announced else _time(schedule.end_time),
            "date_to_be_announced": event.date_to_be_announced,
        },
        "registration": {
            "reference": registration.reference,
            "public_id": str(registration.public_id),
            "status": registration.status,
            "channel": registration.channel,
            "language": registration.language,
            "name": registration.name,
            "email": registration.email,
            "phone": registration.phone,
            "contact_preference": registration.contact_preference,
            "seats": registration.seats,
            "seats_held": registration.seats_held,
            "wheelchair_spaces_held": registration.wheelchair_spaces_held,
            "health_consent_at": _when(registration.health_consent_at),
            "needs_dropped": registration.needs_dropped,
            "staff_note": registration.staff_note,
            "created_at": _when(registration.created_at),
            "updated_at": _when(registration.updated_at),
            "confirmed_at": _when(registration.confirmed_at),
            "cancelled_at": _when(registration.cancelled_at),
            "reminder_sent_at": _when(registration.reminder_sent_at),
            "checked_in_at": _when(registration.checked_in_at),
            "anonymised_at": _when(registration.anonymised_at),
        },
        "accommodation_requests": [
            {
                "need": case.need,
                "details": case.details,
                "status": case.status,
                "answer": case.answer,
                "best_effort": case.best_effort,
                "due_on": _day(case.due_on),
                "created_at": _when(case.created_at),
                "answered_at": _when(case.answered_at),
            }
            for case in registration.accommodations.order_by("pk")
        ],
        "messages": [
            {
                "kind": message.kind,
                "channel": message.channel,
                "status": message.status,
                "created_at": _when(message.created_at),
                "sent_at": _when(message.sent_at),
            }
            for message in registration.messages.order_by("created_at", "pk")
        ],
    }


def _event_in(event: Any, language: str) -> Any:
    """The event's version in ``language`` (the one the person registered on), if any."""
    if event.locale.language_code == language:
        return None
    return event.get_translations().filter(locale__language_code=language).first()


# --- anonymising -------------------------------------------------------------------------------


def _anonymise(registrations: QuerySet[Registration], *, now: dt.datetime) -> int:
    """Empty the personal fields of ``registrations`` (one UPDATE); the rows stay for the seat
    counts. The contact check constraint allows empty contact once ``anonymised_at`` is set."""
    return registrations.update(
        name="",
        email="",
        phone="",
        email_key="",
        phone_key="",
        # NULL, not "": the key is unique.
        idempotency_key=None,
        staff_note="",
        health_consent_at=None,
        needs_dropped=False,
        anonymised_at=now,
        updated_at=now,
    )


def delete_at_request(registration: Registration, *, now: dt.datetime | None = None) -> None:
    """The person deletes their data through their signed link, in one transaction: an active
    registration is cancelled first (its place goes to the waiting list, no message is sent),
    then its cases and messages are deleted and the row anonymised. Leaves a ``PurgeRecord``
    (``person_request``, rows: the registration, its cases and its messages) and audit entries.
    Safe to run again."""
    now = now or timezone.now()
    with transaction.atomic():
        setup = (
            RegistrationSetup.objects.select_for_update()
            .select_related("event")
            .get(pk=registration.setup_id)
        )
        current = Registration.objects.select_for_update().get(pk=registration.pk)
        if current.anonymised_at is not None:
            return
        cases = AccommodationRequest.objects.filter(registration=current)
        # Counted first: cancelling already deletes the cases still waiting for an answer.
        case_rows = cases.count()
        if current.status in ACTIVE_STATUSES:
            services.cancel(registration=current, by_person=False, now=now)
        cases.delete()
        messages, _ = OutboxMessage.objects.filter(registration=current).delete()
        anonymised = _anonymise(Registration.objects.filter(pk=current.pk), now=now)
        rows = anonymised + case_rows + messages
        PurgeRecord.objects.create(
            setup=setup,
            event_title=_title(setup),
            data_kind=DataKind.PERSON_REQUEST,
            rows=rows,
            trigger=Trigger.PERSON,
            ran_at=now,
        )
        audit.log(current, "biuletyn.registration.delete", by_person=True, rows=rows)
        audit.log(setup, "biuletyn.purge", rows=rows, kind=str(DataKind.PERSON_REQUEST))


# --- the scheduled purge -------------------------------------------------------------------------


@dataclass(frozen=True)
class Due:
    """One kind of data of one event that a purge would remove now."""

    setup: RegistrationSetup | None
    event_title: str
    data_kind: str
    rows: int


def _days(name: str) -> dt.timedelta:
    return dt.timedelta(days=int(getattr(settings, name)))


def _old_messages(
    setup: RegistrationSetup | None, *, now: dt.datetime, people_anonymised: bool
) -> QuerySet[OutboxMessage]:
    """Messages of ``setup`` (None: those of no event, such as a digest across events) whose
    work ended more than the message period ago, and every message of an anonymised person
    (``people_anonymised``: everyone of the event is, or is about to be in this run)."""
    cutoff = now - _days("REGISTRATION_MESSAGE_DAYS")
    finished = Q(status__in=FINISHED_MESSAGE_STATUSES) & (
        Q(sent_at__lt=cutoff) | Q(sent_at__isnull=True, created_at__lt=cutoff)
    )
    if setup is None:
        return OutboxMessage.objects.filter(finished, setup__isnull=True, registration__isnull=True)
    of_setup = Q(setup=setup) | Q(setup__isnull=True, registration__setup=setup)
    of_anonymised = (
        Q(registration__isnull=False)
        if people_anonymised
        else Q(registration__anonymised_at__isnull=False)
    )
    return OutboxMessage.objects.filter(of_setup).filter(finished | of_anonymised)


@dataclass(frozen=True)
class _Step:
    kind: str
    # How many rows would go (the dry run), whether anything at all is left to do, and the
    # removal itself (returns the rows removed).
    count: Callable[[], int]
    pending: Callable[[], bool]
    purge: Callable[[], int]


def _steps(setup: RegistrationSetup | None, *, now: dt.datetime) -> Iterator[_Step]:
    """The kinds of data of ``setup`` that are due now, in the order they must go: cases
    before the anonymisation, messages last (an anonymised person's messages go with them)."""
    over_at = event_over_at(setup) if setup is not None else None
    anonymise = False
    if setup is not None and over_at is not None:
        # Health data never outlives the registration that holds it.
        cases_after = min(
            _days("REGISTRATION_ACCOMMODATION_DAYS"), _days("REGISTRATION_ANONYMISE_DAYS")
        )
        if over_at < now - cases_after:
            cases = AccommodationRequest.objects.filter(registration__setup=setup)
            consents = Registration.objects.filter(setup=setup, health_consent_at__isnull=False)

            def purge_cases() -> int:
                deleted, _ = cases.delete()
                # The time of the consent says there were needs: it goes with them.
                consents.update(health_consent_at=None, updated_at=now)
                return deleted

            yield _Step(
                DataKind.ACCOMMODATIONS,
                count=cases.count,
                pending=lambda: cases.exists() or consents.exists(),
                purge=purge_cases,
            )
        anonymise = over_at < now - _days("REGISTRATION_ANONYMISE_DAYS")
        if anonymise:
            people = Registration.objects.filter(setup=setup, anonymised_at__isnull=True)
            yield _Step(
                DataKind.REGISTRATIONS,
                count=people.count,
                pending=people.exists,
                purge=lambda: _anonymise(people, now=now),
            )
    messages = _old_messages(setup, now=now, people_anonymised=anonymise)

    def purge_messages() -> int:
        deleted, _ = messages.delete()
        return deleted

    yield _Step(
        DataKind.MESSAGES, count=messages.count, pending=messages.exists, purge=purge_messages
    )


def _setups() -> list[RegistrationSetup | None]:
    return [*RegistrationSetup.objects.select_related("event").order_by("pk"), None]


def _title(setup: RegistrationSetup | None) -> str:
    return str(setup.event.title)[:255] if setup is not None else ""


def due(*, now: dt.datetime | None = None) -> list[Due]:
    """What ``purge_due`` would remove at ``now``, changing nothing (the dry run)."""
    now = now or timezone.now()
    found = []
    for setup in _setups():
        for step in _steps(setup, now=now):
            rows = step.count()
            if rows:
                found.append(Due(setup, _title(setup), step.kind, rows))
    return found


def purge_due(
    *, now: dt.datetime | None = None, trigger: str = Trigger.SCHEDULE
) -> list[PurgeRecord]:
    """Remove what is due at ``now`` (see the module's docstring); one short transaction per
    event and kind of data, each leaving its record when it removed anything. Idempotent."""
    if trigger not in Trigger.values:
        raise ValueError(f"unknown purge trigger {trigger!r}")
    now = now or timezone.now()
    records = []
    for setup in _setups():
        for step in _steps(setup, now=now):
            # Read outside any transaction: an event with nothing due never takes the lock.
            if not step.pending():
                continue
            with transaction.atomic():
                if setup is not None:
                    _lock(setup)
                rows = step.purge()
                if not rows:
                    continue
                record = PurgeRecord.objects.create(
                    setup=setup,
                    event_title=_title(setup),
                    data_kind=step.kind,
                    rows=rows,
                    trigger=trigger,
                    ran_at=now,
                )
                audit.log(
                    setup if setup is not None else record,
                    "biuletyn.purge",
                    rows=rows,
                    kind=str(step.kind),
                )
            records.append(record)
    return records


def _lock(setup: RegistrationSetup) -> None:
    """The lock every registration service takes first (a row lock on PostgreSQL; SQLite's
    IMMEDIATE transaction already holds the write lock): no change of one of the event's
    registrations runs half-way through its purge."""
    list(RegistrationSetup.objects.select_for_update().filter(pk=setup.pk).values_list("pk"))
