"""Background work of registrations (ADR 0003): each task takes ids (or nothing) and calls a
service. The outbox enqueues ``task_send_message`` after a commit; ``run_schedule`` enqueues
the rest. Every service here checks the current state and is safe to run again."""

from __future__ import annotations

from django_tasks import task

from . import notifications, outbox, services


@task()
def task_send_message(message_id: int) -> str | None:
    return outbox.send(message_id)


@task()
def task_send_due() -> int:
    return outbox.send_due()


@task()
def task_send_reminders() -> int:
    return notifications.send_reminders()


@task()
def task_send_digests() -> int:
    return notifications.send_digests()


@task()
def task_purge_due() -> int:
    """The purge of personal data that is due; returns how many purge records it left."""
    # Imported when it runs: the purge's module is not needed to load the tasks.
    from .privacy import purge_due

    return len(purge_due(trigger="schedule"))


@task()
def task_promote_waiting() -> int:
    """Fill places freed by the clock (released wheelchair spaces) from the waiting lists."""
    return services.promote_everywhere()
