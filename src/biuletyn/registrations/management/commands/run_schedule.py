"""``manage.py run_schedule``: the timer for scheduled work (ADR 0003, "The timer").

It does no work itself: each round it enqueues the tasks whose time has come, and the task
worker (``db_worker``) runs them. Every job is safe to run again, so a restart (which enqueues
everything at once) or two schedulers by mistake cost a few empty queries, never a second
message.

* send_due, every minute: outbox rows due for a retry, or whose task was lost;
* reminders, every 15 minutes: the day-before reminder (each registration once);
* digests, every hour: the organisers' daily list of overdue requests (once a day per event);
* purge, every hour: personal data past its time (each purge leaves a record);
* waiting lists, every 5 minutes: places that free by the clock (wheelchair spaces released to
  everyone) go to the first in line;
* consultations' erasure, every hour: commenters' e-mail addresses once their report is
  ``CONSULTATION_CONTACT_DAYS`` old, and comments never confirmed (issue 11);
* sources, every hour: the republishing sources fetched into the review queue (issue 12).

``--once`` enqueues every job once and exits (tests, or cron if a deployment prefers it).
"""

from __future__ import annotations

import datetime as dt
import time
from dataclasses import dataclass
from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.utils import timezone
from django_tasks.base import Task

from biuletyn.consultations import tasks as consultation_tasks
from biuletyn.registrations import tasks
from biuletyn.sources import tasks as source_tasks


@dataclass(frozen=True)
class Job:
    name: str
    task: Task[Any, Any]
    every: dt.timedelta


JOBS = (
    Job("send_due", tasks.task_send_due, dt.timedelta(minutes=1)),
    Job("reminders", tasks.task_send_reminders, dt.timedelta(minutes=15)),
    Job("digests", tasks.task_send_digests, dt.timedelta(hours=1)),
    Job("purge", tasks.task_purge_due, dt.timedelta(hours=1)),
    Job("waiting_lists", tasks.task_promote_waiting, dt.timedelta(minutes=5)),
    Job("consultation_erasure", consultation_tasks.task_erase_due, dt.timedelta(hours=1)),
    Job("sources", source_tasks.task_fetch_all, dt.timedelta(hours=1)),
)


def run_round(next_due: dict[str, dt.datetime], now: dt.datetime) -> list[str]:
    """Enqueue each job due at ``now``; return their names."""
    enqueued = []
    for job in JOBS:
        if now >= next_due.get(job.name, now):
            job.task.enqueue()
            next_due[job.name] = now + job.every
            enqueued.append(job.name)
    return enqueued


class Command(BaseCommand):
    help = (
        "Enqueue scheduled work (outbox retries, reminders, digests, purges, consultations' "
        "erasure) on time."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--once", action="store_true", help="Enqueue every job once, exit.")
        parser.add_argument(
            "--tick",
            type=float,
            default=60.0,
            help="Seconds to sleep between rounds (default 60).",
        )

    def handle(self, *args: Any, once: bool, tick: float, **options: Any) -> None:
        next_due: dict[str, dt.datetime] = {}
        verbosity = options.get("verbosity", 1)
        if once:
            names = run_round(next_due, timezone.now())
            if verbosity > 0:
                self.stdout.write(f"Enqueued: {', '.join(names)}.")
            return
        self.stdout.write(
            "Scheduler started: " + ", ".join(f"{job.name} every {job.every}" for job in JOBS) + "."
        )
        try:
            while True:
                names = run_round(next_due, timezone.now())
                if names and verbosity > 1:
                    self.stdout.write(f"Enqueued: {', '.join(names)}.")
                time.sleep(tick)
        except KeyboardInterrupt:
            self.stdout.write("Scheduler stopped.")
