"""WSGI entry point: Django behind the page-cache shortcut (ADR 0001)."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "biuletyn.settings.production")

from biuletyn.core.pagecache import PageCacheShortcut

application = PageCacheShortcut(get_wsgi_application())
