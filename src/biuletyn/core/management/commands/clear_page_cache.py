"""Empty the page cache. `make run` and `make serve` call it at start, so that new code never
serves pages rendered by the old."""

from typing import Any

from django.core.management.base import BaseCommand

from biuletyn.core import pagecache


class Command(BaseCommand):
    help = "Empty the full-page cache."

    def handle(self, *args: Any, **options: Any) -> None:
        pagecache.clear()
