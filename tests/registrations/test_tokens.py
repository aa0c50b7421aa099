"""Signed links (issue 10, ADR 0011): a token works only for the purpose it was made for, only
untouched, and only until it expires; a good one gives back the registration's public id."""

from __future__ import annotations

import time
import uuid

import pytest
from django.core import signing

from biuletyn.registrations import tokens
from biuletyn.registrations.tokens import Purpose

pytestmark = pytest.mark.unit

PUBLIC_ID = uuid.UUID("5f0c6a52-8d0e-4b43-9a51-2f7f3c1d9e10")
DAY = 24 * 3600


def made_at(seconds_ago: int, purpose: Purpose) -> str:
    """A token made ``seconds_ago``, the way ``tokens.make`` makes it."""
    signer = tokens._signer(purpose)
    then = int(time.time()) - seconds_ago
    signer.timestamp = lambda: signing.b62_encode(then)  # type: ignore[method-assign]
    return signer.sign(PUBLIC_ID.hex)


@pytest.mark.parametrize("purpose", list(Purpose))
def test_a_good_token_gives_back_the_public_id(purpose):
    assert tokens.read(tokens.make(PUBLIC_ID, purpose), purpose) == PUBLIC_ID


@pytest.mark.parametrize("purpose", list(Purpose))
def test_a_token_for_another_purpose_is_refused(purpose):
    token = tokens.make(PUBLIC_ID, purpose)
    for other in Purpose:
        if other != purpose:
            assert tokens.read(token, other) is None


def test_a_tampered_token_is_refused():
    token = tokens.make(PUBLIC_ID, Purpose.VIEW)
    value, timestamp, signature = token.split(":")
    other_id = uuid.UUID("00000000-0000-4000-8000-000000000001").hex
    flipped = signature[:-1] + ("A" if signature[-1] != "A" else "B")
    for tampered in (
        f"{other_id}:{timestamp}:{signature}",
        f"{value}:{timestamp}:{flipped}",
        f"{value}:{signing.b62_encode(int(time.time()) + 1000)}:{signature}",
        f"{value}:{signature}",
        token + "x",
        "",
        "not-a-token",
        "ąę:€:🙂",
    ):
        assert tokens.read(tampered, Purpose.VIEW) is None


def test_a_token_signed_with_another_key_is_refused(settings):
    token = tokens.make(PUBLIC_ID, Purpose.VIEW)
    settings.SECRET_KEY = "another-secret-key-for-this-test"
    assert tokens.read(token, Purpose.VIEW) is None


@pytest.mark.parametrize(
    ("purpose", "days"), [(Purpose.VIEW, 400), (Purpose.CANCEL, 1), (Purpose.EXPORT, 1)]
)
def test_a_token_works_until_its_purpose_expires(settings, purpose, days):
    settings.REGISTRATION_TOKEN_DAYS = {"view": 400, "cancel": 1, "export": 1}
    # A minute of slack either side: the check is by whole seconds at the time of reading.
    assert tokens.read(made_at(days * DAY - 60, purpose), purpose) == PUBLIC_ID
    assert tokens.read(made_at(days * DAY + 60, purpose), purpose) is None


def test_the_lifetime_follows_the_setting(settings):
    token = made_at(3 * DAY, Purpose.CANCEL)
    settings.REGISTRATION_TOKEN_DAYS = {"view": 400, "cancel": 1, "export": 1}
    assert tokens.read(token, Purpose.CANCEL) is None
    settings.REGISTRATION_TOKEN_DAYS = {"view": 400, "cancel": 7, "export": 1}
    assert tokens.read(token, Purpose.CANCEL) == PUBLIC_ID
