"""Text messages, through a pluggable backend (``settings.SMS_BACKEND``, ADR 0011).

Without a gateway (the default ``ManualBackend``) a text message is not sent: its outbox row
becomes "for staff to contact the person" and shows in the admin, so someone sends it from the
office phone. A gateway's backend subclasses ``BaseBackend`` and sends; ``LocmemBackend`` keeps
what it was given, for tests.

A backend gets only the number and the text, never the registration, and must not log either.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from django.conf import settings
from django.utils.module_loading import import_string


@dataclass(frozen=True)
class TextMessage:
    to: str
    body: str


class BaseBackend:
    """Sends one text message. ``send`` returns True when the message went out, False when it
    is left for staff to send by hand; an exception means "try again later"."""

    def send(self, message: TextMessage) -> bool:
        raise NotImplementedError


class ManualBackend(BaseBackend):
    """No gateway: staff send the text themselves (the outbox row shows it to them)."""

    def send(self, message: TextMessage) -> bool:
        return False


class LocmemBackend(BaseBackend):
    """Keeps every message in ``LocmemBackend.outbox``, as Django's locmem mail backend does."""

    outbox: ClassVar[list[TextMessage]] = []

    def send(self, message: TextMessage) -> bool:
        LocmemBackend.outbox.append(message)
        return True


def get_backend() -> BaseBackend:
    backend_class = import_string(settings.SMS_BACKEND)
    backend: BaseBackend = backend_class()
    return backend
