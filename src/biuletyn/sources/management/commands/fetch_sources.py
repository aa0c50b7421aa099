"""``manage.py fetch_sources [--source ID]``: fetch the republishing sources (issue 12).

Meant for a timer. Every active source (or the one named) is fetched on its own; what is new
becomes a draft article in the review queue ("Do przejrzenia"). One line per source, in the
site's language: "lublin.eu: 3 nowe, 2 już znane", or what went wrong, in words. A source's
failure is reported, not raised: the exit code is 0 when the command ran, and 1 only when
every source it fetched failed (or the source named does not exist).
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import translation
from django.utils.translation import gettext as _

from biuletyn.sources import services
from biuletyn.sources.models import Source


class Command(BaseCommand):
    help = "Fetch the republishing sources; what is new waits for review as drafts."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--source", type=int, default=None, help="Fetch only the source with this id."
        )

    def handle(self, *args: Any, source: int | None, **options: Any) -> None:
        with translation.override(settings.LANGUAGE_CODE):
            if source is not None:
                found = Source.objects.filter(pk=source).first()
                if found is None:
                    raise CommandError(_("There is no source with the id %(id)s.") % {"id": source})
                outcomes = [services.fetch_source(source=found)]
            else:
                outcomes = services.fetch_all()
            if not outcomes:
                self.stdout.write(_("No active sources to fetch."))
                return
            for outcome in outcomes:
                if outcome.ok:
                    self.stdout.write(str(outcome))
                else:
                    self.stderr.write(str(outcome))
            if not any(outcome.ok for outcome in outcomes):
                raise CommandError(_("Every source failed."), returncode=1)
