"""Seats and wheelchair spaces as pure functions (issue 10, ADR 0011), checked over many rooms
and many queues with hypothesis: never more seats or wheelchair spaces than exist, a group
gets all its places or none, held wheelchair spaces never go to people without the need, and
released ones can.

Personas: a wheelchair user who must find their space still free, and a person who comes with
two companions and must not be split from them.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from biuletyn.registrations.capacity import Room, allocate, places_needed

pytestmark = pytest.mark.unit


@st.composite
def rooms(draw: st.DrawFn) -> Room:
    capacity = draw(st.none() | st.integers(0, 40))
    wheelchair = draw(st.integers(0, 6))
    seats_taken = draw(st.integers(0, capacity if capacity is not None else 60))
    return Room(
        capacity=capacity,
        wheelchair=wheelchair,
        seats_taken=seats_taken,
        wheelchair_taken=draw(st.integers(0, wheelchair)),
        held=draw(st.booleans()),
    )


places = st.integers(1, 8)


@given(room=rooms(), places=places, wheelchair_user=st.booleans())
def test_an_allocation_never_exceeds_what_is_free_and_is_all_or_nothing(
    room, places, wheelchair_user
):
    allocation = allocate(room, places=places, wheelchair_user=wheelchair_user)
    if allocation is None:
        return
    # The whole group, not a part of it.
    assert allocation.seats + allocation.wheelchair == places
    assert allocation.seats >= 0
    assert 0 <= allocation.wheelchair <= room.wheelchair_free
    if room.capacity is not None:
        assert allocation.seats <= room.seats_free


@given(room=rooms(), places=places)
def test_held_spaces_never_go_to_people_without_the_need(room, places):
    held = Room(**{**room.__dict__, "held": True})
    allocation = allocate(held, places=places, wheelchair_user=False)
    if allocation is not None:
        assert allocation.wheelchair == 0


@given(room=rooms(), places=places)
def test_while_held_a_wheelchair_user_takes_one_space_and_their_companions_take_seats(room, places):
    held = Room(**{**room.__dict__, "held": True})
    allocation = allocate(held, places=places, wheelchair_user=True)
    if allocation is not None:
        assert allocation.wheelchair == (1 if held.wheelchair_free else 0)


@given(room=rooms(), places=places, wheelchair_user=st.booleans())
def test_a_refusal_means_the_group_really_does_not_fit(room, places, wheelchair_user):
    allocation = allocate(room, places=places, wheelchair_user=wheelchair_user)
    if room.capacity is None:
        assert allocation is not None
        return
    own_space = 1 if wheelchair_user and room.wheelchair_free else 0
    open_spaces = 0 if room.held else room.wheelchair_free - own_space
    fits = places - own_space <= room.seats_free + open_spaces
    assert (allocation is not None) == fits


@given(
    capacity=st.integers(0, 10),
    wheelchair=st.integers(1, 4),
    places=st.integers(1, 4),
)
def test_released_spaces_can_go_to_anyone_once_the_seats_are_gone(capacity, wheelchair, places):
    full = Room(
        capacity=capacity, wheelchair=wheelchair, seats_taken=capacity, wheelchair_taken=0,
        held=False,
    )  # fmt: skip
    allocation = allocate(full, places=places, wheelchair_user=False)
    if places <= wheelchair:
        assert allocation is not None
        assert allocation.wheelchair == places
    else:
        assert allocation is None
    held = Room(**{**full.__dict__, "held": True})
    assert allocate(held, places=places, wheelchair_user=False) is None


# A queue of registrations and cancellations, applied one after another to a room.
operations = st.lists(
    st.one_of(
        st.tuples(st.just("register"), places, st.booleans()),
        st.tuples(st.just("cancel"), st.integers(0, 50), st.just(False)),
        st.tuples(st.just("release"), st.just(0), st.just(False)),
    ),
    max_size=60,
)


@settings(max_examples=300)
@given(
    capacity=st.none() | st.integers(1, 20),
    wheelchair=st.integers(0, 4),
    queue=operations,
)
def test_a_queue_of_registrations_never_overbooks(capacity, wheelchair, queue):
    held = True
    confirmed: list[tuple[int, int, bool]] = []  # (seats, wheelchair spaces, needs one)
    for operation, number, wheelchair_user in queue:
        if operation == "release":
            held = False
            continue
        if operation == "cancel":
            if confirmed:
                confirmed.pop(number % len(confirmed))
            continue
        room = Room(
            capacity=capacity,
            wheelchair=wheelchair,
            seats_taken=sum(seats for seats, _, _ in confirmed),
            wheelchair_taken=sum(spaces for _, spaces, _ in confirmed),
            held=held,
        )
        allocation = allocate(room, places=number, wheelchair_user=wheelchair_user)
        if allocation is None:
            continue
        assert allocation.seats + allocation.wheelchair == number
        confirmed.append((allocation.seats, allocation.wheelchair, wheelchair_user))
        if capacity is not None:
            assert sum(seats for seats, _, _ in confirmed) <= capacity
        assert sum(spaces for _, spaces, _ in confirmed) <= wheelchair
        if held:
            # While held, a space has only ever gone to someone who needs it, one each.
            assert allocation.wheelchair <= (1 if wheelchair_user else 0)


@pytest.mark.parametrize(
    ("seats", "assistant", "counted", "needed"),
    [(1, False, False, 1), (1, True, False, 1), (1, True, True, 2), (3, True, True, 4)],
)
def test_an_assistant_counts_only_when_the_setup_says_so(seats, assistant, counted, needed):
    assert places_needed(seats=seats, assistant=assistant, assistant_takes_seat=counted) == needed


def test_a_registration_needs_at_least_one_place():
    room = Room(capacity=5, wheelchair=0, seats_taken=0, wheelchair_taken=0, held=True)
    with pytest.raises(ValueError, match="at least one"):
        allocate(room, places=0, wheelchair_user=False)
