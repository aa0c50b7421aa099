"""Seats and wheelchair spaces: who fits, as pure functions over counts (ADR 0011).

An event has ``capacity`` ordinary seats (None: no limit) and, counted apart, ``wheelchair``
spaces. A registration is one unit: the person and the people who come with them get their
places together or wait together.

* A person who needs a wheelchair space takes one while any is free; the people with them take
  seats. When none is free, they take a seat's place like everyone else.
* Free wheelchair spaces are held for people who need them until the release time; after it
  (``held`` False) anyone may take one once the seats are gone.
* A personal assistant takes a seat only when the setup says so (by default they come free).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Room:
    capacity: int | None
    wheelchair: int
    seats_taken: int
    wheelchair_taken: int
    held: bool

    @property
    def seats_free(self) -> int | None:
        if self.capacity is None:
            return None
        return max(self.capacity - self.seats_taken, 0)

    @property
    def wheelchair_free(self) -> int:
        return max(self.wheelchair - self.wheelchair_taken, 0)

    @property
    def places_free_for_anyone(self) -> int | None:
        """Places a person without a wheelchair need can take now."""
        if self.seats_free is None:
            return None
        return self.seats_free + (0 if self.held else self.wheelchair_free)


@dataclass(frozen=True)
class Allocation:
    seats: int
    wheelchair: int


def places_needed(*, seats: int, assistant: bool, assistant_takes_seat: bool) -> int:
    """How many places one registration needs: its seats, and its assistant when counted."""
    return seats + (1 if assistant and assistant_takes_seat else 0)


def allocate(room: Room, *, places: int, wheelchair_user: bool) -> Allocation | None:
    """The seats and wheelchair spaces a registration of ``places`` gets, or None when it does
    not fit as a whole."""
    if places < 1:
        raise ValueError("a registration needs at least one place")
    wheelchair = 1 if wheelchair_user and room.wheelchair_free >= 1 else 0
    rest = places - wheelchair
    if room.capacity is None:
        return Allocation(seats=rest, wheelchair=wheelchair)
    seats_free = room.seats_free or 0
    if rest <= seats_free:
        return Allocation(seats=rest, wheelchair=wheelchair)
    if room.held:
        return None
    # After the release, the remaining wheelchair spaces are places like any other.
    overflow = rest - seats_free
    if overflow <= room.wheelchair_free - wheelchair:
        return Allocation(seats=seats_free, wheelchair=wheelchair + overflow)
    return None
