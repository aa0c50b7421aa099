"""Database settings: SQLite when DATABASE_URL is unset (embedded, nothing to install), otherwise
whatever DATABASE_URL names (PostgreSQL in production). ADR 0006."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import dj_database_url


def sqlite_settings(path: Path) -> dict[str, Any]:
    """SQLite tuned for a web server with several worker processes and a task worker.

    WAL lets readers go on while one writer writes. IMMEDIATE transactions take the write lock
    when the transaction starts, so a second writer waits (up to the busy timeout) instead of
    failing half-way with "database is locked".
    """
    return {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": path,
        "OPTIONS": {
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
            "init_command": (
                "PRAGMA journal_mode=WAL;"
                "PRAGMA synchronous=NORMAL;"
                "PRAGMA foreign_keys=ON;"
                "PRAGMA busy_timeout=20000;"
            ),
        },
    }


def database_settings(database_url: str, sqlite_path: Path) -> dict[str, Any]:
    if database_url:
        return dict(dj_database_url.parse(database_url, conn_max_age=600, conn_health_checks=True))
    return sqlite_settings(sqlite_path)
