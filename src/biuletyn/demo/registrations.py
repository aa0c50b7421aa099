"""Registration in the demo: four upcoming events with registration switched on, the people who
registered and the answers to their accommodation requests, all made through the services of
biuletyn.registrations, so the demo holds nothing a real sign-up could not make.

* The open meeting on accessible stops (the city and the federation, a PJM interpreter on
  request) is the main one: interpreter requests overdue, due soon and confirmed, every other
  status of a case, a registration taken by phone, one whose person gave no consent to health
  data (the needs were not stored), one awaiting a check.
* The webinar, two days after the first load: a request for an SJM interpreter after the last
  day to ask, accepted as best effort.
* The accessible film: wheelchair spaces held back until ten minutes before the film, and a
  phone call the bulletin's accessibility coordinator (the demo editor's account, `redakcja`)
  took and registered; the member organisation's account cannot open registrations.
* The training for assistants: full (16 seats), two on the waiting list, a pair of them first
  in line: the seat one person freed went to the single person behind them.
* The meeting on disability certificates: registration opens in a week.

Every moment is relative to the load (people registered "eight days ago"); each service gets it
as ``now``. The people are invented: addresses at example.org and example.com, phones
+48 500 000 xxx.

Idempotent: an event that already has registration settings is left as it is (an editor may
have changed them), and every registration carries an idempotency key besides. An event that
starts too soon for its story (a demo database loaded long ago) gets no registration.

The outbox: the demo's own messages are settled at load, none is left for the worker. E-mails
are marked sent at the moment of the step that wrote them, so the worker does not print dozens
of invented confirmations to the console on the first `make run` (the console then shows only
what a developer does). Text messages and calls become staff's to-do, as without an SMS gateway
(a gateway configured later never texts the invented numbers); those of the last day are still
to do, older ones were done (``services.mark_contacted``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

from django.db.models import Max
from django.utils import timezone

from biuletyn.events.dates import WARSAW, local_datetime
from biuletyn.events.enums import EventStatus
from biuletyn.events.models import EventPage
from biuletyn.organisations.models import Organisation
from biuletyn.registrations import services
from biuletyn.registrations.enums import (
    CaseStatus,
    Channel,
    MessageChannel,
    MessageStatus,
    Need,
)
from biuletyn.registrations.enums import ContactPreference as Prefer
from biuletyn.registrations.models import OutboxMessage, RegistrationSetup

T = TypeVar("T")

# Calls and text messages of the last day are still staff's to-do; older ones were made this
# long after the step that asked for them.
STAFF_TO_DO_FOR = dt.timedelta(days=1)
STAFF_CALLED_AFTER = dt.timedelta(hours=2)


def _ago(days: int = 0, hours: int = 0) -> dt.timedelta:
    return dt.timedelta(days=days, hours=hours)


@dataclass(frozen=True)
class Answer:
    need: str
    status: str
    text: str
    ago: dt.timedelta


@dataclass(frozen=True)
class Person:
    key: str
    name: str
    ago: dt.timedelta
    email: str = ""
    phone: str = ""
    prefer: str = Prefer.EMAIL
    seats: int = 1
    needs: tuple[tuple[str, str], ...] = ()
    consent: bool = True
    channel: str = Channel.ONLINE
    by_staff: bool = False
    language: str = "pl"
    staff_note: str = ""
    suspicious: bool = False
    answers: tuple[Answer, ...] = ()
    cancelled_ago: dt.timedelta | None = None
    released_ago: dt.timedelta | None = None


@dataclass(frozen=True)
class Plan:
    key: str  # short, for the idempotency keys
    event: str  # the slug of the Polish event in content.EVENTS
    organiser: str  # the organisation that controls the data (a key of content.ORGANISATIONS)
    mailbox: str  # the domain of the organiser's invented addresses
    min_days_ahead: int  # the story needs the event at least this many days away
    setup: Callable[[EventPage, dt.datetime], dict[str, Any]]
    people: tuple[Person, ...] = ()


def _meeting(event: EventPage, now: dt.datetime) -> dict[str, Any]:
    return {
        "capacity": 30,
        "opens_at": local_datetime(timezone.localdate(now, WARSAW) - _ago(14), dt.time(9)),
        "wheelchair_spaces": 2,
    }


def _webinar(event: EventPage, now: dt.datetime) -> dict[str, Any]:
    # Online: no limit; registration closes when the webinar starts.
    return {
        "capacity": None,
        "opens_at": local_datetime(timezone.localdate(now, WARSAW) - _ago(10), dt.time(9)),
    }


def _film(event: EventPage, now: dt.datetime) -> dict[str, Any]:
    # The event's text: the front places wait for wheelchair users until 18:50.
    return {
        "capacity": 40,
        "opens_at": local_datetime(timezone.localdate(now, WARSAW) - _ago(8), dt.time(12)),
        "wheelchair_spaces": 6,
        "wheelchair_release_at": local_datetime(event.start_date, dt.time(18, 50)),
    }


def _training(event: EventPage, now: dt.datetime) -> dict[str, Any]:
    # "Mamy 16 miejsc"; the caterer needs the number of lunches five days ahead.
    return {
        "capacity": 16,
        "opens_at": local_datetime(timezone.localdate(now, WARSAW) - _ago(20), dt.time(9)),
        "closes_at": local_datetime(event.start_date - _ago(5), dt.time(15)),
        "max_seats_per_registration": 2,
    }


def _certificates(event: EventPage, now: dt.datetime) -> dict[str, Any]:
    return {
        "capacity": 20,
        "opens_at": local_datetime(timezone.localdate(now, WARSAW) + _ago(7), dt.time(10)),
    }


PLANS: tuple[Plan, ...] = (
    Plan(
        key="przystanki",
        event="dostepne-przystanki-otwarte-spotkanie",
        organiser="city",
        mailbox="lublin.example.org",
        min_days_ahead=12,
        setup=_meeting,
        people=(
            Person(
                key="m01",
                name="Bożena Kwiatkowska",
                email="b.kwiatkowska@example.org",
                prefer=Prefer.VIDEO,
                ago=_ago(9, 5),
                needs=((Need.PJM, ""),),
                answers=(
                    Answer(
                        Need.PJM,
                        CaseStatus.CONFIRMED,
                        "Tłumaczka PJM będzie w sali przez całe spotkanie, a osoby przy "
                        "komputerach zobaczą ją w okienku transmisji. Zostawiliśmy Ci miejsce "
                        "w pierwszym rzędzie, skąd dobrze ją widać.",
                        _ago(8, 2),
                    ),
                ),
            ),
            Person(
                key="m02",
                name="Tomasz Zawadzki",
                email="tomasz.zawadzki@example.com",
                ago=_ago(8, 3),
                needs=((Need.PJM, ""),),
            ),
            Person(
                key="m03",
                name="Marek Dudek",
                email="marek.dudek@example.org",
                seats=2,
                ago=_ago(7, 6),
            ),
            Person(
                key="m04",
                name="Irena Sikora",
                phone="+48 500 000 104",
                prefer=Prefer.PHONE,
                channel=Channel.PHONE,
                ago=_ago(6, 4),
                needs=((Need.WHEELCHAIR, ""), (Need.ASSISTANT, "")),
                staff_note="Zapis przyjęty przez telefon w sekretariacie wydziału. Pani Irena "
                "prosi o telefon po 15:00.",
                answers=(
                    Answer(
                        Need.WHEELCHAIR,
                        CaseStatus.ALTERNATIVE,
                        "Do głównego wejścia prowadzą cztery stopnie. Wjedziesz bez schodów "
                        "bramą od podwórza, po lewej stronie budynku: zadzwoń domofonem do "
                        "portierni, a pracownik otworzy drzwi i zaprowadzi Cię do windy. Sala "
                        "jest na pierwszym piętrze.",
                        _ago(5, 3),
                    ),
                    Answer(
                        Need.ASSISTANT,
                        CaseStatus.CONFIRMED,
                        "Asystentka wchodzi bezpłatnie i nie zajmuje miejsca z puli zapisów. "
                        "Krzesło dla niej będzie stało obok Twojego miejsca.",
                        _ago(5, 3),
                    ),
                ),
            ),
            Person(
                key="m05",
                name="Krystyna Jabłońska",
                email="k.jablonska@example.org",
                phone="+48 500 000 105",
                prefer=Prefer.SMS,
                ago=_ago(5, 2),
                needs=((Need.HEARING_LOOP, ""),),
                answers=(
                    Answer(
                        Need.HEARING_LOOP,
                        CaseStatus.CONFIRMED,
                        "Przywieziemy przenośną pętlę indukcyjną. Działa w trzech pierwszych "
                        "rzędach po prawej stronie sali: przełącz aparat słuchowy na tryb T.",
                        _ago(4, 5),
                    ),
                ),
            ),
            Person(
                key="m06",
                name="Paweł Nowicki",
                email="pawel.nowicki@example.com",
                ago=_ago(4, 1),
                needs=((Need.EASY_READ, ""),),
                answers=(
                    Answer(
                        Need.EASY_READ,
                        CaseStatus.DECLINED,
                        "Przepraszamy, na to spotkanie nie zdążymy przygotować materiałów "
                        "w tekście łatwym do czytania: lista przystanków zmienia się do "
                        "ostatniego dnia. Po spotkaniu wyślemy Ci krótką notatkę napisaną "
                        "prostym językiem, a na miejscu pracownik wydziału chętnie wszystko "
                        "objaśni.",
                        _ago(3, 4),
                    ),
                ),
            ),
            Person(
                # Chose needs but did not consent: registered, the needs not stored.
                key="m07",
                name="Zofia Lis",
                email="zofia.lis@example.org",
                ago=_ago(3, 2),
                needs=((Need.PJM, ""), (Need.QUIET_SPACE, "")),
                consent=False,
            ),
            Person(
                key="m08",
                name="Jan Kołodziej",
                email="jan.kolodziej@example.com",
                ago=_ago(2, 7),
                needs=(
                    (
                        Need.OTHER,
                        "Słabo widzę. Proszę o listę przystanków wydrukowaną dużą czcionką.",
                    ),
                ),
            ),
            Person(
                key="m09",
                name="Ewa Grabowska",
                email="ewa.grabowska@example.org",
                prefer=Prefer.VIDEO,
                ago=_ago(1, 3),
                needs=((Need.SJM, ""),),
            ),
            Person(
                key="m10",
                name="Dariusz Wójcik",
                phone="+48 500 000 110",
                prefer=Prefer.SMS,
                ago=_ago(0, 3),
                needs=((Need.PJM, ""),),
            ),
            Person(
                # The hidden field was filled in: kept for a person to look at.
                key="m11",
                name="Pozycjonowanie stron – najlepsza oferta",
                email="oferta.seo@example.com",
                ago=_ago(0, 1),
                suspicious=True,
            ),
        ),
    ),
    Plan(
        key="webinar",
        event="webinar-dofinansowanie-turnusu-rehabilitacyjnego",
        organiser="federation",
        mailbox="szerokie-drzwi.example.org",
        min_days_ahead=1,
        setup=_webinar,
        people=(
            Person(
                key="w01",
                name="Anna Kaczmarek",
                email="anna.kaczmarek@example.org",
                ago=_ago(6, 2),
            ),
            Person(
                key="w02",
                name="Stanisław Kurek",
                email="s.kurek@example.com",
                ago=_ago(3, 5),
            ),
            Person(
                # The webinar has a PJM interpreter; asked for SJM after the last day to ask.
                key="w03",
                name="Grzegorz Pietrzak",
                email="grzegorz.pietrzak@example.org",
                ago=_ago(0, 2),
                needs=((Need.SJM, ""),),
            ),
        ),
    ),
    Plan(
        key="kino",
        event="kino-dostepne-w-wirydarzu",
        organiser="deaf",
        mailbox="migowe-okno.example.org",
        min_days_ahead=8,
        setup=_film,
        people=(
            Person(
                key="k01",
                name="Łukasz Wieczorek",
                email="lukasz.wieczorek@example.org",
                seats=2,
                ago=_ago(6, 1),
                needs=((Need.WHEELCHAIR, ""),),
                answers=(
                    Answer(
                        Need.WHEELCHAIR,
                        CaseStatus.CONFIRMED,
                        "Twoje miejsce jest w pierwszym rzędzie, od strony wejścia. Obok stoi "
                        "krzesło dla osoby, która przyjdzie z Tobą.",
                        _ago(5, 4),
                    ),
                ),
            ),
            Person(
                key="k02",
                name="Małgorzata Sadowska",
                email="m.sadowska@example.com",
                phone="+48 500 000 202",
                prefer=Prefer.SMS,
                ago=_ago(5, 6),
                needs=((Need.WHEELCHAIR, ""), (Need.ASSISTANT, "")),
                answers=(
                    Answer(
                        Need.WHEELCHAIR,
                        CaseStatus.CONFIRMED,
                        "Czeka na Ciebie miejsce z przodu, przy przejściu między rzędami.",
                        _ago(4, 2),
                    ),
                    Answer(
                        Need.ASSISTANT,
                        CaseStatus.CONFIRMED,
                        "Asystent wchodzi za darmo. Jego krzesło stoi tuż obok Twojego miejsca.",
                        _ago(4, 2),
                    ),
                ),
            ),
            Person(
                key="k03",
                name="Henryk Baran",
                phone="+48 500 000 203",
                prefer=Prefer.PHONE,
                channel=Channel.PHONE,
                by_staff=True,
                ago=_ago(4, 3),
                needs=((Need.HEARING_LOOP, ""),),
                staff_note="Zadzwonił do redakcji biuletynu. Woli telefon niż e-mail.",
                answers=(
                    Answer(
                        Need.HEARING_LOOP,
                        CaseStatus.CONFIRMED,
                        "Pętla obejmuje trzy pierwsze rzędy. Zarezerwowaliśmy Ci miejsce "
                        "w drugim rzędzie, na środku.",
                        _ago(4, 1),
                    ),
                ),
            ),
            Person(
                key="k04",
                name="Oliwia Mazur",
                email="oliwia.mazur@example.org",
                prefer=Prefer.VIDEO,
                seats=2,
                ago=_ago(3, 8),
            ),
            Person(
                key="k05",
                name="Emily Clarke",
                email="emily.clarke@example.com",
                language="en",
                ago=_ago(2, 4),
                needs=((Need.WHEELCHAIR, ""),),
            ),
            Person(
                key="k06",
                name="Rafał Czarnecki",
                email="rafal.czarnecki@example.org",
                seats=3,
                ago=_ago(1, 6),
            ),
            Person(
                # The browser filled in the hidden field; staff checked and let her in.
                key="k07",
                name="Natalia Woźniak",
                email="natalia.wozniak@example.com",
                ago=_ago(1, 2),
                suspicious=True,
                released_ago=_ago(0, 20),
            ),
        ),
    ),
    Plan(
        key="szkolenie",
        event="szkolenie-dla-asystentow-osobistych",
        organiser="federation",
        mailbox="szerokie-drzwi.example.org",
        min_days_ahead=8,
        setup=_training,
        people=(
            Person(
                key="s01",
                name="Karolina Michalska",
                email="karolina.michalska@example.org",
                ago=_ago(18, 3),
                needs=((Need.DIET, "Dieta bezglutenowa – mam celiakię."),),
                answers=(
                    Answer(
                        Need.DIET,
                        CaseStatus.CONFIRMED,
                        "W oba dni dostaniesz obiad bezglutenowy, w osobno podpisanym pojemniku.",
                        _ago(17, 5),
                    ),
                ),
            ),
            Person(
                key="s02",
                name="Piotr Zieliński",
                email="piotr.zielinski@example.com",
                seats=2,
                ago=_ago(17, 2),
            ),
            Person(
                key="s03",
                name="Monika Wasilewska",
                email="monika.wasilewska@example.org",
                phone="+48 500 000 303",
                prefer=Prefer.SMS,
                ago=_ago(16, 4),
            ),
            Person(
                key="s04",
                name="Adam Górski",
                email="adam.gorski@example.com",
                ago=_ago(15, 6),
                needs=((Need.OTHER, "Mam cukrzycę i około 11:00 muszę zjeść mały posiłek."),),
                answers=(
                    Answer(
                        Need.OTHER,
                        CaseStatus.ALTERNATIVE,
                        "Przerwę mamy o 10:30, nie o 11:00. Możesz jednak wyjść w każdej "
                        "chwili: w sali obok będą kanapki i woda, a prowadzący wiedzą, że "
                        "czasem wyjdziesz na kilka minut.",
                        _ago(14, 3),
                    ),
                ),
            ),
            Person(
                key="s05",
                name="Joanna Kowalczyk",
                email="joanna.kowalczyk@example.org",
                ago=_ago(14, 2),
            ),
            Person(
                key="s06",
                name="Michał Krawczyk",
                email="michal.krawczyk@example.com",
                seats=2,
                ago=_ago(13, 5),
            ),
            Person(
                key="s07",
                name="Beata Szymańska",
                email="beata.szymanska@example.org",
                ago=_ago(12, 1),
                needs=((Need.DIET, "Jem wyłącznie wegańskie posiłki."),),
                answers=(
                    Answer(
                        Need.DIET,
                        CaseStatus.CONFIRMED,
                        "W oba dni dostaniesz obiad wegański. Przy stole z jedzeniem powiedz, "
                        "jak się nazywasz, a obsługa poda Ci Twój.",
                        _ago(11, 6),
                    ),
                ),
            ),
            Person(
                key="s08",
                name="Sebastian Kubiak",
                email="sebastian.kubiak@example.com",
                ago=_ago(11, 3),
            ),
            Person(
                key="s09",
                name="Aleksandra Pawłowska",
                email="a.pawlowska@example.org",
                ago=_ago(10, 2),
            ),
            Person(
                # Freed his seat half a day ago: the pair first in line does not fit in it,
                # the single person behind them does.
                key="s10",
                name="Wojciech Jasiński",
                email="wojciech.jasinski@example.com",
                ago=_ago(9, 4),
                cancelled_ago=_ago(0, 12),
            ),
            Person(
                key="s11",
                name="Dorota Wróbel",
                email="dorota.wrobel@example.org",
                ago=_ago(8, 2),
            ),
            Person(
                key="s12",
                name="Kamil Zając",
                email="kamil.zajac@example.com",
                channel=Channel.EMAIL,
                ago=_ago(7, 5),
                staff_note="Zgłoszenie przyszło e-mailem na adres biura federacji.",
            ),
            Person(
                key="s13",
                name="Agata Olszewska",
                email="agata.olszewska@example.org",
                ago=_ago(7, 1),
            ),
            Person(
                key="s14",
                name="Norbert Stępień",
                email="norbert.stepien@example.com",
                ago=_ago(6, 3),
            ),
            Person(
                # Two colleagues from one association: they wait together.
                key="s15",
                name="Renata Malinowska",
                email="renata.malinowska@example.org",
                seats=2,
                ago=_ago(5, 2),
            ),
            Person(
                key="s16",
                name="Przemysław Adamczyk",
                email="p.adamczyk@example.com",
                ago=_ago(4, 4),
            ),
            Person(
                key="s17",
                name="Elżbieta Pietrzyk",
                email="elzbieta.pietrzyk@example.org",
                phone="+48 500 000 317",
                prefer=Prefer.PHONE,
                ago=_ago(1, 5),
                needs=((Need.DIET, "Nie mogę jeść nabiału (nietolerancja laktozy)."),),
            ),
        ),
    ),
    Plan(
        key="orzeczenie",
        event="jak-czytac-orzeczenie-spotkanie-z-doradca",
        organiser="federation",
        mailbox="szerokie-drzwi.example.org",
        min_days_ahead=9,
        setup=_certificates,
    ),
)


def ensure_demo_registrations(
    events: dict[str, EventPage], *, staff: Any = None, now: dt.datetime | None = None
) -> int:
    """Switch registration on for the demo's events that have none yet and register their
    people. The film's phone call is credited to ``staff`` when that account may open
    registrations, else to the coordinator's account (``coordinator_account``): the loader
    passes the member organisation's account, which may not. Returns how many events have
    demo registration settings."""
    now = now or timezone.now()
    today = timezone.localdate(now, WARSAW)
    for plan in PLANS:
        event = events[plan.event]
        if RegistrationSetup.objects.filter(event_key=event.translation_key).exists():
            continue
        if (
            not event.live
            or event.status != EventStatus.SCHEDULED
            or event.start_date < today + dt.timedelta(days=plan.min_days_ahead)
        ):
            continue
        if staff is None or not staff.has_perm("registrations.view_registration"):
            staff = coordinator_account()
        setup = services.save_setup(
            setup=RegistrationSetup(event=event, **_controller(plan), **plan.setup(event, now))
        )
        _register_people(setup, plan, staff=staff, now=now)
    return RegistrationSetup.objects.filter(
        event_key__in=[events[plan.event].translation_key for plan in PLANS]
    ).count()


def coordinator_account() -> Any:
    """The demo editor's account (``ensure_demo_editor``: `redakcja`, an accessibility
    coordinator), who enters registrations taken by phone. The loader runs before that
    command, so the account is made here if it is missing, without a password and without
    rights; the command gives it both."""
    from django.contrib.auth import get_user_model

    from .management.commands.ensure_demo_editor import DEMO_USERNAME

    user, created = get_user_model().objects.get_or_create(
        username=DEMO_USERNAME, defaults={"email": f"{DEMO_USERNAME}@example.org"}
    )
    if created:
        user.set_unusable_password()
        user.save(update_fields=["password"])
    return user


def _controller(plan: Plan) -> dict[str, str]:
    from . import content

    spec = next(spec for spec in content.ORGANISATIONS if spec["key"] == plan.organiser)
    organisation = Organisation.objects.get(slug=spec["slug"])
    return {
        "controller": (
            f"{organisation.name}, {organisation.street_address}, "
            f"{organisation.postcode} {organisation.city}"
        ),
        "controller_contact": f"iod@{plan.mailbox}",
        "organiser_email": f"zapisy@{plan.mailbox}",
    }


def _register_people(setup: RegistrationSetup, plan: Plan, *, staff: Any, now: dt.datetime) -> None:
    """Each step of the plan's story at its own moment, in the order they happened."""
    steps: list[tuple[dt.datetime, int, Callable[[dt.datetime], None]]] = []
    made: dict[str, Any] = {}
    for order, person in enumerate(plan.people):
        steps.append((now - person.ago, order, _registering(setup, plan, person, made, staff)))
        for answer in person.answers:
            steps.append((now - answer.ago, order, _answering(person, answer, made)))
        if person.cancelled_ago is not None:
            steps.append((now - person.cancelled_ago, order, _cancelling(person, made)))
        if person.released_ago is not None:
            steps.append((now - person.released_ago, order, _releasing(person, made)))
    for moment, _order, step in sorted(steps, key=lambda item: (item[0], item[1])):
        _stamped(moment, step, now=now)


def _registering(
    setup: RegistrationSetup, plan: Plan, person: Person, made: dict[str, Any], staff: Any
) -> Callable[[dt.datetime], None]:
    def step(moment: dt.datetime) -> None:
        outcome = services.register(
            setup=setup,
            name=person.name,
            email=person.email,
            phone=person.phone,
            contact_preference=person.prefer,
            seats=person.seats,
            needs=[services.NeedAnswer(need, details) for need, details in person.needs],
            health_consent=person.consent and bool(person.needs),
            language=person.language,
            idempotency_key=f"demo-{plan.key}-{person.key}",
            channel=person.channel,
            registered_by=staff if person.by_staff else None,
            staff_note=person.staff_note,
            suspicious=person.suspicious,
            now=moment,
        )
        if outcome.result != "duplicate":
            made[person.key] = outcome.registration

    return step


def _answering(
    person: Person, answer: Answer, made: dict[str, Any]
) -> Callable[[dt.datetime], None]:
    def step(moment: dt.datetime) -> None:
        registration = made.get(person.key)
        if registration is not None:
            services.answer_case(
                case=registration.accommodations.get(need=answer.need),
                status=answer.status,
                answer=answer.text,
                user=None,
                now=moment,
            )

    return step


def _cancelling(person: Person, made: dict[str, Any]) -> Callable[[dt.datetime], None]:
    def step(moment: dt.datetime) -> None:
        registration = made.get(person.key)
        if registration is not None:
            services.cancel(registration=registration, now=moment)

    return step


def _releasing(person: Person, made: dict[str, Any]) -> Callable[[dt.datetime], None]:
    def step(moment: dt.datetime) -> None:
        registration = made.get(person.key)
        if registration is not None:
            services.release_moderated(registration=registration, accept=True, now=moment)

    return step


def _stamped(moment: dt.datetime, step: Callable[[dt.datetime], T], *, now: dt.datetime) -> T:
    """Run one step of the story and settle the messages it wrote, which are the demo's own
    and never leave the machine: dated to the step's moment, e-mails marked sent then, text
    messages left for staff as they would be without a gateway (so a gateway configured later
    never texts the invented numbers), and what staff were to do more than a day ago done a
    little later."""
    before = OutboxMessage.objects.aggregate(last=Max("pk"))["last"] or 0
    result = step(moment)
    written = OutboxMessage.objects.filter(pk__gt=before)
    written.update(created_at=moment, next_attempt_at=moment)
    pending = written.filter(status=MessageStatus.PENDING)
    pending.filter(channel=MessageChannel.EMAIL).update(status=MessageStatus.SENT, sent_at=moment)
    pending.filter(channel=MessageChannel.SMS).update(status=MessageStatus.MANUAL)
    if moment < now - STAFF_TO_DO_FOR:
        for message in written.filter(status=MessageStatus.MANUAL):
            services.mark_contacted(message=message, now=moment + STAFF_CALLED_AFTER)
    return result
