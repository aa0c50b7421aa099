"""Places in Polish text: street addresses ("ul. Narutowicza 4", "pl. Litewski 1", "Rynek Wielki
13"), towns of the Lublin region in any case ("w Świdniku" is Świdnik, also without diacritics) and
venue names ("w Centrum Kultury", "sala widowiskowa GOK", "Klub Seniora „Wrzos”")."""

from __future__ import annotations

import re
from dataclasses import dataclass

from biuletyn.extraction.normalise import fold

__all__ = ["Span", "find_cities", "find_streets", "find_venues"]


@dataclass
class Span:
    start: int
    end: int
    value: str
    labelled: bool = False  # after "Miejsce:" or "Gdzie:"


_UP = "A-ZĄĆĘŁŃÓŚŹŻ"
_LOW = "a-ząćęłńóśźż"
_WORD = rf"[{_UP}][{_UP}{_LOW}'-]*"
_TOKEN = rf"(?:{_WORD}|[{_UP}]\.|\d{{1,2}}(?=\s+[{_UP}][{_LOW}]+\s+\d)|[IVX]+\b)"
_NUMBER = r"\d+[a-zA-Z]?(?:/\d+[a-zA-Z]?)?\b"
_STREET = re.compile(
    rf"(?P<p>\b(?:[uU]l\.|[uU]lic[ay]\b|[aA]l\.|[aA]lej[ai]\b|[aA]leja\b|[pP]l\.|[oO]s\.))\s*"
    rf"(?P<name>{_TOKEN}(?:\s+{_TOKEN}){{0,4}})(?:\s+(?P<num>{_NUMBER}))?"
    rf"|(?P<p2>\b(?:Plac|Placu|Rynek|Rynku|Osiedle)\b)\s+(?P<name2>{_TOKEN}(?:\s+{_TOKEN}){{0,3}})\s+(?P<num2>{_NUMBER})"
)


def find_streets(text: str) -> list[Span]:
    spans = []
    for match in _STREET.finditer(text):
        if match.group("p"):
            prefix = match.group("p").lower()
            if match.group("num") is None and not prefix.startswith("ul"):
                continue
            end = match.end()
        else:
            end = match.end()
        value = text[match.start() : end].strip()
        spans.append(Span(match.start(), end, value))
    return spans


# Nominative: the other forms (locative, genitive, instrumental) as they follow "w", "z", "do".
_TOWNS: dict[str, tuple[str, ...]] = {
    "Lublin": ("Lublinie", "Lublina", "Lublinem"),
    "Świdnik": ("Świdniku", "Świdnika"),
    "Chełm": ("Chełmie", "Chełma"),
    "Zamość": ("Zamościu", "Zamościa"),
    "Biała Podlaska": ("Białej Podlaskiej", "Białą Podlaską"),
    "Puławy": ("Puławach", "Puław"),
    "Kraśnik": ("Kraśniku", "Kraśnika"),
    "Łęczna": ("Łęcznej", "Łęczną"),
    "Lubartów": ("Lubartowie", "Lubartowa"),
    "Biłgoraj": ("Biłgoraju", "Biłgoraja"),
    "Hrubieszów": ("Hrubieszowie", "Hrubieszowa"),
    "Tomaszów Lubelski": ("Tomaszowie Lubelskim", "Tomaszowa Lubelskiego"),
    "Krasnystaw": ("Krasnymstawie", "Krasnegostawu"),
    "Łuków": ("Łukowie", "Łukowa"),
    "Radzyń Podlaski": ("Radzyniu Podlaskim", "Radzynia Podlaskiego"),
    "Ryki": ("Rykach", "Ryk"),
    "Parczew": ("Parczewie", "Parczewa"),
    "Włodawa": ("Włodawie", "Włodawy"),
    "Opole Lubelskie": ("Opolu Lubelskim", "Opola Lubelskiego"),
    "Janów Lubelski": ("Janowie Lubelskim", "Janowa Lubelskiego"),
    "Kazimierz Dolny": ("Kazimierzu Dolnym", "Kazimierza Dolnego"),
    "Nałęczów": ("Nałęczowie", "Nałęczowa"),
    "Niemce": ("Niemcach",),
    "Bełżyce": ("Bełżycach", "Bełżyc"),
    "Piaski": ("Piaskach",),
    "Poniatowa": ("Poniatowej",),
    "Konopnica": ("Konopnicy",),
    "Międzyrzec Podlaski": ("Międzyrzecu Podlaskim", "Międzyrzeca Podlaskiego"),
    "Dęblin": ("Dęblinie", "Dęblina"),
    "Bychawa": ("Bychawie", "Bychawy"),
    "Kock": ("Kocku", "Kocka"),
    "Szczebrzeszyn": ("Szczebrzeszynie", "Szczebrzeszyna"),
    "Krasnobród": ("Krasnobrodzie", "Krasnobrodu"),
    "Zwierzyniec": ("Zwierzyńcu", "Zwierzyńca"),
    "Terespol": ("Terespolu", "Terespola"),
    "Rejowiec Fabryczny": ("Rejowcu Fabrycznym",),
    "Ostrów Lubelski": ("Ostrowie Lubelskim",),
    "Annopol": ("Annopolu",),
    "Frampol": ("Frampolu",),
    "Tyszowce": ("Tyszowcach",),
    "Józefów": ("Józefowie",),
    "Jastków": ("Jastkowie",),
    "Wólka": ("Wólce",),
    "Mełgiew": ("Mełgwi",),
    "Stoczek Łukowski": ("Stoczku Łukowskim",),
    "Łaszczów": ("Łaszczowie",),
    "Końskowola": ("Końskowoli",),
    "Kurów": ("Kurowie",),
    "Wąwolnica": ("Wąwolnicy",),
    "Urzędów": ("Urzędowie",),
    "Modliborzyce": ("Modliborzycach",),
    "Firlej": ("Firleju",),
    "Garbów": ("Garbowie",),
    "Głusk": ("Głusku",),
    "Strzyżewice": ("Strzyżewicach",),
    "Zemborzyce": ("Zemborzycach",),
}
_FORMS: dict[str, str] = {}
for _name, _others in _TOWNS.items():
    for _form in (_name, *_others):
        _FORMS[fold(_form)] = _name
_CITY = re.compile(
    r"\b(?:" + "|".join(sorted(map(re.escape, _FORMS), key=len, reverse=True)) + r")\b"
)


def find_cities(text: str, folded: str) -> list[Span]:
    spans = []
    for match in _CITY.finditer(folded):
        first = text[match.start()]
        if not first.isupper():
            continue
        spans.append(Span(match.start(), match.end(), _FORMS[match.group()]))
    return spans


_KEYWORDS = (
    r"centr(?:um)|dom(?:u|em)?|osrod(?:ek|ka|ku|kiem)|bibliote(?:ka|ce|ki|ke)|fili(?:a|i)"
    r"|klub(?:ie|u)?|sal(?:a|i|e)|aul(?:a|i|e)|galeri(?:a|i)|muzeum|teatr(?:ze|u)?|kin(?:o|ie)"
    r"|hal(?:a|i|e|ą|a)|szkol(?:a|e|y)|kosciol|kosciele|kosciola|park(?:u)?|plac(?:u)?|ogrod(?:zie)?"
    r"|kawiarni(?:a)?|restauracj(?:a|i)|swietlic(?:a|y|e)|poradni(?:a)?|urzed(?:u|zie)|urzad"
    r"|wydzial(?:e)?|stadion(?:ie)?|siedzib(?:a|ie)|amfiteatr(?:ze)?|filharmoni(?:a|i)"
    r"|uniwersytet(?:u|cie)?|akademi(?:a|i)|instytut(?:u|cie)?|hotel(?:u|u)?|pensjonat(?:u|cie)?"
    r"|kaplic(?:a|y)|remiz(?:a|ie)|pawilon(?:ie)?|scen(?:a|ie)|zamk(?:u)|zamek|mediatece|mediateka"
)
_KEYWORD = re.compile(r"\b(?:" + _KEYWORDS + r")\b")
_ROOMS = {"sala", "sali", "sale", "aula", "auli", "aule"}
_ADJ_AFTER = re.compile(
    rf"[{_LOW}]+(?:owa|owej|owy|owym|ny|na|nej|nym|ne|ski|ska|skiej|skim|kiej|kim|wej|wym|ych)\b"
)
_ADJ_BEFORE = re.compile(
    rf"[{_UP}][{_LOW}]+(?:ski|skie|skiej|skim|skiego|ska|cki|ckie|ckiej|ckim|ckiego|ny|ne|nej|nego|nym|na|wy|we|wej|wego|wym|wa)$"
)
_QUOTED = re.compile(r"\s*[„\"«][^”\"»\n]{1,60}[”\"»]")
_CAP = re.compile(rf"\s+(?:{_WORD}(?:-{_WORD})?|[A-Z]{{2,}})")
_NR = re.compile(r"\s+nr\s+\d+[a-z]?")
_PW = re.compile(rf"\s+(?:pw\.|p\.w\.|im\.)(?:\s+(?:św\.|sw\.|bł\.))?(?=\s+[{_UP}])")
_AND = re.compile(rf"\s+i(?=\s+[{_UP}])")
_ORGANISER = re.compile(r"\s*(?:w\s+\w+(?:\s+\w+)?\s+)?(?:zaprasza|organizuje|oglasza|oferuje)")
_LABEL = re.compile(r"(?:miejsce|gdzie)\s*:\s*$")


def _extend(text: str, pos: int) -> int:
    """The end of a venue's name that starts with a keyword ending at `pos`."""
    adjective = _ADJ_AFTER.match(text, pos + 1) if text[pos : pos + 1] == " " else None
    if adjective:
        pos = adjective.end()
    while True:
        for pattern in (_QUOTED, _NR, _PW, _CAP, _AND):
            match = pattern.match(text, pos)
            if match:
                if pattern is _AND and not _CAP.match(text, match.end()):
                    continue
                if pattern is _CAP and fold(match.group().strip()) in _STOP_CAPS:
                    continue
                pos = match.end()
                break
        else:
            return pos


_STOP_CAPS = (
    {
        "ul",
        "al",
        "pl",
        "w",
        "we",
        "i",
        "oraz",
        "na",
        "przy",
        "od",
        "do",
        "z",
        "ze",
        "dla",
        "miejsce",
        "gdzie",
        "zapraszamy",
    }
    | {fold(f) for forms in _TOWNS.values() for f in forms}
    | {fold(n) for n in _TOWNS}
)


def find_venues(text: str, folded: str) -> list[Span]:
    spans: list[Span] = []
    for match in _KEYWORD.finditer(folded):
        if spans and match.start() < spans[-1].end:
            continue
        start = match.start()
        before = text[:start]
        words = before.rstrip().rsplit(None, 1)
        if words and before.endswith(" ") and _ADJ_BEFORE.search(words[-1]) and len(words[-1]) > 3:
            start = len(before.rstrip()) - len(words[-1])
        elif (
            words
            and words[-1][:1].isupper()
            and words[-1][-1].isalpha()
            and fold(words[-1]) not in _STOP_CAPS
        ):
            continue  # "Dni Otwarte Uniwersytetu…": part of another name
        end = _extend(text, match.end())
        value = text[start:end].strip(" ,.;:")
        keyword = match.group()
        if end == match.end() and not folded.startswith(" przy ", end):
            continue
        if _ORGANISER.match(folded, end):
            continue
        if re.match(r"\s+(?:dostepn|przystosowan|dostosowan)", folded[match.end() :]):
            continue
        labelled = bool(_LABEL.search(folded[max(0, start - 12) : start]))
        room_only = keyword in _ROOMS and bool(re.fullmatch(r"\S+\s+nr\s+\d+[a-z]?", value))
        if room_only:
            continue
        spans.append(Span(start, end, value, labelled))
    return spans
