"""A task that exists only for the tests of ADR 0003."""

from django_tasks import task


@task()
def task_add(a: int, b: int) -> int:
    return a + b
