"""The outbox (issue 10, ADR 0011, ADR 0003): a message is sent only after the transaction that
wrote it commits, never for a rolled-back one; a failure is retried with the configured waits,
then marked failed; sending twice sends once; a failure leaves a short error without personal
data, in the row and in the log."""

from __future__ import annotations

import datetime as dt
import logging
import smtplib

import pytest
from django.core import mail
from django.core.mail.backends.base import BaseEmailBackend
from django.db import transaction
from django.utils import timezone

from biuletyn.registrations import outbox
from biuletyn.registrations.enums import MessageKind, MessageStatus, Need
from biuletyn.registrations.models import OutboxMessage, Registration
from biuletyn.registrations.services import NeedAnswer
from tests.factories.registrations import register

pytestmark = pytest.mark.integration

BROKEN = "tests.registrations.test_outbox.RefusingBackend"
ADDRESS = "anna.kowalska@example.org"


class RefusingBackend(BaseEmailBackend):
    """A mail server that refuses the recipient, naming them in the error (as SMTP servers do)."""

    def send_messages(self, email_messages):
        raise smtplib.SMTPRecipientsRefused({ADDRESS: (550, b"no such user anna.kowalska")})


class DownBackend(BaseEmailBackend):
    def send_messages(self, email_messages):
        raise ConnectionRefusedError(111, "Connection refused")


def test_a_message_is_sent_only_after_the_commit(setup, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        outcome = register(setup, email=ADDRESS)
        message = outcome.registration.messages.get()
        assert message.status == MessageStatus.PENDING
        assert mail.outbox == []
    assert mail.outbox == []
    assert len(callbacks) == 1

    callbacks[0]()

    message.refresh_from_db()
    assert message.status == MessageStatus.SENT
    assert message.sent_at is not None
    assert message.attempts == 1
    [sent] = mail.outbox
    assert sent.to == [ADDRESS]
    assert sent.subject == message.subject


def test_a_rolled_back_transaction_sends_nothing(setup, django_capture_on_commit_callbacks):
    def register_then_fail():
        with transaction.atomic():
            register(setup, email=ADDRESS)
            raise RuntimeError("the view failed after the service")

    with django_capture_on_commit_callbacks(execute=True) as callbacks, pytest.raises(RuntimeError):
        register_then_fail()
    assert callbacks == []
    assert not Registration.objects.exists()
    assert not OutboxMessage.objects.exists()
    assert mail.outbox == []


def test_a_failure_is_retried_with_the_configured_waits_then_marked_failed(setup, settings):
    settings.EMAIL_BACKEND = "tests.registrations.test_outbox.DownBackend"
    settings.OUTBOX_RETRY_MINUTES = (1, 5, 15)
    settings.OUTBOX_MAX_ATTEMPTS = 4
    message = register(setup).registration.messages.get()
    start = timezone.now() + dt.timedelta(seconds=1)

    assert outbox.send(message.pk, now=start) == MessageStatus.PENDING
    message.refresh_from_db()
    assert message.attempts == 1
    assert message.next_attempt_at == start + dt.timedelta(minutes=1)
    assert message.last_error == "ConnectionRefusedError (111)"

    # Not due yet: nothing happens, however often it is asked.
    assert outbox.send(message.pk, now=start + dt.timedelta(seconds=59)) is None
    assert outbox.send_due(now=start + dt.timedelta(seconds=59)) == 0

    moments = []
    now = start
    for _attempt in range(3):
        now = OutboxMessage.objects.get(pk=message.pk).next_attempt_at
        moments.append(now)
        outbox.send_due(now=now)
    message.refresh_from_db()
    assert [b - a for a, b in zip([start, *moments], moments, strict=False)] == [
        dt.timedelta(minutes=1),
        dt.timedelta(minutes=5),
        dt.timedelta(minutes=15),
    ]
    assert message.attempts == 4
    assert message.status == MessageStatus.FAILED
    assert outbox.send_due(now=now + dt.timedelta(days=1)) == 0
    assert mail.outbox == []


def test_a_failure_keeps_no_personal_data(setup, settings, caplog):
    settings.EMAIL_BACKEND = BROKEN
    message = register(setup, email=ADDRESS).registration.messages.get()
    with caplog.at_level(logging.INFO):
        outbox.send(message.pk)
    message.refresh_from_db()
    assert message.last_error == "SMTPRecipientsRefused"
    assert "anna" not in caplog.text.lower()
    assert f"Outbox message {message.pk}" in caplog.text


def test_sending_twice_sends_once(setup):
    message = register(setup).registration.messages.get()
    assert outbox.send(message.pk) == MessageStatus.SENT
    assert outbox.send(message.pk) is None
    assert outbox.send_due() == 0
    assert len(mail.outbox) == 1


def test_a_claimed_message_is_left_alone_until_its_lease_ends(setup):
    """A worker that died while sending: the row is due again once the lease is over."""
    message = register(setup).registration.messages.get()
    now = timezone.now() + dt.timedelta(seconds=1)
    claimed = outbox._claim(message.pk, now)
    assert claimed is not None
    assert outbox.send_due(now=now + dt.timedelta(minutes=1)) == 0
    assert outbox.send_due(now=now + outbox.LEASE) == 1
    assert len(mail.outbox) == 1


def test_send_due_sends_what_a_lost_task_left_behind(setup):
    outcome = register(setup)
    register(setup)
    assert OutboxMessage.objects.filter(status=MessageStatus.PENDING).count() == 2
    assert outbox.send_due(now=timezone.now() + dt.timedelta(seconds=1)) == 2
    assert {m.to[0] for m in mail.outbox} >= {outcome.registration.email}
    assert not OutboxMessage.objects.filter(status=MessageStatus.PENDING).exists()


def test_the_organisers_alert_goes_through_the_outbox_too(
    setup, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        register(setup, needs=[NeedAnswer(Need.CAPTIONS)], health_consent=True)
    kinds = sorted(OutboxMessage.objects.values_list("kind", "status"))
    assert kinds == [
        (MessageKind.CONFIRMATION, MessageStatus.SENT),
        (MessageKind.ORGANISER_ALERT, MessageStatus.SENT),
    ]
    assert {m.to[0] for m in mail.outbox} >= {"organizator@rowne-szanse.example"}
