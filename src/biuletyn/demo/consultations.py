"""Public consultations in the demo (issue 11): the list of consultations under the home page
and two consultations, each made through biuletyn.consultations.services, so the demo holds
nothing the site could not have taken.

* The rules for lending municipal premises to organisations: open now (from 12 days before the
  first load until 30 days after it, 23:59), four sections of the draft (the last, the legal
  basis, takes no comments), the draft as a PDF with an easy-to-read version beside it, a PJM
  video; comments sent online (published, one waiting for a moderator, one rejected), one taken
  by phone with consent to publish and one sent by letter without it (counted, never shown).
* The 2025 programme of cooperation with NGOs, the seed's consultation: open from 10 June 2024,
  0:00, to 8 September 2024, 23:59, linked to the city's meeting with organisations of 20 June
  2024 (an event of the demo calendar); closed, every comment answered (accepted, partly
  accepted, not accepted, explained; one section of the draft changed), the report published
  on 10 October 2024 with its summary, and the commenters' e-mail addresses erased
  ``CONSULTATION_CONTACT_DAYS`` later.

Every moment of the open consultation is relative to the load; each service gets it as ``now``.
People and addresses are invented (example.org). The messages the story writes are the demo's
own: those of the open consultation are marked sent at their moment, those of 2024 are deleted
(the purge of sent messages took them long ago).

Idempotent: a consultation whose page exists is left as it is (an editor may have changed it),
and online comments carry idempotency keys besides.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from io import BytesIO
from typing import Any, TypeVar

from django.conf import settings
from django.core.files.base import ContentFile
from django.db.models import Max
from django.utils import timezone
from PIL import Image, ImageDraw
from wagtail.documents import get_document_model
from wagtail.rich_text import RichText

from biuletyn.consultations import services
from biuletyn.consultations.enums import Answer, Channel, RejectReason
from biuletyn.consultations.models import (
    ConsultationDocument,
    ConsultationIndexPage,
    ConsultationMeeting,
    ConsultationPage,
)
from biuletyn.events.dates import WARSAW, local_datetime
from biuletyn.events.models import EventPage
from biuletyn.organisations.models import Organisation
from biuletyn.pages.services import publish_new_page
from biuletyn.registrations.enums import MessageChannel, MessageStatus
from biuletyn.registrations.models import OutboxMessage

from . import images

T = TypeVar("T")

INDEX: dict[str, Any] = {
    "slug": "konsultacje",
    "pl": {
        "title": "Konsultacje",
        "intro": (
            "Tu możesz powiedzieć miastu, co myślisz o projektach, które dotyczą organizacji "
            "i osób z niepełnosprawnościami. Uwagi zgłosisz przez formularz, e-mailem, listem, "
            "przez telefon albo w polskim języku migowym. Po konsultacjach publikujemy raport "
            "z odpowiedzią na każdą uwagę."
        ),
    },
    "en": {
        "title": "Consultations",
        "slug": "consultations",
        "intro": (
            "Here you can tell the city what you think of drafts that concern organisations and "
            "disabled people. You can comment through the form, by e-mail, by letter, by phone or "
            "in Polish Sign Language. After each consultation we publish a report that answers "
            "every comment."
        ),
    },
}

PREMISES_SLUG = "zasady-uzyczania-lokali-miejskich"
PROGRAMME_SLUG = "program-wspolpracy-2025"
# The demo calendar's event where the programme was discussed (content.EVENTS).
PROGRAMME_MEETING = "organizacje-i-miasto-20-czerwca-2024"

OTHER_WAYS = (
    "E-mailem na adres wips@lublin.eu albo listem na adres: Wydział Inicjatyw i Programów "
    "Społecznych, ul. Leszczyńskiego 23, 20-068 Lublin (liczy się data stempla). Przez telefon: "
    "81 466 30 50, w dni robocze 8:00–15:00 – pracownik zapisze Twoją uwagę i przeczyta ją Tobie. "
    "W polskim języku migowym: nagraj krótki film i wyślij link e-mailem albo przyjdź na dyżur "
    "tłumacza w Fundacji „Migowe Okno”."
)


def _sections(*parts: tuple[str, str, bool]) -> list[tuple[str, dict[str, Any]]]:
    return [
        ("section", {"heading": heading, "text": RichText(text), "commentable": commentable})
        for heading, text, commentable in parts
    ]


PREMISES: dict[str, Any] = {
    "title": "Zasady użyczania lokali miejskich organizacjom pozarządowym",
    "slug": PREMISES_SLUG,
    "subject": "projekt zasad użyczania lokali miejskich organizacjom pozarządowym",
    "lead": (
        "Miasto chce na nowo ustalić, jak organizacje mogą dostać lokal miejski na swoją "
        "działalność. Projekt mówi, kto może się starać, jak złożyć wniosek i jak dostępny musi "
        "być lokal. Uwagi możesz zgłosić do każdej części projektu albo do całości."
    ),
    "body": [
        {
            "type": "paragraph",
            "value": (
                "<p>Wiele organizacji nie ma własnego miejsca na spotkania i dyżury. Miasto "
                "ma lokale, które może im użyczyć za darmo albo wynająć taniej. Do tej pory "
                "każdy wydział robił to trochę inaczej. Nowe zasady mają być jedne dla "
                "wszystkich.</p>"
            ),
        },
        {
            "type": "paragraph",
            "value": (
                "<p>Przeczytaj projekt poniżej albo pobierz go jako dokument. Jest też wersja "
                "w tekście łatwym do czytania i nagranie w polskim języku migowym.</p>"
            ),
        },
    ],
    "sections": _sections(
        (
            "§ 1. Kto może dostać lokal",
            "<p>Lokal może dostać organizacja pozarządowa, która działa w Lublinie co najmniej "
            "rok i prowadzi działania dla mieszkańców. Pierwszeństwo mają organizacje, które "
            "nie mają żadnego innego lokalu.</p>",
            True,
        ),
        (
            "§ 2. Jak złożyć wniosek",
            "<p>Wniosek składa się przez internet albo w urzędzie. Trzeba w nim opisać, do czego "
            "organizacja potrzebuje lokalu i w jakie dni będzie z niego korzystać. Miasto "
            "odpowiada w ciągu 30 dni.</p>",
            True,
        ),
        (
            "§ 3. Dostępność lokali",
            "<p>Miasto opisuje dostępność każdego lokalu: wejście, toaletę, drogę od "
            "przystanku. Organizacja, która pracuje z osobami z niepełnosprawnościami, może "
            "poprosić o lokal dostępny dla osób na wózkach.</p>",
            True,
        ),
        (
            "§ 4. Podstawa prawna",
            "<p>Zasady przyjmuje prezydent miasta zarządzeniem, na podstawie przepisów "
            "o gospodarce nieruchomościami i o działalności pożytku publicznego.</p>",
            False,
        ),
    ),
    "sign_language_url": "https://migowe-okno.example.pl/wideo/zasady-lokali",
    "opens_days_ago": 12,
    "closes_in_days": 30,
    "report_after_days": 30,
}

PREMISES_DOCUMENTS: dict[str, dict[str, Any]] = {
    "draft": {
        "title": "Projekt zasad użyczania lokali miejskich organizacjom (PDF)",
        "filename": "projekt-zasad-uzyczania-lokali.pdf",
        "lines": [
            "PROJEKT",
            "Zasady użyczania lokali miejskich organizacjom pozarządowym",
            "§ 1. Lokal może dostać organizacja, która działa w Lublinie co najmniej rok.",
            "§ 2. Wniosek składa się przez internet albo w urzędzie. Odpowiedź w 30 dni.",
            "§ 3. Miasto opisuje dostępność każdego lokalu.",
            "§ 4. Zasady przyjmuje prezydent miasta zarządzeniem.",
        ],
    },
    "easy_read": {
        "title": "Zasady użyczania lokali miejskich – tekst łatwy do czytania",
        "filename": "zasady-lokali-tekst-latwy.txt",
        "text": """\
ZASADY UŻYCZANIA LOKALI MIEJSKICH
Tekst łatwy do czytania

Miasto Lublin ma lokale.
Lokal to pokój albo kilka pokoi w budynku.
Miasto może dać lokal organizacji.
Organizacja nie płaci za lokal albo płaci mało.

Kto może dostać lokal?
Organizacja, która działa w Lublinie co najmniej rok.

Jak poprosić o lokal?
Trzeba napisać wniosek.
Wniosek można wysłać przez internet.
Można też przynieść go do urzędu.
Miasto odpowie w ciągu 30 dni.

Czy lokal będzie dostępny?
Miasto napisze, jak wygląda wejście i toaleta.
Możesz poprosić o lokal dla osób na wózkach.

Co myślisz o tych zasadach?
Napisz do nas. Możesz też zadzwonić.
""",
    },
}

PROGRAMME: dict[str, Any] = {
    "title": "Program współpracy z organizacjami pozarządowymi na 2025 rok",
    "slug": PROGRAMME_SLUG,
    "subject": (
        "projekt Programu współpracy Miasta Lublin z organizacjami pozarządowymi na 2025 rok"
    ),
    "lead": (
        "Miasto pytało organizacje, co zmienić w programie współpracy na 2025 rok. Program "
        "mówi, jakie zadania miasto zleci organizacjom i jak będzie się z nimi naradzać. Uwagi "
        "zbieraliśmy od 10 czerwca do 8 września 2024 r. Raport z odpowiedziami jest gotowy."
    ),
    "body": [
        {
            "type": "paragraph",
            "value": (
                "<p>Program współpracy miasto przyjmuje co roku. Od niego zależy, na jakie "
                "zadania ogłosi konkursy dla organizacji, na jakich zasadach udostępni im lokale "
                "i jak będzie pytać je o zdanie. O projekcie rozmawialiśmy też na spotkaniu "
                "organizacji z miastem 20 czerwca.</p>"
            ),
        },
    ],
    "sections": _sections(
        (
            "§ 1. Cel programu",
            "<p>Celem programu jest lepsza współpraca miasta z organizacjami, tak aby razem "
            "odpowiadać na potrzeby mieszkańców.</p>",
            True,
        ),
        (
            "§ 2. Zadania priorytetowe",
            "<p>Miasto zleci organizacjom między innymi zadania z pomocy społecznej, kultury, "
            "sportu i wsparcia osób z niepełnosprawnościami. Wydarzenia finansowane przez miasto "
            "są dostępne: organizator zapewnia tłumacza PJM na prośbę i opisuje dostępność "
            "miejsca.</p>",
            True,
        ),
        (
            "§ 3. Formy współpracy",
            "<p>Oprócz konkursów miasto użycza organizacjom lokali, konsultuje z nimi projekty "
            "uchwał i publikuje ogłoszenia o konkursach w Biuletynie Informacji Publicznej.</p>",
            True,
        ),
        (
            "§ 4. Ocena realizacji programu",
            "<p>Do 31 maja następnego roku prezydent przedstawia radzie miasta sprawozdanie "
            "z realizacji programu.</p>",
            True,
        ),
    ),
    "opens_at": local_datetime(dt.date(2024, 6, 10), dt.time(0, 0)),
    "closes_at": local_datetime(dt.date(2024, 9, 8), dt.time(23, 59)),
    "report_due": dt.date(2024, 10, 15),
}

PROGRAMME_REPORT: dict[str, Any] = {
    "summary": (
        "Wpłynęło sześć uwag: cztery przez formularz, jedna na spotkaniu 20 czerwca i jedna "
        "listem. Jedną uwzględniliśmy w całości: do zadań priorytetowych (§ 2) dopisaliśmy, że "
        "wydarzenia finansowane przez miasto mają być dostępne. Dwie uwzględniliśmy częściowo, "
        "dwie nie, a na jedną odpowiedzieliśmy wyjaśnieniem. Program przyjęła rada miasta "
        "w listopadzie 2024 r."
    ),
    "summary_en": (
        "We received six comments: four through the form, one at the meeting of 20 June and "
        "one by letter. We accepted one in full: the priority tasks (§ 2) now say that events "
        "the city pays for must be accessible. We partly accepted two, did not accept two and "
        "answered one with an explanation. The city council adopted the programme in November "
        "2024."
    ),
    "published_at": local_datetime(dt.date(2024, 10, 10), dt.time(12, 0)),
}


@dataclass(frozen=True)
class CommentSpec:
    key: str
    text: str
    at: dt.datetime | dt.timedelta  # a moment (2024), or how long before the load
    section: int | None = None  # the section's number in the draft; None: a general comment
    name: str = ""
    organisation: str = ""
    email: str = ""
    channel: str = Channel.ONLINE
    consent: bool = True
    # what the moderator did and how long after it came ("pending": nothing yet)
    decision: str = "publish"
    decided_after: dt.timedelta = dt.timedelta(days=1)
    reject_reason: str = ""
    reject_note: str = ""
    answer: str = ""
    justification: str = ""
    changed_section: int | None = None


PREMISES_COMMENTS = (
    CommentSpec(
        key="kalinowszczyzna",
        text=(
            "Rok działania to za długo dla nowych grup sąsiedzkich. Proponujemy pół roku, jeśli "
            "organizacja pokaże, co już zrobiła, na przykład listę spotkań."
        ),
        at=dt.timedelta(days=10, hours=3),
        section=0,
        name="Ewa Kowalczyk",
        organisation="Stowarzyszenie „Razem na Kalinowszczyźnie”",
        email="ewa.kowalczyk@example.org",
    ),
    CommentSpec(
        key="toaleta",
        text=(
            "W opisie dostępności proszę podawać też, czy w lokalu jest pętla indukcyjna i czy "
            "da się zaciemnić salę. To ważne na spotkaniach z tłumaczem PJM."
        ),
        at=dt.timedelta(days=7, hours=5),
        section=2,
        email="czytelnik.lublin@example.org",
    ),
    CommentSpec(
        key="wojcik",
        text=(
            "Projekt nie mówi, na jak długo miasto użycza lokalu i co się dzieje po tym czasie. "
            "Warto to dopisać, żeby organizacje mogły planować."
        ),
        at=dt.timedelta(days=2, hours=1),
        name="Tomasz Wójcik",
        email="t.wojcik@example.org",
        decision="pending",
    ),
    CommentSpec(
        key="dziury",
        text="Na ulicy Zana są dziury w chodniku, kiedy miasto je naprawi?",
        at=dt.timedelta(days=4, hours=2),
        email="spacerowicz@example.org",
        decision="reject",
        decided_after=dt.timedelta(hours=20),
        reject_reason=RejectReason.OFF_TOPIC,
        reject_note=(
            "Sprawy chodników zgłosisz w Lubelskim Centrum Kontaktu z Mieszkańcami, telefon "
            "81 466 19 00."
        ),
    ),
    CommentSpec(
        key="telefon",
        text=(
            "Wniosek przez internet jest dla mnie trudny, bo słabo widzę. Proszę, żeby można go "
            "było złożyć także przez telefon, z pomocą pracownika urzędu."
        ),
        at=dt.timedelta(days=5, hours=4),
        section=1,
        name="Halina Zielińska",
        channel=Channel.PHONE,
    ),
    CommentSpec(
        key="list",
        text=(
            "Piszę w imieniu naszego koła seniorów. Spotykamy się w świetlicy parafialnej, ale "
            "chcielibyśmy mieć stały lokal na parterze. Prosimy, żeby koła seniorów też mogły "
            "starać się o lokal, choć nie są stowarzyszeniem."
        ),
        at=dt.timedelta(days=3, hours=6),
        name="Koło seniorów z ul. Nałęczowskiej",
        channel=Channel.LETTER,
        consent=False,
    ),
)


def _in_2024(month: int, day: int, hour: int, minute: int = 0) -> dt.datetime:
    return local_datetime(dt.date(2024, month, day), dt.time(hour, minute))


PROGRAMME_COMMENTS = (
    CommentSpec(
        key="federacja-dostepnosc",
        text=(
            "Proponujemy dopisać do zadań priorytetowych, że każde wydarzenie finansowane przez "
            "miasto jest dostępne: z tłumaczem PJM na prośbę, z opisem dostępności miejsca "
            "i z informacją, jak zgłosić potrzeby."
        ),
        at=_in_2024(9, 5, 14, 10),
        section=1,
        name="Anna Wrzosek",
        organisation="Federacja Organizacji Pozarządowych „Szerokie Drzwi”",
        email="biuro@szerokie-drzwi.example.org",
        answer=Answer.ACCEPTED,
        justification=(
            "Dopisaliśmy to do § 2. Organizator wydarzenia opłaconego przez miasto zapewni "
            "tłumacza PJM na prośbę i opisze dostępność miejsca."
        ),
        changed_section=1,
    ),
    CommentSpec(
        key="federacja-koszty",
        text=(
            "W każdym konkursie koszty dostępności (tłumacz, napisy, transport) powinny być "
            "kosztem kwalifikowanym, ponad limit kosztów administracyjnych."
        ),
        at=_in_2024(9, 5, 14, 20),
        name="Anna Wrzosek",
        organisation="Federacja Organizacji Pozarządowych „Szerokie Drzwi”",
        email="biuro@szerokie-drzwi.example.org",
        answer=Answer.PARTLY,
        justification=(
            "Koszty dostępności będą kosztem kwalifikowanym we wszystkich konkursach. Nie "
            "wyłączymy ich jednak z limitu kosztów administracyjnych: limity ustala każdy "
            "konkurs osobno, w zależności od zadania."
        ),
    ),
    CommentSpec(
        key="migowe-okno",
        text=(
            "Ogłoszenia o konkursach są napisane trudnym językiem. Prosimy o ich wersję "
            "w tekście łatwym do czytania i krótkie nagranie w PJM."
        ),
        at=_in_2024(7, 15, 10, 45),
        section=2,
        name="Marek Lis",
        organisation="Fundacja „Migowe Okno”",
        email="kontakt@migowe-okno.example.pl",
        answer=Answer.PARTLY,
        justification=(
            "Każde ogłoszenie dostanie krótkie streszczenie w tekście łatwym do czytania. "
            "Nagrań w PJM w 2025 roku nie zapewnimy, bo nie mamy na nie pieniędzy w budżecie; "
            "wrócimy do tego przy programie na 2026 rok."
        ),
    ),
    CommentSpec(
        key="spotkanie",
        text=(
            "Program powinien przesądzić, że Centrum Organizacji Pozarządowych powstanie "
            "w 2025 roku, i podać jego adres."
        ),
        at=_in_2024(6, 20, 17, 10),
        name="Piotr Nowicki",
        channel=Channel.MEETING,
        answer=Answer.NOT_ACCEPTED,
        justification=(
            "Program współpracy nie decyduje o inwestycjach miasta. O centrum i jego miejscu "
            "zdecydujemy po rozmowach z organizacjami, które zaczęły się na spotkaniu "
            "20 czerwca; ich wyniki opiszemy osobno."
        ),
    ),
    CommentSpec(
        key="list",
        text=(
            "Proszę, żeby sprawozdanie z programu było pisane prostym językiem, bo dziś trudno "
            "z niego zrozumieć, na co poszły pieniądze."
        ),
        at=_in_2024(8, 28, 9, 0),
        section=3,
        channel=Channel.LETTER,
        consent=False,
        answer=Answer.EXPLAINED,
        justification=(
            "Od 2024 roku sprawozdanie ma na początku podsumowanie prostym językiem, z kwotami "
            "dla każdego zadania. Nie trzeba zmieniać programu, żeby tak zostało."
        ),
    ),
    CommentSpec(
        key="mieszkaniec",
        text=(
            "Cel programu jest zbyt ogólny. Proponuję wpisać liczby: ile organizacji ma dostać "
            "dotacje i ilu mieszkańców ma skorzystać."
        ),
        at=_in_2024(8, 2, 21, 30),
        section=0,
        email="mieszkaniec.lublin@example.org",
        answer=Answer.NOT_ACCEPTED,
        justification=(
            "Liczby zależą od budżetu, który rada miasta uchwala później niż program. Podajemy "
            "je w ogłoszeniach konkursów i w sprawozdaniu."
        ),
    ),
)

# What the moderator and the organiser did in 2024, by the day.
PROGRAMME_MODERATED_AT = _in_2024(9, 10, 10, 0)
PROGRAMME_ANSWERED_AT = _in_2024(9, 30, 13, 0)


def ensure_demo_consultations(
    homes: dict[str, Any],
    events: dict[str, EventPage],
    *,
    ensure_section: Callable[..., Any],
    staff: Any,
    now: dt.datetime | None = None,
) -> ConsultationIndexPage:
    """The list of consultations under the home page (with its English translation) and the
    demo's two consultations under it, each made only if its page is missing.
    ``ensure_section`` is the loader's (it translates the list's English alias); ``staff``
    enters, moderates and answers."""
    now = now or timezone.now()
    index: ConsultationIndexPage = ensure_section(homes, ConsultationIndexPage, INDEX)
    organisation = Organisation.objects.filter(
        slug="wydzial-inicjatyw-i-programow-spolecznych"
    ).first()
    if not ConsultationPage.objects.child_of(index).filter(slug=PREMISES_SLUG).exists():
        _premises(index, organisation, staff=staff, now=now)
    if not ConsultationPage.objects.child_of(index).filter(slug=PROGRAMME_SLUG).exists():
        _programme(index, organisation, events.get(PROGRAMME_MEETING), staff=staff, now=now)
    return index


def _page_fields(spec: dict[str, Any]) -> dict[str, Any]:
    names = ("title", "slug", "subject", "lead", "body", "sections", "sign_language_url")
    return {name: spec[name] for name in names if name in spec}


def _publish(index: ConsultationIndexPage, page: ConsultationPage) -> ConsultationPage:
    page.clean()  # bad demo data fails here, with the editor's message
    publish_new_page(parent=index, page=page)
    return ConsultationPage.objects.get(pk=page.pk)  # its sections' ids, as stored


def _premises(
    index: ConsultationIndexPage, organisation: Organisation | None, *, staff: Any, now: dt.datetime
) -> ConsultationPage:
    today = timezone.localdate(now, WARSAW)
    closing_day = today + dt.timedelta(days=PREMISES["closes_in_days"])
    page = ConsultationPage(
        locale=index.locale,
        opens_at=local_datetime(
            today - dt.timedelta(days=PREMISES["opens_days_ago"]), dt.time(0, 0)
        ),
        closes_at=local_datetime(closing_day, dt.time(23, 59)),
        report_due=closing_day + dt.timedelta(days=PREMISES["report_after_days"]),
        organiser=organisation,
        contact=organisation,
        other_ways=OTHER_WAYS,
        **_page_fields(PREMISES),
    )
    draft = _document(PREMISES_DOCUMENTS["draft"])
    easy_read = _document(PREMISES_DOCUMENTS["easy_read"])
    page.documents = [
        ConsultationDocument(
            document=draft,
            alternative_document=easy_read,
            alternative_kind=ConsultationDocument.AlternativeKind.EASY_READ,
        )
    ]
    page = _publish(index, page)
    steps: list[tuple[dt.datetime, int, Callable[[dt.datetime], None]]] = []
    for order, spec in enumerate(PREMISES_COMMENTS):
        assert isinstance(spec.at, dt.timedelta)
        steps.extend(_comment_steps(page, spec, now - spec.at, order, staff=staff, now=now))
    for moment, _order, step in sorted(steps, key=lambda item: (item[0], item[1])):
        _settled(moment, step)
    return page


def _programme(
    index: ConsultationIndexPage,
    organisation: Organisation | None,
    meeting: EventPage | None,
    *,
    staff: Any,
    now: dt.datetime,
) -> ConsultationPage:
    page = ConsultationPage(
        locale=index.locale,
        opens_at=PROGRAMME["opens_at"],
        closes_at=PROGRAMME["closes_at"],
        report_due=PROGRAMME["report_due"],
        organiser=organisation,
        contact=organisation,
        other_ways=OTHER_WAYS,
        **_page_fields(PROGRAMME),
    )
    if meeting is not None:
        page.meetings = [ConsultationMeeting(event=meeting)]
    page = _publish(index, page)
    before = _last_message()
    made: dict[str, Any] = {}
    steps: list[tuple[dt.datetime, int, Callable[[dt.datetime], None]]] = []
    for order, spec in enumerate(PROGRAMME_COMMENTS):
        assert isinstance(spec.at, dt.datetime)
        steps.extend(_comment_steps(page, spec, spec.at, order, staff=staff, now=now, made=made))
    for moment, _order, step in sorted(steps, key=lambda item: (item[0], item[1])):
        step(moment)
    for spec in PROGRAMME_COMMENTS:
        services.answer(
            comment=made[spec.key],
            staff=staff,
            answer=spec.answer,
            justification=spec.justification,
            changed_section_key=(
                _key(page, spec.changed_section) if spec.changed_section is not None else ""
            ),
            now=PROGRAMME_ANSWERED_AT,
        )
    services.save_report(
        page=page,
        summary=PROGRAMME_REPORT["summary"],
        summary_en=PROGRAMME_REPORT["summary_en"],
    )
    published_at = PROGRAMME_REPORT["published_at"]
    report = services.publish_report(page=page, staff=staff, now=published_at)
    if report.contacts_erased_at is None:
        erase_at = published_at + dt.timedelta(days=max(settings.CONSULTATION_CONTACT_DAYS, 0))
        services.erase_contacts(report=report, now=erase_at)
    # The messages of 2024 went long ago, and the purge of sent messages took them.
    OutboxMessage.objects.filter(pk__gt=before).delete()
    return page


def _key(page: ConsultationPage, number: int) -> str:
    return str(page.section_list()[number]["key"])


def _comment_steps(
    page: ConsultationPage,
    spec: CommentSpec,
    received: dt.datetime,
    order: int,
    *,
    staff: Any,
    now: dt.datetime,
    made: dict[str, Any] | None = None,
) -> list[tuple[dt.datetime, int, Callable[[dt.datetime], None]]]:
    """The steps of one comment's story, each with its moment: sent (and confirmed a quarter
    of an hour later) or entered by staff an hour after it came, then the moderator's
    decision."""
    made = made if made is not None else {}
    section = _key(page, spec.section) if spec.section is not None else None

    def arrive(moment: dt.datetime) -> None:
        if spec.channel == Channel.ONLINE:
            comment = services.submit(
                page=page,
                section_key=section,
                text=spec.text,
                email=spec.email,
                author_name=spec.name,
                organisation=spec.organisation,
                idempotency_key=f"demo-{page.slug}-{spec.key}",
                now=moment,
            )
            made[spec.key] = services.confirm(
                comment=comment, now=moment + dt.timedelta(minutes=15)
            )
        else:
            made[spec.key] = services.enter_on_behalf(
                page=page,
                staff=staff,
                channel=spec.channel,
                received_at=moment,
                text=spec.text,
                consent_to_publish=spec.consent,
                section_key=section,
                author_name=spec.name,
                organisation=spec.organisation,
                email=spec.email,
                now=min(moment + dt.timedelta(hours=1), now),
            )

    def decide(moment: dt.datetime) -> None:
        comment = made[spec.key]
        if spec.decision == "publish":
            made[spec.key] = services.publish(comment=comment, moderator=staff, now=moment)
        elif spec.decision == "reject":
            made[spec.key] = services.reject(
                comment=comment,
                moderator=staff,
                reason=spec.reject_reason,
                note=spec.reject_note,
                now=moment,
            )

    steps: list[tuple[dt.datetime, int, Callable[[dt.datetime], None]]] = [
        (received, order, arrive)
    ]
    if spec.decision != "pending":
        if isinstance(spec.at, dt.datetime):  # 2024: the moderator's day after the closing
            decided = max(PROGRAMME_MODERATED_AT, received + spec.decided_after)
        else:
            decided = min(received + spec.decided_after, now)
        steps.append((decided, order, decide))
    return steps


def _last_message() -> int:
    return int(OutboxMessage.objects.aggregate(last=Max("pk"))["last"] or 0)


def _settled(moment: dt.datetime, step: Callable[[dt.datetime], T]) -> T:
    """Run one step and settle the e-mails it wrote (the demo's own, to invented addresses):
    dated to the step's moment and marked sent then, so none waits for the worker."""
    before = _last_message()
    result = step(moment)
    written = OutboxMessage.objects.filter(pk__gt=before)
    written.update(created_at=moment, next_attempt_at=moment)
    written.filter(status=MessageStatus.PENDING, channel=MessageChannel.EMAIL).update(
        status=MessageStatus.SENT, sent_at=moment
    )
    return result


def _document(spec: dict[str, Any]) -> Any:
    """A document of the demo, by title; the draft is a one-page PDF drawn with Pillow (an
    image of text, as a scanned draft often is: hence the easy-to-read version beside it)."""
    model = get_document_model()
    document = model.objects.filter(title=spec["title"]).first()
    if document is not None:
        return document
    data = _pdf(spec["lines"]) if "lines" in spec else spec["text"].encode("utf-8")
    document = model(title=spec["title"], file=ContentFile(data, name=spec["filename"]))
    document._set_document_file_metadata()
    document.save()
    return document


def _pdf(lines: list[str]) -> bytes:
    width, height, margin = 1240, 1754, 110  # A4 at 150 dpi
    page = Image.new("L", (width, height), 255)
    draw = ImageDraw.Draw(page)
    y = margin
    for number, line in enumerate(lines):
        face = images.font(40 if number < 2 else 30, bold=number < 2)
        for part in images._wrap(draw, line, face, width - 2 * margin):
            draw.text((margin, y), part, font=face, fill=0)
            y += int(face.size * 1.5) if hasattr(face, "size") else 45
        y += 30
    buffer = BytesIO()
    page.save(buffer, format="PDF", resolution=150.0)
    return buffer.getvalue()
