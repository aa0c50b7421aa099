"""The timer fetches the sources (issue 12, ADR 0003 "The timer"): ``run_schedule --once``
enqueues ``task_fetch_all``, which runs at once in the test settings and brings every active
source's new items into the review queue; an inactive source is left alone, a failing one is
recorded without stopping the others, and a second run brings nothing twice."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.management import call_command
from django_tasks import task_backends

from biuletyn.registrations.management.commands.run_schedule import JOBS
from biuletyn.sources.models import ItemState, SourceItem
from biuletyn.sources.tasks import task_fetch_all

pytestmark = pytest.mark.integration


def test_the_schedule_enqueues_the_fetch_every_hour(settings, db):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    call_command("run_schedule", "--once", verbosity=0)

    enqueued = [result.task.name for result in task_backends["default"].results]
    assert enqueued.count("task_fetch_all") == 1
    [job] = [job for job in JOBS if job.task is task_fetch_all]
    assert job.every == dt.timedelta(hours=1)


def test_the_schedule_fetches_the_active_sources(local_server, closed_url, make_source):
    city = make_source(local_server.url("miasto.rss"))
    broken = make_source(closed_url, name="Zepsute", attribution="zepsute.example")
    paused = make_source(
        local_server.url("organizacja.atom"),
        name="Wstrzymane",
        attribution="razem.example",
        active=False,
    )

    call_command("run_schedule", "--once", verbosity=0)  # tasks run at once in tests

    assert SourceItem.objects.filter(source=city, state=ItemState.TO_REVIEW).count() == 2
    city.refresh_from_db()
    broken.refresh_from_db()
    paused.refresh_from_db()
    assert (city.last_ok, city.last_new) == (True, 2)
    assert broken.last_ok is False
    assert broken.last_error != ""
    assert paused.last_fetched_at is None
    assert not SourceItem.objects.filter(source=paused).exists()
    assert not any(request["path"].endswith(".atom") for request in local_server.requests)


def test_the_task_is_safe_to_run_again(local_server, make_source):
    make_source(local_server.url("miasto.rss"))
    assert task_fetch_all.call() == 2
    assert task_fetch_all.call() == 0
    assert SourceItem.objects.count() == 2
