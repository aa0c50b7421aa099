"""Purge the personal data that is due now, as the daily schedule does (ADR 0011).

    manage.py purge_personal_data            # purge, one line per record left
    manage.py purge_personal_data --dry-run  # only say what would go

Lines name the event, the kind of data and the number of rows, never the content; they are in
the site's language (Polish).
"""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.utils.translation import gettext as _

from biuletyn.registrations import privacy
from biuletyn.registrations.models import PurgeRecord


def _what(event_title: str, data_kind: str, rows: int) -> dict[str, Any]:
    return {
        "event": event_title or _("(no event)"),
        "kind": PurgeRecord.DataKind(data_kind).label,
        "rows": rows,
    }


class Command(BaseCommand):
    help = (
        "Delete the accommodation answers, anonymise the registrations and delete the messages "
        "whose time has come (the REGISTRATION_*_DAYS settings), leaving a record of each purge."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Only print what would be purged; change nothing.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options["dry_run"]:
            found = privacy.due()
            for item in found:
                what = _what(item.event_title, item.data_kind, item.rows)
                self.stdout.write(
                    _("Would purge – %(event)s: %(kind)s, number of rows: %(rows)s") % what
                )
            total = sum(item.rows for item in found)
            self.stdout.write(
                _("Dry run, nothing was changed. Number of rows to purge: %(rows)s.")
                % {"rows": total}
            )
            return
        records = privacy.purge_due(trigger=PurgeRecord.Trigger.COMMAND)
        for record in records:
            what = _what(record.event_title, record.data_kind, record.rows)
            self.stdout.write(_("Purged – %(event)s: %(kind)s, number of rows: %(rows)s") % what)
        total = sum(record.rows for record in records)
        self.stdout.write(
            self.style.SUCCESS(
                _("Done. Rows purged: %(rows)s, purge records written: %(records)s.")
                % {"rows": total, "records": len(records)}
            )
        )
