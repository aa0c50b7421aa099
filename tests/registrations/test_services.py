"""The registration services: places, the waiting list, duplicates and cases (issue 10)."""

from __future__ import annotations

import pytest

from biuletyn.registrations import services
from biuletyn.registrations.enums import CaseStatus, MessageKind, Need, RegistrationStatus
from biuletyn.registrations.models import AccommodationRequest, OutboxMessage, Registration
from biuletyn.registrations.services import NeedAnswer, RegistrationError
from tests.factories.registrations import make_setup, register

pytestmark = pytest.mark.integration


def test_a_group_is_confirmed_or_waits_together(event):
    setup = make_setup(event, capacity=3)
    first = register(setup, seats=2)
    second = register(setup, seats=2)
    behind = register(setup, seats=1)
    assert first.result == "confirmed"
    assert first.registration.seats_held == 2
    assert second.result == "waiting"
    assert second.registration.seats_held == 0
    # The one place left goes to the single person: the pair keeps its turn for two places.
    assert behind.result == "confirmed"
    services.cancel(registration=behind.registration)
    assert Registration.objects.get(pk=second.registration.pk).status == "waiting"
    services.cancel(registration=first.registration)
    promoted = Registration.objects.get(pk=second.registration.pk)
    assert promoted.status == RegistrationStatus.CONFIRMED
    assert promoted.seats_held == 2


def test_a_freed_place_goes_to_the_first_in_line_who_fits(event):
    setup = make_setup(event, capacity=2)
    seated = register(setup, seats=1)
    register(setup, seats=1)
    pair = register(setup, seats=2)
    single = register(setup, seats=1)
    assert [pair.result, single.result] == ["waiting", "waiting"]
    services.cancel(registration=seated.registration)
    assert Registration.objects.get(pk=pair.registration.pk).status == "waiting"
    assert Registration.objects.get(pk=single.registration.pk).status == "confirmed"


def test_an_assistant_is_free_unless_the_setup_says_otherwise(event):
    setup = make_setup(event, capacity=1)
    outcome = register(setup, needs=[NeedAnswer(Need.ASSISTANT)], health_consent=True)
    assert outcome.result == "confirmed"
    assert outcome.registration.seats_held == 1
    setup.assistant_takes_seat = True
    services.save_setup(setup=setup)
    late = register(setup, needs=[NeedAnswer(Need.ASSISTANT)], health_consent=True)
    assert late.result == "waiting"


def test_needs_without_consent_are_not_stored_and_the_person_is_told(setup):
    outcome = register(setup, needs=[NeedAnswer(Need.PJM)], health_consent=False)
    assert outcome.needs_dropped
    assert not AccommodationRequest.objects.exists()
    assert outcome.registration.health_consent_at is None


def test_an_interpreter_request_is_a_case_due_by_the_last_day_to_ask(setup, event):
    outcome = register(setup, needs=[NeedAnswer(Need.PJM)], health_consent=True)
    case = outcome.registration.accommodations.get()
    assert case.status == CaseStatus.REQUESTED
    assert case.due_on <= event.interpreter_deadline
    assert not case.best_effort


def test_the_same_email_twice_and_the_same_form_twice_make_one_registration(setup):
    first = register(setup, email="Anna@Example.org", idempotency_key="k1")
    again = register(setup, email="Anna@Example.org", idempotency_key="k1")
    twin = register(setup, email="anna@example.org ", idempotency_key="k2")
    assert again.result == "duplicate"
    assert twin.result == "already_registered"
    assert Registration.objects.count() == 1
    assert again.registration == twin.registration == first.registration


def test_without_a_waiting_list_a_full_event_refuses(event):
    setup = make_setup(event, capacity=1, waiting_list=False)
    register(setup)
    with pytest.raises(RegistrationError) as refused:
        register(setup)
    assert refused.value.code == "full"


def test_one_capacity_across_the_language_versions(event, setup):
    """The English version of an event (an alias until translated) shares the Polish one's
    registration: one count of seats for both."""
    from wagtail.models import Locale

    from biuletyn.events.models import EventPage
    from biuletyn.registrations import queries

    english = EventPage.objects.get(
        translation_key=event.translation_key, locale=Locale.objects.get(language_code="en")
    )
    assert queries.setup_for(english) == setup
    # Choosing the English version in the admin still keys the setup on the Polish page.
    setup.event = english
    services.save_setup(setup=setup)
    assert setup.event.pk == event.pk


def test_registration_follows_the_clock(event):
    import datetime as dt

    from django.utils import timezone

    now = timezone.now()
    setup = make_setup(
        event,
        opens_at=now + dt.timedelta(hours=1),
        closes_at=now + dt.timedelta(days=2),
    )
    assert setup.state_at(now) == "not_yet"
    assert setup.next_change(now) == setup.opens_at
    assert setup.state_at(now + dt.timedelta(hours=2)) == "open"
    assert setup.next_change(now + dt.timedelta(hours=2)) == setup.closes_at
    assert setup.state_at(now + dt.timedelta(days=3)) == "closed"
    with pytest.raises(RegistrationError) as refused:
        register(setup, now=now)
    assert refused.value.code == "closed"
    # Staff can register someone who called even before the form opens.
    staff = register(setup, registered_by=None, channel="phone", now=now + dt.timedelta(hours=2))
    assert staff.result == "confirmed"


def test_wheelchair_spaces_are_held_until_their_release(event):
    import datetime as dt

    from django.utils import timezone

    now = timezone.now()
    release = now + dt.timedelta(days=1)
    setup = make_setup(event, capacity=1, wheelchair_spaces=1, wheelchair_release_at=release)
    register(setup, now=now)
    held = register(setup, now=now)
    assert held.result == "waiting"
    wheelchair = register(setup, needs=[NeedAnswer(Need.WHEELCHAIR)], health_consent=True, now=now)
    assert wheelchair.result == "confirmed"
    assert wheelchair.registration.wheelchair_spaces_held == 1
    services.cancel(registration=wheelchair.registration, now=now)
    assert Registration.objects.get(pk=held.registration.pk).status == "waiting"
    assert services.promote_everywhere(now=release + dt.timedelta(minutes=1)) == 1
    assert Registration.objects.get(pk=held.registration.pk).status == "confirmed"


def test_a_wheelchair_user_on_an_ordinary_seat_gets_the_wheelchair_space_that_frees(event):
    """Review of issue 10: a person who asked for a wheelchair space when none was free holds
    an ordinary seat; a wheelchair space that frees goes to them first (they are told), and
    their seat goes to the waiting list."""
    setup = make_setup(event, capacity=2, wheelchair_spaces=1, waiting_list=True)
    first = register(setup, needs=[NeedAnswer(Need.WHEELCHAIR)], health_consent=True)
    assert first.registration.wheelchair_spaces_held == 1
    second = register(setup, needs=[NeedAnswer(Need.WHEELCHAIR)], health_consent=True, seats=2)
    assert second.result == "confirmed"
    assert (second.registration.seats_held, second.registration.wheelchair_spaces_held) == (2, 0)
    waiting = register(setup)
    assert waiting.result == "waiting"

    services.cancel(registration=first.registration)

    moved = Registration.objects.get(pk=second.registration.pk)
    assert (moved.seats_held, moved.wheelchair_spaces_held) == (1, 1)
    assert OutboxMessage.objects.filter(
        registration=moved, kind=MessageKind.WHEELCHAIR_SPACE
    ).exists()
    # The seat it held is the waiting person's now.
    assert Registration.objects.get(pk=waiting.registration.pk).status == "confirmed"
    assert services.counts(setup).seats_taken == 2


def test_a_pjm_request_for_an_event_with_an_interpreter_is_never_best_effort(calendar):
    """The organiser provides the interpreter: asking late changes nothing (review, issue 10)."""
    from tests.factories.events import days, make_event

    soon = make_event(calendar, start_date=days(1), sign_language="provided")
    setup = make_setup(soon)
    outcome = register(
        setup, needs=[NeedAnswer(Need.PJM), NeedAnswer(Need.SJM)], health_consent=True
    )
    assert outcome.best_effort == [Need.SJM]


# --- the organiser hears of requests that no longer stand --------------------------------------


def withdrawals():
    return list(
        OutboxMessage.objects.filter(
            kind=MessageKind.ORGANISER_WITHDRAWN,
            subject__startswith="Prośby o dostosowanie wycofane",
        )
    )


def test_a_cancellation_tells_the_organiser_the_requests_no_longer_stand(setup):
    """An interpreter booked for nobody: the organiser learns of it, by the kinds of need and
    the registration's number, never the person."""
    outcome = register(
        setup,
        needs=[
            NeedAnswer(Need.PJM),
            NeedAnswer(Need.DIET, "Celiakia, bez glutenu"),
            NeedAnswer(Need.QUIET_SPACE),
        ],
        health_consent=True,
    )
    registration = outcome.registration
    cases = {case.need: case for case in registration.accommodations.all()}
    services.answer_case(case=cases[Need.PJM], status=CaseStatus.CONFIRMED, answer="", user=None)
    services.answer_case(
        case=cases[Need.QUIET_SPACE], status=CaseStatus.DECLINED, answer="Brak sali.", user=None
    )

    services.cancel(registration=registration)

    [message] = withdrawals()
    assert message.to == "organizator@rowne-szanse.example"
    assert message.registration is None
    number = registration.pk
    assert message.subject == (
        f"Prośby o dostosowanie wycofane, zgłoszenie nr {number}: {setup.event.title}"
    )
    assert (
        f"Zgłoszenie nr {number} zostało anulowane, więc jego prośby o dostosowanie są już "
        "nieaktualne: 1\u00a0×\u00a0PJM, 1\u00a0×\u00a0dieta."
    ) in message.body
    assert "– PJM: potwierdzona\n– dieta: jeszcze bez odpowiedzi\n" in message.body
    assert "ciche miejsce" not in message.body  # declined: nothing was arranged for it
    assert "na przykład zamówiono tłumacza, można to odwołać" in message.body
    for personal in (registration.name, registration.email, registration.reference, "Celiakia"):
        assert personal not in f"{message.subject}\n{message.body}"


def test_a_cancellation_without_requests_or_awaiting_a_check_tells_the_organiser_nothing(setup):
    services.cancel(registration=register(setup).registration)
    held = register(
        setup, needs=[NeedAnswer(Need.PJM)], health_consent=True, suspicious=True
    ).registration
    services.cancel(registration=held, by_person=False)
    assert withdrawals() == []


def test_a_change_that_drops_needs_tells_the_organiser(setup):
    registration = register(
        setup, needs=[NeedAnswer(Need.PJM), NeedAnswer(Need.CAPTIONS)], health_consent=True
    ).registration

    def change(**fields):
        return services.change(
            registration=registration,
            name=registration.name,
            email=registration.email,
            phone="",
            contact_preference="email",
            seats=1,
            **fields,
        )

    change(needs=[NeedAnswer(Need.PJM)], health_consent=True)
    [dropped] = withdrawals()
    assert f"Zgłoszenie nr {registration.pk} nie zawiera już próśb: 1\u00a0×\u00a0napisy." in (
        dropped.body
    )
    # Without consent nothing is kept, so the interpreter request goes too.
    change(needs=[NeedAnswer(Need.PJM)], health_consent=False)
    assert not registration.accommodations.exists()
    assert "nie zawiera już próśb: 1\u00a0×\u00a0PJM." in withdrawals()[1].body
    change(needs=[], health_consent=False)
    assert len(withdrawals()) == 2
