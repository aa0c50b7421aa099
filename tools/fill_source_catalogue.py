"""Fill the English catalogue from its msgids: ``python tools/fill_source_catalogue.py PO...``.

Our msgids are English, so the English catalogue's translations are the msgids themselves.
Writing them out (instead of leaving them empty) lets CI tell a forgotten translation from an
intended one: an empty entry in any catalogue is an error. `make messages` runs this with the
test environment, which has polib; the site itself never imports it.
"""

from __future__ import annotations

import argparse
from pathlib import Path

import polib


def fill(path: Path) -> int:
    """Copy each msgid into its empty or fuzzy msgstr; the number of entries filled."""
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
    return filled


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(
        prog="python tools/fill_source_catalogue.py",
        description="Copy msgids into empty msgstrs of the source-language (English) catalogue.",
    )
    parser.add_argument("catalogues", nargs="+", type=Path, metavar="PO")
    for path in parser.parse_args(argv).catalogues:
        print(f"{path}: {fill(path)} entries filled.")


if __name__ == "__main__":
    main()
