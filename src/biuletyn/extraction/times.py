"""Times of day in Polish text: "o godz. 16:00", "17.30", "od 9 do 15", "w godz. 12-19",
"o siedemnastej", "11-tej". Works on the folded text (normalise.fold)."""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

from biuletyn.extraction.dates import MONTH

__all__ = ["TimeHit", "find_times"]


@dataclass
class TimeHit:
    start: int
    end: int
    time: datetime.time
    end_time: datetime.time | None
    cued: bool  # introduced by "godz.", "o", "od", "start"…
    clock: int = 0  # where the digits begin (after the cue)


_HOUR_WORDS = {
    "pierwszej": 1,
    "drugiej": 2,
    "trzeciej": 3,
    "czwartej": 4,
    "piatej": 5,
    "szostej": 6,
    "siodmej": 7,
    "osmej": 8,
    "dziewiatej": 9,
    "dziesiatej": 10,
    "jedenastej": 11,
    "dwunastej": 12,
    "trzynastej": 13,
    "czternastej": 14,
    "pietnastej": 15,
    "szesnastej": 16,
    "siedemnastej": 17,
    "osiemnastej": 18,
    "dziewietnastej": 19,
    "dwudziestej": 20,
}
_HOUR_WORD = "(?:" + "|".join(sorted(_HOUR_WORDS, key=len, reverse=True)) + r")\b"

_PRE = (
    r"(?P<pre>\b(?:w\s+godz(?:\.|inach)?|o\s+godz(?:\.|inie)?|od\s+godz(?:\.|iny)?|godz(?:\.|ina|iny|inie)?"
    r"|od|o|start(?:\s+o)?|poczatek(?:\s+o)?|rozpoczecie(?:\s+o)?|zbiorka\s+o|ok\.|okolo)(?![a-z])\.?:?\s*)?"
)
_CLOCK = r"(?P<h1>[0-2]?\d)(?:[:.](?P<m1>[0-5]\d))?(?:-?(?:tej|ej)\b)?"
_UNTIL = (
    r"(?:\s*(?:-|do)\s*(?:godz\.?\s*)?(?P<h2>[0-2]?\d)(?:[:.](?P<m2>[0-5]\d))?(?:-?(?:tej|ej)\b)?)?"
)
_TIME = re.compile(_PRE + r"(?<![\d:/-])(?<!\d\.)" + _CLOCK + _UNTIL + r"(?![\d:]|\.\d)")
_WORD_TIME = re.compile(r"\bo\s+(?P<w>" + _HOUR_WORD + ")")
_NOT_TIME_AFTER = re.compile(
    r"\s*(?:"
    + MONTH
    + r"|\.?\s*[ivx]+\b\.?\s*\d|\.\d|r\b|roku|osob|zl|km|lat|min|m\b|%|dni|tys|miejsc)"
)


def _make(hour: str, minute: str | None) -> datetime.time | None:
    h, m = int(hour), int(minute or 0)
    if h == 24 and m == 0:
        h = 0
    if 0 <= h <= 23 and 0 <= m <= 59:
        return datetime.time(h, m)
    return None


def find_times(folded: str, blocked: list[tuple[int, int]]) -> list[TimeHit]:
    """Every time (or range of times) outside the `blocked` spans (the dates), in order."""
    hits: list[TimeHit] = []
    for match in _TIME.finditer(folded):
        pre = (match.group("pre") or "").strip()
        start = match.start("h1")
        end = match.end()
        if any(start < b and a < end for a, b in blocked):
            continue
        m1, m2, h2 = match.group("m1"), match.group("m2"), match.group("h2")
        if not m1 and not pre:
            continue
        if (
            pre in {"od", "o", "ok.", "okolo"}
            and not m1
            and _NOT_TIME_AFTER.match(folded, match.end("h1"))
        ):
            continue
        if h2 and not m2 and _NOT_TIME_AFTER.match(folded, end):
            h2 = None
            end = match.end("h1")
        first = _make(match.group("h1"), m1)
        if first is None:
            continue
        last = _make(h2, m2) if h2 else None
        if h2 and not (m1 or m2 or pre):
            last = None
        hits.append(TimeHit(match.start(), end, first, last, bool(pre), start))
    for match in _WORD_TIME.finditer(folded):
        hits.append(
            TimeHit(
                match.start(),
                match.end(),
                datetime.time(_HOUR_WORDS[match.group("w")], 0),
                None,
                True,
                match.start("w"),
            )
        )
    hits.sort(key=lambda h: h.start)
    return hits
