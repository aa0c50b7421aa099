"""Property: whatever reaches the registration form's POST (Polish diacritics, right-to-left
text, 10 000 characters, emoji, empty, whitespace, NUL characters, wrong choices), the answer is
never a 500 and never a half-written row: either the form comes back with its errors and nothing
is stored, or exactly one registration is stored, whole, with its needs only under consent
(issue 10, "Tests"). Each example runs in its own transaction, rolled back after it.

Persona: everyone who types something unexpected, and a robot."""

from __future__ import annotations

import uuid

import pytest
from django.core.cache import cache
from django.db import transaction
from hypothesis import given
from hypothesis import strategies as st

from biuletyn.registrations.models import AccommodationRequest, OutboxMessage, Registration
from tests.registrations.strategies import FORM_EXAMPLES, person_data

pytestmark = pytest.mark.integration

HONEYPOT = st.sampled_from(["", "", "", "http://spam.example", "\x00"])
KEY = st.sampled_from([None, "", "zz", "x" * 10_000]) | st.builds(lambda: uuid.uuid4().hex)


@pytest.fixture
def url(setup, event):
    return f"{event.url}zapisy/"


@FORM_EXAMPLES
@given(person=person_data(), fax=HONEYPOT, key=KEY, warned=st.sampled_from([None, "", "1"]))
def test_never_a_500_and_never_a_half_written_row(client, url, person, fax, key, warned):
    data = {**person, "fax": fax, "idempotency_key": key, "consent_warned": warned}
    data = {field: value for field, value in data.items() if value is not None}
    cache.clear()  # the rate limits: every example is a first attempt
    with transaction.atomic():
        response = client.post(url, data)
        assert response.status_code in (200, 303), response.status_code
        registrations = list(Registration.objects.all())
        cases = list(AccommodationRequest.objects.all())
        if response.status_code == 200:
            html = response.content.decode()
            # An error, or the one warning that needs without consent would not be stored.
            assert "app-error-summary" in html or "app-notification-banner--warning" in html
            assert registrations == []
            assert cases == []
            assert not OutboxMessage.objects.exists()
        else:
            assert len(registrations) == 1
            registration = registrations[0]
            assert registration.name == person["name"].strip()
            assert registration.email or registration.phone
            assert all(case.registration_id == registration.pk for case in cases)
            if cases:
                assert registration.health_consent_at is not None
            if registration.health_consent_at is None:
                assert cases == []
        transaction.set_rollback(True)
