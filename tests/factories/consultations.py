"""Consultations for tests: the list under a home page, valid published consultations in it,
and comments in any status, made the way the services make them.

``make_consultation`` is open now by default (opened ten days ago, closes in twenty), with three
commentable sections; any field can be overridden. ``make_comment`` goes through
``services.submit`` (and ``confirm``/``publish`` for the later statuses), so a comment in a test
is one the site could have taken.
"""

from __future__ import annotations

import datetime as dt
import itertools
from typing import Any

from django.utils import timezone
from wagtail.models import Page
from wagtail.rich_text import RichText

from biuletyn.consultations import services
from biuletyn.consultations.enums import CommentStatus, RejectReason
from biuletyn.consultations.models import Comment, ConsultationIndexPage, ConsultationPage
from biuletyn.pages.services import publish_new_page

_numbers = itertools.count(1)

SECTIONS = [
    ("§ 1. Cel programu", "Program określa zasady współpracy miasta z organizacjami."),
    ("§ 2. Zadania priorytetowe", "Wsparcie osób z niepełnosprawnościami i ich rodzin."),
    ("§ 3. Tryb konsultacji", "Opinie zbiera wydział odpowiedzialny za współpracę."),
]


def make_consultation_index(home: Page) -> ConsultationIndexPage:
    existing = ConsultationIndexPage.objects.child_of(home).first()
    if existing is not None:
        return existing.specific
    page = ConsultationIndexPage(title="Konsultacje", slug="konsultacje", locale=home.locale)
    return publish_new_page(parent=home, page=page)


def sections(*pairs: tuple[str, str], commentable: bool = True) -> list[tuple[str, Any]]:
    """StreamField data for ``ConsultationPage.sections``."""
    return [
        (
            "section",
            {"heading": heading, "text": RichText(f"<p>{text}</p>"), "commentable": commentable},
        )
        for heading, text in (pairs or SECTIONS)
    ]


def consultation_fields(**fields: Any) -> dict[str, Any]:
    number = next(_numbers)
    now = timezone.now().replace(microsecond=0)
    defaults: dict[str, Any] = {
        "title": f"Konsultacje programu {number}",
        "slug": f"konsultacje-programu-{number}",
        "subject": "projekt programu współpracy z organizacjami pozarządowymi",
        "lead": "Miasto pyta mieszkańców i organizacje o zdanie o projekcie programu.",
        "opens_at": now - dt.timedelta(days=10),
        "closes_at": now + dt.timedelta(days=20),
        "sections": sections(),
    }
    return {**defaults, **fields}


def make_consultation(index: ConsultationIndexPage, **fields: Any) -> ConsultationPage:
    """A published consultation under ``index``, read back so its sections have their ids."""
    page = ConsultationPage(locale=index.locale, **consultation_fields(**fields))
    page = publish_new_page(parent=index, page=page)
    return ConsultationPage.objects.get(pk=page.pk)


def section_key(page: ConsultationPage, number: int = 0) -> str:
    return str(page.section_list()[number]["key"])


def make_comment(
    page: ConsultationPage,
    *,
    status: str = CommentStatus.PENDING,
    section: int | None = 0,
    text: str = "Proszę dopisać tłumacza PJM na każdym spotkaniu konsultacyjnym.",
    email: str = "anna.nowak@example.org",
    moderator: Any = None,
    **fields: Any,
) -> Comment:
    """A comment in ``status``, made while the consultation is open (``now`` inside it)."""
    key = section_key(page, section) if section is not None else None
    moment = fields.pop("now", None) or max(
        page.opens_at, min(timezone.now(), page.closes_at - dt.timedelta(seconds=1))
    )
    comment = services.submit(
        page=page, section_key=key, text=text, email=email, now=moment, **fields
    )
    if status == CommentStatus.UNCONFIRMED:
        return comment
    comment = services.confirm(comment=comment)
    if status == CommentStatus.PUBLISHED:
        comment = services.publish(comment=comment, moderator=moderator)
    elif status == CommentStatus.REJECTED:
        comment = services.reject(comment=comment, moderator=moderator, reason=RejectReason.SPAM)
    elif status == CommentStatus.HIDDEN:
        comment = services.publish(comment=comment, moderator=moderator)
        comment.status = CommentStatus.HIDDEN
        comment.save(update_fields=["status"])
    return comment
