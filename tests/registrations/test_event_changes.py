"""A published change of an event tells its registrants (issue 10, ADR 0011): publishing a
cancelled, postponed (with or without a new date) or moved-online version sends everyone
registered one message that says what changed, with the organiser's note; a second publication
without a change sends nothing; a publication that rolls back tells nobody. The message says
whether the person's accommodation requests still stand and gives the new last day to ask for a
PJM interpreter on request; a cancelled event asks for nothing."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import transaction
from django.utils import translation

from biuletyn.events import offer
from biuletyn.events.dates import last_day_to_request_interpreter
from biuletyn.events.enums import AttendanceMode, EventStatus
from biuletyn.registrations import services
from biuletyn.registrations.enums import MessageKind, Need, RegistrationStatus
from biuletyn.registrations.models import OutboxMessage
from biuletyn.registrations.services import NeedAnswer
from tests.factories.events import days
from tests.factories.registrations import make_setup, register

pytestmark = pytest.mark.integration


@pytest.fixture
def people(event):
    setup = make_setup(event, capacity=2)
    confirmed = [register(setup).registration, register(setup, language="en").registration]
    waiting = register(setup).registration
    gone = register(setup).registration
    services.cancel(registration=gone)
    assert waiting.status == RegistrationStatus.WAITING
    OutboxMessage.objects.all().delete()
    return [*confirmed, waiting]


def publish(page, capture, **changes):
    page.refresh_from_db()
    for field, value in changes.items():
        setattr(page, field, value)
    with capture(execute=True):
        page.save_revision().publish()


def changed_messages():
    return list(OutboxMessage.objects.filter(kind=MessageKind.EVENT_CHANGED).order_by("pk"))


def test_a_cancellation_tells_each_registrant_once(
    event, people, django_capture_on_commit_callbacks
):
    note = "Sala jest w remoncie. Spotkamy się jesienią."
    publish(
        event,
        django_capture_on_commit_callbacks,
        status=EventStatus.CANCELLED,
        status_note=note,
    )

    messages = changed_messages()
    assert sorted(m.registration_id for m in messages) == sorted(p.pk for p in people)
    polish = next(m for m in messages if m.registration.language == "pl")
    assert polish.subject == f"Wydarzenie odwołane: {event.title}"
    assert "Organizator odwołał wydarzenie." in polish.body
    assert f"Od organizatora: {note}" in polish.body
    english = next(m for m in messages if m.registration.language == "en")
    assert english.subject.startswith("Event cancelled: ")
    assert "The organiser has cancelled the event." in english.body

    publish(event, django_capture_on_commit_callbacks, title=f"{event.title} (odwołane)")
    assert len(changed_messages()) == len(people)


def test_a_postponement_without_a_date_then_with_one_tells_twice(
    event, people, django_capture_on_commit_callbacks
):
    publish(event, django_capture_on_commit_callbacks, status=EventStatus.POSTPONED)
    first = changed_messages()
    assert len(first) == len(people)
    assert "Nowego terminu jeszcze nie znamy" in first[0].body
    assert "nowy termin zostanie podany później" in first[0].body

    new_date = days(45)
    publish(
        event,
        django_capture_on_commit_callbacks,
        status=EventStatus.POSTPONED,
        new_start_date=new_date,
        new_start_time=dt.time(11, 0),
        new_end_time=dt.time(13, 0),
    )
    second = changed_messages()[len(first) :]
    assert len(second) == len(people)
    polish = next(m for m in second if m.registration.language == "pl")
    assert polish.subject == f"Wydarzenie przełożone: {event.title}"
    assert "Nowy termin:" in polish.body
    assert "11:00" in polish.body
    assert "BEGIN:VEVENT" in polish.ics

    publish(event, django_capture_on_commit_callbacks)
    assert len(changed_messages()) == 2 * len(people)


def test_moving_online_tells_where_to_join(event, people, django_capture_on_commit_callbacks):
    publish(
        event,
        django_capture_on_commit_callbacks,
        status=EventStatus.MOVED_ONLINE,
        online_url="https://spotkanie.example/pokoj",
    )
    messages = changed_messages()
    assert len(messages) == len(people)
    polish = next(m for m in messages if m.registration.language == "pl")
    assert polish.subject == f"Wydarzenie przeniesione do internetu: {event.title}"
    assert "Dołączysz tutaj: https://spotkanie.example/pokoj" in polish.body


def test_a_publication_without_a_change_sends_nothing(
    event, people, django_capture_on_commit_callbacks
):
    publish(event, django_capture_on_commit_callbacks, lead="Nowy opis spotkania.")
    publish(event, django_capture_on_commit_callbacks, attendance_mode=AttendanceMode.IN_PERSON)
    assert changed_messages() == []


def test_a_rolled_back_publication_tells_nobody(event, people, django_capture_on_commit_callbacks):
    event.status = EventStatus.CANCELLED

    def publish_then_fail():
        with transaction.atomic():
            event.save_revision().publish()
            raise RuntimeError("the editor's request failed")

    with django_capture_on_commit_callbacks(execute=True) as callbacks, pytest.raises(RuntimeError):
        publish_then_fail()
    assert callbacks == []
    assert changed_messages() == []


def test_each_language_version_tells_those_who_read_it(
    event, calendar, django_capture_on_commit_callbacks
):
    from wagtail.models import Locale

    from biuletyn.pages.services import translate_alias

    alias = event.get_translation(Locale.objects.get(language_code="en"))
    english = translate_alias(alias, title="Meeting of NGOs with the city", slug="ngo-meeting")
    setup = make_setup(event)
    polish_reader = register(setup).registration
    english_reader = register(setup, language="en").registration

    publish(
        english,
        django_capture_on_commit_callbacks,
        status=EventStatus.CANCELLED,
        status_note="The hall is being repaired.",
    )
    told = changed_messages()
    assert [m.registration_id for m in told] == [english_reader.pk]
    assert told[0].subject == "Event cancelled: Meeting of NGOs with the city"

    publish(event, django_capture_on_commit_callbacks, status=EventStatus.CANCELLED)
    told = changed_messages()[1:]
    assert [m.registration_id for m in told] == [polish_reader.pk]


# --- accommodation requests and the last day to ask after a change ------------------------------


@pytest.fixture
def asked(event):
    """A Deaf person who asked for an interpreter and captions, on an event with a PJM
    interpreter on request."""
    setup = make_setup(event)
    person = register(
        setup, needs=[NeedAnswer(Need.PJM), NeedAnswer(Need.CAPTIONS)], health_consent=True
    ).registration
    OutboxMessage.objects.all().delete()
    return person


def told(person):
    return person.messages.get(kind=MessageKind.EVENT_CHANGED)


def test_a_postponement_keeps_the_requests_and_gives_the_new_last_day_to_ask(
    event, asked, django_capture_on_commit_callbacks
):
    new_date = days(60)
    publish(
        event,
        django_capture_on_commit_callbacks,
        status=EventStatus.POSTPONED,
        new_start_date=new_date,
        new_start_time=dt.time(11, 0),
        new_end_time=dt.time(13, 0),
    )
    event.refresh_from_db()
    new_deadline = last_day_to_request_interpreter(new_date)
    assert event.interpreter_deadline == new_deadline
    with translation.override("pl"):
        by = offer.by_day(new_deadline)
    body = told(asked).body
    assert (
        f"W nowym terminie na wydarzeniu może być tłumacz PJM – poproś o niego do\u00a0{by}"
    ) in body
    assert "Twoje prośby o dostosowanie: 2." in body
    assert "Obowiązują one także w nowym terminie – nie musisz wysyłać ich ponownie." in body


def test_a_postponement_without_a_date_says_the_last_day_comes_with_it(
    event, asked, django_capture_on_commit_callbacks
):
    publish(event, django_capture_on_commit_callbacks, status=EventStatus.POSTPONED)
    body = told(asked).body
    assert (
        "Na wydarzeniu może być tłumacz PJM. Ostatni dzień, żeby o niego poprosić, podamy razem "
        "z nowym terminem."
    ) in body
    assert "Nadal obowiązują – nie musisz wysyłać ich ponownie." in body
    assert "poproś o niego do" not in body


def test_moving_online_keeps_the_requests_and_says_some_may_be_moot(
    event, asked, django_capture_on_commit_callbacks
):
    asked.language = "en"
    asked.save(update_fields=["language"])
    publish(
        event,
        django_capture_on_commit_callbacks,
        status=EventStatus.MOVED_ONLINE,
        online_url="https://spotkanie.example/pokoj",
    )
    body = told(asked).body
    assert ("Your accommodation requests: 2. The organiser will answer by ") in body
    assert (
        "They still stand, but those about taking part on site may no longer be needed: you can "
        "change them on your link."
    ) in body
    assert "There can be a PJM interpreter at the event: ask for one by " in body


def test_a_cancelled_event_asks_for_nothing_and_counts_no_requests(
    event, asked, django_capture_on_commit_callbacks
):
    publish(event, django_capture_on_commit_callbacks, status=EventStatus.CANCELLED)
    body = told(asked).body
    assert "PJM" not in body
    assert "prośby o dostosowanie" not in body
    assert "Organizator odwołał wydarzenie." in body
