"""Registration in the demo of `make run` (issue 10): upcoming events with registration, one
nearly full with a waiting list, one with wheelchair spaces held back, one not yet open; cases
of every status (requested overdue, due soon, best effort; confirmed; an alternative; declined)
across the needs; a phone registration, one without consent, one awaiting a check; every way to
be contacted; the organiser of the city's meeting sees who needs an interpreter before the last
day to ask. The demo editor is an accessibility coordinator, the member organisation is not. No
message of the demo waits for the worker (e-mails marked sent, calls and texts left to staff or
done), and loading twice adds nothing.

Persona: an organiser trying the demo. "Now" is fixed at noon in Poland, so no assertion
crosses midnight."""

from __future__ import annotations

import datetime as dt
import io
import re

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.utils import timezone

from biuletyn.demo import content
from biuletyn.demo.loader import load
from biuletyn.demo.management.commands.ensure_demo_editor import DEMO_PASSWORD, DEMO_USERNAME
from biuletyn.events.dates import WARSAW, local_datetime
from biuletyn.registrations import services
from biuletyn.registrations.enums import (
    INTERPRETER_NEEDS,
    CaseStatus,
    Channel,
    ContactPreference,
    MessageChannel,
    MessageStatus,
    Need,
    RegistrationStatus,
)
from biuletyn.registrations.models import (
    AccommodationRequest,
    OutboxMessage,
    Registration,
    RegistrationSetup,
)

pytestmark = pytest.mark.integration

NOON = local_datetime(dt.datetime.now(WARSAW).date(), dt.time(12))


@pytest.fixture
def fixed_now(monkeypatch):
    monkeypatch.setattr(timezone, "now", lambda: NOON.astimezone(dt.UTC))
    return NOON


@pytest.fixture
def demo(db, fixed_now):
    load(port=8000)
    return fixed_now


def setup_of(slug: str) -> RegistrationSetup:
    return RegistrationSetup.objects.select_related("event").get(
        event__slug=slug, event__locale__language_code="pl"
    )


def test_loading_twice_adds_nothing_and_no_demo_message_waits_for_the_worker(demo, settings):
    def snapshot():
        return (
            list(RegistrationSetup.objects.values_list("pk", "capacity", "opens_at", "updated_at")),
            list(Registration.objects.values_list("pk", "status", "seats_held", "updated_at")),
            list(AccommodationRequest.objects.values_list("pk", "status", "answered_at")),
            list(OutboxMessage.objects.values_list("pk", "status")),
        )

    first = snapshot()
    load(port=8000)

    assert snapshot() == first
    assert len(first[0]) == 5
    assert len(first[1]) > 30
    _assert_no_demo_message_waits_for_the_worker()
    _assert_the_demo_editor_is_a_coordinator_and_the_member_is_not(settings)


def _assert_no_demo_message_waits_for_the_worker() -> None:
    messages = OutboxMessage.objects.all()
    to_do = messages.filter(status=MessageStatus.MANUAL)
    sent = messages.filter(status=MessageStatus.SENT)

    assert not messages.filter(status=MessageStatus.PENDING)
    assert set(sent.values_list("channel", flat=True)) == {MessageChannel.EMAIL}
    assert all(message.sent_at <= NOON for message in sent)
    assert all(message.created_at <= NOON for message in messages)
    # Staff's calls and texts: those of the last day still to do, older ones done.
    assert to_do.exists()
    assert all(message.created_at >= NOON - dt.timedelta(days=1) for message in to_do)
    assert messages.filter(status=MessageStatus.DONE, channel=MessageChannel.SMS).exists()
    assert messages.filter(status=MessageStatus.DONE, channel=MessageChannel.MANUAL).exists()


def _assert_the_demo_editor_is_a_coordinator_and_the_member_is_not(settings) -> None:
    settings.DEBUG = True
    call_command("ensure_demo_editor", port=8000, stdout=io.StringIO())
    users = get_user_model().objects

    editor = users.get(username=DEMO_USERNAME)
    member = users.get(username=content.MEMBER["username"])
    assert editor.groups.filter(name=services.COORDINATOR_GROUP).exists()
    assert not member.groups.filter(name=services.COORDINATOR_GROUP).exists()
    # The account the loader made for the phone registrations is the one the command sets up.
    assert editor.is_staff
    assert editor.check_password(DEMO_PASSWORD)
    assert editor.has_perm("registrations.view_registration")
    assert not member.has_perm("registrations.view_registration")
    assert Registration.objects.filter(registered_by=editor).exists()
    assert not Registration.objects.filter(registered_by=member).exists()


def test_events_with_registration_in_every_state(demo):
    _assert_the_training_is_full_with_a_pair_first_on_the_waiting_list()
    _assert_the_film_holds_wheelchair_spaces_back_until_just_before_it_starts()
    _assert_the_meeting_on_certificates_is_not_open_yet()
    _assert_each_setup_names_its_organiser_as_controller_at_an_example_address()
    _assert_the_city_meeting_shows_who_needs_an_interpreter_before_the_last_day_to_ask()


def _assert_the_training_is_full_with_a_pair_first_on_the_waiting_list() -> None:
    setup = setup_of("szkolenie-dla-asystentow-osobistych")
    figures = services.counts(setup)
    waiting = list(setup.registrations.filter(status=RegistrationStatus.WAITING))

    assert setup.state_at(NOON) == "open"
    # The seat one person freed went to the first single person behind the pair: full.
    assert (figures.capacity, figures.seats_taken) == (16, 16)
    assert len(waiting) == 2
    assert waiting[0].seats == 2  # first in line, keeping their turn for two seats
    assert setup.registrations.filter(status=RegistrationStatus.CANCELLED).count() == 1


def _assert_the_film_holds_wheelchair_spaces_back_until_just_before_it_starts() -> None:
    setup = setup_of("kino-dostepne-w-wirydarzu")
    figures = services.counts(setup)

    assert setup.state_at(NOON) == "open"
    assert setup.wheelchair_release_at == local_datetime(setup.event.start_date, dt.time(18, 50))
    assert setup.wheelchair_spaces_held(NOON)
    assert 2 <= figures.wheelchair_taken < figures.wheelchair_spaces
    # The bulletin's accessibility coordinator took a phone call and registered the caller:
    # the member organisation's account cannot open registrations, so it is not credited.
    by_phone = setup.registrations.get(channel=Channel.PHONE)
    assert by_phone.registered_by.username == DEMO_USERNAME
    assert by_phone.email == ""


def _assert_the_meeting_on_certificates_is_not_open_yet() -> None:
    setup = setup_of("jak-czytac-orzeczenie-spotkanie-z-doradca")

    assert setup.state_at(NOON) == "not_yet"
    assert NOON < setup.opens_at < setup.closing_time()
    assert not setup.registrations.exists()


def _assert_each_setup_names_its_organiser_as_controller_at_an_example_address() -> None:
    names = {spec["key"]: spec["name"] for spec in content.ORGANISATIONS}
    expected = {
        "dostepne-przystanki-otwarte-spotkanie": names["city"],
        "kino-dostepne-w-wirydarzu": names["deaf"],
        "szkolenie-dla-asystentow-osobistych": names["federation"],
    }

    for slug, name in expected.items():
        setup = setup_of(slug)
        assert setup.controller.startswith(f"{name}, ")
        assert setup.controller.endswith(" Lublin")
    for setup in RegistrationSetup.objects.all():
        assert setup.organiser_email.endswith(".example.org")
        assert setup.controller_contact.endswith(".example.org")


def _assert_the_city_meeting_shows_who_needs_an_interpreter_before_the_last_day_to_ask() -> None:
    setup = setup_of("dostepne-przystanki-otwarte-spotkanie")
    cutoff = services.interpreter_cutoff(setup)
    interpreters = AccommodationRequest.objects.filter(
        registration__setup=setup, need__in=INTERPRETER_NEEDS
    )

    assert setup.state_at(NOON) == "open"
    assert cutoff is not None
    assert NOON.date() < cutoff
    assert interpreters.filter(status=CaseStatus.REQUESTED).count() >= 3
    assert interpreters.filter(status=CaseStatus.CONFIRMED).exists()
    assert all(case.due_on <= cutoff and not case.best_effort for case in interpreters)


def test_registrations_and_cases_of_every_kind(demo):
    _assert_cases_come_in_every_status()
    _assert_every_way_in_and_every_way_to_be_contacted()
    _assert_the_people_are_invented()
    _assert_the_answers_use_the_capitalised_forms_of_you()
    _assert_who_prefers_texts_and_gave_an_email_got_the_email_too()


def _assert_cases_come_in_every_status() -> None:
    today = NOON.date()
    cases = list(AccommodationRequest.objects.select_related("registration"))
    requested = [case for case in cases if case.status == CaseStatus.REQUESTED]

    assert [case for case in requested if case.due_on < today]  # overdue
    assert [case for case in requested if today <= case.due_on <= today + dt.timedelta(days=4)]
    late = [case for case in requested if case.best_effort]
    assert [case.need for case in late] == [Need.SJM]
    for status in (CaseStatus.CONFIRMED, CaseStatus.ALTERNATIVE, CaseStatus.DECLINED):
        answered = [case for case in cases if case.status == status]
        assert answered, status
        assert all(case.answer and case.answered_at <= NOON for case in answered)
    assert {case.need for case in cases} >= {
        Need.PJM,
        Need.SJM,
        Need.HEARING_LOOP,
        Need.WHEELCHAIR,
        Need.ASSISTANT,
        Need.EASY_READ,
        Need.DIET,
        Need.OTHER,
    }
    assert all(case.details for case in cases if case.need in (Need.DIET, Need.OTHER))


def _assert_every_way_in_and_every_way_to_be_contacted() -> None:
    registrations = list(Registration.objects.all())
    dropped = [r for r in registrations if r.needs_dropped]

    assert len(dropped) == 1
    assert not dropped[0].accommodations.exists()
    assert dropped[0].health_consent_at is None
    assert [r for r in registrations if r.channel == Channel.PHONE and not r.email]
    assert len([r for r in registrations if r.status == RegistrationStatus.MODERATION]) == 1
    assert {r.contact_preference for r in registrations} == set(ContactPreference.values)
    assert all(r.created_at <= NOON for r in registrations)


def _assert_the_answers_use_the_capitalised_forms_of_you() -> None:
    """As the interface writes to one person: Ci, Cię, Ciebie, Tobą, Twój, Twojego."""
    lower = re.compile(r"\b(ci|cię|ciebie|tobą|tobie|twój|twoja|twoje|twojego|twoim|twoją)\b")
    answers = list(AccommodationRequest.objects.exclude(answer="").values_list("answer", flat=True))
    assert answers
    for answer in answers:
        assert not lower.search(answer), answer


def _assert_who_prefers_texts_and_gave_an_email_got_the_email_too() -> None:
    texting = Registration.objects.filter(contact_preference=ContactPreference.SMS).exclude(
        email=""
    )
    assert texting.exists()
    for registration in texting:
        channels = set(registration.messages.values_list("channel", flat=True))
        assert channels == {MessageChannel.SMS, MessageChannel.EMAIL}, registration.pk


def _assert_the_people_are_invented() -> None:
    for registration in Registration.objects.all():
        assert registration.email == "" or registration.email.endswith(
            ("@example.org", "@example.com")
        )
        assert registration.phone == "" or registration.phone.startswith("+48 500 000 ")
