"""Privacy of registrations (issue 10, ADR 0011): accommodation answers are deleted a set number
of days after the event ends and the registration anonymised after a longer period, each purge
leaving a record without content; a person downloads their data and deletes it through their
link. Every purge here runs at a fixed "now" counted from the event's end.

Personas: a Deaf person who asked for a PJM interpreter, and the organiser who must show that
the data disappeared on schedule.
"""

from __future__ import annotations

import datetime as dt
import json

import pytest
from wagtail.models import ModelLogEntry

from biuletyn.events.enums import EventStatus
from biuletyn.events.models import EventPage
from biuletyn.registrations import privacy, services
from biuletyn.registrations.enums import CaseStatus, MessageStatus, Need, RegistrationStatus
from biuletyn.registrations.models import (
    AccommodationRequest,
    OutboxMessage,
    PurgeRecord,
    Registration,
)
from biuletyn.registrations.services import NeedAnswer
from tests.factories.registrations import make_setup, register

pytestmark = pytest.mark.integration

DAY = dt.timedelta(days=1)
SECOND = dt.timedelta(seconds=1)


@pytest.fixture(autouse=True)
def _periods(settings):
    settings.REGISTRATION_ACCOMMODATION_DAYS = 30
    settings.REGISTRATION_ANONYMISE_DAYS = 180
    settings.REGISTRATION_MESSAGE_DAYS = 30


def over_at(setup) -> dt.datetime:
    return EventPage.objects.get(pk=setup.event_id).schedule.over_at


def with_needs(setup, **fields):
    return register(
        setup,
        name="Zofia Głuszyńska",
        email="zofia.gluszynska@example.org",
        phone="+48 601 234 567",
        needs=[NeedAnswer(Need.PJM), NeedAnswer(Need.DIET, "bez glutenu")],
        health_consent=True,
        staff_note="Dzwoniła w poniedziałek.",
        idempotency_key="form-zofia",
        **fields,
    ).registration


def kinds(records) -> dict[str, int]:
    return {record.data_kind: record.rows for record in records}


def test_accommodation_answers_go_the_set_number_of_days_after_the_event_and_not_before(setup):
    person = with_needs(setup)
    end = over_at(setup)

    assert privacy.purge_due(now=end + 30 * DAY - SECOND) == []
    assert AccommodationRequest.objects.count() == 2
    assert not PurgeRecord.objects.exists()

    records = privacy.purge_due(now=end + 30 * DAY + SECOND)
    assert kinds(records) == {PurgeRecord.DataKind.ACCOMMODATIONS: 2}
    assert not AccommodationRequest.objects.exists()
    kept = Registration.objects.get(pk=person.pk)
    assert kept.health_consent_at is None
    # The registration itself waits for the longer period.
    assert kept.name == "Zofia Głuszyńska"
    assert kept.anonymised_at is None


def test_the_registration_is_anonymised_after_the_longer_period(setup):
    person = with_needs(setup, seats=2)
    other = register(setup).registration
    seats_before = services.counts(setup).seats_taken
    end = over_at(setup)
    privacy.purge_due(now=end + 31 * DAY)

    assert privacy.purge_due(now=end + 180 * DAY - SECOND) == []
    assert Registration.objects.get(pk=person.pk).anonymised_at is None

    moment = end + 180 * DAY + SECOND
    records = privacy.purge_due(now=moment)
    # Both confirmations go with the people (an anonymised person's messages go whatever
    # their state); the organiser's alert, not yet sent, waits for its own period.
    assert kinds(records) == {
        PurgeRecord.DataKind.REGISTRATIONS: 2,
        PurgeRecord.DataKind.MESSAGES: 2,
    }
    for registration in Registration.objects.filter(pk__in=[person.pk, other.pk]):
        assert registration.anonymised_at == moment
        assert (registration.name, registration.email, registration.phone) == ("", "", "")
        assert (registration.email_key, registration.phone_key) == ("", "")
        assert registration.idempotency_key is None
        assert registration.staff_note == ""
        assert registration.health_consent_at is None
    # The rows stay: the event's seat count keeps its history.
    assert services.counts(setup).seats_taken == seats_before == 3
    assert not OutboxMessage.objects.filter(registration__isnull=False).exists()


def test_messages_go_after_their_period_and_with_an_anonymised_person(setup):
    person = register(setup).registration
    end = over_at(setup)
    OutboxMessage.objects.all().delete()
    sent_at = end - 60 * DAY
    old = OutboxMessage.objects.create(
        kind="confirmation", registration=person, setup=setup, to=person.email,
        subject="s", body="b", status=MessageStatus.SENT, sent_at=sent_at,
    )  # fmt: skip
    failed = OutboxMessage.objects.create(
        kind="reminder", registration=person, setup=setup, to=person.email,
        subject="s", body="b", status=MessageStatus.FAILED, created_at=sent_at,
    )  # fmt: skip
    recent = OutboxMessage.objects.create(
        kind="reminder", registration=person, setup=setup, to=person.email,
        subject="s", body="b", status=MessageStatus.SENT, sent_at=end - DAY,
    )  # fmt: skip
    pending = OutboxMessage.objects.create(
        kind="reminder", registration=person, setup=setup, to=person.email,
        subject="s", body="b", created_at=sent_at,
    )  # fmt: skip
    digest = OutboxMessage.objects.create(
        kind="organiser_digest", to="organizator@example.org",
        subject="s", body="b", status=MessageStatus.SENT, sent_at=sent_at,
    )  # fmt: skip

    records = privacy.purge_due(now=end)
    assert {(r.setup_id, r.data_kind, r.rows) for r in records} == {
        (setup.pk, PurgeRecord.DataKind.MESSAGES, 2),
        # A message of no event (a digest across events) has its own record.
        (None, PurgeRecord.DataKind.MESSAGES, 1),
    }
    left = set(OutboxMessage.objects.values_list("pk", flat=True))
    assert left == {recent.pk, pending.pk}
    assert not {old.pk, failed.pk, digest.pk} & left

    # Once the person is anonymised, every message of theirs goes, pending or recent.
    privacy.purge_due(now=end + 181 * DAY)
    assert not OutboxMessage.objects.exists()


def test_records_say_what_how_much_and_when_and_hold_no_personal_data(setup):
    with_needs(setup)
    moment = over_at(setup) + 200 * DAY
    records = privacy.purge_due(now=moment, trigger="command")
    assert {record.data_kind for record in records} == {
        PurgeRecord.DataKind.ACCOMMODATIONS,
        PurgeRecord.DataKind.REGISTRATIONS,
        PurgeRecord.DataKind.MESSAGES,
    }
    for record in PurgeRecord.objects.all():
        assert record.setup == setup
        assert record.event_title == setup.event.title
        assert record.rows > 0
        assert record.ran_at == moment
        assert record.trigger == PurgeRecord.Trigger.COMMAND
    entries = ModelLogEntry.objects.filter(action="biuletyn.purge")
    assert sorted((entry.data["kind"], entry.data["rows"]) for entry in entries) == sorted(
        (record.data_kind, record.rows) for record in records
    )
    stored = json.dumps([list(PurgeRecord.objects.values()), list(entries.values())], default=str)
    for personal in (
        "zofia",
        "gluszynska",
        "601 234",
        "601234567",
        "glutenu",
        "poniedziałek",
        "pjm",
    ):
        assert personal not in stored.lower()


def test_a_second_run_purges_nothing_and_records_nothing(setup):
    with_needs(setup)
    moment = over_at(setup) + 200 * DAY
    assert privacy.purge_due(now=moment)
    records, entries = PurgeRecord.objects.count(), ModelLogEntry.objects.count()
    assert privacy.purge_due(now=moment) == []
    assert privacy.purge_due(now=moment + 400 * DAY) == []
    assert (PurgeRecord.objects.count(), ModelLogEntry.objects.count()) == (records, entries)


def test_a_postponed_event_without_a_new_date_is_never_purged(setup):
    person = with_needs(setup)
    end = over_at(setup)
    EventPage.objects.filter(pk=setup.event_id).update(status=EventStatus.POSTPONED)
    records = privacy.purge_due(now=end + 3650 * DAY)
    assert PurgeRecord.DataKind.ACCOMMODATIONS not in kinds(records)
    assert PurgeRecord.DataKind.REGISTRATIONS not in kinds(records)
    assert AccommodationRequest.objects.filter(registration=person).count() == 2
    assert Registration.objects.get(pk=person.pk).anonymised_at is None


def test_a_cancelled_event_counts_from_its_first_date(setup):
    with_needs(setup)
    end = over_at(setup)
    EventPage.objects.filter(pk=setup.event_id).update(status=EventStatus.CANCELLED)
    assert privacy.purge_due(now=end + 29 * DAY) == []
    records = privacy.purge_due(now=end + 31 * DAY)
    assert kinds(records) == {PurgeRecord.DataKind.ACCOMMODATIONS: 2}


def test_the_person_deletes_their_data_and_their_place_goes_to_the_waiting_list(event):
    setup = make_setup(event, capacity=1)
    person = with_needs(setup)
    waiting = register(setup).registration
    assert waiting.status == RegistrationStatus.WAITING
    messages = OutboxMessage.objects.filter(registration=person).count()
    assert messages

    privacy.delete_at_request(person)

    gone = Registration.objects.get(pk=person.pk)
    assert gone.status == RegistrationStatus.CANCELLED
    assert gone.anonymised_at is not None
    assert (gone.name, gone.email, gone.phone, gone.staff_note) == ("", "", "", "")
    assert (gone.email_key, gone.phone_key, gone.idempotency_key) == ("", "", None)
    assert gone.health_consent_at is None
    assert not AccommodationRequest.objects.filter(registration=person).exists()
    assert not OutboxMessage.objects.filter(registration=person).exists()
    assert Registration.objects.get(pk=waiting.pk).status == RegistrationStatus.CONFIRMED
    record = PurgeRecord.objects.get()
    assert record.data_kind == PurgeRecord.DataKind.PERSON_REQUEST
    assert record.trigger == PurgeRecord.Trigger.PERSON
    assert record.rows == 1 + 2 + messages
    assert ModelLogEntry.objects.filter(action="biuletyn.registration.delete").count() == 1
    # The organiser, who was told of the requests, is told they no longer stand: by the
    # registration's number and the kinds of need only, so it stays after the deletion.
    [withdrawn] = OutboxMessage.objects.filter(
        registration__isnull=True, subject__startswith="Prośby o dostosowanie wycofane"
    )
    assert f"Zgłoszenie nr {person.pk} zostało anulowane" in withdrawn.body
    assert person.name not in withdrawn.body

    # Asked again (a second click): nothing more happens.
    privacy.delete_at_request(person)
    assert PurgeRecord.objects.count() == 1
    # The same person can register again afterwards: no key of theirs is left.
    again = with_needs(setup)
    assert again.pk != person.pk


def test_a_registration_awaiting_a_check_can_be_deleted_too(setup):
    person = register(setup, suspicious=True).registration
    privacy.delete_at_request(person)
    gone = Registration.objects.get(pk=person.pk)
    assert gone.anonymised_at is not None
    assert gone.status == RegistrationStatus.MODERATION
    assert gone.email == ""


def test_the_download_holds_everything_stored_about_the_person(setup, event):
    person = with_needs(setup)
    case = person.accommodations.get(need=Need.PJM)
    services.answer_case(
        case=case, status=CaseStatus.CONFIRMED, answer="Tłumaczka będzie od 16:00.", user=None
    )
    data = privacy.export_data(Registration.objects.get(pk=person.pk))
    # JSON as it is served, and back.
    data = json.loads(json.dumps(data))

    assert data["version"] == privacy.EXPORT_VERSION == 1
    assert data["event"]["title"] == event.title
    assert data["event"]["start_date"] == event.start_date.isoformat()
    assert data["event"]["start_time"] == "16:00"
    assert data["controller"]["name"] == setup.controller
    registration = data["registration"]
    assert registration["name"] == "Zofia Głuszyńska"
    assert registration["email"] == "zofia.gluszynska@example.org"
    assert registration["phone"] == "+48 601 234 567"
    assert registration["status"] == "confirmed"
    assert registration["seats"] == 1
    assert registration["reference"] == person.reference
    assert registration["staff_note"] == "Dzwoniła w poniedziałek."
    assert registration["health_consent_at"].endswith(("+01:00", "+02:00"))
    assert [
        (case["need"], case["status"], case["answer"], case["details"])
        for case in data["accommodation_requests"]
    ] == [
        ("pjm", "confirmed", "Tłumaczka będzie od 16:00.", ""),
        ("diet", "requested", "", "bez glutenu"),
    ]
    messages = data["messages"]
    assert [message["kind"] for message in messages] == ["confirmation", "case_answered"]
    for message in messages:
        assert set(message) == {"kind", "channel", "status", "created_at", "sent_at"}


def test_the_download_of_a_deleted_registration_is_empty_of_personal_data(setup):
    person = with_needs(setup)
    privacy.delete_at_request(person)
    data = privacy.export_data(Registration.objects.get(pk=person.pk))
    assert data["registration"]["name"] == ""
    assert data["registration"]["anonymised_at"] is not None
    assert data["accommodation_requests"] == []
    assert data["messages"] == []


def test_an_unknown_trigger_is_refused(setup):
    with pytest.raises(ValueError, match="trigger"):
        privacy.purge_due(trigger="cron")
