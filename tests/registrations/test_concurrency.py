"""No overbooking, ever (issue 10, ADR 0011, ADR 0006): many people registering for the same
event at the same moment, each through their own database connection, as the web server's
workers do.

The services count the seats and insert in one short transaction that first locks the event's
setup row: ``SELECT … FOR UPDATE`` on PostgreSQL (under READ COMMITTED the statements after the
lock see every row committed before it), and on SQLite the IMMEDIATE transaction of ADR 0006,
which takes the write lock at BEGIN (a second writer waits up to the 20 s busy timeout, never
fails with "database is locked"). The same test runs on both databases (CI's two passes; locally
``DATABASE_URL=postgres://… pytest tests/registrations/test_concurrency.py -s``) and prints its
figures, which the closing note of issue 10 quotes.

Personas: 200 people who saw the event announced and all pressed "Zapisz się" at once; one
person who double-clicked twenty times.
"""

from __future__ import annotations

import threading
import time
from collections import Counter
from collections.abc import Callable, Iterable
from typing import Any

import pytest
from django.db import connection

from biuletyn.registrations import services
from biuletyn.registrations.enums import ContactPreference, RegistrationStatus
from biuletyn.registrations.models import Registration, RegistrationSetup
from tests.factories.registrations import make_setup

# One worker runs these one after another: two crowds at once would only measure each other
# (and on PostgreSQL add up their connections).
pytestmark = [
    pytest.mark.integration,
    pytest.mark.django_db(transaction=True),
    pytest.mark.xdist_group("registration_concurrency"),
]

# Threads at once: enough to crowd the lock, few enough for PostgreSQL's max_connections (100)
# with the other test workers' connections.
THREADS = 32


def run_together(jobs: Iterable[Callable[[], Any]], *, threads: int = THREADS) -> dict[str, Any]:
    """Run ``jobs`` on ``threads`` threads that start at the same moment (a barrier), each with
    its own database connection, closed when the thread ends. Returns the results in job order,
    the errors and the wall-clock time."""
    jobs = list(jobs)
    results: list[Any] = [None] * len(jobs)
    errors: list[str] = []
    barrier = threading.Barrier(threads)
    lock = threading.Lock()

    def worker(offset: int) -> None:
        try:
            barrier.wait()
            for index in range(offset, len(jobs), threads):
                try:
                    results[index] = jobs[index]()
                except Exception as error:
                    with lock:
                        errors.append(f"{type(error).__name__}: {error}")
        finally:
            connection.close()

    started = time.perf_counter()
    pool = [threading.Thread(target=worker, args=(offset,)) for offset in range(threads)]
    for thread in pool:
        thread.start()
    for thread in pool:
        thread.join()
    return {"results": results, "errors": errors, "seconds": time.perf_counter() - started}


def registering(setup: RegistrationSetup, number: int, **fields: Any) -> Callable[[], str]:
    def job() -> str:
        values: dict[str, Any] = {
            "name": f"Osoba Równoległa {number}",
            "email": f"rownolegla{number}@example.org",
            "contact_preference": ContactPreference.EMAIL,
            "idempotency_key": f"form-{number}",
            **fields,
        }
        return services.register(setup=setup, **values).result

    return job


def figures(setup: RegistrationSetup) -> services.Counts:
    return services.counts(RegistrationSetup.objects.get(pk=setup.pk))


def report(record_property: Callable[[str, Any], None], name: str, **values: Any) -> None:
    line = ", ".join(f"{key}={value}" for key, value in values.items())
    print(f"\n[{connection.vendor}] {name}: {line}")
    for key, value in values.items():
        record_property(f"{name}.{key}", value)


def test_200_people_at_once_for_50_seats_make_50_confirmed_and_150_waiting(event, record_property):
    setup = make_setup(event, capacity=50)
    run = run_together(registering(setup, number) for number in range(200))

    outcomes = Counter(run["results"])
    counts = figures(setup)
    report(
        record_property,
        "200_for_50",
        vendor=connection.vendor,
        threads=THREADS,
        seconds=f"{run['seconds']:.2f}",
        confirmed=counts.confirmed,
        seats_taken=counts.seats_taken,
        waiting=counts.waiting,
        errors=len(run["errors"]),
    )
    assert run["errors"] == []
    assert outcomes == {"confirmed": 50, "waiting": 150}
    assert (counts.confirmed, counts.seats_taken, counts.waiting) == (50, 50, 150)
    # Inserts happen one at a time, under the lock: the first 50 rows written hold the seats.
    rows = list(Registration.objects.filter(setup=setup).order_by("pk"))
    assert [row.status for row in rows] == ["confirmed"] * 50 + ["waiting"] * 150


def test_cancellations_and_registrations_at_once_never_overbook(event, record_property):
    setup = make_setup(event, capacity=50)
    for number in range(80):
        registering(setup, number)()
    confirmed = list(Registration.objects.filter(setup=setup, status=RegistrationStatus.CONFIRMED))
    waiting = list(Registration.objects.filter(setup=setup, status=RegistrationStatus.WAITING))
    assert (len(confirmed), len(waiting)) == (50, 30)

    def cancelling(registration: Registration) -> Callable[[], str]:
        def job() -> str:
            return services.cancel(registration=registration).status

        return job

    # 20 confirmed and 10 waiting people cancel while 40 new people register, interleaved.
    jobs: list[Callable[[], Any]] = []
    cancels = [cancelling(r) for r in confirmed[:20]] + [cancelling(r) for r in waiting[:10]]
    news = [registering(setup, number) for number in range(1000, 1040)]
    for index in range(max(len(cancels), len(news))):
        jobs.extend(cancels[index : index + 1] + news[index : index + 1])
    run = run_together(jobs)

    counts = figures(setup)
    active = 80 - 30 + 40
    report(
        record_property,
        "cancel_and_register",
        vendor=connection.vendor,
        seconds=f"{run['seconds']:.2f}",
        confirmed=counts.confirmed,
        seats_taken=counts.seats_taken,
        waiting=counts.waiting,
        errors=len(run["errors"]),
    )
    assert run["errors"] == []
    assert counts.seats_taken <= 50
    # Enough people wait, so every freed seat was filled from the queue: exactly full.
    assert (counts.confirmed, counts.seats_taken, counts.waiting) == (50, 50, active - 50)
    seats = sum(
        Registration.objects.filter(setup=setup, status="confirmed").values_list(
            "seats_held", flat=True
        )
    )
    assert seats == 50


def test_the_same_form_sent_from_20_threads_at_once_makes_one_registration(setup, record_property):
    run = run_together(
        [registering(setup, 7, idempotency_key="one-form") for _ in range(20)], threads=20
    )
    outcomes = Counter(run["results"])
    report(
        record_property,
        "same_form_20",
        vendor=connection.vendor,
        seconds=f"{run['seconds']:.2f}",
        registrations=Registration.objects.count(),
        outcomes=dict(outcomes),
        errors=len(run["errors"]),
    )
    assert run["errors"] == []
    assert Registration.objects.count() == 1
    # A double click is the same form: the others see it as already sent, and no "your link
    # again" message goes out for it.
    assert outcomes == {"confirmed": 1, "duplicate": 19}


def test_the_same_email_from_20_threads_at_once_makes_one_registration(setup, record_property):
    run = run_together(
        [registering(setup, number, email="Ta.Sama@Example.org ") for number in range(2000, 2020)],
        threads=20,
    )
    outcomes = Counter(run["results"])
    report(
        record_property,
        "same_email_20",
        vendor=connection.vendor,
        seconds=f"{run['seconds']:.2f}",
        registrations=Registration.objects.count(),
        outcomes=dict(outcomes),
        errors=len(run["errors"]),
    )
    assert run["errors"] == []
    assert Registration.objects.count() == 1
    assert outcomes == {"confirmed": 1, "already_registered": 19}
