"""``retry_when_locked`` runs a short transaction again when SQLite's write lock could not be
had, and only then: never for another error, never inside an outer transaction, never on
PostgreSQL, and not for ever."""

from __future__ import annotations

import pytest
from django.db import OperationalError, connection, transaction

from biuletyn.core import db


def failing(times: int, message: str = "database is locked"):
    calls = []

    @db.retry_when_locked
    def work() -> str:
        calls.append(1)
        if len(calls) <= times:
            raise OperationalError(message)
        return "done"

    return work, calls


@pytest.fixture(autouse=True)
def _quick(monkeypatch):
    monkeypatch.setattr(db.time, "sleep", lambda seconds: None)


@pytest.fixture
def sqlite(monkeypatch):
    """The message is SQLite's; on the PostgreSQL pass the connection is told it is SQLite."""
    monkeypatch.setattr(connection, "vendor", "sqlite")


@pytest.mark.usefixtures("sqlite")
def test_a_locked_database_is_tried_again():
    work, calls = failing(2)
    assert work() == "done"
    assert len(calls) == 3


@pytest.mark.usefixtures("sqlite")
def test_it_gives_up_after_a_few_attempts():
    work, calls = failing(10)
    with pytest.raises(OperationalError):
        work()
    assert len(calls) == db.ATTEMPTS


def test_postgresql_is_never_retried(monkeypatch):
    monkeypatch.setattr(connection, "vendor", "postgresql")
    work, calls = failing(1)
    with pytest.raises(OperationalError):
        work()
    assert len(calls) == 1


@pytest.mark.usefixtures("sqlite")
def test_another_error_is_never_retried():
    work, calls = failing(1, "no such table: registrations_registration")
    with pytest.raises(OperationalError):
        work()
    assert len(calls) == 1


@pytest.mark.usefixtures("sqlite")
@pytest.mark.django_db
def test_inside_an_outer_transaction_it_is_never_retried():
    work, calls = failing(1)
    with transaction.atomic(), pytest.raises(OperationalError):
        work()
    assert len(calls) == 1
