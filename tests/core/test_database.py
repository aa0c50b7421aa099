"""ADR 0006: SQLite in WAL mode with IMMEDIATE transactions and a busy timeout, so that
concurrent writers (web workers and the task worker) queue instead of failing."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest
from django.db import connections, transaction

from biuletyn.settings.database import database_settings, sqlite_settings

pytestmark = pytest.mark.integration


@pytest.fixture
def sqlite_file(tmp_path: Path, django_db_blocker):
    """A file-based SQLite connection configured like the default one when DATABASE_URL is
    unset (the test database itself may be in memory or PostgreSQL)."""
    alias = f"wal_{id(tmp_path)}"
    connections.settings[alias] = {
        **connections.settings["default"],
        **sqlite_settings(tmp_path / "db.sqlite3"),
        "TEST": {},
    }
    with django_db_blocker.unblock():
        yield alias
        connections[alias].close()
    del connections.settings[alias]


def test_database_url_selects_postgresql_and_its_absence_sqlite(tmp_path):
    postgres = database_settings("postgres://postgres@127.0.0.1:5432/test", tmp_path / "x")
    sqlite = database_settings("", tmp_path / "x")

    assert postgres["ENGINE"] == "django.db.backends.postgresql"
    assert sqlite["ENGINE"] == "django.db.backends.sqlite3"
    assert sqlite["OPTIONS"]["transaction_mode"] == "IMMEDIATE"


def test_sqlite_connection_is_in_wal_mode_with_a_busy_timeout(sqlite_file):
    with connections[sqlite_file].cursor() as cursor:
        journal_mode = cursor.execute("PRAGMA journal_mode").fetchone()[0]
        busy_timeout = cursor.execute("PRAGMA busy_timeout").fetchone()[0]

    assert journal_mode == "wal"
    assert busy_timeout == 20000


def test_concurrent_writers_wait_for_each_other_instead_of_failing(sqlite_file):
    with connections[sqlite_file].cursor() as cursor:
        cursor.execute("CREATE TABLE counter (n INTEGER)")
        cursor.execute("INSERT INTO counter VALUES (0)")
    errors: list[BaseException] = []

    def add_one(times: int) -> None:
        try:
            for _ in range(times):
                # Read-then-write: with deferred transactions the second writer would fail to
                # upgrade its read lock ("database is locked"); IMMEDIATE makes it wait.
                with (
                    transaction.atomic(using=sqlite_file),
                    connections[sqlite_file].cursor() as cursor,
                ):
                    n = cursor.execute("SELECT n FROM counter").fetchone()[0]
                    time.sleep(0.001)
                    cursor.execute("UPDATE counter SET n = %s", [n + 1])
        except BaseException as exc:
            errors.append(exc)
        finally:
            connections[sqlite_file].close()

    threads = [threading.Thread(target=add_one, args=(25,)) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    with connections[sqlite_file].cursor() as cursor:
        total = cursor.execute("SELECT n FROM counter").fetchone()[0]
    assert errors == []
    assert total == 100
