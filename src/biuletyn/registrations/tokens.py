"""Signed links for a person's registration, one purpose each (ADR 0011).

A token is ``django.core.signing`` over the registration's public id, salted with its purpose,
with a timestamp: a view token never works as a cancel or an export token, and each expires.

* ``view``: the link in every message; shows the registration, its cases and the forms to
  change it. Lives until the registration's personal data is gone.
* ``cancel`` and ``export``: made fresh by the view page for its buttons; short-lived, so a
  forwarded page cannot cancel or download much later.
"""

from __future__ import annotations

import uuid
from enum import StrEnum

from django.conf import settings
from django.core import signing


class Purpose(StrEnum):
    VIEW = "view"
    CANCEL = "cancel"
    EXPORT = "export"


def _max_age(purpose: Purpose) -> int:
    days: dict[str, int] = settings.REGISTRATION_TOKEN_DAYS
    return days[purpose.value] * 24 * 3600


def _signer(purpose: Purpose) -> signing.TimestampSigner:
    return signing.TimestampSigner(salt=f"biuletyn.registrations.{purpose.value}")


def make(public_id: uuid.UUID, purpose: Purpose) -> str:
    return _signer(purpose).sign(public_id.hex)


def read(token: str, purpose: Purpose) -> uuid.UUID | None:
    """The public id a token was made for, or None when it is tampered with, expired or made
    for another purpose."""
    try:
        value = _signer(purpose).unsign(token, max_age=_max_age(purpose))
        return uuid.UUID(hex=value)
    except (signing.BadSignature, ValueError):
        return None


def read_expired(token: str, purpose: Purpose) -> uuid.UUID | None:
    """The public id of a token that is genuine and of this purpose but past its expiry (None
    for any other token): the page can then say the link is too old, not that it is wrong."""
    if read(token, purpose) is not None:
        return None
    try:
        return uuid.UUID(hex=_signer(purpose).unsign(token))
    except (signing.BadSignature, ValueError):
        return None
