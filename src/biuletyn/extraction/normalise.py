"""Text normalisation for the extractor: Unicode, dashes, odd spaces, and a *folded* copy of the
text (lower case, no diacritics) of exactly the same length, so that a match in the folded text
gives the span of the original."""

from __future__ import annotations

import re
import unicodedata

_SPACES = dict.fromkeys(
    map(ord, "\u00a0\u2007\u202f\u2009\u200a\u2002\u2003\u2004\u2005\u2006\u3000\t\x0b\x0c"), " "
)
_DASHES = dict.fromkeys(map(ord, "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u2043"), "-")
_ZERO = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad\x00"), " ")
_OTHER = {ord("\r"): "\n", ord("\u2028"): "\n", ord("\u2029"): "\n"}
_TABLE = {**_SPACES, **_DASHES, **_ZERO, **_OTHER}

_FOLD = str.maketrans("ąćęłńóśźżĄĆĘŁŃÓŚŹŻ", "acelnoszzACELNOSZZ")


def clean(text: str) -> str:
    """NFC, one kind of space and dash; the length may change only through NFC."""
    text = unicodedata.normalize("NFC", text)
    return text.translate(_TABLE)


def _fold_char(char: str) -> str:
    low = char.lower()
    if len(low) != 1:
        low = char
    low = low.translate(_FOLD)
    if ord(low) < 128:
        return low
    base = unicodedata.normalize("NFD", low)[0]
    return base if ord(base) < 128 else low


def fold(text: str) -> str:
    """Lower case without diacritics, of the same length as `text`."""
    return "".join(_fold_char(c) for c in text)


_ABBREVIATIONS = {
    "ul",
    "al",
    "pl",
    "os",
    "godz",
    "tel",
    "nr",
    "św",
    "sw",
    "pw",
    "pon",
    "wt",
    "śr",
    "sr",
    "czw",
    "pt",
    "sob",
    "niedz",
    "ok",
    "p",
    "im",
    "ks",
    "dr",
    "prof",
    "mgr",
    "inż",
    "inz",
    "ew",
    "np",
    "tj",
    "tzw",
    "m.in",
    "in",
    "wg",
    "zob",
    "ds",
    "br",
    "pn",
}
_SENTENCE_END = re.compile(r"[.!?]+(?=\s)|\n+|\s\|\s")


def sentences(text: str) -> list[tuple[int, int]]:
    """Spans of sentences (and lines, and menu items separated by " | ")."""
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        end = match.end()
        mark = match.group()
        if mark.startswith("."):
            before = text[start : match.start()].rsplit(None, 1)
            word = re.split(r"[^\w.]", before[-1].lower())[-1].strip(".") if before else ""
            after = text[end : end + 3].lstrip()
            if word in _ABBREVIATIONS:
                continue
            if word.isdigit() and re.match(r"[IVX]+\b", text[end : end + 6].lstrip()):
                continue
            if re.fullmatch(r"[ivxlc]+", word) and after[:1].isdigit():
                continue
            if after[:1] and not (after[:1].isupper() or after[:1] in '„"(' or after[:1].isdigit()):
                continue
        if text[start:end].strip():
            spans.append((start, end))
        start = end
    if text[start:].strip():
        spans.append((start, len(text)))
    return [_strip(text, a, b) for a, b in spans]


def _strip(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and text[a] in " \n|":
        a += 1
    while b > a and text[b - 1] in " \n|":
        b -= 1
    return a, b
