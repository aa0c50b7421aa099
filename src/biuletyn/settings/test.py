"""pytest: the same stack as production with fast password hashing, in-process caches and tasks
run at once, so that a test sees the effect of a task it enqueued."""

import os
import tempfile
from pathlib import Path

from .base import *
from .base import LOGGING

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
