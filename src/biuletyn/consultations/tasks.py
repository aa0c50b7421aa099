"""Background work of consultations (ADR 0003): each task takes ids (or nothing) and calls a
service. ``run_schedule`` enqueues ``task_erase_due`` every hour; the service removes only what
is due and is safe to run again."""

from __future__ import annotations

from django_tasks import task

from . import services


@task()
def task_erase_due() -> int:
    """Commenters' e-mail addresses past ``CONSULTATION_CONTACT_DAYS`` after their report, and
    comments never confirmed; returns how many reports had their contacts erased."""
    return services.erase_due()
