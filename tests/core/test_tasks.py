"""ADR 0003: background work goes through django-tasks. Tests run tasks at once; `make run` and
production use the database backend and its worker (`manage.py db_worker`)."""

from __future__ import annotations

import pytest
from django.core.management import call_command
from django_tasks import task_backends
from django_tasks.backends.immediate import ImmediateBackend
from django_tasks_db.models import DBTaskResult

from biuletyn.settings import base
from tests.core import tasks_for_tests

pytestmark = pytest.mark.integration


def test_tests_run_tasks_at_once():
    result = tasks_for_tests.task_add.enqueue(2, 3)

    assert isinstance(task_backends["default"], ImmediateBackend)
    assert result.return_value == 5


@pytest.mark.django_db(transaction=True)
def test_database_worker_runs_a_task_enqueued_with_the_production_backend(settings):
    # The worker closes and reopens connections, so the test cannot sit inside a transaction.
    # The backend `make run` and `make serve` use, exactly as the shared settings define it.
    settings.TASKS = {**settings.TASKS, "database": base.TASKS["default"]}
    result = tasks_for_tests.task_add.using(backend="database").enqueue(20, 22)
    assert DBTaskResult.objects.get(id=result.id).status == "READY"

    call_command("db_worker", "--batch", "--backend", "database", "--no-startup-delay", verbosity=0)

    stored = DBTaskResult.objects.get(id=result.id)
    assert stored.status == "SUCCESSFUL"
    assert stored.return_value == 42
