"""Seats and wheelchair spaces through the registration services and the database (issue 10,
ADR 0011): held wheelchair spaces wait for people who need them, released ones go to anyone,
the release fills them from the waiting list, and any mix of registrations and cancellations
(hypothesis, each example rolled back) keeps the room within its seats.

Personas: a wheelchair user registering late for a nearly full event; a person who comes with
their assistant.
"""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import transaction
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from biuletyn.registrations import services
from biuletyn.registrations.capacity import allocate, places_needed
from biuletyn.registrations.enums import Need, RegistrationStatus
from biuletyn.registrations.models import Registration
from biuletyn.registrations.services import NeedAnswer
from tests.factories.registrations import make_setup, register

pytestmark = pytest.mark.integration

WHEELCHAIR = [NeedAnswer(Need.WHEELCHAIR)]


def test_held_wheelchair_spaces_wait_for_people_who_need_them(event):
    setup = make_setup(event, capacity=2, wheelchair_spaces=1)
    outcomes = [register(setup).result for _ in range(3)]
    assert outcomes == ["confirmed", "confirmed", "waiting"]
    late = register(setup, needs=WHEELCHAIR, health_consent=True)
    assert late.result == "confirmed"
    assert (late.registration.seats_held, late.registration.wheelchair_spaces_held) == (0, 1)
    counts = services.counts(setup)
    assert (counts.seats_taken, counts.wheelchair_taken) == (2, 1)


def test_a_wheelchair_user_and_their_companion_are_placed_together(event):
    setup = make_setup(event, capacity=1, wheelchair_spaces=1)
    outcome = register(setup, seats=2, needs=WHEELCHAIR, health_consent=True)
    assert outcome.result == "confirmed"
    assert (outcome.registration.seats_held, outcome.registration.wheelchair_spaces_held) == (1, 1)
    # Without the seat for the companion, the two wait together.
    second = register(setup, seats=2, needs=WHEELCHAIR, health_consent=True)
    assert second.result == "waiting"
    assert (second.registration.seats_held, second.registration.wheelchair_spaces_held) == (0, 0)


def test_a_need_without_consent_is_not_a_claim_to_a_held_space(event):
    setup = make_setup(event, capacity=1, wheelchair_spaces=1)
    register(setup)
    outcome = register(setup, needs=WHEELCHAIR, health_consent=False)
    assert outcome.needs_dropped
    assert outcome.result == "waiting"


def test_released_spaces_go_to_anyone_once_the_seats_are_gone(event):
    setup = make_setup(
        event,
        capacity=1,
        wheelchair_spaces=2,
        wheelchair_release_at=timezone.now() - dt.timedelta(hours=1),
    )
    outcomes = [register(setup) for _ in range(4)]
    assert [outcome.result for outcome in outcomes] == [
        "confirmed",
        "confirmed",
        "confirmed",
        "waiting",
    ]
    assert [outcome.registration.wheelchair_spaces_held for outcome in outcomes[:3]] == [0, 1, 1]


def test_the_release_fills_the_spaces_from_the_waiting_list(event):
    release = timezone.now() + dt.timedelta(days=3)
    setup = make_setup(event, capacity=1, wheelchair_spaces=1, wheelchair_release_at=release)
    register(setup)
    waiting = register(setup).registration
    assert waiting.status == RegistrationStatus.WAITING

    assert services.promote_waiting(setup=setup, now=release - dt.timedelta(minutes=1)) == 0
    assert services.promote_waiting(setup=setup, now=release + dt.timedelta(minutes=1)) == 1
    promoted = Registration.objects.get(pk=waiting.pk)
    assert promoted.status == RegistrationStatus.CONFIRMED
    assert promoted.wheelchair_spaces_held == 1
    # Run again: nothing more to do.
    assert services.promote_waiting(setup=setup, now=release + dt.timedelta(minutes=2)) == 0


def test_an_assistant_takes_a_seat_only_when_the_setup_says_so(event):
    setup = make_setup(event, capacity=2, assistant_takes_seat=True)
    outcome = register(setup, seats=1, needs=[NeedAnswer(Need.ASSISTANT)], health_consent=True)
    assert outcome.registration.seats_held == 2
    assert register(setup).result == "waiting"


# --- any mix of registrations and cancellations -------------------------------------------------

steps = st.lists(
    st.one_of(
        st.tuples(st.just("register"), st.integers(1, 3), st.booleans(), st.booleans()),
        st.tuples(st.just("cancel"), st.integers(0, 20), st.just(False), st.just(False)),
    ),
    min_size=1,
    max_size=10,
)


def check_the_room(setup, *, now):
    setup.refresh_from_db()
    counts = services.counts(setup)
    assert counts.seats_taken <= setup.capacity
    assert counts.wheelchair_taken <= setup.wheelchair_spaces
    held = setup.wheelchair_spaces_held(now)
    for registration in setup.registrations.prefetch_related("accommodations"):
        needs = {case.need for case in registration.accommodations.all()}
        places = places_needed(
            seats=registration.seats,
            assistant=Need.ASSISTANT in needs,
            assistant_takes_seat=setup.assistant_takes_seat,
        )
        if registration.status == RegistrationStatus.CONFIRMED:
            # All the group's places, never a part of them.
            held_places = registration.seats_held + registration.wheelchair_spaces_held
            assert held_places == places
            if held:
                assert registration.wheelchair_spaces_held <= (Need.WHEELCHAIR in needs)
        else:
            assert registration.seats_held == registration.wheelchair_spaces_held == 0
    first_waiting = setup.registrations.filter(status=RegistrationStatus.WAITING).first()
    if first_waiting is not None:
        # The head of the queue really does not fit (or it would have been promoted).
        needs = {case.need for case in first_waiting.accommodations.all()}
        places = places_needed(
            seats=first_waiting.seats,
            assistant=Need.ASSISTANT in needs,
            assistant_takes_seat=setup.assistant_takes_seat,
        )
        room = services.room(setup, now=now)
        assert allocate(room, places=places, wheelchair_user=Need.WHEELCHAIR in needs) is None


@settings(
    max_examples=12,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    capacity=st.integers(1, 5),
    wheelchair=st.integers(0, 2),
    released=st.booleans(),
    queue=steps,
)
def test_any_mix_of_registrations_and_cancellations_keeps_the_room(
    event, capacity, wheelchair, released, queue
):
    now = timezone.now()
    release = now - dt.timedelta(hours=1) if released else None
    with transaction.atomic():
        setup = make_setup(
            event, capacity=capacity, wheelchair_spaces=wheelchair, wheelchair_release_at=release
        )
        people: list[Registration] = []
        for action, number, wheelchair_user, assistant in queue:
            if action == "register":
                needs = [NeedAnswer(Need.WHEELCHAIR)] if wheelchair_user else []
                needs += [NeedAnswer(Need.ASSISTANT)] if assistant else []
                outcome = register(setup, seats=number, needs=needs, health_consent=True)
                people.append(outcome.registration)
            elif people:
                services.cancel(registration=people.pop(number % len(people)))
            check_the_room(setup, now=timezone.now())
        transaction.set_rollback(True)
