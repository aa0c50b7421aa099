"""``manage.py import_wordpress EXPORT.xml [--media-dir DIR] [--no-progress]`` (issue 12).

Imports a WordPress export (WXR) into the Polish bulletin: see ``imports.services``. A progress
bar on the command's stderr when that is a terminal (never on stdout, which holds the report);
at the end, the report in the site's default language (Polish): counts, then what needs an
editor's eye, each page with its admin edit address. A wrong path or a file that is not a
WordPress export stops with a sentence, not a traceback.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any, TextIO

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import translation
from django.utils.translation import gettext as _
from tqdm import tqdm

from biuletyn.imports import services, wxr


class _Bar:
    """The service's progress, as a tqdm bar on the command's stderr."""

    def __init__(self, file: TextIO, enabled: bool) -> None:
        self.file = file
        self.enabled = enabled
        self.bar: Any = None

    def start(self, total: int) -> None:
        self.bar = tqdm(
            total=total, unit=_("items"), file=self.file, disable=not self.enabled, leave=False
        )

    def advance(self) -> None:
        if self.bar is not None:
            self.bar.update(1)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()


class Command(BaseCommand):
    help = "Imports a WordPress export (WXR) into the bulletin."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("export", type=Path, help="the WXR file WordPress's exporter wrote")
        parser.add_argument(
            "--media-dir",
            type=Path,
            default=None,
            help="a copy of wp-content/uploads (YYYY/MM/file)",
        )
        parser.add_argument("--no-progress", action="store_true", help="no progress bar")

    def handle(self, *args: Any, **options: Any) -> None:
        with translation.override(settings.LANGUAGE_CODE):
            self._run(options["export"], options["media_dir"], not options["no_progress"])

    def _run(self, export: Path, media_dir: Path | None, progress: bool) -> None:
        if not export.is_file():
            raise CommandError(
                _("There is no file at %(path)s. Give the path of the WordPress export (.xml).")
                % {"path": export}
            )
        if media_dir is not None and not media_dir.is_dir():
            raise CommandError(
                _(
                    "There is no folder at %(path)s. Give a copy of the old site's "
                    "wp-content/uploads folder, or leave out --media-dir."
                )
                % {"path": media_dir}
            )
        # The stream under Django's OutputWrapper, whose write() would end every redraw of the
        # bar with a new line; call_command(stderr=...) gives it too.
        stream = getattr(self.stderr, "_out", sys.stderr)
        bar = _Bar(stream, progress and self.stderr.isatty())
        try:
            report = services.import_export(path=export, media_dir=media_dir, progress=bar)
        except wxr.WxrError as error:
            raise CommandError(str(error)) from None
        finally:
            bar.close()
        self.stdout.write(report.render(), ending="")
        if report.stopped:
            raise CommandError(report.stopped)
