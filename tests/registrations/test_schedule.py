"""Scheduled work (issue 10, ADR 0003 "The timer"): ``run_schedule --once`` enqueues every job
and each job does its work; the reminder goes the day before, once, never for a cancelled
event; the organiser's digest of overdue requests goes once a day; the purge runs with the
schedule as its trigger. Every "now" is fixed."""

from __future__ import annotations

import datetime as dt
import sys
import types

import pytest
from django.core import mail
from django.core.management import call_command
from django_tasks import task_backends

from biuletyn.events.dates import local_datetime
from biuletyn.events.enums import EventStatus
from biuletyn.registrations import notifications
from biuletyn.registrations.enums import MessageKind, MessageStatus, Need
from biuletyn.registrations.management.commands.run_schedule import JOBS, run_round
from biuletyn.registrations.models import OutboxMessage
from biuletyn.registrations.services import NeedAnswer
from tests.factories.events import days, make_event
from tests.factories.registrations import make_setup, register

pytestmark = pytest.mark.integration

DUMMY = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}


def at(day: dt.date, hour: int, minute: int = 0) -> dt.datetime:
    return local_datetime(day, dt.time(hour, minute))


@pytest.fixture
def purges(monkeypatch):
    """Records the purge calls instead of purging (privacy.py has its own tests)."""
    calls: list[dict] = []
    fake = types.ModuleType("biuletyn.registrations.privacy")

    def purge_due(**kwargs):
        calls.append(kwargs)
        return []

    fake.purge_due = purge_due  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "biuletyn.registrations.privacy", fake)
    return calls


def test_once_enqueues_every_job(settings, db):
    settings.TASKS = DUMMY
    call_command("run_schedule", "--once", verbosity=0)
    enqueued = [result.task.name for result in task_backends["default"].results]
    assert enqueued == [
        "task_send_due",
        "task_send_reminders",
        "task_send_digests",
        "task_purge_due",
        "task_promote_waiting",
        "task_erase_due",
        "task_fetch_all",
    ]


def test_a_round_enqueues_only_the_jobs_whose_time_has_come(settings, db):
    settings.TASKS = DUMMY
    start = at(days(1), 12)
    next_due: dict[str, dt.datetime] = {}
    assert run_round(next_due, start) == [job.name for job in JOBS]
    assert run_round(next_due, start + dt.timedelta(seconds=30)) == []
    assert run_round(next_due, start + dt.timedelta(minutes=1)) == ["send_due"]
    assert run_round(next_due, start + dt.timedelta(minutes=15)) == [
        "send_due",
        "reminders",
        "waiting_lists",
    ]
    assert run_round(next_due, start + dt.timedelta(hours=1)) == [job.name for job in JOBS]


def test_once_does_each_job(setup, purges, django_capture_on_commit_callbacks):
    """With tasks run at once (the test settings), one round sends what is due, writes the
    digest and purges."""
    register(setup)  # its confirmation waits in the outbox: its task never ran
    cases = register(setup, needs=[NeedAnswer(Need.PJM)], health_consent=True)
    cases.registration.accommodations.update(due_on=days(-2))
    OutboxMessage.objects.update(next_attempt_at=at(days(-1), 12))

    with django_capture_on_commit_callbacks(execute=True):
        call_command("run_schedule", "--once", verbosity=0)

    assert not OutboxMessage.objects.filter(status=MessageStatus.PENDING).exists()
    assert OutboxMessage.objects.filter(kind=MessageKind.ORGANISER_DIGEST).count() == 1
    assert purges == [{"trigger": "schedule"}]
    assert len(mail.outbox) == 4  # two confirmations, the alert, the digest


@pytest.fixture
def tomorrows_event(calendar):
    return make_event(calendar, start_date=days(11), start_time=dt.time(10, 0))


def test_the_reminder_goes_the_day_before_once(tomorrows_event):
    setup = make_setup(tomorrows_event, capacity=1)
    confirmed = register(setup).registration
    waiting = register(setup).registration
    the_day_before = at(days(10), 10)

    assert notifications.send_reminders(now=at(days(9), 10)) == 0  # two days before
    assert notifications.send_reminders(now=at(days(10), 6)) == 0  # too early in the day
    assert notifications.send_reminders(now=the_day_before) == 1
    assert notifications.send_reminders(now=the_day_before + dt.timedelta(hours=2)) == 0

    [reminder] = OutboxMessage.objects.filter(kind=MessageKind.REMINDER)
    assert reminder.registration == confirmed
    assert reminder.subject == f"Jutro: {tomorrows_event.title}"
    confirmed.refresh_from_db()
    assert confirmed.reminder_sent_at == the_day_before
    assert not waiting.messages.filter(kind=MessageKind.REMINDER).exists()


def test_no_reminder_for_a_cancelled_event_and_a_postponed_one_by_its_new_date(
    tomorrows_event, calendar
):
    setup = make_setup(tomorrows_event)
    register(setup)
    tomorrows_event.status = EventStatus.CANCELLED
    tomorrows_event.save_revision().publish()
    assert notifications.send_reminders(now=at(days(10), 10)) == 0

    moved = make_event(calendar, start_date=days(11))
    moved_setup = make_setup(moved)
    person = register(moved_setup).registration
    moved.status = EventStatus.POSTPONED
    moved.new_start_date = days(20)
    moved.save_revision().publish()
    assert notifications.send_reminders(now=at(days(10), 10)) == 0
    assert notifications.send_reminders(now=at(days(19), 10)) == 1
    assert person.messages.filter(kind=MessageKind.REMINDER).count() == 1


def test_the_digest_goes_once_a_day_to_an_organiser_with_overdue_requests(setup, event):
    first = register(
        setup, needs=[NeedAnswer(Need.PJM), NeedAnswer(Need.CAPTIONS)], health_consent=True
    ).registration
    second = register(setup, needs=[NeedAnswer(Need.WHEELCHAIR)], health_consent=True)
    first.accommodations.update(due_on=days(2))
    second.registration.accommodations.update(due_on=days(3))

    assert notifications.send_digests(now=at(days(2), 8)) == 0  # due today: not yet overdue
    assert notifications.send_digests(now=at(days(3), 8)) == 1
    assert notifications.send_digests(now=at(days(3), 20)) == 0
    [digest] = OutboxMessage.objects.filter(kind=MessageKind.ORGANISER_DIGEST)
    assert digest.to == "organizator@rowne-szanse.example"
    assert f"(2): {event.title}" in digest.subject
    assert f"nr {first.pk}:" in digest.body
    assert first.name not in digest.body
    assert first.email not in digest.body

    assert notifications.send_digests(now=at(days(4), 8)) == 1
    latest = OutboxMessage.objects.filter(kind=MessageKind.ORGANISER_DIGEST).last()
    assert latest is not None
    assert f"(3): {event.title}" in latest.subject
    assert f"nr {second.registration.pk}:" in latest.body


def test_no_digest_once_the_event_is_over(setup, event):
    registration = register(setup, needs=[NeedAnswer(Need.PJM)], health_consent=True).registration
    registration.accommodations.update(due_on=days(2))
    after_the_event = at(event.start_date + dt.timedelta(days=1), 8)
    assert notifications.send_digests(now=after_the_event) == 0
