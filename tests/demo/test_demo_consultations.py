"""Consultations in the demo of `make run` (issue 11 "Done when"): the list of consultations under
the home page in both languages and in the menu; an open consultation (closing weeks after the
load) with sections, one of them closed to comments, a document with its easy-to-read version,
comments online (published, waiting, rejected), one taken by phone with consent and one by
letter without it; the seed's consultation on the 2025 programme of cooperation, open from
10 June 2024, 0:00, to 8 September 2024, 23:59 in Warsaw, linked to the June 2024 meeting,
closed with every comment answered (each kind of answer, one section changed) and its report
published with a summary, the commenters' addresses erased. No demo message waits for the
worker, and loading twice adds nothing.

Persona: an organiser trying the demo. "Now" is fixed at noon in Poland."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from biuletyn.consultations.enums import Answer, Channel, CommentStatus, ConsultationStatus
from biuletyn.consultations.models import (
    Comment,
    ConsultationIndexPage,
    ConsultationPage,
    ConsultationReport,
)
from biuletyn.demo import consultations as demo
from biuletyn.demo.loader import load
from biuletyn.events.dates import WARSAW, local_datetime
from biuletyn.registrations.enums import MessageKind, MessageStatus
from biuletyn.registrations.models import OutboxMessage

pytestmark = pytest.mark.integration

NOON = local_datetime(dt.datetime.now(WARSAW).date(), dt.time(12))
KINDS = [MessageKind.COMMENT_CONFIRM, MessageKind.COMMENT_DECISION, MessageKind.CONSULTATION_REPORT]


@pytest.fixture
def demo_site(db, monkeypatch):
    monkeypatch.setattr(timezone, "now", lambda: NOON.astimezone(dt.UTC))
    load(port=8000)
    return NOON


def consultation(slug: str) -> ConsultationPage:
    return ConsultationPage.objects.get(slug=slug, locale__language_code="pl")


def test_loading_twice_adds_nothing(demo_site):
    def snapshot():
        return (
            list(ConsultationPage.objects.values_list("pk", "opens_at", "closes_at")),
            list(Comment.objects.values_list("pk", "status", "email", "updated_at")),
            list(ConsultationReport.objects.values_list("pk", "published_at", "updated_at")),
            list(OutboxMessage.objects.filter(kind__in=KINDS).values_list("pk", "status")),
        )

    first = snapshot()
    load(port=8000)

    assert snapshot() == first


def test_the_list_of_consultations_is_under_both_home_pages_and_in_the_menu(demo_site, client):
    lists = {page.locale.language_code: page for page in ConsultationIndexPage.objects.live()}

    assert {code: (page.title, page.url) for code, page in lists.items()} == {
        "pl": ("Konsultacje", "/konsultacje/"),
        "en": ("Consultations", "/en/consultations/"),
    }
    assert all(page.show_in_menus for page in lists.values())
    assert client.get("/konsultacje/").status_code == 200
    assert client.get("/en/consultations/").status_code == 200
    english = ConsultationPage.objects.filter(locale__language_code="en")
    assert sorted(page.slug for page in english) == [demo.PROGRAMME_SLUG, demo.PREMISES_SLUG]


def test_the_open_consultation(demo_site):
    page = consultation(demo.PREMISES_SLUG)
    today = NOON.date()
    closes = timezone.localtime(page.closes_at, WARSAW)

    assert page.status_at(NOON) == ConsultationStatus.OPEN
    assert closes.time() == dt.time(23, 59)
    assert dt.timedelta(weeks=2) < closes.date() - today < dt.timedelta(weeks=8)
    assert page.report_due is not None
    assert page.report_due > closes.date()
    sections = page.section_list()
    assert len(sections) == 4
    assert [section["commentable"] for section in sections] == [True, True, True, False]
    [document] = page.documents.all()
    assert document.document.file.name.endswith(".pdf")
    assert document.alternative_document is not None
    assert document.alternative_kind == "easy_read"
    assert page.contact is not None
    assert page.other_ways

    comments = list(Comment.objects.for_consultation(page))
    by_status = {status: [c for c in comments if c.status == status] for status in CommentStatus}
    online = [c for c in comments if c.channel == Channel.ONLINE]
    assert len(by_status[CommentStatus.PUBLISHED]) >= 2
    assert by_status[CommentStatus.PENDING]
    assert by_status[CommentStatus.REJECTED]
    assert all(c.email for c in online)
    [phone] = [c for c in comments if c.channel == Channel.PHONE]
    [letter] = [c for c in comments if c.channel == Channel.LETTER]
    assert (phone.consent_to_publish, phone.status) == (True, CommentStatus.PUBLISHED)
    assert (letter.consent_to_publish, letter.status) == (False, CommentStatus.NOT_PUBLIC)
    assert phone.entered_by is not None
    assert phone.entered_by == letter.entered_by
    assert all(page.opens_at <= c.received_at < page.closes_at for c in comments)
    assert all(c.received_at <= NOON for c in comments)


def test_the_seeds_consultation_is_closed_with_its_report(demo_site):
    page = consultation(demo.PROGRAMME_SLUG)
    opens = timezone.localtime(page.opens_at, WARSAW)
    closes = timezone.localtime(page.closes_at, WARSAW)

    assert (opens.date(), opens.time()) == (dt.date(2024, 6, 10), dt.time(0, 0))
    assert (closes.date(), closes.time()) == (dt.date(2024, 9, 8), dt.time(23, 59))
    assert page.status == ConsultationStatus.REPORT_PUBLISHED
    [meeting] = page.meetings.all()
    assert meeting.event.slug == demo.PROGRAMME_MEETING
    assert meeting.event.start_date == dt.date(2024, 6, 20)

    report = page.report
    assert report is not None
    assert report.published_at is not None
    assert report.summary
    assert report.summary_en
    assert report.contacts_erased_at is not None

    comments = list(Comment.objects.for_consultation(page))
    assert {c.answer for c in comments} == set(Answer.values)
    assert all(c.status in (CommentStatus.PUBLISHED, CommentStatus.NOT_PUBLIC) for c in comments)
    assert all(c.answer == Answer.ACCEPTED or c.justification for c in comments)
    changed = [c for c in comments if c.changed_section_key]
    assert len(changed) == 1
    assert changed[0].changed_section_key in {s["key"] for s in page.section_list()}
    assert not any(c.email for c in comments)
    assert {c.channel for c in comments} >= {Channel.ONLINE, Channel.MEETING, Channel.LETTER}
    assert any(c.organisation for c in comments)
    assert all(page.opens_at <= c.received_at < page.closes_at for c in comments)


def test_no_demo_message_waits_for_the_worker(demo_site):
    messages = OutboxMessage.objects.filter(kind__in=KINDS)

    assert messages.exists()
    assert not messages.exclude(status=MessageStatus.SENT).exists()
    # Those of 2024 were purged long ago; the open consultation's are dated to their moment.
    assert all(message.created_at > NOON - dt.timedelta(days=30) for message in messages)
