"""Retention of commenters' data (issue 11 "Retention", ADR 0012 "The report, and what is erased
after it"): ``CONSULTATION_CONTACT_DAYS`` after the report is published (0: at publication) the
e-mail addresses are erased, never-confirmed comments and readers' reports deleted, and the
report's rows stay with their authors as given; online comments never confirmed go after
``CONSULTATION_CONFIRM_DAYS``; nothing is erased before a report is published; ``run_schedule``
runs the erasure every hour through ``task_erase_due``, safe to run again.

Persona: a resident who left an address with a comment and expects it not to be kept longer
than needed. Every "now" is derived from the report's publication."""

from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.utils import timezone
from django_tasks import task_backends

from biuletyn.consultations import services
from biuletyn.consultations.enums import Answer, CommentStatus, ReportReason
from biuletyn.consultations.models import Comment, CommentFlag, ConsultationReport
from biuletyn.consultations.tasks import task_erase_due
from biuletyn.registrations.management.commands.run_schedule import JOBS
from tests.factories.consultations import make_comment, make_consultation, make_consultation_index

pytestmark = pytest.mark.integration

DAY = dt.timedelta(days=1)


@pytest.fixture
def staff(db):
    return get_user_model().objects.create_user("organizatorka", "org@example.org", "x")


@pytest.fixture
def closed(site_tree):
    closes = timezone.now() - dt.timedelta(days=2)
    return make_consultation(
        make_consultation_index(site_tree["pl"]),
        opens_at=closes - dt.timedelta(days=30),
        closes_at=closes,
    )


def _answered(page, staff) -> dict[str, Comment]:
    moment = page.closes_at - dt.timedelta(days=3)
    comments = {
        "organisation": make_comment(
            page,
            status=CommentStatus.PUBLISHED,
            organisation="Stowarzyszenie Przykładowe",
            author_name="Jan Przykładowy",
            email="jan@example.org",
            now=moment,
        ),
        "resident": make_comment(
            page, status=CommentStatus.PUBLISHED, email="anonim@example.org", now=moment
        ),
    }
    services.flag(comment=comments["resident"], reason=ReportReason.SPAM, reporter="10.0.0.9")
    for comment in comments.values():
        services.answer(comment=comment, staff=staff, answer=Answer.ACCEPTED, justification="")
    services.save_report(page=page, summary="Obie uwagi uwzględnione.")
    return comments


def test_addresses_go_after_the_configured_days_and_the_reports_rows_stay(closed, staff, settings):
    settings.CONSULTATION_CONTACT_DAYS = 30
    comments = _answered(closed, staff)
    late = make_comment(
        closed, status=CommentStatus.UNCONFIRMED, now=closed.closes_at - dt.timedelta(hours=1)
    )
    Comment.objects.filter(pk=late.pk).update(created_at=timezone.now() - dt.timedelta(days=8))
    report = services.publish_report(page=closed, staff=staff)
    published = report.published_at

    assert services.erase_due(now=published + 29 * DAY) == 0
    assert Comment.objects.exclude(email="").count() == 2
    assert services.erase_due(now=published + 30 * DAY) == 1
    assert services.erase_due(now=published + 31 * DAY) == 0  # once

    report.refresh_from_db()
    assert report.contacts_erased_at == published + 30 * DAY
    kept = {comment.pk: comment for comment in Comment.objects.all()}
    assert set(kept) == {comment.pk for comment in comments.values()}
    assert all(comment.email == "" for comment in kept.values())
    assert all(comment.contact_erased_at == published + 30 * DAY for comment in kept.values())
    organisation = kept[comments["organisation"].pk]
    assert organisation.public_author() == "Stowarzyszenie Przykładowe"
    assert organisation.text == comments["organisation"].text
    assert organisation.answer == Answer.ACCEPTED
    assert not CommentFlag.objects.exists()


@pytest.mark.parametrize("days", [0, -5], ids=["zero", "negative"])
def test_zero_days_erases_at_publication(closed, staff, settings, days):
    settings.CONSULTATION_CONTACT_DAYS = days
    _answered(closed, staff)

    report = services.publish_report(page=closed, staff=staff)

    assert report.contacts_erased_at == report.published_at
    assert not Comment.objects.exclude(email="").exists()
    assert services.erase_due(now=report.published_at + DAY) == 0


def test_nothing_is_erased_before_the_report_is_published(closed, staff, settings):
    settings.CONSULTATION_CONTACT_DAYS = 0
    _answered(closed, staff)
    report = ConsultationReport.objects.get()

    assert services.erase_due(now=timezone.now() + 400 * DAY) == 0
    with pytest.raises(services.ConsultationError) as refused:
        services.erase_contacts(report=report)

    assert refused.value.code == "not_published"
    assert Comment.objects.exclude(email="").count() == 2


def test_comments_never_confirmed_go_after_the_confirmation_days(site_tree, settings):
    settings.CONSULTATION_CONFIRM_DAYS = 7
    page = make_consultation(make_consultation_index(site_tree["pl"]))
    old = make_comment(page, status=CommentStatus.UNCONFIRMED, email="stary@example.org")
    recent = make_comment(page, status=CommentStatus.UNCONFIRMED, email="nowy@example.org")
    confirmed = make_comment(page, status=CommentStatus.PENDING, email="potw@example.org")
    now = timezone.now()
    Comment.objects.filter(pk__in=[old.pk, confirmed.pk]).update(created_at=now - 8 * DAY)
    Comment.objects.filter(pk=recent.pk).update(created_at=now - 6 * DAY)

    services.erase_due(now=now)

    assert set(Comment.objects.values_list("pk", flat=True)) == {recent.pk, confirmed.pk}


def test_the_schedule_runs_the_erasure_every_hour(closed, staff, settings):
    settings.CONSULTATION_CONTACT_DAYS = 1
    _answered(closed, staff)
    report = services.publish_report(page=closed, staff=staff)
    ConsultationReport.objects.filter(pk=report.pk).update(
        published_at=timezone.now() - dt.timedelta(days=2)
    )

    [job] = [job for job in JOBS if job.task is task_erase_due]
    call_command("run_schedule", "--once", verbosity=0)  # tasks run at once in tests

    assert job.every == dt.timedelta(hours=1)
    assert not Comment.objects.exclude(email="").exists()
    assert task_erase_due.call() == 0  # safe to run again


def test_the_task_is_enqueued_by_the_schedule(settings, db):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    call_command("run_schedule", "--once", verbosity=0)

    enqueued = [result.task.name for result in task_backends["default"].results]
    assert "task_erase_due" in enqueued
