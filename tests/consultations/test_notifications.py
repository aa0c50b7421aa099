"""Messages to commenters (issue 11, ADR 0012 "Messages go through the registrations' outbox"):
the confirmation link, the moderator's decision (published, kept without its text, rejected with
the reason and the note) and the news of the report, each in the language the comment was
written in, with absolute links under the site's root; written in the transaction that causes
them and sent after the commit; no message for a comment without an address; one report message
per address; the purge of sent messages takes consultation messages too.

Persona: a resident who commented in Polish or in English and gave an e-mail address."""

from __future__ import annotations

import datetime as dt
from urllib.parse import urlsplit

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.urls import resolve
from django.utils import timezone
from wagtail.models import Locale

from biuletyn.consultations import services, tokens
from biuletyn.consultations.enums import Answer, Channel, CommentStatus, RejectReason
from biuletyn.registrations import privacy
from biuletyn.registrations.enums import MessageKind, MessageStatus
from biuletyn.registrations.models import OutboxMessage
from tests.factories.consultations import (
    make_comment,
    make_consultation,
    make_consultation_index,
    section_key,
)

pytestmark = pytest.mark.integration


@pytest.fixture
def page(site_tree):
    return make_consultation(
        make_consultation_index(site_tree["pl"]), title="Konsultacje zasad najmu lokali"
    )


@pytest.fixture
def moderator(db):
    return get_user_model().objects.create_user("moderator", "moderator@example.org", "x")


def english(page):
    return page.get_translation(Locale.objects.get(language_code="en")).specific


def only(kind: str) -> OutboxMessage:
    [message] = OutboxMessage.objects.filter(kind=kind)
    return message


def link_in(body: str, prefix: str = "http://") -> str:
    return next(word for word in body.split() if word.startswith(prefix))


def test_the_confirmation_link_opens_the_confirmation_of_this_comment(page):
    comment = make_comment(
        page,
        status=CommentStatus.UNCONFIRMED,
        section=1,
        text="Proszę o dłuższe dyżury w punkcie dla organizacji w każdy czwartek.",
    )

    message = only(MessageKind.COMMENT_CONFIRM)
    link = link_in(message.body)
    match = resolve(urlsplit(link).path)

    assert (message.to, message.status) == ("anna.nowak@example.org", MessageStatus.PENDING)
    assert (message.registration, message.setup) == (None, None)
    assert message.subject == "Potwierdź swoją uwagę: Konsultacje zasad najmu lokali"
    assert link.startswith("http://localhost/")  # the default Site's root
    assert match.view_name == "consultations:confirm"
    assert tokens.read(match.kwargs["token"]) == comment.public_id
    assert "Link działa przez 7 dni." in message.body
    assert "Część projektu: § 2. Zadania priorytetowe" in message.body
    assert "Początek Twojej uwagi: „Proszę o dłuższe dyżury" in message.body


def test_a_comment_in_english_gets_its_messages_in_english(page, moderator, settings):
    settings.CONSULTATION_CONFIRM_DAYS = 1
    comment = services.submit(
        page=english(page),
        section_key=None,
        text="Please keep the office open on Saturdays.",
        email="sam@example.org",
    )
    confirmation = only(MessageKind.COMMENT_CONFIRM)
    services.confirm(comment=comment)
    services.publish(comment=comment, moderator=moderator)
    decision = only(MessageKind.COMMENT_DECISION)

    assert confirmation.subject == "Confirm your comment: Konsultacje zasad najmu lokali"
    assert "/en/" in link_in(confirmation.body)
    assert "The link works for 1 day." in confirmation.body
    assert "A general comment on the whole draft." in confirmation.body
    assert decision.subject.startswith("Your comment is published:")
    assert link_in(decision.body) == "http://localhost" + english(page).url


def test_a_published_comment_links_its_page(page, moderator):
    make_comment(page, status=CommentStatus.PUBLISHED, moderator=moderator)

    decision = only(MessageKind.COMMENT_DECISION)

    assert decision.subject == "Twoja uwaga jest już na stronie: Konsultacje zasad najmu lokali"
    assert link_in(decision.body) == "http://localhost" + page.url
    assert "Damy Ci znać, gdy raport będzie gotowy." in decision.body


def test_a_rejected_comment_is_told_the_reason_the_note_and_whom_to_ask(page, moderator):
    comment = make_comment(page, status=CommentStatus.PENDING)

    services.reject(
        comment=comment,
        moderator=moderator,
        reason=RejectReason.PERSONAL_DATA,
        note="Uwaga podaje nazwisko i adres sąsiada. Wyślij ją bez tych danych.",
    )

    message = only(MessageKind.COMMENT_DECISION)
    assert message.subject == "Nie opublikowaliśmy Twojej uwagi: Konsultacje zasad najmu lokali"
    assert "Powód: podaje dane osobowe innych ludzi." in message.body
    assert (
        "Wyjaśnienie moderatora: Uwaga podaje nazwisko i adres sąsiada. Wyślij ją bez tych danych."
        in message.body
    )
    assert "napisz do organizatora konsultacji" in message.body
    assert "Możesz też wysłać uwagę jeszcze raz, innymi słowami." in message.body  # still open


def test_a_comment_kept_without_consent_says_its_text_stays_off_the_page(page, moderator):
    comment = services.enter_on_behalf(
        page=page,
        staff=moderator,
        channel=Channel.EMAIL,
        received_at=timezone.now() - dt.timedelta(hours=1),
        text="Uwaga przysłana e-mailem, bez zgody na publikację.",
        consent_to_publish=False,
        email="pani.ewa@example.org",
        section_key=section_key(page, 0),
    )
    assert not OutboxMessage.objects.exists()  # entered by staff: nothing to confirm

    services.publish(comment=comment, moderator=moderator)

    message = only(MessageKind.COMMENT_DECISION)
    assert message.subject == "Przyjęliśmy Twoją uwagę: Konsultacje zasad najmu lokali"
    assert "Jej treści nie pokażemy na stronie, bo nie było zgody na publikację." in message.body


def test_no_address_no_message(page, moderator):
    comment = services.enter_on_behalf(
        page=page,
        staff=moderator,
        channel=Channel.PHONE,
        received_at=timezone.now() - dt.timedelta(hours=1),
        text="Telefon.",
        consent_to_publish=True,
    )
    services.reject(comment=comment, moderator=moderator, reason=RejectReason.SPAM)

    assert not OutboxMessage.objects.exists()


def test_the_report_is_announced_once_per_address_in_its_language(site_tree, moderator):
    closes = timezone.now() - dt.timedelta(days=1)
    page = make_consultation(
        make_consultation_index(site_tree["pl"]),
        opens_at=closes - dt.timedelta(days=20),
        closes_at=closes,
    )
    moment = closes - dt.timedelta(days=2)
    comments = [
        make_comment(page, status=CommentStatus.PUBLISHED, email="Ola@example.org", now=moment),
        make_comment(page, status=CommentStatus.PUBLISHED, email="ola@example.org", now=moment),
    ]
    english_comment = services.submit(
        page=english(page), section_key=None, text="Fine.", email="sam@example.org", now=moment
    )
    services.confirm(comment=english_comment)
    comments.append(services.publish(comment=english_comment, moderator=moderator))
    rejected = make_comment(
        page, status=CommentStatus.REJECTED, email="zly@example.org", now=moment
    )
    for comment in comments:
        services.answer(comment=comment, staff=moderator, answer=Answer.ACCEPTED, justification="")
    services.save_report(page=page, summary="Wszystko uwzględnione.")

    services.publish_report(page=page, staff=moderator)

    messages = {m.to: m for m in OutboxMessage.objects.filter(kind=MessageKind.CONSULTATION_REPORT)}
    assert sorted(messages) == ["ola@example.org", "sam@example.org"]
    assert rejected.email not in messages
    polish, other = messages["ola@example.org"], messages["sam@example.org"]
    assert polish.subject == f"Raport z konsultacji: {page.title}"
    assert link_in(polish.body) == f"http://localhost{page.url}raport/"
    assert "Za 30 dni usuniemy Twój adres e-mail z Twojej uwagi." in polish.body
    assert other.subject == f"Consultation report: {page.title}"
    assert link_in(other.body) == f"http://localhost{english(page).url}report/"


def test_messages_are_sent_after_the_commit(page, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        make_comment(page, status=CommentStatus.UNCONFIRMED, email="po.commicie@example.org")

    [sent] = mail.outbox
    assert sent.to == ["po.commicie@example.org"]
    assert only(MessageKind.COMMENT_CONFIRM).status == MessageStatus.SENT


def test_a_refused_comment_writes_no_message(site_tree):
    closes = timezone.now() - dt.timedelta(minutes=5)
    page = make_consultation(
        make_consultation_index(site_tree["pl"]),
        opens_at=closes - dt.timedelta(days=3),
        closes_at=closes,
    )
    with pytest.raises(services.ConsultationClosed):
        services.submit(page=page, section_key=None, text="Za późno.", email="a@example.org")

    assert not OutboxMessage.objects.exists()


def test_the_purge_deletes_consultation_messages_after_the_message_period(page, settings):
    """``privacy.purge_due`` takes sent messages of no event after REGISTRATION_MESSAGE_DAYS:
    consultation messages are such rows (no registration, no setup), so they go too."""
    settings.REGISTRATION_MESSAGE_DAYS = 30
    make_comment(page, status=CommentStatus.UNCONFIRMED)
    message = only(MessageKind.COMMENT_CONFIRM)
    sent_at = timezone.now() - dt.timedelta(days=10)
    OutboxMessage.objects.filter(pk=message.pk).update(status=MessageStatus.SENT, sent_at=sent_at)

    assert privacy.purge_due(now=sent_at + dt.timedelta(days=29)) == []
    [record] = privacy.purge_due(now=sent_at + dt.timedelta(days=31))

    assert (record.data_kind, record.rows, record.setup) == ("messages", 1, None)
    assert not OutboxMessage.objects.exists()
