"""WSGI entry point: Django behind the page-cache shortcut (ADR 0001)."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "biuletyn.settings.production")

from biuletyn.core.pagecache import PageCacheShortcut  # noqa: E402  (needs settings first)

application = PageCacheShortcut(get_wsgi_application())
