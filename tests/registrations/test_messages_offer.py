"""What a person's messages tell them beyond "you are registered" (issue 10, review of the
messages): the event's Polish Sign Language offer in the words of the event page, with the last
day to ask and how; when the organiser answers their accommodation requests (counts and dates,
never which need); their seats in the singular or the plural; the wording a Polish editor asked
for. Real registrations, real outbox rows, in Polish and English.

Personas: a Deaf person who reads the confirmation to learn whether an interpreter will be
there and by when to ask; a family of three who cancel; a person whose diet request was
answered while their interpreter request still waits.
"""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import translation

from biuletyn.events import offer
from biuletyn.events import queries as event_queries
from biuletyn.events.enums import AttendanceMode
from biuletyn.registrations import notifications, services
from biuletyn.registrations.enums import (
    CONSULTATION_KINDS,
    ORGANISER_KINDS,
    CaseStatus,
    MessageKind,
    Need,
)
from biuletyn.registrations.models import OutboxMessage
from biuletyn.registrations.services import NeedAnswer
from tests.factories.events import make_event
from tests.factories.registrations import make_setup, register

pytestmark = pytest.mark.integration

NBSP = "\u00a0"


def message(registration, kind, **context):
    OutboxMessage.objects.filter(registration=registration).delete()
    [row] = notifications.to_person(registration, kind, **context)
    return row


def in_language(registration, language):
    registration.language = language
    registration.save(update_fields=["language"])
    return registration


def paragraph_with(text: str, words: str) -> str:
    [found] = [part for part in text.split("\n\n") if words in part]
    return found


def by_day(day: dt.date, language: str) -> str:
    with translation.override(language):
        return offer.by_day(day)


def date(day: dt.date, language: str = "pl") -> str:
    with translation.override(language):
        return notifications.long_date(day)


def said(text: str) -> str:
    """``text`` as a message prints it: one full stop after a date's "r." ("2026 r..")."""
    return notifications._one_stop(text)


# --- the event's PJM offer ------------------------------------------------------------------


def test_an_interpreter_on_request_is_offered_with_the_last_day_and_how_to_ask(setup, event):
    person = register(setup).registration
    deadline = event.interpreter_deadline
    # The day the event page shows and the form counts by.
    assert deadline == offer.standing_deadline(event) == services.interpreter_cutoff(setup)

    body = message(person, MessageKind.CONFIRMATION).body
    last_day = by_day(deadline, "pl")
    expected = said(
        f"Na wydarzeniu może być tłumacz PJM – poproś o niego do{NBSP}{last_day}. "
        "Jeśli go potrzebujesz, a nie ma go jeszcze w Twoim zgłoszeniu, otwórz swój link i "
        "zmień zgłoszenie albo skontaktuj się z organizatorem.\nNapisz."
    )
    assert expected in body

    english = message(in_language(person, "en"), MessageKind.CONFIRMATION).body
    assert (
        f"There can be a PJM interpreter at the event: ask for one by {by_day(deadline, 'en')}. "
        "If you need one and it is not in your registration yet, open your link and change your "
        "registration, or contact the organiser."
    ) in english


def test_the_offer_is_the_events_the_same_for_everyone_whatever_they_asked(setup):
    """Not health data: a person who asked for an interpreter and one who asked for nothing
    read the same words about it."""
    asked = register(setup, needs=[NeedAnswer(Need.PJM)], health_consent=True).registration
    nothing = register(setup).registration
    for kind in (MessageKind.CONFIRMATION, MessageKind.CHANGED, MessageKind.LINK_AGAIN):
        first = paragraph_with(message(asked, kind).body, "tłumacz PJM")
        second = paragraph_with(message(nothing, kind).body, "tłumacz PJM")
        assert first == second, kind


def test_a_provided_interpreter_needs_no_asking(calendar):
    in_person = register(make_setup(make_event(calendar, sign_language="provided"))).registration
    body = message(in_person, MessageKind.CONFIRMATION).body
    assert "Na wydarzeniu będzie tłumacz PJM. Nie musisz go zamawiać." in body
    assert "poproś" not in body
    english = message(in_language(in_person, "en"), MessageKind.CONFIRMATION).body
    assert "There will be a PJM interpreter at the event. You do not need to order one." in english

    online = make_event(
        calendar,
        sign_language="provided",
        attendance_mode=AttendanceMode.ONLINE,
        online_url="https://spotkanie.example/pjm",
    )
    body = message(register(make_setup(online)).registration, MessageKind.CONFIRMATION).body
    assert "Przez całe wydarzenie na ekranie będzie widać tłumacza PJM." in body


def test_without_an_announced_interpreter_the_message_says_nothing_of_one(calendar):
    person = register(make_setup(make_event(calendar, sign_language="none"))).registration
    for kind in (MessageKind.CONFIRMATION, MessageKind.REMINDER, MessageKind.WAITING):
        assert "PJM" not in message(person, kind, position=1).body


def test_after_the_last_day_the_message_says_it_passed_and_one_can_still_ask(
    setup, event, monkeypatch
):
    deadline = event.interpreter_deadline
    person = register(setup).registration
    monkeypatch.setattr(event_queries, "today", lambda: deadline + dt.timedelta(days=1))
    body = message(person, MessageKind.CHANGED).body
    assert (
        "Na wydarzeniu może być tłumacz PJM. Ostatni dzień, żeby o niego poprosić, minął "
        f"{date(deadline)}, ale nadal możesz to zrobić: organizator postara "
        "się go zapewnić, choć nie może tego obiecać."
    ) in body
    assert "poproś o niego do" not in body


def test_the_reminder_tells_of_a_provided_interpreter_only(calendar, setup):
    reminder = message(register(setup).registration, MessageKind.REMINDER).body
    assert "PJM" not in reminder  # on request: the last day to ask is long gone
    provided = make_setup(make_event(calendar, sign_language="provided"))
    reminder = message(register(provided).registration, MessageKind.REMINDER).body
    assert "Na wydarzeniu będzie tłumacz PJM." in reminder


def test_the_messages_about_a_cancellation_an_answer_or_a_check_offer_nothing(setup):
    person = register(setup, needs=[NeedAnswer(Need.PJM)], health_consent=True).registration
    for kind in (
        MessageKind.CANCELLED_BY_PERSON,
        MessageKind.CASE_ANSWERED,
        MessageKind.MODERATION,
    ):
        assert "tłumacz PJM" not in message(person, kind).body, kind


# --- when the organiser answers ------------------------------------------------------------


def test_the_person_is_told_by_when_the_organiser_answers(setup):
    person = register(
        setup,
        needs=[NeedAnswer(Need.PJM), NeedAnswer(Need.DIET, "bez glutenu")],
        health_consent=True,
    ).registration
    cases = {case.need: case for case in person.accommodations.all()}
    latest = max(case.due_on for case in cases.values())
    body = message(person, MessageKind.CONFIRMATION).body
    assert said(f"Twoje prośby o dostosowanie: 2. Organizator odpowie do {date(latest)}.") in body
    english = message(in_language(person, "en"), MessageKind.CONFIRMATION).body
    assert (
        f"Your accommodation requests: 2. The organiser will answer by {date(latest, 'en')}."
    ) in english

    services.answer_case(case=cases[Need.DIET], status=CaseStatus.CONFIRMED, answer="", user=None)
    pjm_due = cases[Need.PJM].due_on
    body = message(in_language(person, "pl"), MessageKind.CASE_ANSWERED).body
    assert (
        "Twoje prośby o dostosowanie: 2. Organizator odpowiedział już na 1 z nich, a na resztę "
        f"odpowie do {date(pjm_due)}"
    ) in body
    english = message(in_language(person, "en"), MessageKind.CASE_ANSWERED).body
    assert (
        f"The organiser has answered 1 of them and will answer the rest by {date(pjm_due, 'en')}."
    ) in english

    services.answer_case(case=cases[Need.PJM], status=CaseStatus.CONFIRMED, answer="", user=None)
    body = message(in_language(person, "pl"), MessageKind.CASE_ANSWERED).body
    assert "Twoje prośby o dostosowanie: 2. Organizator odpowiedział już na wszystkie." in body
    assert "odpowie do" not in body


def test_one_answered_request_is_it_and_an_overdue_one_says_to_write(setup, monkeypatch):
    person = register(setup, needs=[NeedAnswer(Need.CAPTIONS)], health_consent=True).registration
    case = person.accommodations.get()
    monkeypatch.setattr(event_queries, "today", lambda: case.due_on + dt.timedelta(days=1))
    body = message(person, MessageKind.CHANGED).body
    assert (
        said(
            "Twoje prośby o dostosowanie: 1. Organizator miał odpowiedzieć do "
            f"{date(case.due_on)}. Jeśli nadal czekasz na odpowiedź, napisz do "
            "organizatora."
        )
        in body
    )

    services.answer_case(case=case, status=CaseStatus.CONFIRMED, answer="", user=None)
    body = message(person, MessageKind.CHANGED).body
    assert "Twoje prośby o dostosowanie: 1. Organizator już na nią odpowiedział." in body
    english = message(in_language(person, "en"), MessageKind.CHANGED).body
    assert "Your accommodation requests: 1. The organiser has answered it." in english


# --- seats: one or more ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("seats", "polish", "english"),
    [
        (1, "a Twoje miejsce może zająć ktoś inny", "your seat can go to someone else"),
        (2, "a Twoje miejsca mogą zająć inne osoby", "your seats can go to other people"),
        (4, "a Twoje miejsca mogą zająć inne osoby", "your seats can go to other people"),
    ],
)
def test_a_cancellation_speaks_of_the_registrations_seats(setup, seats, polish, english):
    person = register(setup, seats=seats).registration
    services.cancel(registration=person)
    assert polish in message(person, MessageKind.CANCELLED_BY_PERSON).body
    assert english in message(in_language(person, "en"), MessageKind.CANCELLED_BY_PERSON).body


def test_a_seat_from_the_waiting_list_and_the_reminder_count_the_seats(setup):
    single = register(setup, seats=1).registration
    family = register(setup, seats=3).registration

    promoted = message(single, MessageKind.PROMOTED)
    assert promoted.subject.startswith("Masz miejsce: ")
    assert "Zwolniło się miejsce: Twoje zgłoszenie z listy rezerwowej" in promoted.body
    assert "aby Twoje miejsce mogła zająć osoba z listy rezerwowej" in promoted.body
    promoted = message(family, MessageKind.PROMOTED)
    assert promoted.subject.startswith("Masz miejsca: ")
    assert "Zwolniły się miejsca: Twoje zgłoszenie z listy rezerwowej" in promoted.body
    assert "Liczba miejsc: 3." in promoted.body
    assert "aby Twoje miejsca mogły zająć osoby z listy rezerwowej" in promoted.body
    with translation.override("pl"):
        sms = notifications.render(
            MessageKind.PROMOTED, notifications._person_context(family, setup.event)
        )[2]
    assert sms.startswith("Zwolniły się miejsca: ")

    reminder = message(family, MessageKind.REMINDER).body
    assert "aby Twoje miejsca mogły zająć osoby z listy rezerwowej" in reminder
    english = message(in_language(family, "en"), MessageKind.REMINDER).body
    assert "so that people from the waiting list can take your seats" in english
    english = message(in_language(single, "en"), MessageKind.REMINDER).body
    assert "so that someone from the waiting list can take your seat" in english


# --- the wording ------------------------------------------------------------------------------


def test_the_wording_of_the_waiting_list_the_calendar_file_and_an_answer(setup):
    person = register(setup, needs=[NeedAnswer(Need.PJM)], health_consent=True).registration
    waiting = message(person, MessageKind.WAITING, position=1).body
    assert (
        "pierwsza osoba z listy, dla której wystarczy wolnych miejsc – razem z osobami" in waiting
    )
    assert "która się w nim zmieści" not in waiting
    for kind in (MessageKind.CONFIRMATION, MessageKind.PROMOTED):
        body = message(person, kind).body
        assert "Otwórz załączony plik, żeby dodać wydarzenie do kalendarza." in body, kind
        assert "Załączony plik" not in body
    changed = message(person, MessageKind.EVENT_CHANGED).body
    assert "Otwórz załączony plik, żeby zaktualizować wydarzenie w kalendarzu." in changed
    answered = message(person, MessageKind.CASE_ANSWERED).body
    assert "Jeśli ta odpowiedź Ci nie wystarcza, napisz do organizatora." in answered
    english = message(in_language(person, "en"), MessageKind.CONFIRMATION).body
    assert "Open the attached file to add the event to your calendar." in english


def test_every_message_uses_the_capitalised_forms_of_you(setup):
    """Polish letters to one person write Ci, Cię, Ciebie, Twój… with a capital."""
    person = register(setup, needs=[NeedAnswer(Need.PJM)], health_consent=True).registration
    lower = (" ci ", " cię ", " ciebie ", " tobą ", " twój ", " twoje ", " twoim ", " twojego ")
    for kind in MessageKind:
        if kind in ORGANISER_KINDS or kind in CONSULTATION_KINDS:
            continue
        body = f" {message(person, kind, position=1).body} ".replace("\n", " ")
        for word in lower:
            assert word not in body, (kind, word)
