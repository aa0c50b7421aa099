"""Registrations for tests: an event with registration switched on, and people registering
through the same service the form calls."""

from __future__ import annotations

import itertools
import uuid
from typing import Any

from django.urls import resolve

from biuletyn.events.models import EventPage
from biuletyn.registrations import services, tokens
from biuletyn.registrations.enums import ContactPreference
from biuletyn.registrations.models import Registration, RegistrationSetup

_people = itertools.count(1)


def make_setup(event: EventPage, **fields: Any) -> RegistrationSetup:
    """Registration for ``event``: open now, 50 seats, a waiting list, a named controller."""
    defaults: dict[str, Any] = {
        "capacity": 50,
        "controller": "Fundacja Równe Szanse, ul. Narutowicza 4, 20-016 Lublin",
        "controller_contact": "iod@rowne-szanse.example",
        "organiser_email": "organizator@rowne-szanse.example",
    }
    return services.save_setup(setup=RegistrationSetup(event=event, **{**defaults, **fields}))


def form_url(event: EventPage) -> str:
    """The registration form of ``event``, in the event's language."""
    return f"{event.url}{event.reverse_subpage('registration')}"


def form_fields(**overrides: object) -> dict[str, object]:
    """What a person sends through the registration form: Anna Kowalska, by e-mail, one seat,
    no needs. An override of None leaves the field out."""
    data: dict[str, object] = {
        "name": "Anna Kowalska",
        "email": "anna@example.org",
        "phone": "",
        "contact_preference": "email",
        "seats": "1",
        "idempotency_key": uuid.uuid4().hex,
        "fax": "",
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def register(setup: RegistrationSetup, **fields: Any) -> services.Outcome:
    """A person registering online with an e-mail address of their own."""
    number = next(_people)
    defaults: dict[str, Any] = {
        "name": f"Osoba Testowa {number}",
        "email": f"osoba{number}@example.org",
        "contact_preference": ContactPreference.EMAIL,
    }
    return services.register(setup=setup, **{**defaults, **fields})


def link_target(
    location: str, purpose: tokens.Purpose = tokens.Purpose.VIEW
) -> tuple[str, Registration | None]:
    """The view a signed link (a redirect's ``Location``) opens, and for which registration.

    Compare links this way, never as strings: a token carries the second it was made, so two
    links to the same page differ when they were made a second apart."""
    match = resolve(location.split("?", 1)[0])
    public_id = tokens.read(match.kwargs["token"], purpose)
    return match.view_name, Registration.objects.filter(public_id=public_id).first()
