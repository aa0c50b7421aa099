"""Reads of registrations (ADR 0011)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .models import RegistrationSetup

if TYPE_CHECKING:
    from biuletyn.events.models import EventPage


def setup_for(event: EventPage) -> RegistrationSetup | None:
    """The registration of an event, whichever language version it is asked for."""
    return (
        RegistrationSetup.objects.select_related("event")
        .filter(event_key=event.translation_key)
        .first()
    )
