"""Every change of a registration's state (ADR 0011). Views, the admin, commands and tasks call
these functions and nothing else writes registrations.

No overbooking: each function that takes or frees places runs in one short transaction that
first locks the event's ``RegistrationSetup`` row (``select_for_update`` on PostgreSQL; on
SQLite the IMMEDIATE transaction mode of ADR 0006 takes the database's write lock at the start),
then counts and writes. Messages go to the outbox in the same transaction and are sent after
the commit (``notifications``).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Count, QuerySet, Sum
from django.utils import timezone

from biuletyn.core.db import retry_when_locked
from biuletyn.events.dates import WARSAW, is_working_day, last_day_to_request_interpreter

from . import notifications
from .capacity import Allocation, Room, allocate, places_needed
from .enums import (
    ACTIVE_STATUSES,
    INTERPRETER_NEEDS,
    NEEDS_WITH_DETAILS,
    CaseStatus,
    Channel,
    MessageKind,
    MessageStatus,
    Need,
    RegistrationStatus,
)
from .models import AccommodationRequest, OutboxMessage, Registration, RegistrationSetup

if TYPE_CHECKING:
    from biuletyn.events.models import EventPage


class RegistrationError(Exception):
    """A registration that cannot be made or changed as asked; ``code`` says why."""

    def __init__(self, code: str, **details: Any) -> None:
        super().__init__(code)
        self.code = code
        self.details = details


@dataclass(frozen=True)
class NeedAnswer:
    need: str
    details: str = ""


@dataclass
class Outcome:
    registration: Registration
    # "confirmed", "waiting", "moderation", or "duplicate" (the same form sent again: nothing
    # new was written) or "already_registered" (the e-mail or phone is registered already:
    # the link went to it again).
    result: str
    needs_dropped: bool = False
    best_effort: list[str] = field(default_factory=list)


# --- reading the room -------------------------------------------------------------------------


def room(setup: RegistrationSetup, *, now: dt.datetime | None = None) -> Room:
    now = now or timezone.now()
    taken = setup.registrations.filter(status=RegistrationStatus.CONFIRMED).aggregate(
        seats=Sum("seats_held"), wheelchair=Sum("wheelchair_spaces_held")
    )
    return Room(
        capacity=setup.capacity,
        wheelchair=setup.wheelchair_spaces,
        seats_taken=taken["seats"] or 0,
        wheelchair_taken=taken["wheelchair"] or 0,
        held=setup.wheelchair_spaces_held(now),
    )


@dataclass(frozen=True)
class Counts:
    capacity: int | None
    wheelchair_spaces: int
    seats_taken: int
    wheelchair_taken: int
    confirmed: int
    waiting: int
    waiting_places: int
    moderation: int


def counts(setup: RegistrationSetup) -> Counts:
    """Live figures for the registration page, the JSON and the admin (two queries)."""
    rows: dict[str, dict[str, Any]] = {
        row["status"]: dict(row)
        for row in setup.registrations.values("status").annotate(
            n=Count("pk"),
            held=Sum("seats_held"),
            wheelchair=Sum("wheelchair_spaces_held"),
            wanted=Sum("seats"),
        )
    }
    confirmed = rows.get(RegistrationStatus.CONFIRMED, {})
    waiting = rows.get(RegistrationStatus.WAITING, {})
    return Counts(
        capacity=setup.capacity,
        wheelchair_spaces=setup.wheelchair_spaces,
        seats_taken=confirmed.get("held") or 0,
        wheelchair_taken=confirmed.get("wheelchair") or 0,
        confirmed=confirmed.get("n") or 0,
        waiting=waiting.get("n") or 0,
        waiting_places=waiting.get("wanted") or 0,
        moderation=rows.get(RegistrationStatus.MODERATION, {}).get("n") or 0,
    )


# --- normalising -------------------------------------------------------------------------------


def email_key(email: str) -> str:
    return email.strip().lower()


def phone_key(phone: str) -> str:
    """The digits of a phone number, without Poland's +48 / 0048 in front."""
    digits = re.sub(r"\D", "", phone)
    if phone.strip().startswith("+48") or digits.startswith("0048"):
        digits = digits.removeprefix("00").removeprefix("48")
    return digits


# --- due dates -----------------------------------------------------------------------------------


def working_days_after(day: dt.date, count: int) -> dt.date:
    current = day
    found = 0
    while found < count:
        current += dt.timedelta(days=1)
        if is_working_day(current):
            found += 1
    return current


def pjm_provided(setup: RegistrationSetup) -> bool:
    """The organiser already provides a PJM interpreter: a PJM request is news, not an order,
    with no last day to ask."""
    from biuletyn.events.enums import SignLanguageOffer

    return bool(setup.event.sign_language == SignLanguageOffer.PROVIDED)


def interpreter_cutoff(setup: RegistrationSetup) -> dt.date | None:
    """The last day to ask for an interpreter for the event ("Events": 3 working days)."""
    event = setup.event
    if event.date_to_be_announced:
        return None
    return last_day_to_request_interpreter(event.schedule.start_date)


def due_date(need: str, *, setup: RegistrationSetup, today: dt.date) -> tuple[dt.date, bool]:
    """When the organiser's answer is due, and whether the request is best effort.

    An interpreter asked in time is answered by the last day to ask (at most two working days
    after the request), so the person still knows before the cut-off; one asked later is best
    effort, answered within a working day. Other needs: within three working days. Never later
    than the day before the event, never before today.
    """
    event = setup.event
    start = None if event.date_to_be_announced else event.schedule.start_date
    best_effort = False
    if need in INTERPRETER_NEEDS and not (need == Need.PJM and pjm_provided(setup)):
        cutoff = interpreter_cutoff(setup)
        if cutoff is not None and today > cutoff:
            best_effort = True
            due = working_days_after(today, 1)
        else:
            due = working_days_after(today, 2)
            if cutoff is not None:
                due = min(due, cutoff)
    else:
        due = working_days_after(today, 3)
    if start is not None:
        due = min(due, start - dt.timedelta(days=1))
    return max(due, today), best_effort


# --- registering ---------------------------------------------------------------------------------


def _locked_setup(setup_id: int) -> RegistrationSetup:
    """The setup row, locked for the rest of the transaction (PostgreSQL; a no-op on SQLite,
    whose IMMEDIATE transaction already holds the write lock)."""
    return RegistrationSetup.objects.select_for_update().select_related("event").get(pk=setup_id)


def _wants(needs: Iterable[NeedAnswer], need: str) -> bool:
    return any(answer.need == need for answer in needs)


def _allocation(
    setup: RegistrationSetup,
    *,
    seats: int,
    needs: Sequence[NeedAnswer],
    now: dt.datetime,
    current: Room | None = None,
) -> Allocation | None:
    places = places_needed(
        seats=seats,
        assistant=_wants(needs, Need.ASSISTANT),
        assistant_takes_seat=setup.assistant_takes_seat,
    )
    return allocate(
        current or room(setup, now=now),
        places=places,
        wheelchair_user=_wants(needs, Need.WHEELCHAIR),
    )


def _clean_needs(needs: Iterable[NeedAnswer]) -> list[NeedAnswer]:
    """One answer per need, details only where the need has them, in the vocabulary's order."""
    chosen: dict[str, str] = {}
    for answer in needs:
        if answer.need not in Need.values:
            raise RegistrationError("unknown_need", need=answer.need)
        details = answer.details.strip() if answer.need in NEEDS_WITH_DETAILS else ""
        chosen[answer.need] = details
    return [NeedAnswer(need, chosen[need]) for need in Need.values if need in chosen]


def _store_needs(
    registration: Registration, needs: Sequence[NeedAnswer], *, now: dt.datetime
) -> list[AccommodationRequest]:
    today = timezone.localdate(now, WARSAW)
    cases = []
    for answer in needs:
        due, best_effort = due_date(answer.need, setup=registration.setup, today=today)
        cases.append(
            AccommodationRequest(
                registration=registration,
                need=answer.need,
                details=answer.details,
                due_on=due,
                best_effort=best_effort,
                created_at=now,
            )
        )
    return AccommodationRequest.objects.bulk_create(cases)


@retry_when_locked
def register(
    *,
    setup: RegistrationSetup,
    name: str,
    email: str = "",
    phone: str = "",
    contact_preference: str,
    seats: int = 1,
    needs: Sequence[NeedAnswer] = (),
    health_consent: bool = False,
    language: str = "pl",
    idempotency_key: str | None = None,
    channel: str = Channel.ONLINE,
    registered_by: Any = None,
    staff_note: str = "",
    suspicious: bool = False,
    now: dt.datetime | None = None,
) -> Outcome:
    """Register a person (and the people with them) for an event.

    ``suspicious`` (the honeypot was filled in) keeps the registration for a person to check,
    holding no seat. Staff registrations (``registered_by``) may be made while the form is
    closed. Raises ``RegistrationError`` with code "closed", "full" (no waiting list) or
    "too_many_seats".
    """
    clock = now is None
    now = now or timezone.now()
    name, email, phone = name.strip(), email.strip(), phone.strip()
    if not name or not (email or phone):
        raise RegistrationError("missing_contact")
    needs = _clean_needs(needs)
    needs_dropped = bool(needs) and not health_consent
    stored_needs = needs if health_consent else []
    if idempotency_key:
        existing = Registration.objects.filter(idempotency_key=idempotency_key).first()
        if existing is not None:
            return Outcome(existing, "duplicate", needs_dropped=existing.needs_dropped)
    try:
        with transaction.atomic():
            setup = _locked_setup(setup.pk)
            if clock:
                # The time the lock was granted: the waiting list's order is the order in which
                # registrations got in, whoever started first.
                now = timezone.now()
            if idempotency_key:
                # The same form sent again that waited for the lock: the first one is visible
                # now, and it is a duplicate (no "your link again" message), not a twin.
                existing = Registration.objects.filter(idempotency_key=idempotency_key).first()
                if existing is not None:
                    return Outcome(existing, "duplicate", needs_dropped=existing.needs_dropped)
            if not 1 <= seats <= setup.max_seats_per_registration:
                raise RegistrationError("too_many_seats", most=setup.max_seats_per_registration)
            if registered_by is None and setup.state_at(now) != "open":
                raise RegistrationError("closed", state=setup.state_at(now))
            twin = _active_twin(setup, email=email, phone=phone)
            if twin is not None:
                notifications.to_person(twin, MessageKind.LINK_AGAIN, now=now)
                return Outcome(twin, "already_registered")
            allocation = None
            if suspicious:
                status = RegistrationStatus.MODERATION
            else:
                allocation = _allocation(setup, seats=seats, needs=stored_needs, now=now)
                if allocation is not None:
                    status = RegistrationStatus.CONFIRMED
                elif setup.waiting_list:
                    status = RegistrationStatus.WAITING
                else:
                    raise RegistrationError("full")
            registration = Registration.objects.create(
                setup=setup,
                language=language,
                status=status,
                channel=channel,
                name=name,
                email=email,
                phone=phone,
                contact_preference=contact_preference,
                seats=seats,
                seats_held=allocation.seats if allocation else 0,
                wheelchair_spaces_held=allocation.wheelchair if allocation else 0,
                email_key=email_key(email) if email else "",
                phone_key=phone_key(phone) if phone else "",
                idempotency_key=idempotency_key or None,
                health_consent_at=now if stored_needs else None,
                needs_dropped=needs_dropped,
                staff_note=staff_note,
                registered_by=registered_by,
                created_at=now,
                confirmed_at=now if allocation else None,
            )
            cases = _store_needs(registration, stored_needs, now=now)
            kind = {
                RegistrationStatus.CONFIRMED: MessageKind.CONFIRMATION,
                RegistrationStatus.WAITING: MessageKind.WAITING,
                RegistrationStatus.MODERATION: MessageKind.MODERATION,
            }[status]
            notifications.to_person(registration, kind, now=now)
            if cases and status != RegistrationStatus.MODERATION:
                notifications.to_organiser(setup, MessageKind.ORGANISER_ALERT, cases=cases)
    except IntegrityError:
        # A second process sent the same form (idempotency key) or the same e-mail at the same
        # moment and committed first: answer as if this one came second.
        if idempotency_key:
            existing = Registration.objects.filter(idempotency_key=idempotency_key).first()
            if existing is not None:
                return Outcome(existing, "duplicate", needs_dropped=existing.needs_dropped)
        twin = _active_twin(setup, email=email, phone=phone)
        if twin is None:
            raise
        return Outcome(twin, "already_registered")
    return Outcome(
        registration,
        str(status),
        needs_dropped=needs_dropped,
        best_effort=[case.need for case in cases if case.best_effort],
    )


def _active_twin(setup: RegistrationSetup, *, email: str, phone: str) -> Registration | None:
    keys = {}
    if email:
        keys["email_key"] = email_key(email)
    if phone:
        keys["phone_key"] = phone_key(phone)
    for key, value in keys.items():
        if not value:
            continue
        twin = (
            setup.registrations.filter(status__in=ACTIVE_STATUSES, **{key: value})
            .order_by("pk")
            .first()
        )
        if twin is not None:
            return twin
    return None


# --- the waiting list ----------------------------------------------------------------------------


def _promote(setup: RegistrationSetup, *, now: dt.datetime) -> list[Registration]:
    """Confirm waiting registrations in the order they came, each that fits as a whole: a
    group that does not fit the places free keeps its turn, and a smaller registration behind
    it takes them. So a place left free while people wait is one no waiting registration fits,
    and a newcomer who fits may take it. Runs inside the caller's locked transaction."""
    _move_to_wheelchair_spaces(setup, now=now)
    promoted: list[Registration] = []
    waiting = setup.registrations.filter(status=RegistrationStatus.WAITING).order_by(
        "created_at", "pk"
    )
    current = room(setup, now=now)
    for registration in waiting:
        if current.places_free_for_anyone == 0 and current.wheelchair_free == 0:
            break
        needs = needs_of(registration)
        allocation = _allocation(
            setup, seats=registration.seats, needs=needs, now=now, current=current
        )
        if allocation is None:
            continue
        _confirm(registration, allocation, now=now)
        promoted.append(registration)
        notifications.to_person(registration, MessageKind.PROMOTED, now=now)
        current = room(setup, now=now)
    return promoted


def _move_to_wheelchair_spaces(setup: RegistrationSetup, *, now: dt.datetime) -> None:
    """A confirmed person who asked for a wheelchair space when none was free holds an ordinary
    seat; when a wheelchair space frees, they get it first (in the order they were confirmed)
    and are told, and their seat goes to the waiting list. Inside the caller's transaction."""
    current = room(setup, now=now)
    if current.wheelchair_free == 0:
        return
    candidates = (
        setup.registrations.filter(
            status=RegistrationStatus.CONFIRMED,
            wheelchair_spaces_held=0,
            seats_held__gte=1,
            accommodations__need=Need.WHEELCHAIR,
        )
        .distinct()
        .order_by("confirmed_at", "pk")
    )
    for registration in candidates[: current.wheelchair_free]:
        registration.seats_held -= 1
        registration.wheelchair_spaces_held = 1
        registration.save(update_fields=["seats_held", "wheelchair_spaces_held", "updated_at"])
        notifications.to_person(registration, MessageKind.WHEELCHAIR_SPACE, now=now)


def _confirm(registration: Registration, allocation: Allocation, *, now: dt.datetime) -> None:
    registration.status = RegistrationStatus.CONFIRMED
    registration.seats_held = allocation.seats
    registration.wheelchair_spaces_held = allocation.wheelchair
    registration.confirmed_at = now
    registration.save(
        update_fields=[
            "status",
            "seats_held",
            "wheelchair_spaces_held",
            "confirmed_at",
            "updated_at",
        ]
    )


@retry_when_locked
def promote_waiting(*, setup: RegistrationSetup, now: dt.datetime | None = None) -> int:
    """Fill freed places from the waiting list (after a cancellation, a larger capacity, or
    the release of wheelchair spaces). Safe to run again."""
    now = now or timezone.now()
    with transaction.atomic():
        setup = _locked_setup(setup.pk)
        if setup.state_at(now) in ("off",) or setup.event.is_past:
            return 0
        return len(_promote(setup, now=now))


def promote_everywhere(*, now: dt.datetime | None = None) -> int:
    """``promote_waiting`` for every event with a waiting list: run by the schedule, so places
    that free by the clock (wheelchair spaces released to everyone) are filled."""
    now = now or timezone.now()
    setups = RegistrationSetup.objects.filter(
        registrations__status=RegistrationStatus.WAITING
    ).distinct()
    return sum(promote_waiting(setup=setup, now=now) for setup in setups)


def needs_of(registration: Registration) -> list[NeedAnswer]:
    return [NeedAnswer(case.need, case.details) for case in registration.accommodations.all()]


# --- changing and cancelling ---------------------------------------------------------------------


@retry_when_locked
def cancel(
    *, registration: Registration, by_person: bool = True, now: dt.datetime | None = None
) -> Registration:
    """Cancel a registration: its places go to the waiting list at once. The organiser, who
    was told of its accommodation requests, is told they no longer stand (the kinds of need and
    the number), so nothing is arranged for nobody."""
    now = now or timezone.now()
    with transaction.atomic():
        setup = _locked_setup(registration.setup_id)
        registration = Registration.objects.select_for_update().get(pk=registration.pk)
        if registration.status == RegistrationStatus.CANCELLED:
            return registration
        was_confirmed = registration.status == RegistrationStatus.CONFIRMED
        # The organiser was alerted to the requests of an active registration only (not of
        # one awaiting a check).
        told = list(registration.accommodations.all()) if registration.is_active else []
        registration.status = RegistrationStatus.CANCELLED
        registration.seats_held = 0
        registration.wheelchair_spaces_held = 0
        registration.cancelled_at = now
        registration.save(
            update_fields=[
                "status",
                "seats_held",
                "wheelchair_spaces_held",
                "cancelled_at",
                "updated_at",
            ]
        )
        # Open cases are moot once the person does not come.
        registration.accommodations.filter(status=CaseStatus.REQUESTED).delete()
        if by_person:
            notifications.to_person(registration, MessageKind.CANCELLED_BY_PERSON, now=now)
        notifications.requests_withdrawn(setup, told, reason="cancelled")
        if was_confirmed and not setup.event.is_past:
            _promote(setup, now=now)
    return registration


@retry_when_locked
def change(
    *,
    registration: Registration,
    name: str,
    email: str,
    phone: str,
    contact_preference: str,
    seats: int,
    needs: Sequence[NeedAnswer],
    health_consent: bool,
    now: dt.datetime | None = None,
) -> Outcome:
    """Change a registration from its signed link. More seats are given only while they are
    free (``RegistrationError("not_enough_places", free=…)`` otherwise); fewer seats free
    places for the waiting list. Cases of needs kept keep their status; new needs open new
    cases; needs taken away close theirs, and the organiser, who was told of them, is told
    they no longer stand."""
    now = now or timezone.now()
    name, email, phone = name.strip(), email.strip(), phone.strip()
    if not name or not (email or phone):
        raise RegistrationError("missing_contact")
    needs = _clean_needs(needs)
    needs_dropped = bool(needs) and not health_consent
    stored = needs if health_consent else []
    with transaction.atomic():
        setup = _locked_setup(registration.setup_id)
        registration = Registration.objects.select_for_update().get(pk=registration.pk)
        if not registration.is_active:
            raise RegistrationError("not_active")
        if not 1 <= seats <= setup.max_seats_per_registration:
            raise RegistrationError("too_many_seats", most=setup.max_seats_per_registration)
        twin = _active_twin(setup, email=email, phone=phone)
        if twin is not None and twin.pk != registration.pk:
            raise RegistrationError("contact_taken")
        freed = False
        if registration.status == RegistrationStatus.CONFIRMED:
            # Count the room without this registration's own places.
            current = room(setup, now=now)
            without = Room(
                capacity=current.capacity,
                wheelchair=current.wheelchair,
                seats_taken=current.seats_taken - registration.seats_held,
                wheelchair_taken=current.wheelchair_taken - registration.wheelchair_spaces_held,
                held=current.held,
            )
            allocation = _allocation(setup, seats=seats, needs=stored, now=now, current=without)
            if allocation is None:
                free = without.places_free_for_anyone
                raise RegistrationError("not_enough_places", free=free)
            freed = (allocation.seats + allocation.wheelchair) < (
                registration.seats_held + registration.wheelchair_spaces_held
            )
            registration.seats_held = allocation.seats
            registration.wheelchair_spaces_held = allocation.wheelchair
        registration.name = name
        registration.email = email
        registration.phone = phone
        registration.email_key = email_key(email) if email else ""
        registration.phone_key = phone_key(phone) if phone else ""
        registration.contact_preference = contact_preference
        registration.seats = seats
        registration.needs_dropped = needs_dropped
        if stored and registration.health_consent_at is None:
            registration.health_consent_at = now
        if not stored:
            registration.health_consent_at = None
        registration.save()
        kept = {case.need: case for case in registration.accommodations.all()}
        wanted = {answer.need: answer for answer in stored}
        dropped = [case for need, case in kept.items() if need not in wanted]
        AccommodationRequest.objects.filter(
            registration=registration, need__in=set(kept) - set(wanted)
        ).delete()
        new_cases = _store_needs(
            registration, [answer for need, answer in wanted.items() if need not in kept], now=now
        )
        for need, case in kept.items():
            if need in wanted and case.details != wanted[need].details:
                case.details = wanted[need].details
                case.save(update_fields=["details"])
        notifications.to_person(registration, MessageKind.CHANGED, now=now)
        if new_cases and registration.status != RegistrationStatus.MODERATION:
            notifications.to_organiser(setup, MessageKind.ORGANISER_ALERT, cases=new_cases)
        if dropped:
            # Needs taken away, or all of them for want of consent: the organiser knew of them.
            notifications.requests_withdrawn(setup, dropped, reason="changed")
        if freed:
            _promote(setup, now=now)
    return Outcome(registration, str(registration.status), needs_dropped=needs_dropped)


# --- staff ---------------------------------------------------------------------------------------


@retry_when_locked
def answer_case(
    *,
    case: AccommodationRequest,
    status: str,
    answer: str,
    user: Any,
    now: dt.datetime | None = None,
) -> AccommodationRequest:
    """The organiser's answer to a request: the person is told through their chosen channel."""
    now = now or timezone.now()
    if status not in CaseStatus.values:
        raise RegistrationError("unknown_status")
    if status in (CaseStatus.ALTERNATIVE, CaseStatus.DECLINED) and not answer.strip():
        raise RegistrationError("answer_needed")
    with transaction.atomic():
        case = AccommodationRequest.objects.select_for_update().get(pk=case.pk)
        changed = case.status != status or case.answer != answer.strip()
        case.status = status
        case.answer = answer.strip()
        case.answered_at = now if status != CaseStatus.REQUESTED else None
        case.answered_by = user if status != CaseStatus.REQUESTED else None
        case.save()
        if changed and status != CaseStatus.REQUESTED:
            notifications.to_person(
                case.registration, MessageKind.CASE_ANSWERED, now=now, case=case
            )
    return case


@retry_when_locked
def release_moderated(
    *, registration: Registration, accept: bool, now: dt.datetime | None = None
) -> Registration:
    """A person looked at a honeypot hit: accept it (it takes its place as any registration
    would now) or reject it (cancelled, nobody told)."""
    now = now or timezone.now()
    with transaction.atomic():
        setup = _locked_setup(registration.setup_id)
        registration = Registration.objects.select_for_update().get(pk=registration.pk)
        if registration.status != RegistrationStatus.MODERATION:
            return registration
        if not accept:
            registration.status = RegistrationStatus.CANCELLED
            registration.cancelled_at = now
            registration.save(update_fields=["status", "cancelled_at", "updated_at"])
            return registration
        allocation = _allocation(
            setup, seats=registration.seats, needs=needs_of(registration), now=now
        )
        if allocation is not None:
            _confirm(registration, allocation, now=now)
            notifications.to_person(registration, MessageKind.CONFIRMATION, now=now)
        else:
            registration.status = RegistrationStatus.WAITING
            registration.save(update_fields=["status", "updated_at"])
            notifications.to_person(registration, MessageKind.WAITING, now=now)
        cases = list(registration.accommodations.all())
        if cases:
            notifications.to_organiser(setup, MessageKind.ORGANISER_ALERT, cases=cases)
    return registration


def check_in(*, registration: Registration, now: dt.datetime | None = None) -> Registration:
    registration.checked_in_at = now or timezone.now()
    registration.save(update_fields=["checked_in_at", "updated_at"])
    return registration


def mark_contacted(*, message: OutboxMessage, now: dt.datetime | None = None) -> OutboxMessage:
    """Staff contacted the person themselves (a phone or video call, a text message without a
    gateway): the to-do row of the outbox is done. Only a row waiting for staff changes."""
    with transaction.atomic():
        message = OutboxMessage.objects.select_for_update().get(pk=message.pk)
        if message.status == MessageStatus.MANUAL:
            message.status = MessageStatus.DONE
            message.sent_at = now or timezone.now()
            message.save(update_fields=["status", "sent_at"])
    return message


# --- the event changes -------------------------------------------------------------------------


def _state_of(event: EventPage) -> str:
    """What registrants were told of one version of the event: its status, standing dates and
    attendance."""
    schedule = event.schedule
    return "|".join(
        [
            str(event.status),
            "tba" if event.date_to_be_announced else schedule.start_date.isoformat(),
            str(schedule.start_time or ""),
            str(event.effective_attendance_mode),
        ]
    )


def event_state(setup: RegistrationSetup) -> str:
    """What registrants were told of the event, per language: each person reads the version in
    the language they registered in (or the Polish one where there is none), and each version
    is edited on its own, so a cancellation published in English only is news to those who
    registered in English."""
    languages = [code for code, _name in settings.LANGUAGES]
    return "\n".join(
        f"{code}={_state_of(notifications.event_for(setup, code))}" for code in languages
    )


def _states(stored: str) -> dict[str, str]:
    return dict(line.split("=", 1) for line in stored.splitlines() if "=" in line)


def notify_event_change(*, setup: RegistrationSetup) -> int:
    """After a publish: when a version of the event was cancelled, postponed, given a new date
    or moved online since its readers were last told, tell everyone registered in its language.
    Safe to run again."""
    with transaction.atomic():
        setup = _locked_setup(setup.pk)
        state = event_state(setup)
        told = _states(setup.notified_state)
        setup.notified_state = state
        setup.save(update_fields=["notified_state"])
        if not told:
            return 0
        changed = {code for code, now in _states(state).items() if told.get(code, now) != now}
        if not changed:
            return 0
        people = list(setup.registrations.filter(status__in=ACTIVE_STATUSES, language__in=changed))
        for registration in people:
            notifications.to_person(registration, MessageKind.EVENT_CHANGED)
    return len(people)


def registrations_of(setup: RegistrationSetup) -> QuerySet[Registration]:
    return setup.registrations.prefetch_related("accommodations").order_by("created_at", "pk")


def save_setup(*, setup: RegistrationSetup) -> RegistrationSetup:
    """Create or change an event's registration settings. A larger capacity, more wheelchair
    spaces or an earlier release fill places from the waiting list at once."""
    with transaction.atomic():
        setup.full_clean(exclude=["event_key"])
        if not setup.notified_state:
            setup.notified_state = event_state(setup)
        setup.save()
        _promote(_locked_setup(setup.pk), now=timezone.now())
    return setup


COORDINATOR_GROUP = "Koordynatorzy dostępności"
# Who may see accommodation answers (the export's columns, the cases): Django's view permission
# of the model, held by the accessibility coordinators' group.
ACCOMMODATION_PERMISSION = "registrations.view_accommodationrequest"


def ensure_coordinator_group(*, using: str = "default") -> Any:
    """The accessibility coordinators' group, with the permissions to see and answer
    accommodation requests. Runs after every migrate; safe to run again."""
    from django.contrib.auth.models import Group, Permission

    group, _created = Group.objects.using(using).get_or_create(name=COORDINATOR_GROUP)
    permissions = Permission.objects.using(using).filter(
        content_type__app_label="registrations",
        codename__in=["view_accommodationrequest", "change_accommodationrequest"],
    )
    group.permissions.add(*permissions)
    return group


# What the editorial groups may do with registrations. Accommodation answers are not among
# them: only the coordinators' group sees those.
_EDITOR_PERMISSIONS = (
    "add_registrationsetup",
    "change_registrationsetup",
    "view_registrationsetup",
    "add_registration",
    "change_registration",
    "view_registration",
)


def ensure_editor_permissions(*, using: str = "default") -> None:
    """Let the editorial groups (articles.services: the administrators and the bulletin's
    editors; Wagtail's "Editors" and "Moderators" where they exist) run registrations in the
    admin: set up an event's registration, see and export the list, register someone, cancel,
    check in. Administrators may also delete a setup. Runs after every migrate; safe to run
    again."""
    from biuletyn.articles.services import grant_to_editorial_groups

    grant_to_editorial_groups(
        "registrations",
        _EDITOR_PERMISSIONS,
        using=using,
        administrators_also=("delete_registrationsetup",),
    )
