"""ADR 0006: SQLite in WAL mode with IMMEDIATE transactions and a busy timeout, so that
concurrent writers (web workers and the task worker) queue instead of failing."""

from __future__ import annotations

import sys
import threading
import time
import uuid
from pathlib import Path

import pytest
from django.db import OperationalError, connections, transaction

from biuletyn.settings.database import database_settings, sqlite_settings

pytestmark = pytest.mark.integration


@pytest.fixture
def sqlite_file(tmp_path: Path, django_db_blocker):
    """A SQLite file of its own, configured the way production's is when DATABASE_URL is unset
    (the test database may be PostgreSQL)."""
    # A fresh alias each time: ``connections`` keeps the wrapper of an alias it has seen, and
    # an id() can come back, which would reuse the last test's connection and file.
    alias = f"wal_{uuid.uuid4().hex}"
    connections.settings[alias] = {
        **connections.settings["default"],
        **sqlite_settings(tmp_path / "db.sqlite3"),
        "TEST": {},
    }
    with django_db_blocker.unblock():
        yield alias
        connections[alias].close()
    del connections[alias]
    del connections.settings[alias]


def test_database_url_selects_postgresql_and_its_absence_sqlite(tmp_path):
    postgres = database_settings("postgres://postgres@127.0.0.1:5432/test", tmp_path / "x")
    sqlite = database_settings("", tmp_path / "x")

    assert postgres["ENGINE"] == "django.db.backends.postgresql"
    assert sqlite["ENGINE"] == "django.db.backends.sqlite3"


def _count(alias: str) -> int:
    with connections[alias].cursor() as cursor:
        return cursor.execute("SELECT count(*) FROM note").fetchone()[0]


def test_a_writer_commits_while_a_reader_is_half_way_through(sqlite_file):
    """WAL: a page being read never holds up an editor's save, and reads a consistent state."""
    reader = f"{sqlite_file}_reader"
    connections.settings[reader] = dict(connections.settings[sqlite_file])
    try:
        with connections[sqlite_file].cursor() as cursor:
            cursor.execute("CREATE TABLE note (text TEXT)")
            cursor.executemany("INSERT INTO note VALUES (%s)", [("a",), ("b",), ("c",)])
        with connections[reader].cursor() as reading:
            reading.execute("SELECT text FROM note ORDER BY text")
            first = reading.fetchone()
            # The reader's statement is still open. In rollback-journal mode this commit would
            # wait for it to finish, then fail.
            with transaction.atomic(using=sqlite_file), connections[sqlite_file].cursor() as cur:
                cur.execute("INSERT INTO note VALUES ('d')")
            rest = reading.fetchall()
        after = _count(reader)
    finally:
        connections[reader].close()
        del connections[reader]
        del connections.settings[reader]

    assert [first, *rest] == [("a",), ("b",), ("c",)]
    assert after == 4


def _inside_begin(thread: threading.Thread) -> bool:
    """Whether ``thread`` is starting a transaction (Django's BEGIN under autocommit)."""
    frame = sys._current_frames().get(thread.ident or 0)
    while frame is not None:
        if frame.f_code.co_name == "_start_transaction_under_autocommit":
            return True
        frame = frame.f_back
    return False


def test_a_second_writer_waits_for_the_first_instead_of_failing(sqlite_file):
    with connections[sqlite_file].cursor() as cursor:
        cursor.execute("CREATE TABLE note (text TEXT)")
    outcome: list[object] = []

    def second_writer() -> None:
        try:
            with transaction.atomic(using=sqlite_file):
                # Starts only once the first writer has committed, so it sees its note.
                outcome.append(_count(sqlite_file))
                with connections[sqlite_file].cursor() as cursor:
                    cursor.execute("INSERT INTO note VALUES ('second')")
        except BaseException as exc:
            outcome.append(exc)
        finally:
            connections[sqlite_file].close()

    second = threading.Thread(target=second_writer)
    with transaction.atomic(using=sqlite_file):
        with connections[sqlite_file].cursor() as cursor:
            cursor.execute("INSERT INTO note VALUES ('first')")
        second.start()
        # Hold the write lock until the second writer is asking for it.
        while second.is_alive() and not _inside_begin(second):
            time.sleep(0.001)
        still_waiting = second.is_alive()
    second.join()

    assert still_waiting, f"the second writer gave up while the first wrote: {outcome}"
    assert outcome == [1]
    assert _count(sqlite_file) == 2


def test_without_the_busy_timeout_the_second_writer_would_fail(sqlite_file):
    """The lock the test above waits for is real: a connection that does not wait fails."""
    impatient = f"{sqlite_file}_impatient"
    options = {**connections.settings[sqlite_file]["OPTIONS"], "timeout": 0}
    options["init_command"] = options["init_command"].replace(
        "busy_timeout=20000", "busy_timeout=0"
    )
    connections.settings[impatient] = {**connections.settings[sqlite_file], "OPTIONS": options}
    with connections[sqlite_file].cursor() as cursor:
        cursor.execute("CREATE TABLE note (text TEXT)")
    try:
        with transaction.atomic(using=sqlite_file):
            with connections[sqlite_file].cursor() as cursor:
                cursor.execute("INSERT INTO note VALUES ('first')")
            with (
                pytest.raises(OperationalError, match="database is locked"),
                transaction.atomic(using=impatient),
            ):
                pass
    finally:
        connections[impatient].close()
        del connections[impatient]
        del connections.settings[impatient]


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
