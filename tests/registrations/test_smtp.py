"""The outbox through a real SMTP server (issue 10): a registration's confirmation leaves the
worker through Django's SMTP backend and arrives at a mail server on loopback (aiosmtpd), with
its calendar file as a text/calendar attachment and the signed link in the text."""

from __future__ import annotations

import email
import email.policy
import socket
from collections.abc import Iterator

import pytest
from aiosmtpd.controller import Controller
from icalendar import Calendar

from biuletyn.registrations.enums import MessageStatus
from tests.factories.registrations import register

pytestmark = pytest.mark.integration


class Mailbox:
    """An aiosmtpd handler (its hook is named handle_DATA) that keeps every message it gets."""

    def __init__(self) -> None:
        self.received: list[tuple[str, list[str], bytes]] = []

    async def handle_DATA(self, server, session, envelope):
        self.received.append((envelope.mail_from, list(envelope.rcpt_tos), envelope.content))
        return "250 Message accepted for delivery"


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture
def smtp_server(settings) -> Iterator[Mailbox]:
    mailbox = Mailbox()
    controller = Controller(mailbox, hostname="127.0.0.1", port=free_port())
    controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = controller.port
    settings.EMAIL_USE_TLS = False
    settings.EMAIL_USE_SSL = False
    settings.EMAIL_HOST_USER = ""
    settings.EMAIL_HOST_PASSWORD = ""
    settings.EMAIL_TIMEOUT = 10
    try:
        yield mailbox
    finally:
        controller.stop()


def test_a_confirmation_arrives_with_its_calendar_file(
    setup, event, smtp_server, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        outcome = register(setup, email="zofia.zak@example.org", name="Zofia Żak")
    message = outcome.registration.messages.get()
    message.refresh_from_db()
    assert message.status == MessageStatus.SENT

    [(sender, recipients, content)] = smtp_server.received
    assert sender == "biuletyn@localhost"
    assert recipients == ["zofia.zak@example.org"]
    parsed = email.message_from_bytes(content, policy=email.policy.default)
    assert parsed["Subject"] == f"Zgłoszenie potwierdzone: {event.title}"
    body = parsed.get_body(preferencelist=("plain",))
    assert body is not None
    text = body.get_content()
    assert "http://localhost/" in text
    assert event.title in text
    [attachment] = list(parsed.iter_attachments())
    assert attachment.get_content_type() == "text/calendar"
    assert attachment.get_filename().endswith(".ics")
    calendar = Calendar.from_ical(attachment.get_content())
    [vevent] = calendar.walk("VEVENT")
    assert str(vevent["UID"]) == str(event.translation_key)
    assert str(vevent["SUMMARY"]) == event.title
