"""The services of public consultations (issue 11, ADR 0012 "The close check is made at the
moment of writing"): a comment one second before the closing is kept and one second after is
refused with nothing written (Europe/Warsaw, also on the days the clocks change), staff enter
comments received within the period on someone's behalf, moderation's transitions, readers'
reports counted once per address, the answers, what stops the report and its publication.

Personas: a resident commenting online; a clerk entering a letter or a phone call; a moderator;
the organiser writing the report. Every "now" is fixed or derived from the consultation."""

from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone, translation
from wagtail.models import Locale

from biuletyn.consultations import services
from biuletyn.consultations.enums import (
    Answer,
    Channel,
    CommentStatus,
    ConsultationStatus,
    RejectReason,
    ReportReason,
)
from biuletyn.consultations.models import Comment, CommentFlag, ConsultationPage
from biuletyn.events.dates import WARSAW, local_datetime
from biuletyn.registrations.enums import MessageKind
from biuletyn.registrations.models import OutboxMessage
from tests.factories.consultations import (
    make_comment,
    make_consultation,
    make_consultation_index,
    section_key,
    sections,
)

pytestmark = pytest.mark.integration

SECOND = dt.timedelta(seconds=1)


def instant(day: dt.date, time: dt.time, *, fold: int = 0) -> dt.datetime:
    """A Warsaw wall-clock time as a UTC instant. Arithmetic on an aware datetime in one zone
    is wall-clock arithmetic in Python ("3:00 minus a second" is 2:59:59, which does not exist
    on the spring day): seconds are counted on instants."""
    return dt.datetime.combine(day, time).replace(tzinfo=WARSAW, fold=fold).astimezone(dt.UTC)


TEXT = "Proszę wydłużyć godziny dyżurów w punkcie dla organizacji."


@pytest.fixture
def index(site_tree):
    return make_consultation_index(site_tree["pl"])


@pytest.fixture
def page(index):
    return make_consultation(index)


@pytest.fixture
def staff(db):
    return get_user_model().objects.create_user("urzednik", "urzednik@example.org", "x")


def english(page: ConsultationPage) -> ConsultationPage:
    return page.get_translation(Locale.objects.get(language_code="en")).specific


def send(page: ConsultationPage, *, now: dt.datetime, text: str = TEXT, **fields) -> Comment:
    return services.submit(
        page=page,
        section_key=fields.pop("section_key", None),
        text=text,
        email=fields.pop("email", "ola@example.org"),
        now=now,
        **fields,
    )


# --- the close check ------------------------------------------------------------------------------


def test_a_comment_one_second_before_the_closing_is_kept_and_one_after_is_refused(index):
    closes = local_datetime(dt.date(2030, 9, 8), dt.time(23, 59))
    page = make_consultation(index, opens_at=closes - dt.timedelta(days=90), closes_at=closes)

    kept = send(page, now=closes - SECOND)
    with pytest.raises(services.ConsultationClosed) as refused:
        send(page, now=closes + SECOND, text="Za późno, ale może jednak?")

    assert kept.status == CommentStatus.UNCONFIRMED
    assert kept.received_at == closes - SECOND
    assert refused.value.code == "closed"
    assert list(Comment.objects.values_list("text", flat=True)) == [TEXT]
    # Nothing half-written: no second comment, no second confirmation message.
    assert OutboxMessage.objects.filter(kind=MessageKind.COMMENT_CONFIRM).count() == 1


def test_the_closing_minute_itself_is_late_and_the_opening_instant_is_in_time(index):
    opens = local_datetime(dt.date(2030, 6, 10), dt.time(0, 0))
    closes = local_datetime(dt.date(2030, 9, 8), dt.time(23, 59))
    page = make_consultation(index, opens_at=opens, closes_at=closes)

    with pytest.raises(services.ConsultationClosed) as early:
        send(page, now=opens - SECOND)
    assert send(page, now=opens).received_at == opens
    with pytest.raises(services.ConsultationClosed) as late:
        send(page, now=closes)

    assert (early.value.code, late.value.code) == ("not_yet", "closed")
    assert page.status_at(closes - SECOND) == ConsultationStatus.OPEN
    assert page.status_at(closes) == ConsultationStatus.CLOSED


@pytest.mark.parametrize(
    ("day", "closing_time"),
    [
        # Spring: the clocks jump from 2:00 to 3:00; 3:00 is the first minute after the change.
        (dt.date(2027, 3, 28), dt.time(3, 0)),
        # Autumn: 3:00 summer time becomes 2:00 winter time, the hour 2:00–3:00 comes twice.
        (dt.date(2027, 10, 31), dt.time(3, 0)),
    ],
    ids=["spring", "autumn"],
)
def test_one_second_either_side_of_a_closing_just_after_the_clocks_change(index, day, closing_time):
    closes = instant(day, closing_time)
    page = make_consultation(index, opens_at=closes - dt.timedelta(days=30), closes_at=closes)

    kept = send(page, now=closes - SECOND)
    with pytest.raises(services.ConsultationClosed):
        send(page, now=closes + SECOND, text="Sekunda po czasie.")

    assert kept.received_at == closes - SECOND
    # On the spring day the second before 3:00 is 1:59:59 on the clocks.
    assert timezone.localtime(kept.received_at, WARSAW).time() == (
        dt.time(1, 59, 59) if day.month == 3 else dt.time(2, 59, 59)
    )
    assert Comment.objects.count() == 1


def test_in_autumn_the_first_pass_through_the_repeated_hour_is_in_time(index):
    """Closing at 2:30 winter time (the second 2:30 of 31 October 2027): the first 2:30, in
    summer time, comes an hour earlier and is in time."""
    closes = instant(dt.date(2027, 10, 31), dt.time(2, 30), fold=1)
    page = make_consultation(index, opens_at=closes - dt.timedelta(days=30), closes_at=closes)
    first_half_past_two = instant(dt.date(2027, 10, 31), dt.time(2, 30))

    assert closes - first_half_past_two == dt.timedelta(hours=1)
    assert send(page, now=first_half_past_two).status == CommentStatus.UNCONFIRMED
    with pytest.raises(services.ConsultationClosed):
        send(page, now=closes + SECOND, text="Po drugiej 2:30.")


def test_the_period_is_read_from_the_database_when_the_comment_is_written(index):
    """An editor closed the consultation early while the form was open in a reader's tab."""
    page = make_consultation(index)
    now = timezone.now()
    ConsultationPage.objects.filter(pk=page.pk).update(closes_at=now - dt.timedelta(minutes=1))

    with pytest.raises(services.ConsultationClosed):
        send(page, now=now)  # ``page`` still holds the old closing
    assert not Comment.objects.exists()


# --- what submit takes ----------------------------------------------------------------------------


def test_a_comment_on_a_section_keeps_its_heading_and_one_on_the_english_page_its_language(page):
    now = timezone.now()
    key = section_key(page, 1)

    polish = send(page, now=now, section_key=key)
    other = send(english(page), now=now, section_key=key, text="Please add a PJM interpreter.")

    assert (polish.section_key, polish.section_heading) == (key, "§ 2. Zadania priorytetowe")
    assert (polish.language, other.language) == ("pl", "en")
    assert other.consultation_id == polish.consultation_id == page.pk
    assert other.consultation_key == page.translation_key


def test_a_section_that_takes_no_comments_or_is_not_there_is_refused(index):
    page = make_consultation(
        index, sections=sections(("§ 9. Podstawa prawna", "Ustawa."), commentable=False)
    )
    with pytest.raises(services.ConsultationError) as closed_section:
        send(page, now=timezone.now(), section_key=section_key(page, 0))
    with pytest.raises(services.ConsultationError) as unknown:
        send(page, now=timezone.now(), section_key="00000000-0000-0000-0000-000000000000")

    assert closed_section.value.code == unknown.value.code == "section"
    assert send(page, now=timezone.now()).section_key == ""  # a general comment is fine


def test_empty_text_is_refused_and_nul_characters_never_reach_the_database(page):
    with pytest.raises(services.ConsultationError) as empty:
        send(page, now=timezone.now(), text=" \n\x00 ")
    comment = send(
        page, now=timezone.now(), text="Uwaga\x00 z NUL", author_name="Ja\x00n", organisation=" "
    )

    assert empty.value.code == "empty"
    comment.refresh_from_db()
    assert (comment.text, comment.author_name, comment.organisation) == ("Uwaga z NUL", "Jan", "")


def test_an_online_comment_needs_an_address_to_be_confirmed_at(page):
    with pytest.raises(services.ConsultationError) as refused, translation.override("pl"):
        send(page, now=timezone.now(), email=" \x00")

    assert refused.value.code == "email"
    assert refused.value.message.startswith("Podaj adres e-mail")
    assert not Comment.objects.exists()


def test_the_same_form_sent_twice_is_one_comment(page):
    now = timezone.now()
    first = send(page, now=now, idempotency_key="a" * 32)
    again = send(page, now=now + SECOND, idempotency_key="a" * 32)

    assert again.pk == first.pk
    assert Comment.objects.count() == 1


def test_confirming_is_idempotent_and_works_after_the_closing(index):
    closes = timezone.now() - dt.timedelta(hours=1)
    page = make_consultation(index, opens_at=closes - dt.timedelta(days=5), closes_at=closes)
    comment = send(page, now=closes - SECOND)

    confirmed = services.confirm(comment=comment)
    again = services.confirm(comment=comment)

    assert confirmed.status == again.status == CommentStatus.PENDING
    assert again.confirmed_at == confirmed.confirmed_at


# --- on someone's behalf --------------------------------------------------------------------------


def test_a_letter_posted_in_time_is_entered_after_the_closing(index, staff):
    closes = timezone.now() - dt.timedelta(days=2)
    page = make_consultation(index, opens_at=closes - dt.timedelta(days=30), closes_at=closes)

    comment = services.enter_on_behalf(
        page=page,
        staff=staff,
        channel=Channel.LETTER,
        received_at=closes - SECOND,
        text="List z uwagami koła seniorów.",
        consent_to_publish=False,
        author_name="Koło seniorów",
    )

    assert comment.status == CommentStatus.PENDING
    assert (comment.channel, comment.entered_by, comment.on_behalf) == (Channel.LETTER, staff, True)
    assert comment.confirmed_at is not None
    assert not OutboxMessage.objects.exists()  # no address, no message
    published = services.publish(comment=comment, moderator=staff)
    assert published.status == CommentStatus.NOT_PUBLIC
    assert not Comment.objects.published().exists()
    assert list(Comment.objects.in_report()) == [published]


@pytest.mark.parametrize(
    ("offset", "code"),
    [(-SECOND, "not_yet"), (dt.timedelta(0), "closed"), (SECOND, "closed")],
    ids=["before-opening", "at-closing", "after-closing"],
)
def test_staff_cannot_enter_a_comment_received_outside_the_period(index, staff, offset, code):
    opens = timezone.now() - dt.timedelta(days=30)
    closes = timezone.now() - dt.timedelta(days=1)
    page = make_consultation(index, opens_at=opens, closes_at=closes)
    received = opens + offset if code == "not_yet" else closes + offset

    with pytest.raises(services.ConsultationClosed) as refused:
        services.enter_on_behalf(
            page=page,
            staff=staff,
            channel=Channel.PHONE,
            received_at=received,
            text="Telefon od mieszkanki.",
            consent_to_publish=True,
        )
    assert refused.value.code == code
    assert not Comment.objects.exists()


def test_entering_on_behalf_needs_a_channel_text_and_a_past_date(page, staff):
    common = {"page": page, "staff": staff, "consent_to_publish": True}
    now = timezone.now()
    with pytest.raises(services.ConsultationError) as online:
        services.enter_on_behalf(**common, channel=Channel.ONLINE, received_at=now, text="Tekst.")
    with pytest.raises(services.ConsultationError) as empty:
        services.enter_on_behalf(**common, channel=Channel.PJM, received_at=now, text="  ")
    with pytest.raises(services.ConsultationError) as future:
        services.enter_on_behalf(
            **common, channel=Channel.MEETING, received_at=now + dt.timedelta(hours=1), text="X"
        )
    assert (online.value.code, empty.value.code, future.value.code) == (
        "channel",
        "empty",
        "future",
    )
    entered = services.enter_on_behalf(
        **common, channel=Channel.PJM, received_at=now - dt.timedelta(hours=2), text="Z nagrania."
    )
    assert entered.status == CommentStatus.PENDING


# --- moderation -----------------------------------------------------------------------------------


def test_an_unconfirmed_comment_cannot_be_moderated(page, staff):
    comment = make_comment(page, status=CommentStatus.UNCONFIRMED)
    for decide in (
        lambda: services.publish(comment=comment, moderator=staff),
        lambda: services.reject(comment=comment, moderator=staff, reason=RejectReason.SPAM),
    ):
        with pytest.raises(services.ConsultationError) as refused:
            decide()
        assert refused.value.code == "unconfirmed"
    comment.refresh_from_db()
    assert comment.status == CommentStatus.UNCONFIRMED


def test_rejecting_needs_a_known_reason_and_another_reason_needs_a_note(page, staff):
    comment = make_comment(page)
    with pytest.raises(services.ConsultationError) as unknown:
        services.reject(comment=comment, moderator=staff, reason="because")
    with pytest.raises(services.ConsultationError) as no_note:
        services.reject(comment=comment, moderator=staff, reason=RejectReason.OTHER, note=" ")
    rejected = services.reject(
        comment=comment, moderator=staff, reason=RejectReason.OTHER, note="Dotyczy innej sprawy."
    )

    assert (unknown.value.code, no_note.value.code) == ("reason", "note")
    assert (rejected.status, rejected.reject_note) == (
        CommentStatus.REJECTED,
        "Dotyczy innej sprawy.",
    )
    assert (rejected.moderated_by, rejected.moderated_at is not None) == (staff, True)


def test_a_moderator_may_change_their_mind_and_the_author_hears_each_decision_once(page, staff):
    comment = make_comment(page)

    services.reject(comment=comment, moderator=staff, reason=RejectReason.DUPLICATE)
    services.reject(comment=comment, moderator=staff, reason=RejectReason.DUPLICATE)  # again
    published = services.publish(comment=comment, moderator=staff)
    services.publish(comment=comment, moderator=staff)  # again

    assert published.status == CommentStatus.PUBLISHED
    assert (published.reject_reason, published.reject_note) == ("", "")
    assert OutboxMessage.objects.filter(kind=MessageKind.COMMENT_DECISION).count() == 2


def test_rejecting_an_answered_comment_takes_it_out_of_the_report(page, staff):
    comment = make_comment(page, status=CommentStatus.PUBLISHED)
    services.answer(comment=comment, staff=staff, answer=Answer.ACCEPTED, justification="")

    rejected = services.reject(comment=comment, moderator=staff, reason=RejectReason.OFFENSIVE)

    assert (rejected.answer, rejected.justification, rejected.changed_section_key) == ("", "", "")
    assert not Comment.objects.in_report().exists()


# --- readers' reports -----------------------------------------------------------------------------


def test_one_address_counts_once_and_the_threshold_hides_the_comment(page, settings):
    settings.CONSULTATION_REPORTS_TO_HIDE = 3
    comment = make_comment(page, status=CommentStatus.PUBLISHED)
    report = {"comment": comment, "reason": ReportReason.OFFENSIVE}

    first = services.flag(**report, reporter="10.0.0.1")
    twice = services.flag(**report, reporter="10.0.0.1")
    second = services.flag(**report, reporter="10.0.0.2")
    third = services.flag(**report, reporter="10.0.0.3")
    after = services.flag(**report, reporter="10.0.0.4")

    assert [(r.counted, r.hidden) for r in (first, twice, second, third, after)] == [
        (True, False),
        (False, False),
        (True, False),
        (True, True),
        (False, True),
    ]
    comment.refresh_from_db()
    assert comment.status == CommentStatus.HIDDEN
    assert CommentFlag.objects.count() == 3
    assert "10.0.0.1" not in set(CommentFlag.objects.values_list("reporter_digest", flat=True))


def test_only_a_published_comment_can_be_reported_and_the_reason_must_be_known(page):
    pending = make_comment(page)
    published = make_comment(page, status=CommentStatus.PUBLISHED)

    assert services.flag(comment=pending, reason=ReportReason.SPAM, reporter="a") == (
        services.FlagResult(counted=False, hidden=False)
    )
    with pytest.raises(services.ConsultationError) as unknown:
        services.flag(comment=published, reason="dislike", reporter="a")
    assert unknown.value.code == "reason"
    assert not CommentFlag.objects.exists()


def test_a_moderators_publish_brings_a_hidden_comment_back_and_resolves_the_reports(
    page, staff, settings
):
    settings.CONSULTATION_REPORTS_TO_HIDE = 2
    comment = make_comment(page, status=CommentStatus.PUBLISHED)
    for reporter in ("a", "b"):
        services.flag(comment=comment, reason=ReportReason.SPAM, reporter=reporter)
    decisions = OutboxMessage.objects.filter(kind=MessageKind.COMMENT_DECISION).count()

    back = services.publish(comment=comment, moderator=staff)
    again = services.flag(comment=comment, reason=ReportReason.SPAM, reporter="a")

    assert back.status == CommentStatus.PUBLISHED
    assert not back.open_flags().filter(reporter_digest=services.reporter_digest("b")).exists()
    assert (again.counted, again.hidden) == (True, False)  # a new report, after the decision
    # Bringing it back is not news to its author: they were told it was published.
    assert OutboxMessage.objects.filter(kind=MessageKind.COMMENT_DECISION).count() == decisions


# --- answers and the report -----------------------------------------------------------------------


@pytest.fixture
def closed(index):
    """A consultation that closed an hour ago."""
    closes = timezone.now() - dt.timedelta(hours=1)
    page = make_consultation(index, opens_at=closes - dt.timedelta(days=30), closes_at=closes)
    return page


def test_answers_need_a_justification_unless_accepted_and_a_real_section(closed, staff):
    comment = make_comment(closed, status=CommentStatus.PUBLISHED)
    with pytest.raises(services.ConsultationError) as unknown:
        services.answer(comment=comment, staff=staff, answer="maybe", justification="")
    with pytest.raises(services.ConsultationError) as bare:
        services.answer(comment=comment, staff=staff, answer=Answer.PARTLY, justification=" ")
    with pytest.raises(services.ConsultationError) as section:
        services.answer(
            comment=comment,
            staff=staff,
            answer=Answer.ACCEPTED,
            justification="",
            changed_section_key="nie-ma-takiej",
        )
    answered = services.answer(
        comment=comment,
        staff=staff,
        answer=Answer.ACCEPTED,
        justification="",
        changed_section_key=section_key(closed, 2),
    )

    assert (unknown.value.code, bare.value.code, section.value.code) == (
        "answer",
        "justification",
        "section",
    )
    assert (answered.answer, answered.changed_section_key) == (
        Answer.ACCEPTED,
        section_key(closed, 2),
    )
    assert answered.answered_by == staff


def test_a_rejected_or_waiting_comment_gets_no_answer(closed, staff):
    for status in (CommentStatus.REJECTED, CommentStatus.PENDING):
        comment = make_comment(closed, status=status)
        with pytest.raises(services.ConsultationError) as refused:
            services.answer(
                comment=comment, staff=staff, answer=Answer.NOT_ACCEPTED, justification="Nie."
            )
        assert refused.value.code == "status"


def test_what_stops_the_report_in_polish_with_polish_plurals(closed, staff, settings):
    settings.CONSULTATION_CONFIRM_DAYS = 7
    for _ in range(2):
        make_comment(closed)  # pending
    for _ in range(5):
        make_comment(closed, status=CommentStatus.PUBLISHED)  # no answers yet
    make_comment(closed, status=CommentStatus.UNCONFIRMED)  # its link still works

    with translation.override("pl"):
        problems = services.report_problems(closed)

    assert problems == [
        "2 uwagi czekają jeszcze na decyzję moderatora.",
        "1 uwaga wysłana w terminie czeka na potwierdzenie autora, a link do potwierdzenia "
        "jeszcze działa.",
        "5 uwag nie ma jeszcze odpowiedzi.",
        "Napisz podsumowanie raportu.",
    ]


def test_the_report_waits_for_the_closing(page):
    with translation.override("en"):
        assert services.report_problems(page) == [
            "Comments are still open: the report comes after they close.",
            "Write the summary of the report.",
        ]


def test_an_unconfirmed_comment_whose_link_expired_does_not_stop_the_report(closed, settings):
    settings.CONSULTATION_CONFIRM_DAYS = 7
    old = make_comment(closed, status=CommentStatus.UNCONFIRMED)
    Comment.objects.filter(pk=old.pk).update(created_at=timezone.now() - dt.timedelta(days=8))
    services.save_report(page=closed, summary="Nikt nie potwierdził uwagi.")

    assert services.report_problems(closed) == []


def _ready(page: ConsultationPage, staff) -> list[Comment]:
    """Two comments with answers (one with an address, one taken by phone) and a summary."""
    online = make_comment(page, status=CommentStatus.PUBLISHED, email="ola@example.org")
    spoken = services.enter_on_behalf(
        page=page,
        staff=staff,
        channel=Channel.PHONE,
        received_at=page.closes_at - dt.timedelta(days=3),
        text="Uwaga przez telefon.",
        consent_to_publish=True,
        email="",
    )
    services.publish(comment=spoken, moderator=staff)
    for comment in (online, spoken):
        services.answer(
            comment=comment, staff=staff, answer=Answer.NOT_ACCEPTED, justification="Bo tak."
        )
    services.save_report(page=page, summary="Dwie uwagi, obie nieuwzględnione.")
    return [online, spoken]


def test_the_report_is_refused_with_its_problems_then_published_once(closed, staff, settings):
    settings.CONSULTATION_CONTACT_DAYS = 30
    make_comment(closed)  # still waiting
    with pytest.raises(services.ReportNotReady) as refused:
        services.publish_report(page=closed, staff=staff)
    assert refused.value.code == "not_ready"
    assert len(refused.value.problems) == 2  # the waiting comment, no summary

    Comment.objects.filter(status=CommentStatus.PENDING).delete()
    _ready(closed, staff)
    report = services.publish_report(page=english(closed), staff=staff)
    again = services.publish_report(page=closed, staff=staff)

    assert report.published_at is not None
    assert (again.pk, again.published_at) == (report.pk, report.published_at)
    assert report.contacts_erased_at is None  # CONSULTATION_CONTACT_DAYS later
    assert ConsultationPage.objects.get(pk=closed.pk).status == ConsultationStatus.REPORT_PUBLISHED
    assert OutboxMessage.objects.filter(kind=MessageKind.CONSULTATION_REPORT).count() == 1
    with pytest.raises(services.ConsultationError) as late:
        services.answer(
            comment=Comment.objects.first(), staff=staff, answer=Answer.ACCEPTED, justification=""
        )
    assert late.value.code == "published"


def test_with_no_contact_days_the_addresses_go_when_the_report_is_published(
    closed, staff, settings
):
    settings.CONSULTATION_CONTACT_DAYS = 0
    online, _spoken = _ready(closed, staff)

    report = services.publish_report(page=closed, staff=staff)

    online.refresh_from_db()
    assert report.contacts_erased_at == report.published_at
    assert (online.email, online.contact_erased_at) == ("", report.published_at)
    # The message that the report is out was written first, to the address.
    [message] = OutboxMessage.objects.filter(kind=MessageKind.CONSULTATION_REPORT)
    assert message.to == "ola@example.org"


def test_status_counts_cover_every_status(page, staff):
    make_comment(page)
    make_comment(page, status=CommentStatus.PUBLISHED)
    make_comment(page, status=CommentStatus.UNCONFIRMED)

    counts = services.status_counts(page)

    assert counts == {
        "unconfirmed": 1,
        "pending": 1,
        "published": 1,
        "not_public": 0,
        "rejected": 0,
        "hidden": 0,
    }


def test_after_the_report_no_comment_enters_or_leaves_it(page, staff):
    """Review (admin helper): moderating after publication would change a published report.
    A comment readers hid afterwards may still be shown again: it is in the report anyway."""
    waiting = make_comment(page, status=CommentStatus.PENDING)
    shown = make_comment(page, status=CommentStatus.PUBLISHED)
    services.reject(comment=waiting, moderator=staff, reason=RejectReason.SPAM)
    services.answer(comment=shown, staff=staff, answer=Answer.ACCEPTED, justification="")
    services.save_report(page=page, summary="Podsumowanie.")
    after = page.closes_at + dt.timedelta(days=1)
    services.publish_report(page=page, staff=staff, now=after)

    with pytest.raises(services.ConsultationError) as refused:
        services.publish(comment=waiting, moderator=staff)
    assert refused.value.code == "published"
    with pytest.raises(services.ConsultationError) as refused:
        services.reject(comment=shown, moderator=staff, reason=RejectReason.SPAM)
    assert refused.value.code == "published"

    Comment.objects.filter(pk=shown.pk).update(status=CommentStatus.HIDDEN)
    assert services.publish(comment=shown, moderator=staff).status == CommentStatus.PUBLISHED
