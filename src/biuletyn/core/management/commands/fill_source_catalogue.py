"""Fill the English catalogue from its msgids.

Our msgids are English, so the English catalogue's translations are the msgids themselves.
Writing them out (instead of leaving them empty) lets CI tell a forgotten translation from an
intended one: an empty entry in any catalogue is an error. `make messages` runs this.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import polib
from django.conf import settings
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Copy msgids into empty msgstrs of the source-language (English) catalogue."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--locale", default="en")

    def handle(self, *args: Any, locale: str, **options: Any) -> None:
        path = Path(settings.LOCALE_PATHS[0]) / locale / "LC_MESSAGES" / "django.po"
        catalogue = polib.pofile(str(path))
        filled = 0
        for entry in catalogue:
            if entry.obsolete:
                continue
            # A fuzzy entry carries a neighbour's text guessed by msgmerge: replace it too.
            fuzzy = "fuzzy" in entry.flags
            if entry.msgid_plural:
                if fuzzy or not all(entry.msgstr_plural.values()):
                    entry.msgstr_plural = {0: entry.msgid, 1: entry.msgid_plural}
                    filled += 1
            elif fuzzy or not entry.msgstr:
                entry.msgstr = entry.msgid
                filled += 1
            if fuzzy:
                entry.flags.remove("fuzzy")
        catalogue.save(str(path))
        self.stdout.write(f"{path}: {filled} entries filled.")
