"""Background work of the republishing sources (ADR 0003, ADR 0013): ``run_schedule`` enqueues
``task_fetch_all`` every hour. The service fetches every active source on its own, keeps only
what is new (by address and by content), and is safe to run again."""

from __future__ import annotations

from django_tasks import task

from . import services


@task()
def task_fetch_all() -> int:
    """Fetch every active source; returns how many new items wait for review."""
    return sum(outcome.new for outcome in services.fetch_all())
