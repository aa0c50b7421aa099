"""Propose an event from a text on standard input: one JSON object (the 12 keys of
`Proposal.as_json`) on one line of standard output, nothing else.

    python manage.py extract_event [--published YYYY-MM-DD] < text.txt"""

from __future__ import annotations

import datetime
import json
import sys
from typing import Any, cast

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from biuletyn.extraction.extract import extract_event


def _read_stdin(stream: Any) -> str:
    buffer = getattr(stream, "buffer", None)
    if buffer is not None:
        data = buffer.read()
        return data.decode("utf-8", errors="replace") if isinstance(data, bytes) else str(data)
    data = stream.read()
    if isinstance(data, bytes):
        return data.decode("utf-8", errors="replace")
    return str(data)


class Command(BaseCommand):
    stealth_options = ("stdin",)
    # Lazy, so that the help is translated when it is shown; typed as the str BaseCommand expects.
    help = cast(
        str,
        gettext_lazy(
            "Read an article's text from standard input and print the event it describes"
            " as one JSON object."
        ),
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--published",
            metavar="YYYY-MM-DD",
            help=cast(
                str,
                gettext_lazy(
                    "The text's publication date; a date without a year is placed in the year"
                    " that fits it."
                ),
            ),
        )

    def handle(self, *args: Any, **options: Any) -> None:
        with translation.override(settings.LANGUAGE_CODE):
            self._handle(options)

    def _handle(self, options: dict[str, Any]) -> None:
        published = None
        if options.get("published"):
            try:
                published = datetime.date.fromisoformat(options["published"])
            except ValueError:
                raise CommandError(
                    _(
                        "The publication date “%(value)s” is not a date written as YYYY-MM-DD,"
                        " for example 2025-06-20."
                    )
                    % {"value": options["published"]},
                    returncode=2,
                ) from None
        stdin = options.get("stdin") or sys.stdin
        text = _read_stdin(stdin)
        proposal = extract_event(text, published=published)
        self.stdout.write(json.dumps(proposal.as_json(), ensure_ascii=False))
