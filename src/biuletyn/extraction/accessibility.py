"""The accessibility provisions a text says an event offers ("tłumaczone na PJM", "pętla
indukcyjna", "bez schodów"), not those it says are missing ("nie zapewniamy tłumacza PJM").
Works on the folded text, sentence by sentence."""

from __future__ import annotations

import re

__all__ = ["ITEMS", "find_accessibility"]

ITEMS = (
    "pjm_interpreter",
    "step_free_access",
    "assistant",
    "induction_loop",
    "captions",
    "easy_to_read",
    "audio_description",
    "accessible_toilet",
    "parking",
)
_RULES: list[tuple[str, re.Pattern[str]]] = [
    (
        "pjm_interpreter",
        re.compile(
            r"\bpjm\b|jezyk\w* migow|jezyku migowym|tlumacz\w* (?:jezyka )?migow|\bmigow\w+ tlumacz"
        ),
    ),
    (
        "step_free_access",
        re.compile(
            r"bez barier architektonicznych|bez schodow|\bwind(?:a|y|e|ą)\b|\bpodjazd\w*"
            r"|na parterze"
            r"|dla osob (?:poruszajacych sie )?na wozkach"
            r"|przystosowan\w* (?:do|dla) (?:\w+ ){0,3}wozk"
            r"|dostosowan\w* do potrzeb osob (?:poruszajacych sie )?na wozkach"
            r"|dostepn\w* dla osob na wozk"
            r"|dostepn\w* dla osob poruszajacych"
        ),
    ),
    (
        "assistant",
        re.compile(r"\basysten(?:t|ci|tow|tami|tka|tki|tek)\b|\bzapewniamy asystencj\w*|-asysten"),
    ),
    ("induction_loop", re.compile(r"petl\w* indukcyjn")),
    ("captions", re.compile(r"\bnapis\w*|transkrypcj\w*|transkrybowan\w*|\bcart\b")),
    ("easy_to_read", re.compile(r"latw\w* do czytania|\betr\b|tekst\w* latw\w*|latwym jezyku")),
    ("audio_description", re.compile(r"audiodeskrypcj\w*")),
    (
        "accessible_toilet",
        re.compile(r"toalet\w* (?:\w+ )?(?:dostosowan|przystosowan|dla osob z niepelnospr)"),
    ),
    ("parking", re.compile(r"miejsc\w* parkingow\w* dla osob|\bkopert\w*")),
    ("other:pies asystujący", re.compile(r"ps\w* asystuj\w*|pies\w* asystuj\w*")),
    ("other:pies przewodnik", re.compile(r"\bps\w* przewodnik\w*|\bpies przewodnik")),
]
_NEGATION = re.compile(r"\b(?:nie|brak|bez)\b(?:\s+\w+){0,3}\s*$")
_QUOTE = re.compile(r"[„\"«][^”\"»\n]*[”\"»]")


def find_accessibility(folded_sentence: str) -> list[str]:
    text = _QUOTE.sub(lambda m: " " * len(m.group()), folded_sentence)
    found = []
    for item, pattern in _RULES:
        for match in pattern.finditer(text):
            before = text[max(0, match.start() - 40) : match.start()]
            clause = re.split(r"[,;:]", before)[-1]
            if _NEGATION.search(clause) and not match.group().startswith("bez "):
                continue
            if re.search(r"\b(?:nie|brak)\b", clause) or re.search(
                r"\b(?:nie ma|niestety)\b", before
            ):
                continue
            found.append(item)
            break
    return found
