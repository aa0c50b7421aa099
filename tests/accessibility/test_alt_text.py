"""The alt-text checker's contract: texts editors may use and texts it refuses (issue 3).

Every example was written for this table; the good ones say what the image shows or tells,
the bad ones name only the kind of file or image."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from biuletyn.accessibility.alt_text import MAX_LENGTH, check_alt_text

pytestmark = pytest.mark.unit

GOOD = [
    "Plakat: spotkanie organizacji pozarządowych z władzami miasta, 12 marca, godz. 17:00",
    "Tłumaczka PJM stoi obok prelegenta na scenie sali konferencyjnej",
    "Rampa z poręczami prowadząca do bocznego wejścia biblioteki",
    "Uczestnicy warsztatów siedzą przy okrągłym stole i oglądają mapę dzielnicy",
    "Mężczyzna na wózku wjeżdża windą na peron dworca",
    "Wykres: liczba wniosków o dofinansowanie wzrosła z 40 w 2023 r. do 65 w 2024 r.",
    "Logo Fundacji Równe Szanse: dwie dłonie tworzące koło",
    "Pies przewodnik w szelkach leży przy nogach właścicielki w sali obrad",
    "Mapa dojazdu: przystanek autobusowy 200 metrów od wejścia do centrum kultury",
    "Ulotka o bezpłatnych konsultacjach prawnych w każdy wtorek w Punkcie Informacji",
    "Dziedziniec zamku z ławkami w cieniu drzew, widok od strony bramy",
    "Piktogram toalety dostępnej dla osób z niepełnosprawnościami na drzwiach",
    "Dwie wolontariuszki w żółtych kamizelkach wskazują drogę do szatni",
    "Zrzut ekranu formularza zgłoszeniowego z zaznaczonym polem na potrzeby dostępności",
    "Pętla indukcyjna: niebieska tabliczka z symbolem ucha i literą T przy kasie",
    "Grupa seniorów ćwiczy na matach w parku podczas porannych zajęć",
    "Prezydent miasta podpisuje porozumienie z przedstawicielami rady seniorów",
    "Schemat sali: scena z przodu, miejsca dla osób na wózkach w pierwszym rzędzie",
    "Zdjęcie z ubiegłorocznego festynu: dzieci malują twarze przy stoisku fundacji",
    "Okładka przewodnika w tekście łatwym do czytania z ilustracją autobusu",
    "Kobieta z białą laską idzie ścieżką dotykową w hali dworca",
    "Napis na banerze: Nic o nas bez nas",
    "Poster: sign-language café every Friday at 6 pm in the city library",
    "A ramp with handrails leading to the side entrance of the town hall",
    "Volunteers hand out large-print programmes at the entrance",
    "Chart showing that two in three venues now have step-free access",
    "Harmonogram konsultacji: od 10 czerwca do 8 września, trzy spotkania otwarte",
    "Sala kameralna z krzesłami ustawionymi w półkole i ekranem z napisami",
    "Budynek urzędu od strony parkingu z dwoma miejscami dla osób z niepełnosprawnościami",
    "Członkinie zarządu stowarzyszenia trzymają dyplom za wolontariat roku",
    "Tablica z alfabetem Braille'a przy wejściu do muzeum",
]

BAD = [
    ("", "empty"),
    ("   ", "empty"),
    ("IMG_2041.jpg", "file_name"),
    ("DSC-0012", "file_name"),
    ("plakat_final_v2.png", "file_name"),
    ("zdjecie.jpeg", "file_name"),
    ("PXL_20240611_101500", "file_name"),
    ("Zrzut ekranu 2024-06-11 o 10.15.00.png", "file_name"),
    ("baner_strona_glowna", "file_name"),
    ("zdjęcie", "generic"),
    ("Zdjęcie", "generic"),
    ("obraz", "generic"),
    ("obrazek", "generic"),
    ("grafika", "generic"),
    ("plakat", "generic"),
    ("Plakat informacyjny", "generic"),
    ("Plakat informacyjny promujący wydarzenie", "generic"),
    ("Grafika promująca wydarzenie", "generic"),
    ("Ilustracja do artykułu", "generic"),
    ("Zdjęcie poglądowe", "generic"),
    ("Ulotka informacyjna", "generic"),
    ("Baner promocyjny", "generic"),
    ("Logo", "generic"),
    ("Ikona", "generic"),
    ("Miniatura wpisu", "generic"),
    ("Zrzut ekranu", "generic"),
    ("Grafika dekoracyjna", "generic"),
    ("image", "generic"),
    ("Photo", "generic"),
    ("Promotional poster for the event", "generic"),
    ("picture of the event", "generic"),
    ("Informacja o wydarzeniu", "generic"),
    ("Plakat wydarzenia", "generic"),
    ("x" * (MAX_LENGTH + 1), "too_long"),
]


@pytest.mark.parametrize("text", GOOD)
def test_good_alt_text_is_accepted(text):
    assert check_alt_text(text) is None


@pytest.mark.parametrize(("text", "code"), BAD)
def test_bad_alt_text_is_refused_with_a_reason(text, code):
    problem = check_alt_text(text)

    assert problem is not None
    assert problem.code == code
    assert len(problem.message) > 30


def test_the_table_is_large_enough():
    assert len(GOOD) >= 30
    assert len(BAD) >= 30


def test_message_quotes_the_generic_text():
    problem = check_alt_text("Plakat informacyjny promujący wydarzenie")

    assert problem is not None
    assert "Plakat informacyjny promujący wydarzenie" in problem.message


@given(st.text(max_size=400))
def test_checker_never_fails_on_any_text(text):
    problem = check_alt_text(text)

    assert problem is None or problem.code in {"empty", "file_name", "too_long", "generic"}
