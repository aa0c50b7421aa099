"""The outbox: every message is a row written in the transaction that caused it, and is sent by
the background worker only after that transaction commits (ADR 0011, ADR 0003).

* ``add`` writes the row and, on commit, enqueues ``tasks.task_send_message`` for it. A rolled
  back registration leaves no row and sends nothing.
* ``send`` delivers one row. It claims the row first in a short transaction (row lock, checks
  that it is still pending and due, counts the attempt and pushes ``next_attempt_at`` a lease
  ahead), then talks to the mail server outside any transaction, so a slow server never holds
  the database's write lock. A second run, a second worker or a retry of the task finds the row
  claimed or sent and does nothing. A worker that dies mid-send leaves the row pending: it is
  due again when the lease ends.
* A failure keeps a short error (the exception's class and code, never an address or a text),
  waits ``OUTBOX_RETRY_MINUTES`` and, after ``OUTBOX_MAX_ATTEMPTS``, marks the row failed.
* ``send_due`` (every minute, from ``run_schedule``) sends what is due again.

E-mail goes through Django's mail framework (``EmailMessage``; the ICS file as a text/calendar
attachment). Text messages go to the SMS backend (``sms.py``); without a gateway they become
rows for staff. Phone and video calls are rows for staff from the start (``MessageStatus.MANUAL``).
"""

from __future__ import annotations

import datetime as dt
import logging
from typing import Any

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.db import transaction
from django.utils import timezone

from . import sms
from .enums import MessageChannel, MessageStatus
from .models import OutboxMessage

logger = logging.getLogger(__name__)

# How long a claimed row is left alone before it counts as due again (a worker that died while
# sending). Longer than the mail connection's timeout.
LEASE = dt.timedelta(minutes=10)
MAIL_TIMEOUT_SECONDS = 60
ICS_FILENAME = "wydarzenie.ics"


def add(**fields: Any) -> OutboxMessage:
    """Write a message in the caller's transaction; it is sent after the commit."""
    message = OutboxMessage.objects.create(**fields)
    if message.status == MessageStatus.PENDING:
        message_id = message.pk
        # robust: a queue that fails after the commit must not turn a saved registration into
        # an error page; send_due picks the row up a minute later.
        transaction.on_commit(lambda: _enqueue(message_id), robust=True)
    return message


def _enqueue(message_id: int) -> None:
    from .tasks import task_send_message

    task_send_message.enqueue(message_id)


def retry_delay(attempts: int) -> dt.timedelta:
    """The wait after the ``attempts``-th failed attempt (1, 2, …)."""
    minutes: tuple[int, ...] = tuple(settings.OUTBOX_RETRY_MINUTES)
    return dt.timedelta(minutes=minutes[min(attempts, len(minutes)) - 1])


def describe(error: BaseException) -> str:
    """A short description of a failure that holds no personal data: the exception's class and
    its SMTP or system error code (the messages of SMTP errors name the recipients)."""
    name = type(error).__name__
    code = getattr(error, "smtp_code", None) or getattr(error, "errno", None)
    return f"{name} ({code})" if code else name


def _claim(message_id: int, now: dt.datetime) -> OutboxMessage | None:
    with transaction.atomic():
        message = OutboxMessage.objects.select_for_update().filter(pk=message_id).first()
        if message is None or message.status != MessageStatus.PENDING:
            return None
        if message.next_attempt_at > now:
            return None
        message.attempts += 1
        message.next_attempt_at = now + LEASE
        message.save(update_fields=["attempts", "next_attempt_at"])
        return message


def send(message_id: int, *, now: dt.datetime | None = None) -> str | None:
    """Send one message if it is pending and due; return its new status (None: not touched).
    Safe to run twice, also at the same time."""
    now = now or timezone.now()
    message = _claim(message_id, now)
    if message is None:
        return None
    try:
        status = _deliver(message)
    except Exception as error:
        failure = describe(error)
        with transaction.atomic():
            if message.attempts >= settings.OUTBOX_MAX_ATTEMPTS:
                status = MessageStatus.FAILED
                next_attempt = message.next_attempt_at
            else:
                status = MessageStatus.PENDING
                next_attempt = now + retry_delay(message.attempts)
            OutboxMessage.objects.filter(pk=message.pk).update(
                status=status, last_error=failure[:300], next_attempt_at=next_attempt
            )
        logger.warning(
            "Outbox message %s: attempt %s failed (%s)%s",
            message.pk,
            message.attempts,
            failure,
            ", no more attempts" if status == MessageStatus.FAILED else "",
        )
        return str(status)
    OutboxMessage.objects.filter(pk=message.pk).update(
        status=status,
        sent_at=now if status == MessageStatus.SENT else None,
        last_error="",
    )
    return str(status)


def _deliver(message: OutboxMessage) -> str:
    if message.channel == MessageChannel.SMS:
        sent = sms.get_backend().send(sms.TextMessage(to=message.to, body=message.body))
        return MessageStatus.SENT if sent else MessageStatus.MANUAL
    if message.channel == MessageChannel.MANUAL:
        return MessageStatus.MANUAL
    email = EmailMessage(
        subject=message.subject,
        body=message.body,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[message.to],
        connection=get_connection(timeout=settings.EMAIL_TIMEOUT or MAIL_TIMEOUT_SECONDS),
    )
    if message.ics:
        email.attach(ICS_FILENAME, message.ics, "text/calendar")
    email.send()
    return MessageStatus.SENT


def due(now: dt.datetime) -> list[int]:
    return list(
        OutboxMessage.objects.filter(status=MessageStatus.PENDING, next_attempt_at__lte=now)
        .order_by("next_attempt_at", "pk")
        .values_list("pk", flat=True)
    )


def send_due(*, now: dt.datetime | None = None) -> int:
    """Send every pending message whose time has come (new ones whose task was lost, and
    retries); return how many were sent."""
    now = now or timezone.now()
    return sum(send(message_id, now=now) == MessageStatus.SENT for message_id in due(now))
