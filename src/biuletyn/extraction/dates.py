"""Dates in Polish text: month names in every case, Roman months, numeric forms, ordinal words,
day ranges ("5-7 maja", "od 10 czerwca do 8 września", "12–14.09.2025"), weekdays as a check and
"wczoraj"/"jutro" against the publication date. Works on the folded text (normalise.fold)."""

from __future__ import annotations

import calendar
import datetime
import re
from dataclasses import dataclass

__all__ = ["DateHit", "PartialDate", "find_dates", "month_of"]


@dataclass(frozen=True)
class PartialDate:
    """A calendar day whose year may be unknown (ISO `--MM-DD`)."""

    month: int
    day: int
    year: int | None = None

    def __post_init__(self) -> None:
        if not 1 <= self.month <= 12:
            raise ValueError("month")
        if self.year is None:
            last = 29 if self.month == 2 else calendar.monthrange(2001, self.month)[1]
        else:
            if not 1 <= self.year <= 9999:
                raise ValueError("year")
            last = calendar.monthrange(self.year, self.month)[1]
        if not 1 <= self.day <= last:
            raise ValueError("day")

    @classmethod
    def make(cls, day: int, month: int, year: int | None = None) -> PartialDate | None:
        try:
            return cls(month=month, day=day, year=year)
        except ValueError:
            return None

    def iso(self) -> str:
        if self.year is None:
            return f"--{self.month:02d}-{self.day:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"

    def as_date(self) -> datetime.date | None:
        if self.year is None:
            return None
        return datetime.date(self.year, self.month, self.day)

    def with_year(self, year: int) -> PartialDate | None:
        return PartialDate.make(self.day, self.month, year)


@dataclass
class DateHit:
    start: int
    end: int
    first: PartialDate
    last: PartialDate | None = None  # the end of a range
    this_year: bool = False  # "br."
    relative: int | None = None  # days from the publication date ("wczoraj" = -1)
    weekday: int | None = None  # 0 = Monday, when the text names one next to the date


_MONTH_PREFIXES = [
    ("stycz", 1),
    ("lut", 2),
    ("mar", 3),
    ("kwie", 4),
    ("maj", 5),
    ("czerw", 6),
    ("lip", 7),
    ("sierp", 8),
    ("wrze", 9),
    ("pazdz", 10),
    ("listop", 11),
    ("grud", 12),
]
MONTH = (
    r"(?:stycz(?:nia|en|niu)|lut(?:ego|y|ym)|mar(?:ca|zec|cu)|kwie(?:tnia|cien|tniu)|maj(?:a|u)?"
    r"|czerw(?:ca|iec|cu)|lip(?:ca|iec|cu)|sierp(?:nia|ien|niu)|wrze(?:snia|sien|sniu)"
    r"|pazdziern(?:ika|ik|iku)|listopad(?:a|zie)?|grud(?:nia|zien|niu))\b"
)
_ROMAN = {
    "i": 1,
    "ii": 2,
    "iii": 3,
    "iv": 4,
    "v": 5,
    "vi": 6,
    "vii": 7,
    "viii": 8,
    "ix": 9,
    "x": 10,
    "xi": 11,
    "xii": 12,
}
ROMAN = r"(?:xii|xi|ix|x|viii|vii|vi|iv|v|iii|ii|i)"
YEAR = r"(?:\s*(?P<y>(?:19|20)\d{2})(?:\s*(?:r\b\.?|roku\b|rok\b))?|\s*(?P<br>br\b\.?))?"
DAY = r"(?P<d>[0-3]?\d)(?:-?go\b|-ego\b)?\.?"

_UNITS = {
    "pierwszego": 1,
    "drugiego": 2,
    "trzeciego": 3,
    "czwartego": 4,
    "piatego": 5,
    "szostego": 6,
    "siodmego": 7,
    "osmego": 8,
    "dziewiatego": 9,
}
_TEENS = {
    "dziesiatego": 10,
    "jedenastego": 11,
    "dwunastego": 12,
    "trzynastego": 13,
    "czternastego": 14,
    "pietnastego": 15,
    "szesnastego": 16,
    "siedemnastego": 17,
    "osiemnastego": 18,
    "dziewietnastego": 19,
}
_ORDINALS: dict[str, int] = {**_UNITS, **_TEENS}
for _unit, _value in _UNITS.items():
    _ORDINALS[f"dwudziestego {_unit}"] = 20 + _value
_ORDINALS["dwudziestego"] = 20
_ORDINALS["trzydziestego"] = 30
_ORDINALS["trzydziestego pierwszego"] = 31
ORDINAL = "(?:" + "|".join(sorted(map(re.escape, _ORDINALS), key=len, reverse=True)) + r")\b"

_WEEKDAYS = [
    (r"poniedzial\w*", 0),
    (r"wtor\w*|wt\b", 1),
    (r"srod\w*|sr\b", 2),
    (r"czwart\w*|czw\b", 3),
    (r"piat\w*|pt\b", 4),
    (r"sobot\w*|sob\b", 5),
    (r"niedziel\w*|niedz\b", 6),
]

_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("iso", re.compile(r"\b(?P<y>(?:19|20)\d{2})-(?P<m>[01]?\d)-(?P<d>[0-3]?\d)\b")),
    (
        "num_range",
        re.compile(
            r"\b(?P<d1>[0-3]?\d)\.?\s*-\s*(?P<d>[0-3]?\d)\.(?P<m>[01]?\d)(?:\.(?P<y>(?:19|20)\d{2}))?"
            r"(?![\d:])"
        ),
    ),
    (
        "name_range",
        re.compile(
            r"\b(?P<d1>[0-3]?\d)\.?\s*(?:-|i|oraz|do)\s*" + DAY + r"\s*(?P<m>" + MONTH + ")" + YEAR
        ),
    ),
    (
        "num",
        re.compile(
            r"(?<![\d.])(?P<d>[0-3]?\d)\s?([./-])\s?(?P<m>[01]?\d)\s?\2\s?(?P<y>(?:19|20)\d{2})\b"
            r"(?:\s*(?:r\b\.?|roku\b))?"
        ),
    ),
    ("name", re.compile(r"(?<![\d.:])\b" + DAY + r"\s*(?P<m>" + MONTH + ")" + YEAR)),
    ("word", re.compile(r"\b(?P<w>" + ORDINAL + r")\s+(?P<m>" + MONTH + ")" + YEAR)),
    (
        "roman",
        re.compile(
            r"(?<![\d.])\b(?P<d>[0-3]?\d)(?P<dot1>\.?)\s*(?P<r>" + ROMAN + r")\b(?P<dot2>\.?)"
            r"(?:\s*(?P<y>(?:19|20)\d{2})(?:\s*(?:r\b\.?|roku\b))?)?"
        ),
    ),
    (
        "short",
        re.compile(r"(?<![\d.:,])\b(?P<d>[0-3]?\d)\.(?P<m>[01]?\d)(?![\d:]|\.\d|\s*-\s*\d)\.?"),
    ),
    ("relative", re.compile(r"\b(?P<rel>wczoraj|dzis|dzisiaj|jutro|pojutrze)\b")),
]
_RELATIVE = {"wczoraj": -1, "dzis": 0, "dzisiaj": 0, "jutro": 1, "pojutrze": 2}
_TIME_BEFORE = re.compile(r"(?:godz\.?|godzin\w*|\bo|\bod|\bw godz\.?)\s*$")


def month_of(word: str) -> int:
    for prefix, number in _MONTH_PREFIXES:
        if word.startswith(prefix):
            return number
    raise ValueError(word)


def _year(match: re.Match[str]) -> int | None:
    value = match.groupdict().get("y")
    return int(value) if value else None


def _weekday(folded: str, start: int, end: int) -> int | None:
    around = folded[max(0, start - 16) : start] + " " + folded[end : end + 14]
    for pattern, number in _WEEKDAYS:
        if re.search(r"\b(?:" + pattern + ")", around):
            return number
    return None


def _hit(kind: str, match: re.Match[str], original: str) -> DateHit | None:
    groups = match.groupdict()
    year = _year(match)
    if kind == "relative":
        rel = _RELATIVE[groups["rel"]]
        return DateHit(match.start(), match.end(), PartialDate(1, 1), relative=rel)
    if kind == "word":
        day = _ORDINALS[re.sub(r"\s+", " ", groups["w"])]
        month = month_of(groups["m"])
    elif kind == "roman":
        text = original[match.start("r") : match.end("r")]
        if not text.isupper():
            return None
        if not (year or groups["dot1"] or groups["dot2"]):
            return None
        if groups["r"] == "i" and not year:
            return None
        day, month = int(groups["d"]), _ROMAN[groups["r"]]
    elif kind in {"iso", "num", "short", "num_range"}:
        day, month = int(groups["d"]), int(groups["m"])
    else:
        day, month = int(groups["d"]), month_of(groups["m"])
    first = PartialDate.make(day, month, year)
    if first is None:
        return None
    hit = DateHit(match.start(), match.end(), first, this_year=bool(groups.get("br")))
    if kind in {"num_range", "name_range"}:
        begin = PartialDate.make(int(groups["d1"]), month, year)
        if begin is None or begin.day >= day:
            return None
        hit.first, hit.last = begin, first
    return hit


def find_dates(folded: str, original: str) -> list[DateHit]:
    """Every date (or range of dates) in the text, in order, without overlaps."""
    taken: list[tuple[int, int]] = []
    hits: list[DateHit] = []
    for kind, pattern in _PATTERNS:
        for match in pattern.finditer(folded):
            if any(match.start() < b and a < match.end() for a, b in taken):
                continue
            if kind == "short" and _TIME_BEFORE.search(
                folded[max(0, match.start() - 10) : match.start()]
            ):
                continue
            hit = _hit(kind, match, original)
            if hit is None:
                continue
            hit.weekday = _weekday(folded, hit.start, hit.end)
            taken.append((match.start(), match.end()))
            hits.append(hit)
    hits.sort(key=lambda h: h.start)
    return _join_ranges(hits, folded)


def _join_ranges(hits: list[DateHit], folded: str) -> list[DateHit]:
    joined: list[DateHit] = []
    for hit in hits:
        if joined:
            prev = joined[-1]
            between = folded[prev.end : hit.start]
            if (
                prev.last is None
                and hit.last is None
                and prev.relative is None
                and hit.relative is None
                and re.fullmatch(r"\s*(?:-|do)\s*", between)
            ):
                first = prev.first
                if first.year is None and hit.first.year is not None:
                    year = hit.first.year - (1 if first.month > hit.first.month else 0)
                    first = first.with_year(year) or first
                if (
                    first.year is None
                    or hit.first.year is None
                    or (first.as_date() or datetime.date.min)
                    < (hit.first.as_date() or datetime.date.max)
                ):
                    joined[-1] = DateHit(
                        prev.start,
                        hit.end,
                        first,
                        hit.first,
                        this_year=prev.this_year or hit.this_year,
                        weekday=prev.weekday,
                    )
                    continue
        joined.append(hit)
    return joined
