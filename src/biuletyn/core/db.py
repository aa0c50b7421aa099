"""Database helpers every app shares.

``retry_when_locked``: SQLite (the embedded default) has one write lock. A writer waits for it
up to the busy timeout (settings/database.py), but SQLite does not queue the waiters: whoever
retries first gets the lock, so in a rush (two hundred people registering in the same minute)
one unlucky writer can keep losing until its wait runs out and it fails with "database is
locked". A short transaction that failed that way did nothing, so running it again is safe;
this does so a few times before giving up. PostgreSQL queues lock waiters and never raises it.
"""

from __future__ import annotations

import functools
import random
import time
from collections.abc import Callable
from typing import ParamSpec, TypeVar

from django.db import OperationalError, connection

P = ParamSpec("P")
R = TypeVar("R")

ATTEMPTS = 4


def _locked(error: OperationalError) -> bool:
    return connection.vendor == "sqlite" and "database is locked" in str(error)


def retry_when_locked(function: Callable[P, R]) -> Callable[P, R]:
    """Run ``function`` (which opens its own short transaction) again when SQLite's write lock
    could not be had. Inside an outer transaction it is never retried: that transaction is
    already broken, and only its owner can start again."""

    @functools.wraps(function)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        for attempt in range(1, ATTEMPTS + 1):
            try:
                return function(*args, **kwargs)
            except OperationalError as error:
                if attempt == ATTEMPTS or connection.in_atomic_block or not _locked(error):
                    raise
                time.sleep(random.uniform(0.05, 0.25) * attempt)  # noqa: S311 (not security)
        raise AssertionError("unreachable")

    return wrapper
