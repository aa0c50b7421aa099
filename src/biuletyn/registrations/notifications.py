"""Messages to people who registered and to organisers: written into the outbox in the caller's
transaction, sent by the worker after the commit (ADR 0011).

PLACEHOLDER: the full version (templates per kind in the person's language, the ICS
attachment, the chosen channel, SMS backends) replaces these two functions.
"""

from __future__ import annotations

from typing import Any

from .models import OutboxMessage, Registration, RegistrationSetup


def to_person(registration: Registration, kind: str, **context: Any) -> list[OutboxMessage]:
    if not registration.email:
        return []
    return [
        OutboxMessage.objects.create(
            kind=kind,
            registration=registration,
            setup_id=registration.setup_id,
            to=registration.email,
            subject=str(kind),
            body=str(kind),
        )
    ]


def to_organiser(setup: RegistrationSetup, kind: str, **context: Any) -> list[OutboxMessage]:
    address = setup.organiser_email or getattr(setup.event.contact, "email", "")
    if not address:
        return []
    return [
        OutboxMessage.objects.create(
            kind=kind, setup=setup, to=address, subject=str(kind), body=str(kind)
        )
    ]
