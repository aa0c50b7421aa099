"""Every change of state of a consultation's comments and report (issue 11, ADR 0012).

Keyword-only, typed, each in one transaction; views, the admin, commands and tests call these.

* ``submit`` takes a comment from the online form. Whether the consultation is open is decided
  here, inside the transaction, by the clock at that moment (never by what the form page showed
  when it was opened): a comment sent after the closing minute raises ``ConsultationClosed``
  and nothing is written.
* ``confirm`` turns an online comment whose e-mail address is confirmed into one a moderator
  sees (robots cannot confirm, so no CAPTCHA is needed to keep the queue clean).
* ``enter_on_behalf``: staff enter a comment received by phone, letter, e-mail, in PJM or at a
  meeting, with the channel, themselves and the resident's consent to publication.
* ``publish`` / ``reject``: moderation; the author is told (outbox). ``flag``: a reader's report;
  at ``CONSULTATION_REPORTS_TO_HIDE`` open reports the comment is hidden until a moderator
  decides again.
* ``answer``: the organiser's answer to a comment for the report. ``save_report`` /
  ``publish_report``: the report, once every comment in it is answered, none waits for
  moderation and none sent in time can still be confirmed by its author (publishing then would
  leave it out); publishing twice changes nothing. ``erase_contacts`` / ``erase_due``:
  commenters' e-mail addresses go ``CONSULTATION_CONTACT_DAYS`` after the report is published
  (0: at once), never before.

Every service that records a moment takes ``now`` (the demo tells a story of 2024 with them);
text is stored without NUL characters, trimmed to its field.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Count
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from biuletyn.core.db import retry_when_locked

from . import audit, notifications
from .enums import (
    REPORTED_STATUSES,
    Answer,
    Channel,
    CommentStatus,
    ConsultationStatus,
    RejectReason,
    ReportReason,
)
from .models import Comment, CommentFlag, ConsultationPage, ConsultationReport

MAX_COMMENT_LENGTH = 20_000


class ConsultationError(Exception):
    """A change the rules refuse; ``message`` is for the person, in their language."""

    def __init__(self, message: str, code: str) -> None:
        super().__init__(message)
        self.message = message
        self.code = code


class ConsultationClosed(ConsultationError):
    """Comments are not taken now: not yet open, or closed."""


class ReportNotReady(ConsultationError):
    def __init__(self, message: str, code: str, problems: list[str]) -> None:
        super().__init__(message, code)
        self.problems = problems


def _check_open(page: ConsultationPage, moment: dt.datetime) -> None:
    if moment < page.opens_at:
        raise ConsultationClosed(_("Comments are not open yet."), "not_yet")
    if moment >= page.closes_at:
        raise ConsultationClosed(_("Comments are closed."), "closed")


def _check_section(page: ConsultationPage, section_key: str | None) -> str:
    """The section's key, "" for a general comment; a key that is not a commentable section of
    this version is refused."""
    if not section_key:
        return ""
    if section_key not in page.commentable_keys():
        raise ConsultationError(_("This section cannot be commented on."), "section")
    return section_key


def _clean(value: str, limit: int) -> str:
    """Text as stored: without NUL characters (PostgreSQL refuses them), trimmed, cut to the
    field's length."""
    return value.replace("\x00", "").strip()[:limit]


def _fresh(page: ConsultationPage) -> ConsultationPage:
    """The page's period as it is in the database now (an editor may just have changed it)."""
    return ConsultationPage.objects.get(pk=page.pk)


def _report_published(page: ConsultationPage) -> bool:
    return ConsultationReport.objects.filter(
        consultation_key=page.translation_key, published_at__isnull=False
    ).exists()


@retry_when_locked
def submit(
    *,
    page: ConsultationPage,
    section_key: str | None,
    text: str,
    email: str,
    author_name: str = "",
    organisation: str = "",
    idempotency_key: str = "",
    now: dt.datetime | None = None,
) -> Comment:
    """Take a comment from the online form. Raises ``ConsultationClosed`` outside the period
    (decided at this moment, in the transaction) and ``ConsultationError`` for an empty text
    (``empty``), no e-mail address (``email``) or a bad section (``section``)."""
    text = _clean(text, MAX_COMMENT_LENGTH)
    if not text:
        raise ConsultationError(_("Write your comment."), "empty")
    email = _clean(email, 254)
    if not email:
        # Without an address the comment could never be confirmed: it would wait for nothing.
        raise ConsultationError(
            _("Give your e-mail address: we send the link to confirm your comment there."),
            "email",
        )
    with transaction.atomic():
        page = _fresh(page)
        if idempotency_key:
            existing = Comment.objects.filter(
                consultation_key=page.translation_key, idempotency_key=idempotency_key
            ).first()
            if existing is not None:
                return existing
        moment = now or timezone.now()
        _check_open(page, moment)
        key = _check_section(page, section_key)
        try:
            with transaction.atomic():
                comment = Comment.objects.create(
                    consultation=page,
                    section_key=key,
                    section_heading=(page.section_heading(key) or "")[:200] if key else "",
                    language=page.locale.language_code,
                    text=text,
                    author_name=_clean(author_name, 200),
                    organisation=_clean(organisation, 300),
                    email=email,
                    channel=Channel.ONLINE,
                    received_at=moment,
                    status=CommentStatus.UNCONFIRMED,
                    idempotency_key=idempotency_key,
                )
        except IntegrityError:
            # The same form sent twice at once: the other request made it.
            return Comment.objects.get(
                consultation_key=page.translation_key, idempotency_key=idempotency_key
            )
        notifications.confirm_request(comment, page)
    return comment


@retry_when_locked
def confirm(*, comment: Comment, now: dt.datetime | None = None) -> Comment:
    """The author's e-mail address is confirmed: the comment waits for moderation. Idempotent;
    a comment sent in time may be confirmed after the closing."""
    with transaction.atomic():
        comment = Comment.objects.select_for_update().get(pk=comment.pk)
        if comment.status == CommentStatus.UNCONFIRMED:
            comment.status = CommentStatus.PENDING
            comment.confirmed_at = now or timezone.now()
            comment.save(update_fields=["status", "confirmed_at", "updated_at"])
    return comment


@transaction.atomic
def enter_on_behalf(
    *,
    page: ConsultationPage,
    staff: Any,
    channel: str,
    received_at: dt.datetime,
    text: str,
    consent_to_publish: bool,
    section_key: str | None = None,
    author_name: str = "",
    organisation: str = "",
    email: str = "",
    now: dt.datetime | None = None,
) -> Comment:
    """A comment staff received by phone, letter, e-mail, in PJM or at a meeting. It counts
    when it was received, which must fall within the period (and cannot be later than ``now``,
    when it is entered); it waits for moderation like any other."""
    if channel == Channel.ONLINE or channel not in Channel.values:
        raise ConsultationError(_("Choose how the comment came."), "channel")
    text = _clean(text, MAX_COMMENT_LENGTH)
    if not text:
        raise ConsultationError(_("Write the comment as it was given."), "empty")
    now = now or timezone.now()
    page = _fresh(page)
    if received_at > now:
        raise ConsultationError(_("The date received cannot be in the future."), "future")
    _check_open(page, received_at)
    key = _check_section(page, section_key)
    comment = Comment.objects.create(
        consultation=page,
        section_key=key,
        section_heading=(page.section_heading(key) or "")[:200] if key else "",
        language=page.locale.language_code,
        text=text,
        author_name=_clean(author_name, 200),
        organisation=_clean(organisation, 300),
        email=_clean(email, 254),
        channel=channel,
        entered_by=staff,
        consent_to_publish=consent_to_publish,
        received_at=received_at,
        confirmed_at=now,
        status=CommentStatus.PENDING,
    )
    audit.log(comment, "biuletyn.comment.on_behalf", user=staff, channel=channel)
    return comment


def _resolve_flags(comment: Comment, now: dt.datetime) -> None:
    CommentFlag.objects.filter(comment=comment, resolved_at__isnull=True).update(resolved_at=now)


@transaction.atomic
def publish(*, comment: Comment, moderator: Any, now: dt.datetime | None = None) -> Comment:
    """Publish a waiting, hidden or rejected comment. Without the author's consent to
    publication its text stays off the pages: it is kept for the report (``NOT_PUBLIC``)."""
    comment = Comment.objects.select_for_update().get(pk=comment.pk)
    if _report_published(comment.consultation) and comment.status != CommentStatus.HIDDEN:
        # The report stands as published: no comment enters or leaves it afterwards. Only a
        # comment readers hid since may be shown again (it stays in the report either way).
        raise ConsultationError(_("The report is already published."), "published")
    if comment.status == CommentStatus.UNCONFIRMED:
        raise ConsultationError(
            _("The author has not confirmed their e-mail address yet."), "unconfirmed"
        )
    now = now or timezone.now()
    before = comment.status
    comment.status = (
        CommentStatus.PUBLISHED if comment.consent_to_publish else CommentStatus.NOT_PUBLIC
    )
    comment.reject_reason = ""
    comment.reject_note = ""
    comment.moderated_by = moderator
    comment.moderated_at = now
    comment.save()
    _resolve_flags(comment, now)
    audit.log(comment, "biuletyn.comment.publish", user=moderator, status=comment.status)
    if before != comment.status and before != CommentStatus.HIDDEN:
        notifications.decision(comment)
    return comment


@transaction.atomic
def reject(
    *,
    comment: Comment,
    moderator: Any,
    reason: str,
    note: str = "",
    now: dt.datetime | None = None,
) -> Comment:
    """Reject a comment with a reason the author is told. "Another reason" needs a note."""
    if reason not in RejectReason.values:
        raise ConsultationError(_("Choose the reason."), "reason")
    note = _clean(note, 2000)
    if reason == RejectReason.OTHER and not note:
        raise ConsultationError(_("Explain the reason to the author."), "note")
    comment = Comment.objects.select_for_update().get(pk=comment.pk)
    if _report_published(comment.consultation):
        # The report stands as published: no comment enters or leaves it afterwards.
        raise ConsultationError(_("The report is already published."), "published")
    if comment.status == CommentStatus.UNCONFIRMED:
        raise ConsultationError(
            _("The author has not confirmed their e-mail address yet."), "unconfirmed"
        )
    now = now or timezone.now()
    # The author hears of a decision once: the same rejection saved again tells them nothing new.
    changed = (comment.status, comment.reject_reason, comment.reject_note) != (
        CommentStatus.REJECTED,
        reason,
        note,
    )
    comment.status = CommentStatus.REJECTED
    comment.reject_reason = reason
    comment.reject_note = note
    comment.moderated_by = moderator
    comment.moderated_at = now
    # A rejected comment is not in the report: its answer goes.
    comment.answer = ""
    comment.justification = ""
    comment.changed_section_key = ""
    comment.save()
    _resolve_flags(comment, now)
    audit.log(comment, "biuletyn.comment.reject", user=moderator, reason=reason)
    if changed:
        notifications.decision(comment)
    return comment


def reporter_digest(address: str) -> str:
    key = settings.SECRET_KEY.encode()
    return hmac.new(key, f"flag:{address}".encode(), hashlib.sha256).hexdigest()[:40]


@dataclass(frozen=True)
class FlagResult:
    counted: bool  # False: this address had already reported this comment
    hidden: bool  # the comment is now hidden until a moderator decides


@retry_when_locked
def flag(
    *,
    comment: Comment,
    reason: str,
    note: str = "",
    reporter: str,
    now: dt.datetime | None = None,
) -> FlagResult:
    """A reader reports a published comment. ``reporter`` is their address: only its keyed hash
    is kept, so one address counts once. At the threshold the comment is hidden."""
    if reason not in ReportReason.values:
        raise ConsultationError(_("Choose why you report it."), "reason")
    with transaction.atomic():
        comment = Comment.objects.select_for_update().get(pk=comment.pk)
        if comment.status != CommentStatus.PUBLISHED:
            return FlagResult(counted=False, hidden=comment.status == CommentStatus.HIDDEN)
        digest = reporter_digest(reporter)
        if comment.flags.filter(resolved_at__isnull=True, reporter_digest=digest).exists():
            return FlagResult(counted=False, hidden=False)
        CommentFlag.objects.create(
            comment=comment,
            reason=reason,
            note=_clean(note, 2000),
            reporter_digest=digest,
            created_at=now or timezone.now(),
        )
        count = comment.flags.filter(resolved_at__isnull=True).count()
        if count >= settings.CONSULTATION_REPORTS_TO_HIDE:
            comment.status = CommentStatus.HIDDEN
            comment.save(update_fields=["status", "updated_at"])
            audit.log(comment, "biuletyn.comment.hide", reports=count)
            return FlagResult(counted=True, hidden=True)
    return FlagResult(counted=True, hidden=False)


@transaction.atomic
def answer(
    *,
    comment: Comment,
    staff: Any,
    answer: str,
    justification: str,
    changed_section_key: str = "",
    now: dt.datetime | None = None,
) -> Comment:
    """The organiser's answer for the report. Every answer but "accepted" needs a justification;
    the section changed, if given, must be a section of the draft."""
    if answer not in Answer.values:
        raise ConsultationError(_("Choose the answer."), "answer")
    justification = _clean(justification, MAX_COMMENT_LENGTH)
    if answer != Answer.ACCEPTED and not justification:
        raise ConsultationError(_("Give the justification."), "justification")
    comment = Comment.objects.select_for_update().get(pk=comment.pk)
    if comment.status not in REPORTED_STATUSES:
        raise ConsultationError(
            _("Only a published comment, or one kept for the report, is answered."), "status"
        )
    page = comment.consultation
    if changed_section_key and changed_section_key not in {
        section["key"] for section in page.section_list()
    }:
        raise ConsultationError(_("Choose a section of the draft."), "section")
    if _report_published(page):
        raise ConsultationError(_("The report is already published."), "published")
    comment.answer = answer
    comment.justification = justification
    comment.changed_section_key = changed_section_key
    comment.answered_by = staff
    comment.answered_at = now or timezone.now()
    comment.save()
    audit.log(comment, "biuletyn.comment.answer", user=staff, answer=answer)
    return comment


def report_for(page: ConsultationPage) -> ConsultationReport:
    """The consultation's report, made (unpublished) if it has none yet."""
    source = page.source
    report = ConsultationReport.objects.filter(consultation_key=source.translation_key).first()
    if report is None:
        report = ConsultationReport(consultation=source)
    return report


@transaction.atomic
def save_report(
    *,
    page: ConsultationPage,
    summary: str,
    summary_en: str = "",
    easy_read_url: str = "",
    sign_language_url: str = "",
) -> ConsultationReport:
    report = report_for(page)
    report.summary = _clean(summary, MAX_COMMENT_LENGTH)
    report.summary_en = _clean(summary_en, MAX_COMMENT_LENGTH)
    report.easy_read_url = easy_read_url.strip()
    report.sign_language_url = sign_language_url.strip()
    report.save()
    return report


def report_problems(page: ConsultationPage, now: dt.datetime | None = None) -> list[str]:
    """What stops the report from being published, as sentences for the organiser: comments
    still open; comments waiting for a moderator (pending, or hidden after reports); comments
    sent in time whose authors can still confirm them (their link still works: publishing now
    would leave them out); comments in the report without an answer; no summary."""
    now = now or timezone.now()
    problems = []
    if now < page.closes_at:
        problems.append(_("Comments are still open: the report comes after they close."))
    comments = Comment.objects.for_consultation(page)
    waiting = comments.filter(status__in=[CommentStatus.PENDING, CommentStatus.HIDDEN]).count()
    if waiting:
        problems.append(
            ngettext(
                "%(count)s comment still waits for a moderator's decision.",
                "%(count)s comments still wait for a moderator's decision.",
                waiting,
            )
            % {"count": waiting}
        )
    confirmable = comments.filter(
        status=CommentStatus.UNCONFIRMED,
        created_at__gt=now - dt.timedelta(days=settings.CONSULTATION_CONFIRM_DAYS),
    ).count()
    if confirmable:
        problems.append(
            ngettext(
                "%(count)s comment sent in time is not confirmed by its author yet, and they "
                "can still confirm it.",
                "%(count)s comments sent in time are not confirmed by their authors yet, and "
                "they can still confirm them.",
                confirmable,
            )
            % {"count": confirmable}
        )
    unanswered = comments.in_report().filter(answer="").count()
    if unanswered:
        problems.append(
            ngettext(
                "%(count)s comment has no answer yet.",
                "%(count)s comments have no answer yet.",
                unanswered,
            )
            % {"count": unanswered}
        )
    report = ConsultationReport.objects.filter(consultation_key=page.translation_key).first()
    if report is None or not report.summary:
        problems.append(_("Write the summary of the report."))
    return problems


@transaction.atomic
def publish_report(
    *, page: ConsultationPage, staff: Any, now: dt.datetime | None = None
) -> ConsultationReport:
    """Publish the report: every comment decided and answered, the summary written. Tells the
    commenters who left an address; erases their addresses at once when
    ``CONSULTATION_CONTACT_DAYS`` is 0."""
    now = now or timezone.now()
    page = _fresh(page).source
    published = ConsultationReport.objects.filter(
        consultation_key=page.translation_key, published_at__isnull=False
    ).first()
    if published is not None:
        # Published once: a second click changes nothing (and tells nobody again).
        return published
    problems = report_problems(page, now)
    if problems:
        raise ReportNotReady(_("The report cannot be published yet."), "not_ready", problems)
    report = ConsultationReport.objects.select_for_update().get(
        consultation_key=page.translation_key
    )
    if report.published_at is not None:
        return report
    report.published_at = now
    report.published_by = staff
    report.save()
    audit.log(
        report,
        "biuletyn.consultation.report",
        user=staff,
        comments=Comment.objects.for_consultation(page).in_report().count(),
    )
    notifications.report_published(report, page)
    if settings.CONSULTATION_CONTACT_DAYS <= 0:
        # The messages above already hold their addresses: the comments' copies can go now.
        erase_contacts(report=report, now=now)
    return report


def consultation_status(page: ConsultationPage, now: dt.datetime | None = None) -> str:
    return str(page.status_at(now or timezone.now()))


@transaction.atomic
def erase_contacts(*, report: ConsultationReport, now: dt.datetime | None = None) -> int:
    """Erase the commenters' e-mail addresses, delete comments never confirmed and the readers'
    reports: the report's rows (author or "a resident") stay. Returns the comments changed.
    Only after the report is published: until then the organiser may still need to ask."""
    if report.published_at is None:
        raise ConsultationError(_("The report is not published yet."), "not_published")
    now = now or timezone.now()
    comments = Comment.objects.filter(consultation_key=report.consultation_key)
    comments.filter(status=CommentStatus.UNCONFIRMED).delete()
    CommentFlag.objects.filter(comment__consultation_key=report.consultation_key).delete()
    changed = comments.exclude(email="").update(email="", contact_erased_at=now)
    report.contacts_erased_at = now
    report.save(update_fields=["contacts_erased_at", "updated_at"])
    audit.log(report, "biuletyn.consultation.erase", comments=changed)
    return changed


def erase_due(*, now: dt.datetime | None = None) -> int:
    """The scheduled erasure: reports published ``CONSULTATION_CONTACT_DAYS`` ago; and online
    comments never confirmed within ``CONSULTATION_CONFIRM_DAYS``. Returns reports erased."""
    now = now or timezone.now()
    days = max(settings.CONSULTATION_CONTACT_DAYS, 0)
    due = ConsultationReport.objects.filter(
        published_at__isnull=False,
        published_at__lte=now - dt.timedelta(days=days),
        contacts_erased_at__isnull=True,
    )
    count = 0
    for report in due:
        erase_contacts(report=report, now=now)
        count += 1
    Comment.objects.filter(
        status=CommentStatus.UNCONFIRMED,
        created_at__lt=now - dt.timedelta(days=settings.CONSULTATION_CONFIRM_DAYS),
    ).delete()
    return count


def status_counts(page: ConsultationPage) -> dict[str, int]:
    """Comments of the consultation by status (the admin's figures)."""
    counts = dict.fromkeys(CommentStatus.values, 0)
    for row in Comment.objects.for_consultation(page).values("status").annotate(n=Count("pk")):
        counts[row["status"]] = row["n"]
    return counts


__all__ = [
    "ConsultationClosed",
    "ConsultationError",
    "ConsultationStatus",
    "ReportNotReady",
    "answer",
    "confirm",
    "consultation_status",
    "enter_on_behalf",
    "erase_contacts",
    "erase_due",
    "flag",
    "publish",
    "publish_report",
    "reject",
    "report_for",
    "report_problems",
    "save_report",
    "status_counts",
    "submit",
]
