"""Precision and recall of the event extractor per field (``make extraction-figures``).

    python tools/extraction_figures.py tests/extraction/data/dev.jsonl [more.jsonl …]
    python tools/extraction_figures.py --errors tests/extraction/data/dev.jsonl

Implements the scoring of tests/extraction/data/README.md: for each field a true positive is an
output equal to the label (dates, times, `kind` and `online` exactly; `city` and `street_address`
after case folding, removing punctuation and the "ul."/"ulica" prefix; `venue_name` when one
normalised text contains the other; `registration_how` when both name the same e-mail address,
phone number or URL, or, with none in the label, when half of the label's words are in the
output). A non-null output that is wrong is a false positive; a label the output misses or gets
wrong is a false negative. `accessibility` is scored per item (`other:*` counts as one item,
`other`). `--errors` lists the differences, and refuses the held-back set (never tuned on).
"""

from __future__ import annotations

import argparse
import datetime
import json
import re
import sys
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

FIELDS = (
    "kind",
    "start_date",
    "end_date",
    "start_time",
    "end_time",
    "venue_name",
    "street_address",
    "city",
    "online",
    "registration_deadline",
    "registration_how",
    "accessibility",
)
EXACT = {
    "kind",
    "start_date",
    "end_date",
    "start_time",
    "end_time",
    "online",
    "registration_deadline",
}


@dataclass
class Count:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float | None:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else None

    @property
    def recall(self) -> float | None:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else None


def _words(value: str) -> list[str]:
    value = unicodedata.normalize("NFC", value).casefold()
    return re.sub(r"[^\w\s]", " ", value).split()


def normalise_text(value: str) -> str:
    return " ".join(_words(value))


def normalise_place(value: str) -> str:
    value = unicodedata.normalize("NFC", value).casefold().strip()
    value = re.sub(r"^(?:ul\.|ul\b|ulica\b|ulicy\b)\s*", "", value)
    return " ".join(re.sub(r"[^\w\s]", " ", value).split())


_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_URL = re.compile(
    r"(?:https?://[^\s,;)]+|www\.[^\s,;)]+|\b[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:pl|eu|com|org|net|info|gov\.pl)\b(?:/[^\s,;)]*)?)"
)
_PHONE = re.compile(r"(?<!\d)(?:\+?48[\s-]?)?\d(?:[\s-]?\d){8}(?!\d)")


def contacts(value: str) -> set[str]:
    """The e-mail addresses, URLs and phone numbers a text names, normalised."""
    low = unicodedata.normalize("NFC", value).casefold()
    found: set[str] = set()
    for match in _EMAIL.finditer(low):
        found.add("mail:" + match.group().rstrip("."))
    without_mail = _EMAIL.sub(" ", low)
    for match in _URL.finditer(without_mail):
        url = re.sub(r"^https?://", "", match.group())
        url = re.sub(r"^www\.", "", url).rstrip("./:;!?")
        found.add("url:" + url)
    for match in _PHONE.finditer(without_mail):
        digits = re.sub(r"\D", "", match.group())
        if len(digits) == 11 and digits.startswith("48"):
            digits = digits[2:]
        found.add("tel:" + digits)
    return found


def matches(name: str, label: Any, output: Any) -> bool:
    if label is None or output is None:
        return False
    if name in EXACT:
        return bool(label == output)
    if name in {"city", "street_address"}:
        return normalise_place(label) == normalise_place(output)
    if name == "venue_name":
        a, b = normalise_text(label), normalise_text(output)
        return bool(a and b) and (a in b or b in a)
    if name == "registration_how":
        wanted = contacts(label)
        if wanted:
            return bool(wanted & contacts(output))
        words = _words(label)
        got = set(_words(output))
        return bool(words) and sum(w in got for w in words) * 2 >= len(words)
    raise ValueError(name)


def _items(values: Iterable[str]) -> set[str]:
    return {"other" if v.startswith("other:") else v for v in values}


def score(records: list[dict[str, Any]], *, errors: bool = False) -> dict[str, Count]:
    from biuletyn.extraction.extract import extract_event

    counts = {name: Count() for name in FIELDS}
    for record in records:
        published = record.get("published")
        day = datetime.date.fromisoformat(published) if published else None
        output = extract_event(record["text"], published=day).as_json()
        label = record["expected"]
        for name in FIELDS:
            got, want = output[name], label[name]
            if name == "accessibility":
                o, w = _items(got), _items(want)
                counts[name].tp += len(o & w)
                counts[name].fp += len(o - w)
                counts[name].fn += len(w - o)
                ok = o == w
            else:
                ok = matches(name, want, got)
                if ok:
                    counts[name].tp += 1
                else:
                    if got is not None:
                        counts[name].fp += 1
                    if want is not None:
                        counts[name].fn += 1
                ok = ok or (got is None and want is None)
            if errors and not ok:
                print(f"{record['id']} {name}: got {got!r}, want {want!r}")
    return counts


def table(title: str, counts: dict[str, Count]) -> str:
    def fmt(value: float | None) -> str:
        return "   -" if value is None else f"{value:.2f}"

    lines = [title, f"{'field':<22} {'TP':>4} {'FP':>4} {'FN':>4} {'prec':>5} {'recall':>6}"]
    total = Count()
    for name, c in counts.items():
        total.tp, total.fp, total.fn = total.tp + c.tp, total.fp + c.fp, total.fn + c.fn
        lines.append(
            f"{name:<22} {c.tp:>4} {c.fp:>4} {c.fn:>4} {fmt(c.precision):>5} {fmt(c.recall):>6}"
        )
    lines.append(
        f"{'all fields':<22} {total.tp:>4} {total.fp:>4} {total.fn:>4} "
        f"{fmt(total.precision):>5} {fmt(total.recall):>6}"
    )
    return "\n".join(lines)


def load(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("files", nargs="+", type=Path)
    parser.add_argument(
        "--errors", action="store_true", help="list every difference (not for the held-back set)"
    )
    args = parser.parse_args(argv)
    for path in args.files:
        if not path.exists():
            print(f"{path}: missing\n")
            continue
        if args.errors and "heldback" in path.name:
            print(f"{path}: --errors is not allowed on the held-back set", file=sys.stderr)
            return 2
        records = load(path)
        print(table(f"{path.name} ({len(records)} texts)", score(records, errors=args.errors)))
        print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
