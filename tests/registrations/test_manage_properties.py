"""Property: whatever reaches the change form of a person's signed link (Polish diacritics,
right-to-left text, 10 000 characters, emoji, empty, whitespace, NUL characters, wrong choices),
the answer is never a 500 and never a half-written row: either the form comes back with its
errors (or, for needs ticked without consent, with the one-time warning) and the registration
and its cases are exactly as they were, or the registration is changed whole, its needs stored
only under consent (issue 10, "Tests"). Each example runs in its
own transaction, rolled back after it.

Persona: a person who mends their registration on a phone and types something unexpected."""

from __future__ import annotations

import pytest
from django.db import transaction
from django.urls import reverse
from django.utils import translation
from hypothesis import given
from hypothesis import strategies as st

from biuletyn.registrations import tokens
from biuletyn.registrations.enums import Need
from biuletyn.registrations.models import AccommodationRequest, Registration
from biuletyn.registrations.services import NeedAnswer
from tests.factories.registrations import register
from tests.registrations.strategies import FORM_EXAMPLES, person_data
from tests.strategies import EMAIL as ANY_EMAIL

pytestmark = pytest.mark.integration

EMAIL = ANY_EMAIL | st.just("taken@example.org")  # one of them another person's

# The registration's own columns a failed change must leave as they were.
COLUMNS = [
    "status",
    "name",
    "email",
    "phone",
    "contact_preference",
    "seats",
    "seats_held",
    "wheelchair_spaces_held",
    "email_key",
    "phone_key",
    "health_consent_at",
    "needs_dropped",
]


@pytest.fixture
def mine(event):
    from tests.factories.registrations import make_setup

    setup = make_setup(event, capacity=3)
    register(setup, email="taken@example.org")
    outcome = register(
        setup,
        name="Anna Nowak",
        email="anna@example.org",
        seats=2,
        needs=[NeedAnswer(Need.PJM), NeedAnswer(Need.DIET, "wegańska")],
        health_consent=True,
    )
    return outcome.registration


@pytest.fixture
def path(mine):
    token = tokens.make(mine.public_id, tokens.Purpose.VIEW)
    with translation.override("pl"):
        return reverse("registrations:manage_change", kwargs={"token": token})


def snapshot(registration: Registration) -> tuple[dict, list]:
    row = Registration.objects.values(*COLUMNS).get(pk=registration.pk)
    cases = list(
        AccommodationRequest.objects.filter(registration=registration)
        .order_by("pk")
        .values("pk", "need", "details", "status", "due_on")
    )
    return row, cases


@FORM_EXAMPLES
@given(person=person_data(email=EMAIL), warned=st.booleans())
def test_never_a_500_and_never_a_half_written_row(client, mine, path, person, warned):
    # Sent again after the warning about needs without consent.
    data = {**person, "consent_warned": "1" if warned else None}
    data = {field: value for field, value in data.items() if value is not None}
    with transaction.atomic():
        before = snapshot(mine)
        response = client.post(path, data)
        assert response.status_code in (200, 302), response.status_code
        if response.status_code == 200:
            html = response.content.decode()
            assert "app-error-summary" in html or (
                not warned and "app-notification-banner--warning" in html
            )
            assert snapshot(mine) == before
        else:
            changed = Registration.objects.get(pk=mine.pk)
            cases = list(changed.accommodations.all())
            assert changed.name == person["name"].strip()
            assert changed.email or changed.phone
            assert changed.is_active
            assert 1 <= changed.seats <= changed.setup.max_seats_per_registration
            # Never more seats held than the room has.
            held = sum(
                Registration.objects.filter(setup=changed.setup, status="confirmed").values_list(
                    "seats_held", flat=True
                )
            )
            assert held <= 3
            if cases:
                assert changed.health_consent_at is not None
            if changed.health_consent_at is None:
                assert cases == []
            assert len({case.need for case in cases}) == len(cases)
        transaction.set_rollback(True)
