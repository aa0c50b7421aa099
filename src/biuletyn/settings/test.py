"""pytest: the same stack as production with fast password hashing, in-process caches and tasks
run at once, so that a test sees the effect of a task it enqueued."""

import atexit
import os
import shutil
import tempfile
from pathlib import Path

from .base import *
from .base import DATABASES, LOGGING

DEBUG = False
SECRET_KEY = "test-only-not-secret"  # noqa: S105
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
ALLOWED_HOSTS = ["*"]
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "default"},
}
# Tests that exercise the page cache turn it on for themselves, with a directory of their own.
PAGE_CACHE_ENABLED = False
PAGE_CACHE_DIR = Path(tempfile.gettempdir()) / f"biuletyn-test-pages-{os.getpid()}"
# Uploaded images and their renditions go to a throw-away folder per test process.
MEDIA_ROOT = Path(tempfile.gettempdir()) / f"biuletyn-test-media-{os.getpid()}"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# Static files straight from the apps' folders, no collectstatic needed.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
# Wagtail enqueues a task on every page save; their INFO lines would drown test output.
LOGGING["loggers"]["django_tasks"]["level"] = "WARNING"  # type: ignore[index]

# The SQLite test database is a file, like production's, with production's OPTIONS (WAL, busy
# timeout, IMMEDIATE transactions) on every connection, the live server's threads included. An
# in-memory database would be shared with the live server in shared-cache mode, where a writer
# that meets a table lock fails at once ("database table is locked") instead of waiting.
# One folder per pytest run: the first process to load these settings (pytest, or the xdist
# controller before it starts its workers) makes it and passes it on in the environment;
# pytest-django appends the worker's name (_gw0, _gw1 ...) to the file name. The process that
# made the folder removes it, with the -wal and -shm files SQLite leaves, when it exits.
TEST_DB_DIR_VARIABLE = "BIULETYN_TEST_DB_DIR"
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    if not os.environ.get(TEST_DB_DIR_VARIABLE):
        os.environ[TEST_DB_DIR_VARIABLE] = tempfile.mkdtemp(prefix="biuletyn-test-db-")
        atexit.register(shutil.rmtree, os.environ[TEST_DB_DIR_VARIABLE], ignore_errors=True)
    DATABASES["default"]["TEST"] = {
        "NAME": str(Path(os.environ[TEST_DB_DIR_VARIABLE]) / "biuletyn.sqlite3")
    }
