"""Read an article's text and propose an event: its kind, dates, times, place, whether it is
online, how and until when to register, and the accessibility provisions mentioned.

    from biuletyn.extraction.extract import extract_event
    proposal = extract_event(text, published=datetime.date(2025, 5, 12))
    proposal.as_json()  # the 12 keys `manage.py extract_event` prints
    proposal.evidence   # field name -> the sentence of the text it came from

Pure Python, no network. The event's date is chosen among all the dates of the text by cue words
("odbędzie się", "zapraszamy", "w dniu", an event's name in the sentence); publication dates,
office hours, deadlines and earlier meetings lose."""

from __future__ import annotations

import bisect
import datetime
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any

from biuletyn.extraction import accessibility as access
from biuletyn.extraction.dates import DateHit, PartialDate, find_dates
from biuletyn.extraction.kind import EVENT_NOUN, classify
from biuletyn.extraction.normalise import clean, fold, sentences
from biuletyn.extraction.places import Span, find_cities, find_streets, find_venues
from biuletyn.extraction.times import TimeHit, find_times

__all__ = ["FIELDS", "PartialDate", "Proposal", "extract_event"]

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
MAX_LENGTH = 100_000


@dataclass
class Proposal:
    kind: str = "not_event"
    start_date: PartialDate | None = None
    end_date: PartialDate | None = None
    start_time: datetime.time | None = None
    end_time: datetime.time | None = None
    venue_name: str | None = None
    street_address: str | None = None
    city: str | None = None
    online: bool | None = None
    registration_deadline: PartialDate | None = None
    registration_how: str | None = None
    accessibility: list[str] = field(default_factory=list)
    evidence: dict[str, str] = field(default_factory=dict)

    def as_json(self) -> dict[str, Any]:
        def day(value: PartialDate | None) -> str | None:
            return value.iso() if value else None

        def clock(value: datetime.time | None) -> str | None:
            return value.strftime("%H:%M") if value else None

        return {
            "kind": self.kind,
            "start_date": day(self.start_date),
            "end_date": day(self.end_date),
            "start_time": clock(self.start_time),
            "end_time": clock(self.end_time),
            "venue_name": self.venue_name,
            "street_address": self.street_address,
            "city": self.city,
            "online": self.online,
            "registration_deadline": day(self.registration_deadline),
            "registration_how": self.registration_how,
            "accessibility": list(self.accessibility),
        }


_NOISE = re.compile(
    r"cookie|ciasteczk|polityk\w* prywatnosci|opublikowano|data publikacji|dodano\s*:|©|\(c\) 20"
    r"|wszelkie prawa|strona glowna|^menu$|akceptuj|udostepnij|drukuj|przejdz do tresci"
    r"|^(?:start|aktualnosci|wydarzenia|kontakt|bip|o nas|ok)$"
)
_OFFICE = re.compile(
    r"\bbiur\w*\b.*\bczynn|\bczynne\b|\bczynny\b|\bnieczynn|\bgodzin\w* pracy|przyjmuje interesant"
    r"|\bkancelari|\bdyzur\w*|\bgodziny otwarcia"
)
_REGISTRATION = re.compile(
    r"\bzapis\w*|\bzglosz\w*|\bzglasza\w*|\bzglos\w*|\brejestracj\w*|\bzarejestr\w*"
    r"|\bpotwierdz\w* obecnosc"
    r"|\bwnioski\b|\bwniosk\w* przyjmuj|\boferty\b|\bprace nalezy|\bbilety\b|\buwagi\b.*\bskladac"
    r"|\bopinie\b.*\b(?:przesylac|skladac)|\bwplaty\b|\bformularz\w*"
)
_NO_REGISTRATION = re.compile(
    r"rejestracja nie jest wymagana|bez zapisow|nie trzeba sie (?:zapisywac|umawiac|zglaszac)"
    r"|zapisy nie sa wymagane|nie obowiazuja zapisy"
)
_DEADLINE_BEFORE = re.compile(
    r"(?:\bdo(?: dnia)?|najpozniej do|\btermin\w*(?: \w+)?\s*:?|\bprzyjmujemy do)\s*(?:\w+\s+)?$"
)
_STRONG = re.compile(
    r"\bodbedzie sie|\bodbeda sie|\bodby\w* sie|\bzapraszamy|\bzaprasza\b|\bw dniu\b|\bdnia\b"
    r"|\bw dniach\b|\bkiedy\s*:|\bdata\w*\s*:|data wydarzenia|\bpotrwaj|\bprowadzimy\b|\btrwa\w*"
    r"|\bczynna\b|najblizsze spotkanie|\bodbyl|\bodbyly|\bodbyla|\bodbylo|\bspotkali|\bspotykamy"
)
_DECOY = re.compile(
    r"\bpo spotkaniu|\bpoprzedni\w*|\bna ktorym\b|\bostatni\w* spotkani|\brozstrzygnieci\w*"
    r"|\bwynik\w*"
    r"|\bpodpisano\b|\bopublikowan"
)
_ONLINE = re.compile(
    r"\bonline\b|\bon-line\b|\bzoom\w*|\bteams\b|\btransmisj\w*|\bwebinar\w*|\bhybryd\w*"
    r"|przez internet|\bstreaming\w*|\byoutube\b|\bwideokonferencj\w*|\bformie elektronicznej"
    r"|formularz\w* elektroniczn\w*|\bzdaln\w*"
)
_OFFICE_TIME_BEFORE = re.compile(
    r"(?:\b(?:pon|wt|sr|czw|pt|sob|niedz|pn)\.?\s*(?:-|i)\s*(?:pon|wt|sr|czw|pt|sob|niedz)\.?\s*"
    r"|\b(?:pon|wt|sr|czw|pt|sob|niedz)\.\s*|rejestracj\w*(?: \w+)? od\s*"
    r"|godzinach pracy\s*\(?\s*)$"
)
_END_CUE = re.compile(r"(?:zakonczenie|koniec|konczymy|do godz\.?)\s*(?:ok\.|okolo)?\s*$")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_URL = re.compile(
    r"(?:https?://[^\s,;)]+|www\.[^\s,;)]+"
    r"|\b[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:pl|eu|com|org|net|info)\b(?:/[^\s,;)]*)?)"
)
_PHONE = re.compile(
    r"(?<![\d.:/-])(?:\+48\s?)?"
    r"(?:\d{2}\s\d{3}\s\d{2}\s\d{2}|\d{3}[\s-]\d{3}[\s-]\d{3}|\d{2}\s\d{3}\s\d{3}|\d{9})"
    r"(?![\d:])"
)
_CHANNEL = re.compile(r"\b(?:w|u|przez|osobiscie|telefonicznie|mailowo|pod)\b")
_DATE_WORDS = re.compile(r"\b(?:do|do dnia)\s*$")


class _Text:
    """The text, its folded copy and its sentences, with lookups by position."""

    def __init__(self, raw: str) -> None:
        raw = raw[:MAX_LENGTH]
        nfc = unicodedata.normalize("NFC", raw)
        self.source = nfc
        self.text = clean(nfc)
        self.folded = fold(self.text)
        self.spans = sentences(self.text) or [(0, len(self.text))]
        self.starts = [a for a, _ in self.spans]
        self.folded_sentences = [self.folded[a:b] for a, b in self.spans]
        self.noise = [bool(_NOISE.search(s.strip())) for s in self.folded_sentences]
        self.office = [bool(_OFFICE.search(s)) for s in self.folded_sentences]
        self.registration = [bool(_REGISTRATION.search(s)) for s in self.folded_sentences]

    def index(self, pos: int) -> int:
        return max(0, bisect.bisect_right(self.starts, pos) - 1)

    def snippet(self, pos: int) -> str:
        a, b = self.spans[self.index(pos)]
        return self.source[a:b]

    def bad(self, i: int) -> bool:
        return self.noise[i] or self.office[i]


def _resolve(date: PartialDate, anchor: datetime.date | None, *, past: bool) -> PartialDate:
    if date.year is not None or anchor is None:
        return date
    options = [
        d for y in (anchor.year - 1, anchor.year, anchor.year + 1) if (d := date.with_year(y))
    ]
    if past:
        fitting = [d for d in options if d.as_date() <= anchor + datetime.timedelta(days=3)]  # type: ignore[operator]
        return max(fitting, key=lambda d: d.as_date()) if fitting else date  # type: ignore[arg-type,return-value]
    fitting = [d for d in options if d.as_date() >= anchor - datetime.timedelta(days=30)]  # type: ignore[operator]
    return min(fitting, key=lambda d: d.as_date()) if fitting else date  # type: ignore[arg-type,return-value]


def _range(
    hit: DateHit, published: datetime.date | None, *, past: bool
) -> tuple[PartialDate, PartialDate | None]:
    if hit.relative is not None and published is not None:
        day = published + datetime.timedelta(days=hit.relative)
        return PartialDate(day.month, day.day, day.year), None
    first, last = hit.first, hit.last
    if hit.this_year and published is not None:
        first = first.with_year(published.year) or first
        if last is not None:
            last = last.with_year(published.year) or last
    if last is not None:
        last = _resolve(last, published, past=past)
        if first.year is None and last.year is not None:
            first = (
                first.with_year(
                    last.year - (1 if (first.month, first.day) > (last.month, last.day) else 0)
                )
                or first
            )
    else:
        first = _resolve(first, published, past=past)
    return first, last


def _before_anchor(date: PartialDate, anchor: PartialDate | None) -> PartialDate:
    """A year-less deadline placed before the event's (known) date."""
    if date.year is not None or anchor is None or anchor.year is None:
        return date
    year = anchor.year - (1 if (date.month, date.day) > (anchor.month, anchor.day) else 0)
    return date.with_year(year) or date


def _after_anchor(date: PartialDate, anchor: PartialDate | None) -> PartialDate:
    if date.year is not None or anchor is None or anchor.year is None:
        return date
    year = anchor.year + (1 if (date.month, date.day) < (anchor.month, anchor.day) else 0)
    return date.with_year(year) or date


def extract_event(text: str, *, published: datetime.date | None = None) -> Proposal:
    """Propose an event from `text` (any string; never raises on odd input)."""
    t = _Text(text if isinstance(text, str) else str(text))
    proposal = Proposal()
    folded = t.folded
    if not folded.strip():
        return proposal

    clean_folded = " ".join(s for i, s in enumerate(t.folded_sentences) if not t.noise[i])
    kind = classify(clean_folded)
    hits = [h for h in find_dates(folded, t.text) if not t.noise[t.index(h.start)]]
    if published is None:
        hits = [h for h in hits if h.relative is None]

    deadlines: list[DateHit] = []
    events: list[tuple[float, DateHit]] = []
    has_noun = bool(EVENT_NOUN.search(clean_folded))
    for hit in hits:
        i = t.index(hit.start)
        sentence = t.folded_sentences[i]
        before = folded[max(t.spans[i][0], hit.start - 30) : hit.start]
        if t.registration[i] and _DEADLINE_BEFORE.search(before):
            deadlines.append(hit)
            continue
        score = 0.0
        strong = bool(_STRONG.search(sentence))
        noun_here = bool(EVENT_NOUN.search(sentence))
        noun_before = i > 0 and bool(EVENT_NOUN.search(t.folded_sentences[i - 1]))
        eventful = kind in {"consultation", "call_for_applications"}
        if not (noun_here or noun_before or (strong and has_noun) or eventful):
            continue
        score += 3 * strong + 2 * noun_here + 1 * noun_before
        if re.search(r"\d", folded[hit.end : hit.end + 40]) and re.search(
            r"godz|\d[:.]\d\d|\bo \d", folded[hit.end : hit.end + 40]
        ):
            score += 1.5
        if t.office[i]:
            score -= 4
        if _DECOY.search(sentence[: hit.start - t.spans[i][0] + 1]) or _DECOY.search(sentence):
            score -= 3
        if hit.last is not None:
            score += 4 if kind in {"consultation", "call_for_applications"} else 0.5
        if t.registration[i] and kind == "call_for_applications":
            score -= 2
        events.append((score, hit))

    if kind in {"announcement", "report"} and not events:
        proposal.evidence["kind"] = t.snippet(0)
        proposal.kind = "not_event"
        return proposal

    past = kind == "report"
    best: DateHit | None = None
    if events:
        top = max(score for score, _ in events)
        threshold = 2 if kind == "call_for_applications" else -99
        if top >= threshold:
            best = next(h for s, h in events if s == top)
    event_index = t.index(best.start) if best else None

    proposal.kind = kind
    proposal.evidence["kind"] = t.snippet(best.start) if best else t.snippet(0)
    if best is not None:
        first, last = _range(best, published, past=past)
        proposal.start_date = first
        proposal.evidence["start_date"] = t.snippet(best.start)
        if last is not None and last != first:
            proposal.end_date = last
            proposal.evidence["end_date"] = t.snippet(best.start)

    if deadlines:
        hit = deadlines[0]
        first, _ = _range(hit, published, past=False)
        if published is None:
            first = _before_anchor(first, proposal.start_date)
        proposal.registration_deadline = first
        proposal.evidence["registration_deadline"] = t.snippet(hit.start)
    if proposal.start_date is not None and proposal.start_date.year is None and published is None:
        anchor = proposal.registration_deadline
        proposal.start_date = _after_anchor(proposal.start_date, anchor)

    _times(t, proposal, hits, event_index, kind)
    _places(t, proposal, event_index, kind)
    _registration(t, proposal)
    _accessibility(t, proposal)
    return proposal


def _times(
    t: _Text, proposal: Proposal, hits: list[DateHit], event_index: int | None, kind: str
) -> None:
    times = find_times(t.folded, [(h.start, h.end) for h in find_dates(t.folded, t.text)])
    good: list[TimeHit] = []
    for hit in times:
        i = t.index(hit.start)
        if t.bad(i):
            continue
        before = t.folded[max(t.spans[i][0], hit.clock - 40) : hit.clock]
        if _OFFICE_TIME_BEFORE.search(before):
            continue
        if _REGISTRATION.search(before[-25:]):
            continue
        good.append(hit)
    if not good:
        return
    chosen: list[TimeHit] = []
    if event_index is not None:
        for step in (0, 1, 2):
            chosen = [h for h in good if t.index(h.start) == event_index + step]
            if chosen:
                break
        if not chosen and kind in {"call_for_applications"}:
            return
    if not chosen:
        if kind == "call_for_applications":
            return
        chosen = [h for h in good if t.index(h.start) == t.index(good[0].start)]
    first = chosen[0]
    proposal.start_time = first.time
    proposal.evidence["start_time"] = t.snippet(first.start)
    end = first.end_time
    if end is None:
        for hit in chosen:
            if hit is first or hit.start < first.start:
                continue
            if _END_CUE.search(t.folded[max(0, hit.clock - 20) : hit.clock]):
                end = hit.end_time or hit.time
                break
    if end is not None and end != first.time:
        proposal.end_time = end
        proposal.evidence["end_time"] = t.snippet(first.start)


def _pick(
    spans: list[Span], t: _Text, event_index: int | None, near: int | None = None
) -> Span | None:
    if not spans:
        return None
    labelled = [s for s in spans if s.labelled]
    if labelled:
        return labelled[0]

    def rank(span: Span) -> tuple[int, int]:
        i = t.index(span.start)
        if near is not None and i == near:
            return (0, span.start)
        if event_index is None:
            return (2, span.start)
        if i == event_index:
            return (1, span.start)
        if i > event_index:
            return (2, i - event_index)
        return (3, event_index - i)

    return min(spans, key=rank)


def _places(t: _Text, proposal: Proposal, event_index: int | None, kind: str) -> None:
    def usable(span: Span, *, registration_ok: bool = False) -> bool:
        i = t.index(span.start)
        if t.noise[i] or (t.office[i] and not registration_ok):
            return False
        return registration_ok or not t.registration[i] or i == event_index

    streets = [s for s in find_streets(t.text) if usable(s)]
    cities = find_cities(t.text, t.folded)
    all_streets = find_streets(t.text)
    cities = [c for c in cities if not any(s.start <= c.start < s.end for s in all_streets)]
    venues = [v for v in find_venues(t.text, t.folded) if usable(v)]
    online = any(_ONLINE.search(s) for i, s in enumerate(t.folded_sentences) if not t.noise[i])

    venue = street = None
    if kind != "call_for_applications":
        venue = _pick(venues, t, event_index)
        if venue:
            proposal.venue_name = venue.value
            proposal.evidence["venue_name"] = t.snippet(venue.start)
        street = _pick(streets, t, event_index, t.index(venue.start) if venue else None)
        if street:
            proposal.street_address = street.value
            proposal.evidence["street_address"] = t.snippet(street.start)
    usable_cities = [
        c for c in cities if usable(c, registration_ok=kind == "call_for_applications")
    ]
    anchor = street or venue
    city = _pick(usable_cities, t, event_index, t.index(anchor.start) if anchor else None)
    if city:
        proposal.city = city.value
        proposal.evidence["city"] = t.snippet(city.start)
    if online:
        proposal.online = True
        i = next(
            i for i, s in enumerate(t.folded_sentences) if not t.noise[i] and _ONLINE.search(s)
        )
        proposal.evidence["online"] = t.source[t.spans[i][0] : t.spans[i][1]]
    elif kind == "call_for_applications":
        place = [c for c in usable_cities if not t.registration[t.index(c.start)]]
        if place:
            proposal.online = False
            proposal.evidence["online"] = t.snippet(place[0].start)
    elif venue or street or city:
        proposal.online = False
        proposal.evidence["online"] = t.snippet((venue or street or city).start)  # type: ignore[union-attr]


def _contact(t: _Text, a: int, b: int) -> tuple[int, int] | None:
    sentence = t.text[a:b]
    folded = t.folded[a:b]
    emails = list(_EMAIL.finditer(sentence))
    if emails:
        m = emails[0]
        return a + m.start(), a + m.end()
    for m in _URL.finditer(folded):
        if m.start() > 0 and folded[m.start() - 1] == "@":
            continue
        if "@" in folded[m.start() : m.end()]:
            continue
        end = m.end()
        while end > m.start() and t.text[a + end - 1] in ".,:;!?":
            end -= 1
        return a + m.start(), a + end
    phone = _PHONE.search(sentence)
    if phone:
        return a + phone.start(), a + phone.end()
    return None


def _registration(t: _Text, proposal: Proposal) -> None:
    indices = [i for i in range(len(t.spans)) if t.registration[i] and not t.noise[i]]
    if not indices:
        return
    for i in indices:
        a, b = t.spans[i]
        found = _contact(t, a, b)
        if found:
            start, end = found
            words_start = start
            head = t.text[a:start]
            words = list(re.finditer(r"\S+", head))[-3:]
            for w in reversed(words):
                if re.search(r"\d|[,;.!?)]$", w.group()) and not w.group().endswith(":"):
                    break
                words_start = a + w.start()
            proposal.registration_how = t.text[words_start:end].strip()
            proposal.evidence["registration_how"] = t.snippet(start)
            return
    if _NO_REGISTRATION.search(t.folded):
        return
    for i in indices:
        a, b = t.spans[i]
        folded = t.folded[a:b]
        cue = re.search(
            r"\bzapis\w*|\bzglosz\w*|\bzglasza\w*(?: sie)?|\bwnioski\b(?: \w+)?"
            r"|\bbilety\b|\bwplaty\b",
            folded,
        )
        if not cue:
            continue
        rest = folded[cue.end() :]
        rest = re.sub(
            r"\b(?:do(?: dnia)?|najpozniej do)\s+\S+(?:\s+(?:" + _MONTHS_OR_YEAR + r"))*",
            lambda m: " " * len(m.group()),
            rest,
        )
        channel = _CHANNEL.search(rest)
        if not channel:
            continue
        start = a + cue.end() + channel.start()
        value = t.text[start:b].strip(" .!;,")
        if value:
            proposal.registration_how = value
            proposal.evidence["registration_how"] = t.snippet(start)
            return


_MONTHS_OR_YEAR = r"\S*(?:nia|ego|ca|aja|ada)\b|(?:19|20)\d\d|r\.|roku"


def _accessibility(t: _Text, proposal: Proposal) -> None:
    items: list[str] = []
    for i, sentence in enumerate(t.folded_sentences):
        if t.bad(i):
            continue
        for item in access.find_accessibility(sentence):
            if item not in items:
                items.append(item)
                proposal.evidence.setdefault(
                    "accessibility", t.source[t.spans[i][0] : t.spans[i][1]]
                )
    proposal.accessibility = items
