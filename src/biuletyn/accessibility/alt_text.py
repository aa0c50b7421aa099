"""Checks on image alternative text, in the editor's language.

An alt text must say what the image shows or what it tells, not what kind of file it is. The
checker refuses three kinds of text and explains why each time:

* a file name ("IMG_2041.jpg", "plakat_final_v2.png");
* text made only of words that name the kind of image or its purpose ("zdjęcie", "grafika",
  "Plakat informacyjny promujący wydarzenie"): after lemmatising (simplemma, Polish and
  English), every word is in ``GENERIC_LEMMAS`` or is a function word;
* text longer than ``MAX_LENGTH``: long text belongs in the image's text version, shown to
  every reader, not in an attribute only screen readers announce.

The examples in tests/accessibility/test_alt_text.py are the contract.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

import simplemma
from django.utils.translation import gettext_lazy as _

MAX_LENGTH = 250

# Lemmas of words that name the kind, format or purpose of an image, not its content.
GENERIC_LEMMAS = frozenset(
    {
        # Polish
        "zdjęcie",
        "fotografia",
        "fotka",
        "foto",
        "fot",
        "obraz",
        "obrazek",
        "grafika",
        "ilustracja",
        "rysunek",
        "plakat",
        "afisz",
        "ulotka",
        "baner",
        "banner",
        "logo",
        "logotyp",
        "ikona",
        "ikonka",
        "miniatura",
        "zrzut",
        "ekran",
        "skan",
        "plik",
        "załącznik",
        "informacyjny",
        "informacja",
        "promocyjny",
        "promować",
        "promujący",
        "promocja",
        "wydarzenie",
        "wydarzenia",
        "event",
        "ogłoszenie",
        "przedstawiać",
        "przedstawiający",
        "dekoracyjny",
        "ozdobny",
        "element",
        "graficzny",
        "kolorowy",
        "nowy",
        "artykuł",
        "tekst",
        "wpis",
        "post",
        "news",
        "aktualność",
        "materiał",
        "poglądowy",
        "tło",
        "wizualizacja",
        "prezentować",
        "pokazywać",
        "widok",
        "jpg",
        "jpeg",
        "png",
        "gif",
        "webp",
        "pdf",
        # English
        "image",
        "photo",
        "photograph",
        "picture",
        "pic",
        "graphic",
        "illustration",
        "poster",
        "flyer",
        "leaflet",
        "icon",
        "thumbnail",
        "screenshot",
        "scan",
        "file",
        "attachment",
        "promotional",
        "promote",
        "promoting",
        "information",
        "informational",
        "decorative",
        "show",
        "showing",
        "depict",
        "depicting",
        "placeholder",
        "img",
        "untitled",
    }
)
# Function words that neither add nor remove meaning from a generic text.
FUNCTION_WORDS = frozenset(
    {
        "i",
        "oraz",
        "a",
        "w",
        "we",
        "z",
        "ze",
        "na",
        "do",
        "dla",
        "o",
        "od",
        "po",
        "pod",
        "nad",
        "to",
        "jest",
        "ten",
        "ta",
        "tej",
        "tego",
        "który",
        "która",
        "które",
        "nasz",
        "nasza",
        "the",
        "an",
        "of",
        "for",
        "and",
        "in",
        "on",
        "this",
        "that",
        "is",
        "our",
        "with",
        "about",
        "nr",
        "no",
    }
)

_FILE_NAME = re.compile(
    r"""^.*\.(?:jpe?g|png|gif|webp|avif|svg|heic|bmp|tiff?)$       # anything.jpg
      |^(?:img|dsc|dscn|dcim|pxl|p|photo|image|scan|screenshot|zrzut[ _-]?ekranu)
         [\s_-]*\d[\w-]*$                                          # IMG_2041, DSC-0012
      |^[\w-]*_[\w-]*$                                             # plakat_final_v2
    """,
    re.IGNORECASE | re.VERBOSE,
)
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


@dataclass(frozen=True)
class AltTextProblem:
    code: str
    message: str


def _lemmas(text: str) -> list[str]:
    return [simplemma.lemmatize(w.lower(), lang=("pl", "en")) for w in _WORD.findall(text)]


def check_alt_text(text: str) -> AltTextProblem | None:
    """The first problem with ``text`` as alt text for a meaningful image, or None."""
    stripped = " ".join(unicodedata.normalize("NFC", text).split())
    if not stripped:
        return AltTextProblem(
            "empty",
            str(
                _(
                    "Describe what the image shows, or mark it as decorative if it adds "
                    "nothing to the text."
                )
            ),
        )
    if _FILE_NAME.match(stripped):
        return AltTextProblem(
            "file_name",
            str(
                _(
                    "This looks like a file name. Screen readers would read it out as it is. "
                    "Describe what the image shows instead."
                )
            ),
        )
    if len(stripped) > MAX_LENGTH:
        return AltTextProblem(
            "too_long",
            str(
                _(
                    "Alternative text should be at most %(max)d characters. Put the full text "
                    "of a poster or chart in the image's text version, which every reader sees."
                )
                % {"max": MAX_LENGTH}
            ),
        )
    words = [w.lower() for w in _WORD.findall(stripped)]
    meaningful = [
        (word, lemma)
        for word, lemma in zip(words, _lemmas(stripped), strict=True)
        if word not in FUNCTION_WORDS and lemma not in FUNCTION_WORDS
    ]
    if all(word in GENERIC_LEMMAS or lemma in GENERIC_LEMMAS for word, lemma in meaningful):
        return AltTextProblem(
            "generic",
            str(
                _(
                    "“%(text)s” only says what kind of image this is, not what it shows. Say "
                    "who or what is in it and what it tells the reader, for example: "
                    "“Poster: meeting of NGOs with the City, 20 June at 4 pm, Culture Centre”."
                )
                % {"text": stripped}
            ),
        )
    return None
