"""Messages to commenters, written to the registrations' outbox in the caller's transaction and
sent after the commit (ADR 0011, ADR 0012). STUB: filled in by the messages work."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .models import Comment, ConsultationPage, ConsultationReport


def confirm_request(comment: Comment, page: ConsultationPage) -> None:
    """The confirmation link to the address the online form gave."""


def decision(comment: Comment) -> None:
    """A moderator published or rejected the comment (with the reason)."""


def report_published(report: ConsultationReport, page: ConsultationPage) -> None:
    """The report is out: to every commenter with an address."""
