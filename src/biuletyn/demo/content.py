"""The demo's texts and data as plain Python structures. The loader (loader.py) turns them into
pages, snippets, images and documents; images.py draws the images described here.

References between objects use keys: ``"org:federation"``-style keys are resolved by the loader,
so this module needs no database. Article bodies are lists of ``(block type, value)`` pairs:

* ``("paragraph", "<p>…</p>")``, ``("heading", "…")``, ``("subheading", "…")``;
* ``("image", (image key, caption))``, ``("quote", (text, attribution))``;
* ``("document", (document key, link text))``, ``("contact", (organisation key, heading))``;
* ``("table", {"caption": …, "columns": [(column type, heading)], "rows": [[cell, …]]})``,
  column types being ``"text"`` and ``"number"``.

Phone numbers, e-mail addresses and websites of the invented organisations are made up (example
domains). Only the City of Lublin department and its meetings of March and 20 June 2024 are real
(the March day is invented). Venues at ul. Przykładowa are invented; the others are real places,
but every venue's accessibility profile and notes are demo data, not a survey of the building.
"""

from __future__ import annotations

from typing import Any

HOME_TITLES = {"pl": "Biuletyn", "en": "Biuletyn"}
HOME_INTROS = {
    "pl": (
        "<p>Wiadomości, wydarzenia i konsultacje dla osób z niepełnosprawnościami, ich rodzin "
        "i organizacji, które je wspierają. Piszemy prosto, opisujemy obrazy i przed każdym "
        "spotkaniem mówimy, jak jest dostępne.</p>"
    ),
    "en": (
        "<p>News, events and consultations for disabled people, their families and the "
        "organisations that support them. We write plainly, describe every image and say in "
        "advance how accessible each meeting is.</p>"
    ),
}

# --- the bulletin ---------------------------------------------------------------------------

BULLETIN: dict[str, Any] = {
    "slug": "biuletyn",
    "pl": {
        "title": "Biuletyn",
        "intro": (
            "Najnowsze wiadomości dla osób z niepełnosprawnościami z Lublina i regionu: "
            "spotkania, konsultacje, prawo i świadczenia oraz zmiany w mieście. Możesz je "
            "przeglądać według kategorii, tagów i miesięcy."
        ),
    },
    "en": {
        "title": "Bulletin",
        "slug": "bulletin",
        "intro": (
            "The latest news for disabled people in Lublin and the region: meetings, "
            "consultations, rights and benefits, and changes in the city. Most articles are in "
            "Polish; those we have translated are in English."
        ),
    },
}

CATEGORIES: list[dict[str, Any]] = [
    {
        "key": "events",
        "pl": {
            "name": "Wydarzenia i spotkania",
            "slug": "wydarzenia-i-spotkania",
            "description": "Spotkania, kursy i zajęcia, na które możesz przyjść.",
        },
        "en": {
            "name": "Events and meetings",
            "slug": "events-and-meetings",
            "description": "Meetings, courses and classes you can come to.",
        },
    },
    {
        "key": "consultations",
        "pl": {
            "name": "Konsultacje społeczne",
            "slug": "konsultacje-spoleczne",
            "description": "Sprawy, w których miasto i instytucje pytają o zdanie mieszkańców.",
        },
        "en": {
            "name": "Public consultations",
            "slug": "public-consultations",
            "description": "Matters on which the city and public bodies ask residents' views.",
        },
    },
    {
        "key": "law",
        "pl": {
            "name": "Prawo i świadczenia",
            "slug": "prawo-i-swiadczenia",
            "description": "Twoje prawa, orzeczenia, ulgi i pieniądze, o które możesz się starać.",
        },
        "en": {
            "name": "Rights and benefits",
            "slug": "rights-and-benefits",
            "description": "Your rights, disability certificates, concessions and grants.",
        },
    },
    {
        "key": "city",
        "pl": {
            "name": "Dostępność miasta",
            "slug": "dostepnosc-miasta",
            "description": "Wejścia, przejścia, przystanki i urzędy: co się zmienia w Lublinie.",
        },
        "en": {
            "name": "Accessible city",
            "slug": "accessible-city",
            "description": "Entrances, crossings, stops and offices: what changes in Lublin.",
        },
    },
]

# --- organisations ----------------------------------------------------------------------------

ORGANISATIONS: list[dict[str, Any]] = [
    {
        "key": "city",
        "name": "Wydział Inicjatyw i Programów Społecznych Urzędu Miasta Lublin",
        "slug": "wydzial-inicjatyw-i-programow-spolecznych",
        "short_description": (
            "Wydział urzędu miasta, który odpowiada za współpracę Lublina z organizacjami "
            "pozarządowymi."
        ),
        "street_address": "ul. Leszczyńskiego 23",
        "postcode": "20-068",
        "city": "Lublin",
        "phone": "81 466 30 50",
        "email": "wips@lublin.eu",
        "website": "https://lublin.eu/",
        "opening_hours": "poniedziałek–piątek 7:30–15:30",
    },
    {
        "key": "federation",
        "name": "Federacja Organizacji Pozarządowych „Szerokie Drzwi”",
        "slug": "federacja-szerokie-drzwi",
        "short_description": (
            "Zrzesza lubelskie organizacje osób z niepełnosprawnościami i wydaje ten biuletyn."
        ),
        "street_address": "ul. Przykładowa 12",
        "postcode": "20-001",
        "city": "Lublin",
        "phone": "81 532 40 10",
        "email": "biuro@szerokie-drzwi.example.org",
        "website": "https://szerokie-drzwi.example.org/",
        "opening_hours": (
            "poniedziałek–środa 9:00–16:00\n"
            "czwartek 9:00–18:00 (dyżur prawny 14:00–17:00)\n"
            "piątek 9:00–14:00"
        ),
    },
    {
        "key": "deaf",
        "name": "Fundacja „Migowe Okno”",
        "slug": "fundacja-migowe-okno",
        "short_description": (
            "Pomaga osobom Głuchym i słabosłyszącym załatwiać sprawy w polskim języku migowym "
            "i uczy PJM."
        ),
        "street_address": "ul. Przykładowa 30",
        "postcode": "20-002",
        "city": "Lublin",
        "phone": "81 532 77 05",
        "sms": "600 100 481",
        "email": "kontakt@migowe-okno.example.pl",
        "video_call_url": "https://wideo.example.org/migowe-okno",
        "video_call_hours": "poniedziałek–piątek 9:00–17:00",
        "website": "https://migowe-okno.example.pl/",
        "opening_hours": "poniedziałek, środa, piątek 10:00–16:00\nwtorek, czwartek 12:00–18:00",
    },
]

# The organisation that runs the bulletin: its contact goes in every page's footer.
PUBLISHER = "federation"

# A member organisation with its own section, and the account its staff log in with.
MEMBER: dict[str, str] = {
    "organisation": "deaf",
    "section_title": "Fundacja „Migowe Okno”",
    "section_slug": "migowe-okno",
    "section_intro": (
        "Wiadomości Fundacji „Migowe Okno” o sprawach osób Głuchych i słabosłyszących. "
        "Fundacja pisze je sama, a redakcja biuletynu sprawdza przed publikacją."
    ),
    "username": "fundacja",
    "password": "migowe-okno-demo-2026",
    "email": "marek.lis@migowe-okno.example.pl",
    "first_name": "Marek",
    "last_name": "Lis",
}

# --- images -------------------------------------------------------------------------------------

# The poster of the June meeting. images.draw_poster draws exactly these texts, in this order;
# poster_text_version() gives the same texts as the image's text version.
POSTER: list[dict[str, Any]] = [
    {"style": "kicker", "lines": ["Miasto Lublin zaprasza organizacje pozarządowe"]},
    {
        "style": "title",
        "lines": ["Spotkanie o współpracy organizacji pozarządowych z Miastem Lublin"],
    },
    {"style": "subtitle", "lines": ["W drodze do Europejskiej Stolicy Kultury 2029"]},
    {"style": "date", "lines": ["czwartek, 20 czerwca 2024", "godz. 16:00"]},
    {"style": "place", "lines": ["Wirydarz Centrum Kultury w Lublinie"]},
    {
        "style": "list",
        "lines": [
            "Porozmawiamy o:",
            "– Centrum Organizacji Pozarządowych",
            "– zasadach korzystania z lokali miejskich",
            "– Programie współpracy na 2025 rok",
        ],
    },
    {
        "style": "note",
        "lines": ["Konsultacje programu współpracy: od 10 czerwca do 8 września 2024"],
    },
    {
        "style": "contact",
        "lines": [
            "Wydział Inicjatyw i Programów Społecznych",
            "ul. Leszczyńskiego 23, 20-068 Lublin",
            "tel. 81 466 30 50, wips@lublin.eu",
        ],
    },
]


def poster_text_version() -> str:
    """Every text of the poster in reading order: one paragraph per part, one line per line."""
    return "\n\n".join("\n".join(part["lines"]) for part in POSTER)


# A survey the federation ran; the chart and the article's table show the same figures.
SURVEY: dict[str, Any] = {
    "title": "Co przeszkadza w urzędach? Odpowiedzi 214 osób",
    "subtitle": "Można było wskazać kilka odpowiedzi.",
    "respondents": 214,
    "answers": [
        ("Niezrozumiałe pisma i formularze", 116),
        ("Brak informacji o dostępności budynku", 92),
        ("Schody bez pochylni lub windy", 66),
        ("Długie czekanie bez miejsca do siedzenia", 58),
        ("Brak tłumacza PJM na miejscu", 41),
    ],
    "source": "Źródło: ankieta Federacji „Szerokie Drzwi”, kwiecień–maj 2024",
}


def survey_percent(count: int) -> int:
    return round(100 * count / SURVEY["respondents"])


def survey_text_version() -> str:
    answers = "\n".join(f"{label}: {survey_percent(n)}%" for label, n in SURVEY["answers"])
    return "\n\n".join([SURVEY["title"], SURVEY["subtitle"], answers, SURVEY["source"]])


# ``draw``: the function of images.py that draws the image. Descriptions are alt texts: each must
# pass biuletyn.accessibility.alt_text.check_alt_text (the loader checks).
IMAGES: list[dict[str, Any]] = [
    {
        "key": "poster",
        "title": "Zaproszenie na spotkanie organizacji z Miastem Lublin, 20 czerwca 2024",
        "draw": "poster",
        "description": (
            "Plakat: spotkanie organizacji pozarządowych z Miastem Lublin 20 czerwca 2024 "
            "o 16:00 w Wirydarzu Centrum Kultury w Lublinie. Pełny tekst plakatu jest pod "
            "obrazem."
        ),
        "is_poster": True,
        "text_version": poster_text_version(),
    },
    {
        "key": "ramp",
        "title": "Pochylnia przy wejściu do siedziby federacji",
        "draw": "ramp",
        "description": (
            "Pochylnia z podwójną poręczą prowadzi do szerokich, turkusowych drzwi budynku. "
            "Przed pochylnią leży żółty pas płyt z wypustkami."
        ),
    },
    {
        "key": "crossing",
        "title": "Przejście dla pieszych z sygnalizacją dźwiękową",
        "draw": "crossing",
        "description": (
            "Przejście dla pieszych z sygnalizatorem, który świeci na zielono, i głośnikiem na "
            "słupie. Przed krawężnikiem leży żółty pas płyt z wypustkami."
        ),
    },
    {
        "key": "map",
        "title": "Mapa dostępnych miejsc w centrum – pierwsza wersja",
        "draw": "map",
        "description": (
            "Uproszczona mapa kilku ulic z rzeką i parkiem. Zielona linia prowadzi od "
            "przystanku autobusowego do pięciu sprawdzonych miejsc, zaznaczonych żółtymi "
            "kółkami."
        ),
    },
    {
        "key": "videocall",
        "title": "Rozmowa z tłumaczką PJM przez internet",
        "draw": "videocall",
        "description": (
            "Laptop z rozmową wideo. W dużym oknie tłumaczka polskiego języka migowego miga "
            "obiema rękami, w małym okienku widać osobę, z którą rozmawia."
        ),
    },
    {
        "key": "chart",
        "title": "Wyniki ankiety o barierach w urzędach",
        "draw": "chart",
        "description": (
            "Wykres słupkowy z wynikami ankiety o barierach w urzędach: najwięcej osób, 54%, "
            "wskazało niezrozumiałe pisma i formularze. Wszystkie liczby są pod wykresem."
        ),
        "is_poster": True,
        "text_version": survey_text_version(),
    },
    {
        "key": "pattern",
        "title": "Ozdobny pasek z kołami w kolorach biuletynu",
        "draw": "pattern",
        "description": "",
        "is_decorative": True,
    },
]

# --- documents ----------------------------------------------------------------------------------

DOCUMENTS: list[dict[str, str]] = [
    {
        "key": "checklist",
        "title": "Lista kontrolna: dostępne spotkanie",
        "filename": "lista-kontrolna-dostepne-spotkanie.txt",
        "text": """\
LISTA KONTROLNA: DOSTĘPNE SPOTKANIE
Federacja Organizacji Pozarządowych „Szerokie Drzwi”, lipiec 2024

Zaznacz to, co już zrobiłeś. Czego nie da się zrobić, napisz w zaproszeniu.

MIEJSCE
[ ] Wejście bez schodów albo z pochylnią.
[ ] Drzwi mają co najmniej 90 cm szerokości.
[ ] Jest toaleta dostępna dla osób na wózkach.
[ ] Są krzesła dla osób, które nie mogą długo stać.
[ ] Sala jest cicha; jest pętla indukcyjna albo wiesz, gdzie ją wypożyczyć.
[ ] Blisko jest przystanek i miejsce parkingowe dla osób z kartą parkingową.

ZAPROSZENIE
[ ] Napisałeś, jak dostępne jest miejsce.
[ ] Podałeś telefon, SMS i e-mail do zgłaszania potrzeb.
[ ] Podałeś termin zgłaszania potrzeb.
[ ] Jeśli zaproszenie jest plakatem, jego pełny tekst jest obok jako zwykły tekst.

WSPARCIE (zamów z wyprzedzeniem)
[ ] Tłumacz polskiego języka migowego – 14 dni wcześniej.
[ ] Napisy na żywo – 10 dni wcześniej.
[ ] Asystent osoby niewidomej – 7 dni wcześniej.
[ ] Materiały w tekście łatwym do czytania – 14 dni wcześniej.

W DNIU SPOTKANIA
[ ] Ktoś czeka przy wejściu i wskazuje drogę.
[ ] Mówcy używają mikrofonu, także przy pytaniach z sali.
[ ] Slajdy mają duży, wyraźny tekst; mówca czyta na głos to, co na nich jest.
[ ] Są przerwy co najmniej co 60 minut.

Pytania: biuro@szerokie-drzwi.example.org, tel. 81 532 40 10
""",
    },
    {
        "key": "remarks",
        "title": "Jak opisać uwagę do programu współpracy",
        "filename": "jak-opisac-uwage-do-programu-wspolpracy.txt",
        "text": """\
JAK OPISAĆ UWAGĘ DO PROGRAMU WSPÓŁPRACY
Krótka instrukcja Federacji „Szerokie Drzwi”

1. Napisz, którego fragmentu programu dotyczy uwaga (rozdział, punkt).
2. Napisz, co proponujesz: dopisać, skreślić czy zmienić. Podaj nowe brzmienie, jeśli możesz.
3. Uzasadnij w dwóch, trzech zdaniach: kogo dotyczy problem i co zmieni twoja propozycja.
4. Podaj nazwę organizacji i osobę do kontaktu.
5. Wyślij uwagę w terminie konsultacji: od 10 czerwca do 8 września 2024 r.

Przykład:
Punkt: priorytety współpracy.
Propozycja: dopisać „dostępność wydarzeń finansowanych przez miasto dla osób
z niepełnosprawnościami”.
Uzasadnienie: osoby Głuche i niewidome często nie mogą wziąć udziału w wydarzeniach, bo
w budżecie projektu nie ma pieniędzy na tłumacza PJM ani na audiodeskrypcję.

Pomoc w opisaniu uwagi: biuro@szerokie-drzwi.example.org, tel. 81 532 40 10
""",
    },
]

# --- articles -------------------------------------------------------------------------------------

_MEETING_URL = "https://lublin.eu/mieszkancy/partycypacja/organizacje-pozarzadowe/"
_CONSULTATION_URL = "https://lublin.eu/mieszkancy/partycypacja/konsultacje-spoleczne/"

ARTICLES: list[dict[str, Any]] = [
    {
        "slug": "dofinansowanie-likwidacji-barier-w-mieszkaniu",
        "title": "Dofinansowanie likwidacji barier w mieszkaniu: jak się przygotować",
        "date": "2024-02-08 09:00",
        "categories": ["law"],
        "tags": ["bariery architektoniczne", "mieszkanie", "dofinansowanie"],
        "contact": "federation",
        "lead": (
            "Szersze drzwi do łazienki, uchwyty przy toalecie albo podnośnik przy schodach będą "
            "tańsze, jeśli dostaniesz dofinansowanie. Podpowiadamy, co przygotować, zanim "
            "złożysz wniosek."
        ),
        "body": [
            (
                "paragraph",
                "<p>Osoba z niepełnosprawnością może starać się o dofinansowanie prac, które "
                "ułatwią jej codzienne życie w domu. Pieniądze pochodzą z Państwowego Funduszu "
                "Rehabilitacji Osób Niepełnosprawnych, a wnioski przyjmuje powiat. W Lublinie "
                "sprawy te prowadzi Miejski Ośrodek Pomocy Rodzinie. Zanim złożysz wniosek, "
                "sprawdź na jego stronie, do kiedy trwa nabór.</p>",
            ),
            ("heading", "Jakie bariery można usunąć"),
            (
                "paragraph",
                "<ul><li><b>Architektoniczne</b>, na przykład próg, zbyt wąskie drzwi, wanna "
                "zamiast prysznica.</li><li><b>W komunikowaniu się</b>, na przykład brak "
                "sprzętu, który pozwala porozumiewać się z innymi.</li><li><b>Techniczne</b>, "
                "na przykład brak urządzeń, dzięki którym możesz samodzielnie funkcjonować "
                "w mieszkaniu.</li></ul>",
            ),
            ("heading", "Co przygotować"),
            (
                "paragraph",
                "<ol><li>Orzeczenie o niepełnosprawności albo o stopniu niepełnosprawności."
                "</li><li>Krótki opis tego, co utrudnia ci życie w mieszkaniu, i tego, co "
                "chcesz zmienić.</li><li>Zgodę właściciela albo zarządcy budynku, jeśli "
                "mieszkanie nie jest twoje albo prace dotyczą klatki schodowej.</li><li>Ofertę "
                "lub wstępny kosztorys wykonawcy, jeśli już go masz.</li></ol>",
            ),
            (
                "paragraph",
                "<p><b>Ważne:</b> nie zaczynaj prac przed podpisaniem umowy o dofinansowanie. "
                "Pieniędzy wydanych wcześniej nikt ci nie zwróci.</p>",
            ),
            (
                "paragraph",
                "<p>Jeśli potrzebujesz pomocy przy wypełnianiu wniosku, przyjdź do federacji "
                "w czwartek między 10:00 a 14:00. Zadzwoń wcześniej, żeby umówić godzinę.</p>",
            ),
        ],
    },
    {
        "slug": "bezplatne-dyzury-prawne",
        "title": "Bezpłatne dyżury prawne w siedzibie federacji",
        "date": "2024-02-26 11:00",
        "categories": ["law"],
        "tags": ["porady prawne", "orzeczenia", "bezpłatna pomoc"],
        "contact": "federation",
        "lead": (
            "Od marca prawniczka i doradca do spraw orzekania przyjmują w siedzibie federacji "
            "dwa razy w tygodniu. Porada jest bezpłatna, trzeba się tylko wcześniej zapisać."
        ),
        "body": [
            (
                "paragraph",
                "<p>Na dyżur może przyjść każda osoba z niepełnosprawnością, jej rodzic, "
                "opiekun albo ktoś bliski. Pomożemy zrozumieć pismo z urzędu, przygotować "
                "odwołanie od orzeczenia i sprawdzić, jakie świadczenia ci przysługują.</p>",
            ),
            (
                "table",
                {
                    "caption": "Dyżury od marca 2024",
                    "columns": [
                        ("text", "Dzień"),
                        ("text", "Godziny"),
                        ("text", "Kto przyjmuje"),
                        ("text", "W czym pomaga"),
                    ],
                    "rows": [
                        [
                            "wtorek",
                            "10:00–13:00",
                            "prawniczka",
                            "pisma do urzędów, odwołania, sprawy mieszkaniowe",
                        ],
                        [
                            "czwartek",
                            "14:00–17:00",
                            "doradca do spraw orzekania",
                            "wnioski o orzeczenie, karta parkingowa, ulgi",
                        ],
                    ],
                },
            ),
            ("heading", "Jak się zapisać"),
            (
                "paragraph",
                "<p>Zadzwoń albo napisz e-mail. Osoby Głuche mogą umówić się przez Fundację "
                "„Migowe Okno”, która zapewni tłumacza polskiego języka migowego na czas "
                "porady.</p>",
            ),
            ("subheading", "Co zabrać ze sobą"),
            (
                "paragraph",
                "<ul><li>dokument tożsamości,</li><li>pisma, których dotyczy sprawa,</li>"
                "<li>orzeczenie, jeśli je masz.</li></ul>",
            ),
        ],
    },
    {
        "slug": "ngo-i-miasto-o-europejskiej-stolicy-kultury",
        "title": "Organizacje rozmawiały z miastem o drodze do Europejskiej Stolicy Kultury",
        "date": "2024-03-21 15:00",
        "categories": ["events"],
        "tags": ["ESK 2029", "organizacje pozarządowe", "współpraca z miastem"],
        "contact": "city",
        "source": ("lublin.eu", _MEETING_URL),
        "lead": (
            "Na marcowym spotkaniu z urzędem miasta organizacje mówiły, czego potrzebują do "
            "2029 roku. Najczęściej wracał pomysł miejsca, w którym organizacja dostanie "
            "lokal, pomoc w papierach i wsparcie w rozwoju."
        ),
        "body": [
            (
                "paragraph",
                "<p>Lublin stara się o tytuł Europejskiej Stolicy Kultury 2029. Miasto chce, "
                "żeby w przygotowaniach ważną rolę miały organizacje pozarządowe, także te, "
                "które działają z osobami z niepełnosprawnościami i dla nich. Dlatego w marcu "
                "zaprosiło je do rozmowy o tym, jak ma wyglądać współpraca w najbliższych "
                "latach.</p>",
            ),
            ("heading", "Czego potrzebują organizacje"),
            (
                "paragraph",
                "<ul><li>Łatwiejszego nawiązywania kontaktów i partnerstw z innymi "
                "organizacjami.</li><li>Więcej pieniędzy w budżecie miasta na rozwój "
                "organizacji.</li><li>Pomocy w znalezieniu lokalu.</li><li>Wsparcia "
                "w staraniach o pieniądze spoza budżetu miasta.</li></ul>",
            ),
            (
                "paragraph",
                "<p>Najwięcej osób mówiło o potrzebie centrum organizacji pozarządowych. Byłoby "
                "to miejsce, w którym organizacja dostanie pomoc w sprawach administracyjnych, "
                "salę na spotkania i przestrzeń do działania.</p>",
            ),
            ("heading", "Co dalej"),
            (
                "paragraph",
                "<p>Rozmowa ma ciąg dalszy. O kolejnym spotkaniu napiszemy w biuletynie, gdy "
                "tylko poznamy jego termin.</p>",
            ),
        ],
    },
    {
        "slug": "sygnalizacja-dzwiekowa-zglos-przejscie",
        "title": "Przejście bez sygnału dźwiękowego? Zgłoś je do naszej listy",
        "date": "2024-03-28 10:00",
        "categories": ["city"],
        "tags": ["osoby niewidome", "przejścia dla pieszych", "bezpieczeństwo"],
        "contact": "federation",
        "lead": (
            "Zbieramy adresy przejść dla pieszych ze światłami, na których brakuje sygnału "
            "dźwiękowego albo płyt z wypustkami przed krawężnikiem. Listę przekażemy miastu "
            "w maju."
        ),
        "body": [
            (
                "paragraph",
                "<p>Dla osoby niewidomej lub słabowidzącej sygnał dźwiękowy bywa jedyną "
                "informacją, że można bezpiecznie przejść przez jezdnię. Wiele przejść "
                "w Lublinie ma już takie urządzenia, ale nie wszystkie – a niektóre są tak "
                "ciche, że w hałasie ich nie słychać.</p>",
            ),
            (
                "image",
                (
                    "crossing",
                    "Tak wygląda dobrze przygotowane przejście. Ilustracja: Federacja „Szerokie "
                    "Drzwi”.",
                ),
            ),
            ("heading", "Jak zgłosić przejście"),
            (
                "paragraph",
                "<p>Podaj skrzyżowanie albo ulicę i numer najbliższego budynku. Napisz, czego "
                "brakuje: dźwięku, przycisku z wypukłą strzałką czy płyt z wypustkami. "
                "Zgłoszenia przyjmujemy przez telefon, e-mailem i podczas dyżurów.</p>",
            ),
            (
                "quote",
                (
                    "Na przejściu przy mojej przychodni sygnał jest tak cichy, że w godzinach "
                    "szczytu go nie słyszę. Zgłosiłam to, bo chodzę tamtędy co tydzień.",
                    "Pani Halina, czytelniczka biuletynu",
                ),
            ),
        ],
    },
    {
        "slug": "kurs-pjm-dla-pracownikow-urzedow",
        "title": "Kurs polskiego języka migowego dla pracowników urzędów i instytucji",
        "date": "2024-04-10 09:30",
        "categories": ["events"],
        "tags": ["pjm", "osoby głuche", "szkolenia"],
        "contact": "deaf",
        "lead": (
            "Fundacja „Migowe Okno” zaprasza pracowników urzędów, przychodni i bibliotek na "
            "bezpłatny kurs podstaw PJM. Zajęcia zaczynają się w maju, liczba miejsc jest "
            "ograniczona."
        ),
        "body": [
            (
                "paragraph",
                "<p>Na kursie nauczysz się przywitać osobę Głuchą, zapytać, w czym możesz "
                "pomóc, i umówić wizytę z tłumaczem. Kurs nie zastąpi tłumacza, ale ułatwi "
                "pierwszy kontakt i pokaże, jak korzystać z tłumaczenia przez internet.</p>",
            ),
            ("heading", "Jak wyglądają zajęcia"),
            (
                "paragraph",
                "<ul><li>10 spotkań po 90 minut, we wtorki o 16:30.</li><li>Uczą lektorzy "
                "PJM, którzy sami są osobami Głuchymi.</li><li>W grupie jest najwyżej 12 osób."
                "</li><li>Na koniec dostajesz zaświadczenie o ukończeniu kursu.</li></ul>",
            ),
            (
                "image",
                (
                    "videocall",
                    "Rozmowa z tłumaczką PJM przez internet. Ilustracja: Fundacja „Migowe Okno”.",
                ),
            ),
            (
                "paragraph",
                "<p>Zapisy do 30 kwietnia, e-mailem albo SMS-em. Napisz, w jakiej instytucji "
                "pracujesz i czy znasz już trochę PJM.</p>",
            ),
        ],
    },
    {
        "slug": "tlumacz-pjm-w-urzedzie",
        "title": "Tłumacz PJM w urzędzie: z czego możesz skorzystać",
        "date": "2024-04-24 12:00",
        "categories": ["law"],
        "tags": ["pjm", "osoby głuche", "prawa"],
        "contact": "deaf",
        "related": ["kurs-pjm-dla-pracownikow-urzedow"],
        "lead": (
            "Osoba Głucha może załatwić sprawę w urzędzie z tłumaczem polskiego języka "
            "migowego. Wystarczy zgłosić to co najmniej trzy dni robocze przed wizytą. Za "
            "tłumacza nie płacisz."
        ),
        "body": [
            (
                "paragraph",
                "<p>To prawo daje ustawa z 19 sierpnia 2011 r. o języku migowym i innych "
                "środkach komunikowania się. Obowiązuje urzędy i inne organy administracji "
                "publicznej, a także policję, straż pożarną, straż miejską i służby "
                "ratunkowe.</p>",
            ),
            ("heading", "Krok po kroku"),
            (
                "paragraph",
                "<ol><li>Zgłoś urzędowi, że potrzebujesz tłumacza, co najmniej 3 dni robocze "
                "przed wizytą. Możesz napisać e-mail, wysłać SMS albo przyjść osobiście."
                "</li><li>Napisz, jakiego sposobu komunikacji potrzebujesz: polskiego języka "
                "migowego (PJM), systemu językowo-migowego (SJM) albo sposobu komunikowania "
                "się osób głuchoniewidomych (SKOGN).</li><li>Urząd umawia tłumacza "
                "i potwierdza termin.</li><li>Przychodzisz na wizytę. Nic nie płacisz.</li>"
                "</ol>",
            ),
            ("subheading", "A jeśli sprawa jest pilna?"),
            (
                "paragraph",
                "<p>Termin trzech dni nie dotyczy sytuacji nagłych, w których wzywasz policję, "
                "straż albo pogotowie.</p>",
            ),
            (
                "paragraph",
                "<p>Fundacja „Migowe Okno” pomoże napisać zgłoszenie i zadzwoni do urzędu, "
                "jeśli coś pójdzie nie tak.</p>",
            ),
            ("contact", ("deaf", "Pomoc w zgłoszeniu")),
        ],
    },
    {
        "slug": "pochylnia-przy-wejsciu-do-federacji",
        "title": "Do siedziby federacji wjedziesz już bez pomocy",
        "date": "2024-05-09 10:00",
        "categories": ["city"],
        "tags": ["pochylnia", "bariery architektoniczne", "remont"],
        "contact": "federation",
        "lead": (
            "Przy wejściu do naszej siedziby stanęła pochylnia z poręczami. Trzy stopnie, które "
            "latami zatrzymywały osoby na wózkach i rodziców z wózkami dziecięcymi, przestały "
            "być przeszkodą."
        ),
        "body": [
            (
                "image",
                (
                    "ramp",
                    "Nowa pochylnia przy wejściu do siedziby federacji. Ilustracja: Federacja "
                    "„Szerokie Drzwi”.",
                ),
            ),
            (
                "paragraph",
                "<p>Pochylnia ma 6 metrów długości i nachylenie 6 procent. Po obu stronach są "
                "poręcze na wysokości 75 i 90 centymetrów, a przed pochylnią i na jej końcu "
                "leżą płyty z wypustkami, które osoba niewidoma wyczuje laską i stopą.</p>",
            ),
            ("heading", "Co jeszcze się zmieniło"),
            (
                "paragraph",
                "<ul><li>Drzwi wejściowe mają 100 centymetrów szerokości i otwierają się "
                "przyciskiem.</li><li>Dzwonek jest na wysokości 90 centymetrów.</li><li>Na "
                "parterze jest toaleta dla osób z niepełnosprawnościami.</li></ul>",
            ),
            (
                "quote",
                (
                    "Przez lata umawialiśmy się z niektórymi osobami w kawiarni obok, bo nie "
                    "mogły wejść do biura. Teraz przychodzą same, kiedy chcą.",
                    "Anna Wrzosek, prezeska federacji",
                ),
            ),
            (
                "paragraph",
                "<p>Pochylnię zbudowaliśmy za pieniądze ze zbiórki wśród członków "
                "i darczyńców. Dziękujemy wszystkim, którzy się dołożyli.</p>",
            ),
        ],
    },
    {
        "slug": "mapa-dostepnych-miejsc-w-centrum",
        "title": "Mapa dostępnych miejsc w centrum Lublina: pomóż ją uzupełnić",
        "date": "2024-05-23 13:00",
        "categories": ["city"],
        "tags": ["mapa", "dostępność", "wolontariat"],
        "contact": "federation",
        "lead": (
            "Razem z wolontariuszami sprawdzamy, do których urzędów, bibliotek i kawiarni "
            "w centrum wejdziesz bez schodów. Szukamy kolejnych osób do pomocy."
        ),
        "body": [
            (
                "paragraph",
                "<p>Mapa ma odpowiadać na proste pytania: czy do budynku da się wejść bez "
                "schodów, czy drzwi są dość szerokie, czy jest toaleta dla osób "
                "z niepełnosprawnościami i gdzie jest najbliższe miejsce parkingowe dla osób "
                "z kartą parkingową.</p>",
            ),
            (
                "image",
                (
                    "map",
                    "Pierwsza wersja mapy: trasa bez schodów od przystanku do sprawdzonych "
                    "miejsc. Ilustracja: Federacja „Szerokie Drzwi”.",
                ),
            ),
            (
                "table",
                {
                    "caption": "Ile miejsc sprawdziliśmy do końca maja 2024",
                    "columns": [
                        ("text", "Rodzaj miejsca"),
                        ("number", "Sprawdzone"),
                        ("number", "Do sprawdzenia"),
                    ],
                    "rows": [
                        ["urzędy i instytucje", 14, 9],
                        ["biblioteki i domy kultury", 8, 5],
                        ["kawiarnie i restauracje", 21, 40],
                        ["przychodnie", 6, 12],
                    ],
                },
            ),
            ("heading", "Jak możesz pomóc"),
            (
                "paragraph",
                "<p>Wystarczy telefon z aparatem i miarka. Przed pierwszym wyjściem pokażemy, "
                "co i jak mierzyć. Spotkanie dla nowych wolontariuszy odbędzie się 6 czerwca "
                "o 17:00 w siedzibie federacji.</p>",
            ),
        ],
    },
    {
        "slug": "konsultacje-programu-wspolpracy-2025",
        "title": "Program współpracy z organizacjami na 2025 rok: konsultacje od 10 czerwca",
        "date": "2024-06-05 09:00",
        "categories": ["consultations"],
        "tags": ["konsultacje", "program współpracy", "organizacje pozarządowe"],
        "contact": "city",
        "source": ("lublin.eu", _CONSULTATION_URL),
        "related": ["ngo-i-miasto-o-europejskiej-stolicy-kultury"],
        "lead": (
            "Miasto Lublin pyta organizacje pozarządowe, co zmienić w programie współpracy na "
            "2025 rok. Uwagi można zgłaszać od 10 czerwca do 8 września 2024 r."
        ),
        "body": [
            (
                "paragraph",
                "<p>Program współpracy to dokument, w którym miasto co roku opisuje, jak będzie "
                "współpracować z organizacjami pozarządowymi: jakie zadania zleci im "
                "w konkursach, na jakich zasadach udostępni lokale i jak będzie się z nimi "
                "naradzać. Od programu zależy między innymi, na jakie zadania dla osób "
                "z niepełnosprawnościami miasto ogłosi konkursy.</p>",
            ),
            ("heading", "Kto może zgłosić uwagi"),
            (
                "paragraph",
                "<p>Przede wszystkim organizacje pozarządowe, które działają w Lublinie. Jeśli "
                "należysz do organizacji, porozmawiaj z jej zarządem – uwagi zgłasza się "
                "w imieniu organizacji.</p>",
            ),
            ("heading", "Jak zgłosić uwagi"),
            (
                "paragraph",
                "<p>Formularz i projekt programu znajdziesz na stronie miasta. Przygotowaliśmy "
                "też krótką instrukcję, jak opisać uwagę, żeby była zrozumiała i łatwa do "
                "rozpatrzenia.</p>",
            ),
            ("document", ("remarks", "Jak opisać uwagę do programu współpracy")),
            (
                "paragraph",
                "<p>Konsultacje prowadzi Wydział Inicjatyw i Programów Społecznych Urzędu "
                "Miasta Lublin.</p>",
            ),
        ],
    },
    {
        # The announcement: the facts of the real announcement, in our own words.
        "slug": "spotkanie-organizacji-z-miastem-20-czerwca",
        "title": "Spotkanie organizacji pozarządowych z Miastem Lublin – 20 czerwca",
        "date": "2024-06-13 10:00",
        "categories": ["events", "consultations"],
        "tags": ["ESK 2029", "organizacje pozarządowe", "współpraca z miastem", "konsultacje"],
        "contact": "city",
        "source": ("lublin.eu", _MEETING_URL),
        "related": [
            "ngo-i-miasto-o-europejskiej-stolicy-kultury",
            "konsultacje-programu-wspolpracy-2025",
        ],
        "lead": (
            "20 czerwca 2024 r. o 16:00 organizacje pozarządowe spotkają się z władzami "
            "Lublina w Wirydarzu Centrum Kultury. Tematem jest współpraca organizacji z miastem "
            "w czasie starań o tytuł Europejskiej Stolicy Kultury 2029."
        ),
        "body": [
            (
                "image",
                (
                    "poster",
                    "Zaproszenie na spotkanie 20 czerwca. Tekst zaproszenia jest pod obrazem.",
                ),
            ),
            ("heading", "Kiedy i gdzie"),
            (
                "paragraph",
                "<ul><li><b>Data:</b> czwartek, 20 czerwca 2024 r.</li><li><b>Godzina:</b> "
                "16:00</li><li><b>Miejsce:</b> Wirydarz Centrum Kultury w Lublinie</li></ul>",
            ),
            ("heading", "Po co to spotkanie"),
            (
                "paragraph",
                "<p>Miasto chce razem z organizacjami ustalić, jak ma wyglądać ich współpraca "
                "w związku ze staraniami o tytuł Europejskiej Stolicy Kultury. Rozmowa będzie "
                "dotyczyć trzech spraw:</p><ul><li>pomysłu utworzenia Centrum Organizacji "
                "Pozarządowych i tego, jak miałoby ono działać,</li><li>zasad, na jakich "
                "organizacje mogą korzystać z lokali należących do miasta,</li><li>zmian "
                "w Programie współpracy z organizacjami pozarządowymi na 2025 rok.</li></ul>",
            ),
            ("heading", "Ciąg dalszy marcowej rozmowy"),
            (
                "paragraph",
                "<p>To drugie takie spotkanie w tym roku. W marcu organizacje mówiły o swoich "
                "priorytetach do 2029 roku: o łączeniu sił, pieniądzach na rozwój, lokalach "
                "i pomocy w zdobywaniu funduszy spoza budżetu miasta. Najczęściej wracała "
                "potrzeba centrum organizacji pozarządowych. Teraz czas porozmawiać "
                "o szczegółach.</p>",
            ),
            ("heading", "Kto weźmie udział"),
            (
                "paragraph",
                "<p>Z organizacjami spotkają się prezydent Lublina Krzysztof Żuk, zastępczyni "
                "prezydenta do spraw kultury, sportu i partycypacji Beata Stepaniuk-Kuśmierzak "
                "oraz dyrektorki i dyrektorzy wydziałów urzędu, które współpracują "
                "z organizacjami.</p>",
            ),
            ("heading", "Konsultacje programu współpracy"),
            (
                "paragraph",
                "<p>Uwagi do programu współpracy na 2025 rok można zgłaszać od 10 czerwca do "
                "8 września 2024 r. Nie trzeba czekać na spotkanie: swoją uwagę możesz wysłać "
                "już teraz.</p>",
            ),
            ("subheading", "Jeśli potrzebujesz wsparcia"),
            (
                "paragraph",
                "<p>Jeśli potrzebujesz tłumacza polskiego języka migowego, pętli indukcyjnej "
                "albo innej pomocy, zapytaj o nią organizatora kilka dni przed spotkaniem. Im "
                "wcześniej, tym łatwiej to przygotować.</p>",
            ),
            ("contact", ("city", "Kontakt do organizatora")),
        ],
    },
    {
        "slug": "ankieta-bariery-w-urzedach",
        "title": "Ankieta: co najbardziej przeszkadza w załatwianiu spraw w urzędach",
        "date": "2024-06-27 12:00",
        "categories": ["city"],
        "tags": ["ankieta", "urzędy", "dostępność"],
        "contact": "federation",
        "lead": (
            "Na ankietę federacji odpowiedziało 214 osób z niepełnosprawnościami i ich "
            "bliskich. Najczęściej wskazywały niezrozumiałe pisma i brak informacji, czy do "
            "budynku da się wejść bez schodów."
        ),
        "body": [
            (
                "paragraph",
                "<p>Ankietę prowadziliśmy w kwietniu i maju przez internet, przez telefon "
                "i podczas dyżurów. Można było wskazać kilka odpowiedzi, dlatego wyniki nie "
                "sumują się do 100 procent.</p>",
            ),
            (
                "image",
                (
                    "chart",
                    "Odsetek osób, które wskazały daną trudność. Dane: ankieta federacji.",
                ),
            ),
            (
                "table",
                {
                    "caption": "Wyniki ankiety (214 osób)",
                    "columns": [
                        ("text", "Trudność"),
                        ("number", "Liczba osób"),
                        ("number", "Procent odpowiadających"),
                    ],
                    "rows": [
                        [label, count, survey_percent(count)] for label, count in SURVEY["answers"]
                    ],
                },
            ),
            ("heading", "Co z tym zrobimy"),
            (
                "paragraph",
                "<p>Wyniki przekażemy urzędom w Lublinie razem z trzema prośbami: żeby każde "
                "pismo miało na początku krótkie podsumowanie prostym językiem, żeby strony "
                "internetowe urzędów opisywały wejście do budynku i żeby w każdej sali obsługi "
                "były krzesła dla czekających.</p>",
            ),
        ],
    },
    {
        # Every body block type, for the demo and for the tests that render it.
        "slug": "dostepne-spotkanie-lista-kontrolna",
        "title": "Jak przygotować dostępne spotkanie: lista kontrolna dla organizacji",
        "date": "2024-07-11 10:00",
        "categories": ["events", "city"],
        "tags": ["dostępność", "organizacja spotkań", "poradnik"],
        "related": ["pochylnia-przy-wejsciu-do-federacji", "mapa-dostepnych-miejsc-w-centrum"],
        "lead": (
            "Dostępne spotkanie zaczyna się na długo przed dniem wydarzenia. Zebraliśmy "
            "w jednym miejscu to, o co warto zadbać, żeby mogły w nim wziąć udział osoby "
            "z różnymi niepełnosprawnościami."
        ),
        "body": [
            (
                "paragraph",
                "<p>Ta lista powstała z doświadczeń organizacji członkowskich federacji. Nie "
                "obejmuje wszystkiego, ale pomaga uniknąć najczęstszych błędów.</p>",
            ),
            ("heading", "Przed spotkaniem"),
            ("subheading", "Miejsce"),
            (
                "paragraph",
                "<ul><li>Wejście bez schodów albo z pochylnią, drzwi szerokie na co najmniej "
                "90 centymetrów.</li><li>Toaleta dostępna dla osób na wózkach.</li><li>Krzesła "
                "dla osób, które nie mogą długo stać.</li><li>Cicha sala bez pogłosu, najlepiej "
                "z pętlą indukcyjną.</li></ul>",
            ),
            (
                "image",
                (
                    "ramp",
                    "Pochylnia z poręczami: takiego wejścia szukaj, gdy wybierasz salę.",
                ),
            ),
            ("subheading", "Zaproszenie"),
            (
                "paragraph",
                "<p>Napisz w zaproszeniu, jak dostępne jest miejsce i jakie wsparcie "
                "zapewniasz. Podaj telefon, numer do SMS-ów i e-mail, pod którymi można "
                "zgłosić swoje potrzeby. Jeśli zaproszenie jest plakatem, opublikuj obok jego "
                "pełną treść jako zwykły tekst.</p>",
            ),
            ("heading", "Wsparcie w czasie spotkania"),
            (
                "table",
                {
                    "caption": "Kiedy zamówić wsparcie",
                    "columns": [
                        ("text", "Rodzaj wsparcia"),
                        ("text", "Dla kogo"),
                        ("number", "Ile dni wcześniej zamówić"),
                    ],
                    "rows": [
                        ["tłumacz PJM", "osoby Głuche", 14],
                        ["napisy na żywo", "osoby słabosłyszące i późnoogłuchłe", 10],
                        ["asystent osoby niewidomej", "osoby niewidome i słabowidzące", 7],
                        [
                            "materiały w tekście łatwym do czytania",
                            "osoby z niepełnosprawnością intelektualną",
                            14,
                        ],
                    ],
                },
            ),
            (
                "quote",
                (
                    "Najlepsze pytanie w formularzu zgłoszeniowym brzmi: czego potrzebujesz, "
                    "żeby wziąć udział? Ludzie sami wiedzą to najlepiej.",
                    "Marek Lis, Fundacja „Migowe Okno”",
                ),
            ),
            ("heading", "Do pobrania"),
            ("document", ("checklist", "Lista kontrolna dostępnego spotkania")),
            ("contact", ("federation", "Masz pytania o dostępność spotkania?")),
        ],
    },
    {
        "slug": "uwagi-federacji-do-programu-wspolpracy",
        "title": "Co federacja zgłosiła do programu współpracy na 2025 rok",
        "date": "2024-09-12 10:00",
        "categories": ["consultations"],
        "tags": ["konsultacje", "program współpracy", "organizacje pozarządowe"],
        "contact": "federation",
        "related": [
            "konsultacje-programu-wspolpracy-2025",
            "spotkanie-organizacji-z-miastem-20-czerwca",
        ],
        "lead": (
            "Konsultacje programu współpracy zakończyły się 8 września. Federacja wysłała "
            "miastu pięć uwag zebranych od organizacji członkowskich. Oto one w skrócie."
        ),
        "body": [
            ("heading", "Nasze uwagi"),
            (
                "paragraph",
                "<ol><li>Wpisać do priorytetów dostępność wydarzeń finansowanych przez miasto: "
                "tłumacza PJM, napisy i opis dostępności miejsca.</li><li>W każdym konkursie "
                "pozwolić wliczać koszty dostępności do budżetu projektu.</li><li>W planowanym "
                "Centrum Organizacji Pozarządowych zapewnić dostępne wejście, toaletę i pętlę "
                "indukcyjną.</li><li>Publikować ogłoszenia o konkursach także w tekście łatwym "
                "do czytania.</li><li>Zapraszać organizacje osób z niepełnosprawnościami do "
                "komisji, które oceniają oferty w konkursach dotyczących tych osób.</li></ol>",
            ),
            (
                "quote",
                (
                    "Chcemy, żeby dostępność nie była dodatkiem, o który trzeba prosić, tylko "
                    "zwykłą częścią każdego projektu.",
                    "Anna Wrzosek, prezeska federacji",
                ),
            ),
            (
                "paragraph",
                "<p>Teraz miasto rozpatrzy uwagi. Gdy opublikuje raport z konsultacji, "
                "napiszemy, co z naszych propozycji zostało przyjęte.</p>",
            ),
        ],
    },
    {
        "slug": "karta-parkingowa-pytania-i-odpowiedzi",
        "title": "Karta parkingowa: odpowiadamy na najczęstsze pytania",
        "date": "2024-09-26 11:00",
        "categories": ["law"],
        "tags": ["karta parkingowa", "orzeczenia", "transport"],
        "contact": "federation",
        "related": ["bezplatne-dyzury-prawne"],
        "lead": (
            "Na dyżurach często słyszymy pytania o kartę parkingową: kto może ją dostać, na "
            "jak długo i co zrobić, gdy kończy się orzeczenie. Zebraliśmy odpowiedzi w jednym "
            "miejscu."
        ),
        "body": [
            ("heading", "Pytania i odpowiedzi"),
            ("subheading", "Kto może dostać kartę?"),
            (
                "paragraph",
                "<p>Osoba, której orzeczenie potwierdza, że spełnia warunki do wydania karty "
                "parkingowej. Informację o tym znajdziesz w samym orzeczeniu. Kartę mogą też "
                "dostać placówki, które opiekują się osobami z niepełnosprawnościami, "
                "rehabilitują je albo uczą.</p>",
            ),
            ("subheading", "Gdzie złożyć wniosek?"),
            (
                "paragraph",
                "<p>W zespole do spraw orzekania o niepełnosprawności, do którego należy twoje "
                "miejsce zamieszkania. W Lublinie jest to Miejski Zespół do Spraw Orzekania "
                "o Niepełnosprawności.</p>",
            ),
            ("subheading", "Na jak długo jest ważna?"),
            (
                "paragraph",
                "<p>Tak długo jak orzeczenie, ale nie dłużej niż pięć lat. Jeśli masz "
                "orzeczenie na stałe, kartę trzeba wymieniać co pięć lat.</p>",
            ),
            ("subheading", "Czy z kartą parkuję za darmo?"),
            (
                "paragraph",
                "<p>Karta pozwala parkować na miejscach dla osób z niepełnosprawnościami i nie "
                "stosować się do niektórych znaków zakazu. O opłatach w strefie płatnego "
                "parkowania decyduje każda gmina. Sprawdź zasady w swoim mieście.</p>",
            ),
            ("subheading", "Co zrobić, gdy kończy się orzeczenie?"),
            (
                "paragraph",
                "<p>Wniosek o kolejne orzeczenie możesz złożyć najwcześniej 30 dni przed końcem "
                "ważności obecnego. Gdy dostaniesz nowe orzeczenie, złóż wniosek o nową "
                "kartę.</p>",
            ),
        ],
    },
    {
        "slug": "spotkanie-dla-rodzicow-opieka-wytchnieniowa",
        "title": "Spotkanie dla rodziców i opiekunów: jak znaleźć chwilę wytchnienia",
        "date": "2024-10-10 10:00",
        "categories": ["events"],
        "tags": ["rodzice", "opieka wytchnieniowa", "spotkania"],
        "contact": "federation",
        "lead": (
            "Zapraszamy rodziców i opiekunów osób z niepełnosprawnościami na rozmowę o opiece "
            "wytchnieniowej. Spotkanie odbędzie się 24 października o 17:30 w siedzibie "
            "federacji."
        ),
        "body": [
            ("image", ("pattern", "")),
            (
                "paragraph",
                "<p>Opieka nad bliską osobą z niepełnosprawnością to często praca bez przerwy. "
                "Opieka wytchnieniowa to pomoc, dzięki której ktoś przygotowany do tej roli "
                "zajmie się twoim bliskim na kilka godzin lub dni. W tym czasie możesz "
                "odpocząć, pójść do lekarza albo po prostu się wyspać.</p>",
            ),
            ("heading", "Program spotkania"),
            (
                "paragraph",
                "<ul><li>Czym jest opieka wytchnieniowa i jak z niej skorzystać w Lublinie."
                "</li><li>Doświadczenia rodzin, które już z niej korzystały.</li><li>Pytania "
                "i rozmowy przy herbacie.</li></ul>",
            ),
            ("heading", "Praktyczne informacje"),
            (
                "paragraph",
                "<ul><li>Do siedziby federacji wjedziesz pochylnią. Na parterze jest toaleta "
                "dla osób na wózkach.</li><li>Na czas spotkania zapewniamy opiekę nad "
                "dziećmi i dorosłymi z niepełnosprawnościami. Zgłoś to do 18 października."
                "</li><li>Tłumacza PJM zapewnimy, jeśli zgłosisz taką potrzebę do "
                "17 października.</li></ul>",
            ),
        ],
    },
    {
        "slug": "zajecia-komputerowe-dla-osob-niewidomych",
        "title": "Bezpłatne zajęcia komputerowe dla osób niewidomych i słabowidzących",
        "date": "2024-11-07 09:00",
        "categories": ["events"],
        "tags": ["osoby niewidome", "szkolenia", "technologie"],
        "contact": "federation",
        "lead": (
            "Od 18 listopada uczymy obsługi komputera i telefonu z czytnikiem ekranu. Możesz "
            "przyjść ze swoim sprzętem albo skorzystać z naszego."
        ),
        "body": [
            (
                "paragraph",
                "<p>Zajęcia prowadzi instruktor, który sam na co dzień korzysta z czytnika "
                "ekranu. W grupie jest kilka osób, więc każdy ma czas na swoje pytania.</p>",
            ),
            (
                "table",
                {
                    "caption": "Grupy i terminy od 18 listopada 2024",
                    "columns": [
                        ("text", "Grupa"),
                        ("text", "Dzień i godzina"),
                        ("number", "Liczba miejsc"),
                    ],
                    "rows": [
                        ["telefon z czytnikiem ekranu, od podstaw", "poniedziałek, 10:00–12:00", 6],
                        ["komputer z czytnikiem ekranu, od podstaw", "środa, 10:00–12:00", 6],
                        ["poczta, bank i e-urząd", "piątek, 12:00–14:00", 8],
                    ],
                },
            ),
            (
                "paragraph",
                "<p>Zapisz się przez telefon albo e-mailem. Powiedz, na jakim sprzęcie chcesz "
                "się uczyć i czego już próbowałeś.</p>",
            ),
        ],
    },
]

# Articles translated into English for real; the other English pages stay aliases of the Polish
# ones ("not translated yet").
TRANSLATIONS: dict[str, dict[str, Any]] = {
    "konsultacje-programu-wspolpracy-2025": {
        "slug": "cooperation-programme-2025-consultation",
        "title": "Cooperation programme with NGOs for 2025: consultation from 10 June",
        "categories": ["consultations"],
        "tags": ["consultations", "cooperation programme", "ngos"],
        "lead": (
            "The City of Lublin is asking non-governmental organisations what to change in its "
            "cooperation programme for 2025. Comments can be sent from 10 June to 8 September "
            "2024."
        ),
        "body": [
            (
                "paragraph",
                "<p>Every year the city sets out in its cooperation programme how it will work "
                "with NGOs: which tasks it will fund through open calls, on what terms it will "
                "let its premises, and how it will consult organisations. Among other things, "
                "the programme decides which services for disabled people the city will put "
                "out to tender.</p>",
            ),
            ("heading", "Who can comment"),
            (
                "paragraph",
                "<p>Mainly NGOs working in Lublin. If you belong to an organisation, talk to "
                "its board: comments are sent on the organisation's behalf.</p>",
            ),
            ("heading", "How to comment"),
            (
                "paragraph",
                "<p>The form and the draft programme are on the city's website (in Polish). We "
                "have also written short instructions on how to describe a comment so that it "
                "is clear and easy to consider.</p>",
            ),
            ("document", ("remarks", "How to describe a comment (in Polish)")),
            (
                "paragraph",
                "<p>The consultation is run by the Social Initiatives and Programmes "
                "Department of Lublin City Hall.</p>",
            ),
        ],
    },
    "tlumacz-pjm-w-urzedzie": {
        "slug": "sign-language-interpreter-at-public-offices",
        "title": "A sign language interpreter at a public office: what you are entitled to",
        "categories": ["law"],
        "tags": ["polish sign language", "deaf people", "rights"],
        "lead": (
            "A Deaf person can deal with a public office with the help of a Polish Sign "
            "Language interpreter. You only need to tell the office at least three working "
            "days before your visit. You do not pay for the interpreter."
        ),
        "body": [
            (
                "paragraph",
                "<p>This right comes from the Act of 19 August 2011 on sign language and other "
                "means of communication. It applies to public offices and other public "
                "administration bodies, and also to the police, the fire service, the municipal "
                "police and the emergency services.</p>",
            ),
            ("heading", "Step by step"),
            (
                "paragraph",
                "<ol><li>Tell the office that you need an interpreter at least 3 working days "
                "before your visit. You can send an e-mail or a text message, or come in "
                "person.</li><li>Say which way of communicating you need: Polish Sign Language "
                "(PJM), signed Polish (SJM) or the communication system for deafblind people "
                "(SKOGN).</li><li>The office books an interpreter and confirms the date.</li>"
                "<li>You come to your appointment. You pay nothing.</li></ol>",
            ),
            ("subheading", "What if it is urgent?"),
            (
                "paragraph",
                "<p>The three-day notice does not apply in emergencies, when you call the "
                "police, the fire service or an ambulance.</p>",
            ),
            (
                "paragraph",
                "<p>The “Migowe Okno” foundation can help you write the request and will call "
                "the office if something goes wrong.</p>",
            ),
            ("contact", ("deaf", "Help with your request")),
        ],
    },
}

# An article the member organisation wrote in its section and submitted for moderation.
MEMBER_ARTICLE: dict[str, Any] = {
    "slug": "kawiarenka-migowa",
    "title": "Kawiarenka migowa: spotkania Głuchych i słyszących",
    "date": "2024-11-20 10:00",
    "categories": ["events"],
    "tags": ["pjm", "osoby głuche", "spotkania"],
    "contact": "deaf",
    "lead": (
        "Od grudnia w każdy pierwszy piątek miesiąca zapraszamy na kawiarenkę migową. To "
        "spotkanie, na którym osoby Głuche i słyszące rozmawiają w polskim języku migowym przy "
        "kawie."
    ),
    "body": [
        (
            "paragraph",
            "<p>Nie musisz znać PJM. Przy każdym stoliku siedzi osoba Głucha, która pomoże "
            "zacząć rozmowę, a na początku spotkania uczymy kilku podstawowych znaków.</p>",
        ),
        ("heading", "Kiedy i gdzie"),
        (
            "paragraph",
            "<ul><li>Pierwsze spotkanie: piątek, 6 grudnia 2024 r., 17:00–19:00.</li><li>Sala "
            "fundacji, parter, wejście bez schodów.</li><li>Udział jest bezpłatny.</li></ul>",
        ),
    ],
}

# --- venues and events --------------------------------------------------------------------------

# Accessibility profiles: the features of biuletyn.venues.enums.FEATURES, "yes" or "no"; a
# feature left out is "unknown" (nobody has checked it). Coordinates are in decimal degrees.
VENUES: list[dict[str, Any]] = [
    {
        # Mostly checked and mostly fine: a mixed profile of yes, no and unknown.
        "key": "wirydarz",
        "slug": "wirydarz-centrum-kultury",
        "name": "Wirydarz Centrum Kultury w Lublinie",
        "street_address": "ul. Peowiaków 12",
        "postcode": "20-007",
        "city": "Lublin",
        "latitude": "51.246900",
        "longitude": "22.563500",
        "directions_public_transport": (
            "Najbliższe przystanki autobusów i trolejbusów są przy placu Litewskim i przy "
            "ul. Lipowej. Z każdego z nich dojdziesz spokojnym krokiem w kilka minut."
        ),
        "directions_parking": (
            "Budynek nie ma własnego parkingu. Okoliczne ulice są w strefie płatnego "
            "parkowania; miejsca dla osób z kartą parkingową sprawdź przed wyjazdem na mapie "
            "strefy."
        ),
        "profile": {
            "step_free_entrance": "yes",
            "lift": "yes",
            "accessible_toilet": "yes",
            "disabled_parking": "no",
            "assistance_dog": "yes",
            "evacuation_information": "yes",
        },
        "accessibility_notes": (
            "Wirydarz to dziedziniec w środku dawnego klasztoru. Wchodzi się do niego "
            "z parteru, bez progów i schodów. Toaleta dla osób na wózkach jest na parterze, "
            "niedaleko wejścia. Nie sprawdziliśmy jeszcze, czy jest tu stała pętla "
            "indukcyjna. Jeśli organizator przywozi przenośną, piszemy o tym przy wydarzeniu."
        ),
    },
    {
        # Never checked: everything but one feature is unknown.
        "key": "city_hall",
        "slug": "urzad-miasta-leszczynskiego-23",
        "name": "Urząd Miasta Lublin, budynek przy ul. Leszczyńskiego 23",
        "street_address": "ul. Leszczyńskiego 23",
        "postcode": "20-068",
        "city": "Lublin",
        "directions_public_transport": (
            "Trasy z najbliższego przystanku jeszcze nie opisaliśmy. Połączenie sprawdzisz "
            "w wyszukiwarce Zarządu Transportu Miejskiego w Lublinie."
        ),
        "directions_parking": (
            "Nie wiemy jeszcze, czy przy budynku są miejsca dla osób z kartą parkingową."
        ),
        "profile": {},
        "accessibility_notes": (
            "Nikt z federacji nie sprawdził jeszcze tego budynku. Znasz go? Napisz nam, co jest "
            "przy wejściu i w środku, a uzupełnimy opis."
        ),
    },
    {
        # Invented: a small estate library with several barriers.
        "key": "pod_lipami",
        "slug": "biblioteka-i-klub-pod-lipami",
        "name": "Osiedlowa Biblioteka i Klub „Pod Lipami”",
        "street_address": "ul. Przykładowa 45",
        "postcode": "20-003",
        "city": "Lublin",
        "directions_public_transport": (
            "Przystanek „Przykładowa” jest 150 metrów od wejścia, po tej samej stronie ulicy. "
            "Zatrzymują się na nim autobusy niskopodłogowe."
        ),
        "directions_parking": (
            "Przed budynkiem są dwa miejsca dla osób z kartą parkingową. Pozostałe auta "
            "parkują na osiedlowych uliczkach."
        ),
        "profile": {
            "step_free_entrance": "no",
            "lift": "no",
            "accessible_toilet": "no",
            "disabled_parking": "yes",
            "assistance_dog": "yes",
            "hearing_loop": "no",
            "wayfinding": "no",
            "quiet_room": "yes",
        },
        "accessibility_notes": (
            "Biblioteka i sala klubowa są na wysokim parterze. Do drzwi prowadzą trzy stopnie "
            "bez pochylni, z poręczą tylko po prawej stronie. Toaleta jest wąska: wózek się "
            "w niej nie zmieści. Spółdzielnia zapowiada pochylnię na przyszły rok. W czasie "
            "spotkań otwarty jest mały pokój obok czytelni, w którym można odpocząć w ciszy."
        ),
    },
    {
        # Invented: built for disabled athletes, every feature checked and present.
        "key": "swidnik",
        "slug": "centrum-sportu-i-rehabilitacji-swidnik",
        "name": "Centrum Sportu i Rehabilitacji „Aktywni”",
        "street_address": "ul. Przykładowa 8",
        "postcode": "21-040",
        "city": "Świdnik",
        "latitude": "51.219700",
        "longitude": "22.696600",
        "directions_public_transport": (
            "Z Lublina do Świdnika jeżdżą autobusy miejskie i busy. Centrum ma też własny bus "
            "z windą dla wózków: kurs z Lublina zamówisz telefonicznie dzień wcześniej."
        ),
        "directions_parking": (
            "Na parkingu przed wejściem jest sześć szerokich miejsc dla osób z kartą "
            "parkingową, najbliżej drzwi."
        ),
        "profile": {
            "step_free_entrance": "yes",
            "lift": "yes",
            "accessible_toilet": "yes",
            "disabled_parking": "yes",
            "assistance_dog": "yes",
            "hearing_loop": "yes",
            "wayfinding": "yes",
            "quiet_room": "yes",
            "evacuation_information": "yes",
        },
        "accessibility_notes": (
            "Budynek zaprojektowano z myślą o sporcie osób z niepełnosprawnościami. Drzwi "
            "otwierają się same, winda jeździ na basen i na piętro, a na każdym piętrze są dwie "
            "dostępne toalety, w tym jedna z leżanką do przewijania dorosłych. Pętla indukcyjna "
            "działa w recepcji i w dużej sali."
        ),
    },
]

# The calendar page, a child of the home page next to the bulletin.
CALENDAR: dict[str, Any] = {
    "slug": "wydarzenia",
    "pl": {
        "title": "Wydarzenia",
        "intro": (
            "Spotkania, szkolenia i konsultacje dla osób z niepełnosprawnościami w Lublinie "
            "i regionie. Przy każdym wydarzeniu piszemy, jak dostępne jest miejsce, czy będzie "
            "tłumacz polskiego języka migowego i do kiedy można o niego poprosić."
        ),
    },
    "en": {
        "title": "Events",
        "slug": "events",
        "intro": (
            "Meetings, training and consultations for disabled people in Lublin and the "
            "region. For every event we say how accessible the venue is, whether a Polish Sign "
            "Language interpreter will be there and by when you can ask for one. Most event "
            "pages are in Polish."
        ),
    },
}

# Events. When: ``"date"`` (a fixed day, "YYYY-MM-DD") or ``"in_days"`` (that many days after
# the day the loader first runs, so that `make run` always has upcoming events; once created, an
# event keeps its date); ``"days"``: how many days it lasts (default 1); ``"start"``/``"end"``:
# times in Poland, "HH:MM", none for an all-day event. ``"price"`` (in złoty) or
# ``"price_details"`` make an event paid; without them it is free. ``"offer"``: the yes/no items of
# biuletyn.events.enums.OFFER_ITEMS that the organiser provides. ``"continues"``: the slug of an
# earlier event of this list; ``"related"``: slugs of ARTICLES. Keys of venues, organisations and
# categories as above; ``"participants"``: one line each.
EVENTS: list[dict[str, Any]] = [
    {
        # The March meeting happened; its exact day is invented for the demo.
        "slug": "organizacje-i-miasto-marzec-2024",
        "title": "Organizacje pozarządowe i Miasto Lublin: rozmowa o priorytetach do 2029 roku",
        "date": "2024-03-14",
        "start": "16:00",
        "end": "18:00",
        "venue": "wirydarz",
        "organisers": ["city"],
        "contact": "city",
        "categories": ["events", "consultations"],
        "related": ["ngo-i-miasto-o-europejskiej-stolicy-kultury"],
        "participants": [
            "Przedstawicielki i przedstawiciele lubelskich organizacji pozarządowych",
            "Pracownicy Urzędu Miasta Lublin, którzy współpracują z organizacjami",
        ],
        "lead": (
            "Pierwsza w 2024 roku rozmowa organizacji pozarządowych z urzędem miasta: czego "
            "organizacje potrzebują, żeby razem z Lublinem przygotować się do starań o tytuł "
            "Europejskiej Stolicy Kultury 2029."
        ),
        "body": [
            (
                "paragraph",
                "<p>Miasto zaprosiło organizacje, żeby usłyszeć, co pomaga im działać, a co "
                "przeszkadza. Rozmowa sięgała kilka lat naprzód, aż do 2029 roku, w którym "
                "Lublin chce być Europejską Stolicą Kultury.</p>",
            ),
            ("heading", "O czym rozmawialiśmy"),
            (
                "paragraph",
                "<ul><li>jak organizacjom łatwiej znaleźć partnerów do wspólnych działań,</li>"
                "<li>ile pieniędzy z budżetu miasta przeznaczyć na rozwój organizacji,</li>"
                "<li>skąd wziąć lokal na biuro i spotkania,</li><li>jak zdobywać pieniądze "
                "spoza budżetu miasta.</li></ul>",
            ),
            (
                "paragraph",
                "<p>Relację ze spotkania znajdziesz w biuletynie. Rozmowa miała ciąg dalszy "
                "w czerwcu.</p>",
            ),
        ],
    },
    {
        "slug": "organizacje-i-miasto-20-czerwca-2024",
        "title": "Spotkanie organizacji pozarządowych z Miastem Lublin o współpracy w drodze "
        "do ESK 2029",
        "date": "2024-06-20",
        "start": "16:00",
        "end": "18:00",
        "venue": "wirydarz",
        "organisers": ["city"],
        "contact": "city",
        "continues": "organizacje-i-miasto-marzec-2024",
        "categories": ["events", "consultations"],
        "related": [
            "spotkanie-organizacji-z-miastem-20-czerwca",
            "konsultacje-programu-wspolpracy-2025",
        ],
        "participants": [
            "Krzysztof Żuk – prezydent Lublina",
            "Beata Stepaniuk-Kuśmierzak – zastępczyni prezydenta, która odpowiada za kulturę, "
            "sport i partycypację",
            "Dyrektorki i dyrektorzy wydziałów urzędu miasta, które na co dzień pracują "
            "z organizacjami",
        ],
        "sign_language": "on_request",
        "sign_language_how_to_ask": (
            "Napisz e-mail do wydziału albo zadzwoń i powiedz, że na spotkanie 20 czerwca "
            "potrzebujesz tłumacza PJM."
        ),
        "offer": ["reserved_seating"],
        "lead": (
            "Druga w 2024 roku rozmowa lubelskich organizacji z władzami miasta. Tematem było "
            "to, jak organizacje i urząd mają współpracować, gdy Lublin stara się o tytuł "
            "Europejskiej Stolicy Kultury 2029."
        ),
        "body": [
            (
                "paragraph",
                "<p>Czerwcowe spotkanie było dalszym ciągiem marcowej rozmowy. Wtedy "
                "organizacje wymieniły, czego potrzebują najbardziej, a najczęściej mówiły "
                "o centrum, w którym dostałyby lokal i pomoc w sprawach administracyjnych. "
                "W czerwcu rozmawiano o konkretach.</p>",
            ),
            ("heading", "Tematy spotkania"),
            (
                "paragraph",
                "<ul><li>jak mogłoby powstać i działać Centrum Organizacji Pozarządowych,</li>"
                "<li>na jakich zasadach organizacje korzystają z lokali miejskich,</li><li>co "
                "zmienić w Programie współpracy z organizacjami pozarządowymi na 2025 rok."
                "</li></ul>",
            ),
            ("subheading", "Konsultacje programu współpracy"),
            (
                "paragraph",
                "<p>Uwagi do programu na 2025 rok miasto zbierało od 10 czerwca do 8 września "
                "2024 r. Można je było zgłosić przed spotkaniem, w jego trakcie albo po nim.</p>",
            ),
        ],
    },
    {
        "slug": "webinar-dofinansowanie-turnusu-rehabilitacyjnego",
        "title": "Webinar: jak złożyć wniosek o dofinansowanie turnusu rehabilitacyjnego",
        # Two days ahead: past the last day to ask for an interpreter, so the demo's request
        # for an SJM interpreter is accepted as best effort (demo/registrations.py).
        "in_days": 2,
        "start": "18:00",
        "end": "19:30",
        "attendance_mode": "online",
        "online_url": "https://wideo.example.org/szerokie-drzwi/turnusy",
        "organisers": ["federation"],
        "contact": "federation",
        "categories": ["law"],
        "sign_language": "provided",
        "offer": ["captions"],
        "accessibility_other": (
            "Nagranie z napisami i tłumaczeniem na PJM opublikujemy tydzień po spotkaniu."
        ),
        "lead": (
            "Półtorej godziny przez internet z doradczynią federacji. Pokażemy krok po kroku, "
            "jak wypełnić wniosek o dofinansowanie turnusu i na co urzędnicy patrzą najpierw."
        ),
        "body": [
            (
                "paragraph",
                "<p>Wystarczy komputer albo telefon z przeglądarką: nie trzeba instalować "
                "programu ani zakładać konta. Przez cały czas na ekranie widać tłumaczkę "
                "polskiego języka migowego, a stenotypistka na bieżąco zapisuje rozmowę, więc "
                "pod obrazem pojawiają się napisy.</p>",
            ),
            ("heading", "Plan spotkania"),
            (
                "paragraph",
                "<ol><li>Kto może dostać dofinansowanie i od czego zależy jego wysokość.</li>"
                "<li>Wniosek pole po polu.</li><li>Pytania uczestników: zadasz je głosem, na "
                "czacie albo w PJM.</li></ol>",
            ),
        ],
    },
    {
        "slug": "warsztaty-wniosek-o-likwidacje-barier",
        "title": "Warsztaty: piszemy wniosek o dofinansowanie likwidacji barier",
        "in_days": 8,
        "start": "10:00",
        "end": "13:00",
        "status": "cancelled",
        "status_note": (
            "Prowadząca zachorowała. Osoby zapisane dostały SMS. Nowy termin podamy "
            "w biuletynie, gdy tylko go ustalimy."
        ),
        "venue": "pod_lipami",
        "organisers": ["federation"],
        "contact": "federation",
        "categories": ["law", "events"],
        "related": ["dofinansowanie-likwidacji-barier-w-mieszkaniu"],
        "offer": ["easy_read"],
        "accessibility_notes": (
            "Do sali prowadzą trzy stopnie. Jeśli ich nie pokonasz, zadzwoń: wypełnimy wniosek "
            "razem z tobą w siedzibie federacji, do której wjedziesz pochylnią."
        ),
        "lead": (
            "Trzy godziny pracy w małej grupie. Każdy wychodzi z wypełnionym wnioskiem "
            "o dofinansowanie przystosowania mieszkania."
        ),
        "body": [
            (
                "paragraph",
                "<p>Przynieś orzeczenie i opis tego, co chcesz zmienić w mieszkaniu. Formularze "
                "i długopisy będą na miejscu. Prowadząca pomoże tak opisać potrzeby, żeby "
                "urzędnik zrozumiał, po co ci każda przeróbka.</p>",
            ),
        ],
    },
    {
        "slug": "kino-dostepne-w-wirydarzu",
        "title": "Kino dostępne w wirydarzu: film z audiodeskrypcją, napisami i tłumaczem PJM",
        "in_days": 12,
        "start": "19:00",
        "end": "21:30",
        "venue": "wirydarz",
        "organisers": ["deaf", "federation"],
        "contact": "deaf",
        "categories": ["events"],
        "sign_language": "provided",
        "offer": ["subtitles", "hearing_loop", "audio_description", "reserved_seating"],
        "accessibility_other": (
            "Przenośną pętlę indukcyjną przywozi fundacja; obejmuje trzy pierwsze rzędy."
        ),
        "lead": (
            "Wieczorny pokaz polskiego filmu, który razem obejrzą osoby widzące i niewidome, "
            "słyszące i Głuche. Po filmie rozmowa z tłumaczką PJM i autorką audiodeskrypcji."
        ),
        "body": [
            (
                "paragraph",
                "<p>Napisy dla osób niesłyszących opisują też dźwięki i muzykę. "
                "Audiodeskrypcję usłyszysz w słuchawkach, które wypożyczysz przy wejściu. Wstęp "
                "jest wolny.</p>",
            ),
            ("heading", "Miejsca z przodu"),
            (
                "paragraph",
                "<p>Dla osób na wózkach i ich towarzyszy zostawiamy miejsca z przodu, skąd "
                "dobrze widać ekran i tłumaczkę. Czekają na ciebie do 18:50, potem mogą je "
                "zająć inni widzowie.</p>",
            ),
        ],
    },
    {
        "slug": "jak-czytac-orzeczenie-spotkanie-z-doradca",
        "title": "Jak czytać orzeczenie o niepełnosprawności: spotkanie z doradcą",
        "in_days": 16,
        "start": "17:00",
        "end": "19:00",
        "venue": "pod_lipami",
        "organisers": ["federation"],
        "contact": "federation",
        "categories": ["law"],
        "related": ["karta-parkingowa-pytania-i-odpowiedzi", "bezplatne-dyzury-prawne"],
        "sign_language": "on_request",
        "sign_language_how_to_ask": (
            "W wiadomości podaj imię i napisz, czy wolisz PJM, czy SJM (system językowo-migowy): "
            "zamówimy tłumacza, który go zna."
        ),
        "accessibility_notes": (
            "Do sali prowadzą trzy stopnie bez pochylni. Jeśli ich nie pokonasz, zadzwoń do "
            "federacji: umówimy rozmowę z doradcą w naszej siedzibie albo przez telefon."
        ),
        "lead": (
            "Od orzeczenia zależą ulgi, karta parkingowa i świadczenia, a napisane jest trudnym "
            "językiem. Doradca federacji wyjaśni, co znaczą symbole, punkty i terminy."
        ),
        "body": [
            (
                "paragraph",
                "<p>Przynieś swoje orzeczenie albo jego kopię, jeśli chcesz zapytać o coś "
                "konkretnego. Możesz też tylko posłuchać. Na koniec każdy dostanie kartkę "
                "z objaśnieniem najczęstszych symboli.</p>",
            ),
            ("heading", "Dla kogo"),
            (
                "paragraph",
                "<p>Dla osób, które niedawno dostały pierwsze orzeczenie, dla ich bliskich i dla "
                "pracowników organizacji, którzy pomagają innym w takich sprawach.</p>",
            ),
        ],
    },
    {
        "slug": "dostepne-przystanki-otwarte-spotkanie",
        "title": "Dostępne przystanki: otwarte spotkanie w urzędzie i przez internet",
        "in_days": 20,
        "start": "15:00",
        "end": "17:00",
        "attendance_mode": "mixed",
        "venue": "city_hall",
        "online_url": "https://wideo.example.org/lublin/przystanki",
        "organisers": ["city", "federation"],
        "contact": "city",
        "categories": ["city", "consultations"],
        "related": ["sygnalizacja-dzwiekowa-zglos-przejscie"],
        "sign_language": "on_request",
        "sign_language_how_to_ask": (
            "Tłumacz będzie w sali, a osoby, które dołączą przez internet, zobaczą go "
            "w okienku transmisji."
        ),
        "offer": ["captions"],
        "accessibility_notes": (
            "Nie sprawdziliśmy jeszcze tego budynku. Jeśli potrzebujesz wejścia bez schodów, "
            "zadzwoń przed spotkaniem: pracownicy wydziału wskażą drogę."
        ),
        "lead": (
            "Miasto i federacja zbierają uwagi o przystankach: krawężnikach, wiatach, "
            "rozkładach jazdy i zapowiedziach w pojazdach. Przyjdź do urzędu albo dołącz przez "
            "internet."
        ),
        "body": [
            (
                "paragraph",
                "<p>Najpierw pokażemy listę przystanków, które mieszkańcy zgłosili do poprawy "
                "w ostatnim roku. Potem głos mają uczestnicy: powiedz, który przystanek sprawia "
                "ci kłopot i dlaczego.</p>",
            ),
            (
                "paragraph",
                "<p>Nie możesz być z nami o tej porze? Wyślij uwagi e-mailem do wydziału. "
                "Dołączymy je do notatki ze spotkania.</p>",
            ),
        ],
    },
    {
        "slug": "szkolenie-dla-asystentow-osobistych",
        "title": "Szkolenie dla asystentek i asystentów osobistych",
        "in_days": 26,
        "days": 2,
        "start": "09:00",
        "end": "15:00",
        "venue": "swidnik",
        "organisers": ["federation"],
        "contact": "federation",
        "categories": ["events"],
        "price": "120.00",
        "price_details": (
            "Członkowie organizacji federacji płacą 60 zł. Obiad w oba dni jest w cenie. "
            "Płacisz przelewem po potwierdzeniu zapisu."
        ),
        "offer": ["reserved_seating"],
        "lead": (
            "Dwa dni zajęć dla osób, które pracują albo chcą pracować jako asystenci osób "
            "z niepełnosprawnościami. Część praktyczną prowadzą trenerzy, którzy sami "
            "korzystają z asystencji."
        ),
        "body": [
            (
                "paragraph",
                "<p>Pierwszego dnia mówimy o prawach i obowiązkach asystenta, o granicach "
                "pomocy i o tym, jak rozmawiać z osobą, której się pomaga. Drugiego dnia "
                "ćwiczymy w salach centrum: przesiadanie z wózka, prowadzenie osoby niewidomej "
                "w nieznanym miejscu i pomoc na schodach.</p>",
            ),
            (
                "paragraph",
                "<p>Na koniec dostaniesz zaświadczenie o ukończeniu szkolenia. Mamy 16 miejsc.</p>",
            ),
        ],
    },
    {
        "slug": "spacer-badawczy-srodmiescie",
        "title": "Spacer badawczy: jak dostępne jest Śródmieście",
        "in_days": 33,
        "start": "11:00",
        "end": "13:30",
        "status": "postponed",
        "status_note": (
            "Przekładamy spacer, bo na części trasy trwa remont chodników. Nowy termin podamy, "
            "gdy prace się skończą. Zapisy pozostają ważne."
        ),
        "venue": "wirydarz",
        "organisers": ["federation"],
        "contact": "federation",
        "categories": ["city"],
        "related": ["mapa-dostepnych-miejsc-w-centrum"],
        "offer": ["assistant"],
        "accessibility_notes": (
            "Zbiórka w wirydarzu. Trasa ma około półtora kilometra, a co kwadrans robimy "
            "postój. Przez cały spacer idzie z nami dwoje asystentów."
        ),
        "lead": (
            "Przejdziemy razem krótką trasą po centrum i sprawdzimy krawężniki, przejścia "
            "i wejścia do budynków. Co zobaczymy, trafi na mapę dostępnych miejsc."
        ),
        "body": [
            (
                "paragraph",
                "<p>Na spacerze badawczym patrzymy na ulicę oczami osoby, która jeździ na "
                "wózku, nie widzi albo szybko się męczy. Każdy dostaje kartę, na której "
                "zaznacza przeszkody. Nie potrzebujesz żadnej wiedzy technicznej.</p>",
            ),
        ],
    },
    {
        "slug": "dni-otwarte-centrum-sportu-i-rehabilitacji",
        "title": "Dni otwarte Centrum Sportu i Rehabilitacji „Aktywni” w Świdniku",
        "in_days": 40,
        "days": 3,
        "venue": "swidnik",
        "organisers": ["federation"],
        "contact": "federation",
        "categories": ["events"],
        "offer": ["easy_read", "assistant", "reserved_seating"],
        "accessibility_other": (
            "W punkcie informacyjnym przy wejściu wypożyczysz wózek albo składane krzesło na "
            "czas zwiedzania."
        ),
        "lead": (
            "Przez trzy dni możesz za darmo spróbować boccii, koszykówki na wózkach, pływania "
            "i ćwiczeń na siłowni przystosowanej do potrzeb osób z niepełnosprawnościami."
        ),
        "body": [
            (
                "paragraph",
                "<p>Zajęcia trwają od rana do wieczora, a plan na każdy dzień wisi przy "
                "recepcji. Nie trzeba się zapisywać; na basen weź strój i ręcznik. Instruktorzy "
                "pomogą dobrać ćwiczenia do twoich możliwości i powiedzą, jak zapisać się na "
                "stałe zajęcia.</p>",
            ),
            (
                "paragraph",
                "<p>Plan dnia przygotowaliśmy też w tekście łatwym do czytania. Dostaniesz go "
                "w punkcie informacyjnym.</p>",
            ),
        ],
    },
]

# Events translated into English for real; the other English event pages stay aliases. A
# translation gives every text the Polish event has (the loader checks).
EVENT_TRANSLATIONS: dict[str, dict[str, Any]] = {
    "organizacje-i-miasto-20-czerwca-2024": {
        "slug": "ngos-and-the-city-20-june-2024",
        "title": "NGOs meet the City of Lublin about working together on the way to ECoC 2029",
        "categories": ["events", "consultations"],
        "participants": [
            "Krzysztof Żuk, Mayor of Lublin",
            "Beata Stepaniuk-Kuśmierzak, Deputy Mayor responsible for culture, sport and "
            "participation",
            "Directors of the City Hall departments that work with NGOs day to day",
        ],
        "sign_language_how_to_ask": (
            "E-mail or call the department and say that you need a Polish Sign Language "
            "interpreter at the meeting on 20 June."
        ),
        "lead": (
            "The second conversation this year between Lublin's NGOs and the city authorities. "
            "It is about how organisations and the City Hall will work together while Lublin "
            "bids to be European Capital of Culture 2029."
        ),
        "body": [
            (
                "paragraph",
                "<p>The June meeting carries on from the one in March. Then, organisations "
                "listed what they needed most, and the idea they came back to most often was a "
                "centre that would give them premises and help with paperwork. Now it is time "
                "for the details.</p>",
            ),
            ("heading", "On the agenda"),
            (
                "paragraph",
                "<ul><li>how a Centre for Non-Governmental Organisations could be set up and "
                "run,</li><li>the terms on which organisations use city-owned premises,</li>"
                "<li>what to change in the programme of cooperation with NGOs for 2025.</li>"
                "</ul>",
            ),
            ("subheading", "Consultation on the cooperation programme"),
            (
                "paragraph",
                "<p>The city is collecting comments on the 2025 programme from 10 June to "
                "8 September 2024. You can send yours before the meeting, raise it there or "
                "send it afterwards.</p>",
            ),
        ],
    },
    "kino-dostepne-w-wirydarzu": {
        "slug": "accessible-cinema-in-the-courtyard",
        "title": "Accessible cinema in the courtyard: a film with audio description, captions "
        "and a sign language interpreter",
        "categories": ["events"],
        "accessibility_other": (
            "The foundation brings a portable induction loop; it covers the first three rows."
        ),
        "lead": (
            "An evening screening of a Polish film for sighted and blind, hearing and Deaf "
            "people together. After the film, a talk with the PJM interpreter and the author "
            "of the audio description. The film is in Polish."
        ),
        "body": [
            (
                "paragraph",
                "<p>The captions for deaf viewers also describe sounds and music. You will hear "
                "the audio description through headphones, which you can borrow at the "
                "entrance. Admission is free.</p>",
            ),
            ("heading", "Seats at the front"),
            (
                "paragraph",
                "<p>We keep seats at the front, with a good view of the screen and the "
                "interpreter, for wheelchair users and the people with them. They are held for "
                "you until 18:50; after that other viewers may take them.</p>",
            ),
        ],
    },
}

# --- the privacy policy and the site settings ---------------------------------------------------

PRIVACY_PAGE: dict[str, str] = {
    "slug": "polityka-prywatnosci",
    "title": "Polityka prywatności",
    "lead": (
        "Biuletyn nie śledzi czytelników. Nie używamy ciasteczek reklamowych ani "
        "statystycznych. Ciasteczka zapisujemy tylko osobom, które się logują albo wysyłają "
        "formularz."
    ),
    "body": (
        "<h2>Kto odpowiada za twoje dane</h2>"
        "<p>Biuletyn wydaje Federacja Organizacji Pozarządowych „Szerokie Drzwi”, "
        "ul. Przykładowa 12, 20-001 Lublin. W sprawach danych osobowych pisz na adres "
        '<a href="mailto:biuro@szerokie-drzwi.example.org">biuro@szerokie-drzwi.example.org'
        "</a> albo dzwoń pod numer 81 532 40 10.</p>"
        "<h2>Jakie ciasteczka zapisujemy i po co</h2>"
        "<p>Ciasteczko (ang. cookie) to mały plik, który strona zapisuje w przeglądarce. Jeśli "
        "tylko czytasz biuletyn, nie zapisujemy żadnego. Ciasteczka pojawiają się wyłącznie "
        "wtedy, gdy logujesz się do panelu redakcji albo wysyłasz formularz:</p>"
        "<ul><li><b>sessionid</b> – pamięta, że jesteś zalogowany lub zalogowana, żeby nie "
        "trzeba było podawać hasła na każdej stronie. Znika po wylogowaniu albo po dwóch "
        "tygodniach.</li>"
        "<li><b>csrftoken</b> – chroni formularze: dzięki niemu inna strona nie może wysłać "
        "formularza w twoim imieniu.</li>"
        "<li><b>messages</b> – tylko w panelu redakcji: przechowuje przez chwilę komunikat "
        "w rodzaju „Strona została zapisana” i znika, gdy go zobaczysz.</li></ul>"
        "<p>To ciasteczka niezbędne do działania tych funkcji, dlatego nie pytamy o zgodę na "
        "nie i nie pokazujemy baneru.</p>"
        "<h2>Czego nie robimy</h2>"
        "<ul><li>Nie używamy narzędzi do statystyk odwiedzin ani reklam.</li>"
        "<li>Nie osadzamy na stronach treści z innych serwisów, na przykład filmów "
        "z YouTube ani wtyczek Facebooka. Do naszych profili prowadzą zwykłe linki.</li>"
        "<li>Strony, czcionki i obrazy pobierasz tylko z naszego serwera.</li></ul>"
        "<h2>Twoje prawa</h2>"
        "<p>Masz prawo dowiedzieć się, jakie dane o tobie mamy, poprawić je, usunąć albo "
        "ograniczyć ich przetwarzanie. Jeśli uważasz, że naruszamy przepisy, możesz złożyć "
        "skargę do Prezesa Urzędu Ochrony Danych Osobowych.</p>"
    ),
}

SITE_SETTINGS: dict[str, str] = {
    "facebook_url": "https://www.facebook.com/example",
    "accessibility_statement_url": "/deklaracja-dostepnosci/",
}
