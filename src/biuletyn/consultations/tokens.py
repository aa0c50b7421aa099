"""The signed link of a comment's confirmation e-mail: ``django.core.signing`` over the comment's
public id, salted, with a timestamp; it works ``CONSULTATION_CONFIRM_DAYS`` days."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.core import signing

_SALT = "biuletyn.consultations.confirm"


def make(public_id: uuid.UUID) -> str:
    return signing.TimestampSigner(salt=_SALT).sign(public_id.hex)


def read(token: str) -> uuid.UUID | None:
    """The comment's public id, or None when the token is tampered with or expired."""
    try:
        value = signing.TimestampSigner(salt=_SALT).unsign(
            token, max_age=settings.CONSULTATION_CONFIRM_DAYS * 24 * 3600
        )
        return uuid.UUID(hex=value)
    except (signing.BadSignature, ValueError):
        return None
