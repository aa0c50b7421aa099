"""Messages to commenters, written to the registrations' outbox in the caller's transaction and
sent after the commit (ADR 0011, ADR 0012): one outbox, one retry policy, one purge of sent
messages (a consultation's rows name no registration and no setup, so ``privacy.purge_due``
deletes them ``REGISTRATION_MESSAGE_DAYS`` after they were sent, as it does a digest's).

* ``confirm_request``: the confirmation link to the address the online form gave.
* ``decision``: a moderator published the comment (the link to the page), kept it for the
  report without its text (no consent to publication), or rejected it (the reason, the note,
  and how to ask about it).
* ``report_published``: the report is out, once to every address of a comment in the report.

Each message speaks the language the comment was written in and names the consultation's
version in that language. Every link is absolute, under the public site's root (the registrations'
``site_root``). A message quotes no more of the comment than its first words, and only to the
address that sent it; a comment without an address (most comments entered on someone's behalf)
gets no message.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.template.loader import get_template
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.text import Truncator

from biuletyn.core.templatetags.biuletyn_dates import WORD_JOINER, long_date, long_datetime
from biuletyn.registrations import outbox
from biuletyn.registrations.enums import MessageKind
from biuletyn.registrations.notifications import site_root

from . import tokens
from .enums import REPORTED_STATUSES, CommentStatus, RejectReason

if TYPE_CHECKING:
    from biuletyn.registrations.models import OutboxMessage

    from .models import Comment, ConsultationPage, ConsultationReport

# How much of the comment a message quotes, so its author knows which one it is.
QUOTE_WORDS = 25

_BLANK_LINES = re.compile(r"\n{3,}")


def page_in(page: ConsultationPage, language: str) -> ConsultationPage:
    """The consultation's version in ``language`` (a translation or an alias) that readers can
    see, else the Polish one."""
    from biuletyn.core.visibility import visible

    from .models import ConsultationPage

    version = (
        visible(ConsultationPage.objects.filter(translation_key=page.translation_key))
        .filter(locale__language_code=language)
        .first()
    )
    return version or page.source


def _full_url(page: ConsultationPage) -> str:
    url = page.get_url()
    if not url:
        return ""
    return url if url.startswith("http") else site_root() + url


def confirm_link(comment: Comment) -> str:
    """The signed confirmation link, in the active language."""
    token = tokens.make(comment.public_id)
    return site_root() + reverse("consultations:confirm", kwargs={"token": token})


def report_link(page: ConsultationPage) -> str:
    url = _full_url(page)
    return url + page.reverse_subpage("report") if url else ""


def _contact(page: ConsultationPage) -> str:
    """Whom to ask about the consultation, on one line (name, e-mail, phone)."""
    contact = page.contact or page.organiser
    if contact is None:
        return ""
    return ", ".join(part for part in (contact.name, contact.email, contact.phone) if part)


def _tidy(text: str) -> str:
    text = text.replace(WORD_JOINER, "")
    lines = [line.rstrip() for line in text.strip().splitlines()]
    return _BLANK_LINES.sub("\n\n", "\n".join(lines)).strip()


def render(kind: str, context: dict[str, Any]) -> tuple[str, str]:
    """The subject and the body of ``kind`` in the active language."""
    template = get_template(f"consultations/messages/{kind}.txt")
    subject = " ".join(_tidy(template.render({**context, "part": "subject"})).split())
    body = _tidy(template.render({**context, "part": "body"}))
    return subject, body


def _context(page: ConsultationPage) -> dict[str, Any]:
    return {
        "title": page.title,
        "subject": page.subject,
        "page_url": _full_url(page),
        "closes": long_datetime(page.closes_at),
        "report_due": long_date(page.report_due) if page.report_due else "",
        "contact": _contact(page),
        "other_ways": page.other_ways.strip(),
        "site_name": settings.WAGTAIL_SITE_NAME,
    }


def _comment_context(comment: Comment, page: ConsultationPage) -> dict[str, Any]:
    heading = ""
    if comment.section_key:
        heading = page.section_heading(comment.section_key) or comment.section_heading
    return {
        "section": heading,
        "quote": Truncator(" ".join(comment.text.split())).words(QUOTE_WORDS),
        "received": long_datetime(comment.received_at),
    }


def _write(kind: str, to: str, subject: str, body: str) -> OutboxMessage:
    return outbox.add(kind=kind, to=to, subject=subject[:300], body=body)


def confirm_request(comment: Comment, page: ConsultationPage) -> OutboxMessage | None:
    """The confirmation link to the address the online form gave."""
    if not comment.email:
        return None
    with translation.override(comment.language):
        version = page_in(page, comment.language)
        subject, body = render(
            "comment_confirm",
            {
                **_context(version),
                **_comment_context(comment, version),
                "link": confirm_link(comment),
                "days": settings.CONSULTATION_CONFIRM_DAYS,
            },
        )
    return _write(MessageKind.COMMENT_CONFIRM, comment.email, subject, body)


def decision(comment: Comment) -> OutboxMessage | None:
    """A moderator published the comment, kept it for the report (no consent to publish its
    text) or rejected it (with the reason and the note)."""
    if not comment.email:
        return None
    if comment.status not in (
        CommentStatus.PUBLISHED,
        CommentStatus.NOT_PUBLIC,
        CommentStatus.REJECTED,
    ):
        return None
    with translation.override(comment.language):
        version = page_in(comment.consultation, comment.language)
        reason = ""
        if comment.reject_reason:
            reason = str(RejectReason(comment.reject_reason).label)
        subject, body = render(
            "comment_decision",
            {
                **_context(version),
                **_comment_context(comment, version),
                "decision": comment.status,
                "reason": reason,
                "note": comment.reject_note.strip(),
                "is_open": version.is_open_at(timezone.now()),
            },
        )
    return _write(MessageKind.COMMENT_DECISION, comment.email, subject, body)


def report_published(report: ConsultationReport, page: ConsultationPage) -> list[OutboxMessage]:
    """The report is out: once to every address of a comment in the report, in the language of
    that address's first comment. Rejected comments' authors were told of the decision."""
    from .models import Comment

    first_language: dict[str, str] = {}
    comments = (
        Comment.objects.for_consultation(page)
        .filter(status__in=REPORTED_STATUSES)
        .exclude(email="")
        .order_by("received_at", "pk")
        .values_list("email", "language")
    )
    for email, language in comments:
        first_language.setdefault(email.strip().lower(), language)
    rows = []
    for address, language in first_language.items():
        with translation.override(language):
            version = page_in(page, language)
            subject, body = render(
                "consultation_report",
                {
                    **_context(version),
                    "report_url": report_link(version),
                    "erase_days": max(settings.CONSULTATION_CONTACT_DAYS, 0),
                },
            )
        rows.append(_write(MessageKind.CONSULTATION_REPORT, address, subject, body))
    return rows
