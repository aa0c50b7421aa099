"""Reads of consultations for public pages, feeds and the JSON (issue 11), each with a fixed
number of queries however many consultations or comments there are.

Every read goes through ``core.visibility``: an English list lists the English versions, and
the aliases of untranslated Polish ones, exactly as private as their Polish source.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count, QuerySet
from django.utils import timezone
from wagtail.models import Locale, Page

from biuletyn.core.visibility import visible

from .enums import ConsultationStatus
from .models import Comment, ConsultationPage, ConsultationReport


def consultations(
    locale: Locale | None = None, parent: Page | None = None
) -> QuerySet[ConsultationPage]:
    """Visible consultations in ``locale`` (any if None), under ``parent`` if given."""
    queryset: Any = visible(ConsultationPage.objects.all(), locale)
    if parent is not None:
        queryset = queryset.descendant_of(parent)
    return queryset.select_related("locale", "alias_of").order_by("opens_at", "pk")  # type: ignore[no-any-return]


def with_reports(pages: Iterable[ConsultationPage]) -> list[ConsultationPage]:
    """``pages`` with their reports read in one query (``ConsultationPage.report`` is a cached
    property: filling it here saves a query per page when the status is asked)."""
    pages = list(pages)
    keys = {page.translation_key for page in pages}
    reports = {
        report.consultation_key: report
        for report in ConsultationReport.objects.filter(consultation_key__in=keys)
    }
    for page in pages:
        page.__dict__["report"] = reports.get(page.translation_key)
    return pages


@dataclass
class Listing:
    """The list page's three parts."""

    open: list[ConsultationPage] = field(default_factory=list)
    upcoming: list[ConsultationPage] = field(default_factory=list)
    closed: list[ConsultationPage] = field(default_factory=list)

    @property
    def count(self) -> int:
        return len(self.open) + len(self.upcoming) + len(self.closed)


def listing(parent: Page, now: dt.datetime | None = None) -> Listing:
    """The consultations under ``parent``: open now (closing soonest first), upcoming (opening
    soonest first), closed with or without a report (the latest closed first). Two queries for
    the pages and their reports, plus the visibility rule's one or two."""
    now = now or timezone.now()
    result = Listing()
    for page in with_reports(consultations(parent.locale, parent)):
        status = page.status_at(now)
        page.current_status = status  # type: ignore[attr-defined]
        if status == ConsultationStatus.OPEN:
            result.open.append(page)
        elif status == ConsultationStatus.UPCOMING:
            result.upcoming.append(page)
        else:
            result.closed.append(page)
    result.open.sort(key=lambda page: (page.closes_at, page.pk))
    result.closed.sort(key=lambda page: (page.closes_at, page.pk), reverse=True)
    return result


def published_comments(page: ConsultationPage) -> list[Comment]:
    """The published comments of the consultation (all its languages), oldest first."""
    return list(Comment.objects.for_consultation(page).published().order_by("received_at", "pk"))


def published_counts(page: ConsultationPage) -> dict[str, int]:
    """Published comments by section key ("" for general ones), in one query."""
    rows = (
        Comment.objects.for_consultation(page)
        .published()
        .order_by()
        .values("section_key")
        .annotate(n=Count("pk"))
    )
    return {row["section_key"]: row["n"] for row in rows}


def report_comments(page: ConsultationPage) -> list[Comment]:
    """Every comment in the report, in the order received, numbered from 1."""
    comments = list(
        Comment.objects.for_consultation(page).in_report().order_by("received_at", "pk")
    )
    for number, comment in enumerate(comments, start=1):
        comment.number = number  # type: ignore[attr-defined]
    return comments


def grouped(
    page: ConsultationPage, comments: Iterable[Comment]
) -> tuple[dict[str, list[Comment]], list[Comment]]:
    """Comments by the section of this version they are on, and the rest: general comments and
    those on a section since edited away (they keep the heading they were sent with)."""
    keys = {section["key"] for section in page.section_list()}
    by_section: dict[str, list[Comment]] = defaultdict(list)
    general: list[Comment] = []
    for comment in comments:
        if comment.section_key and comment.section_key in keys:
            by_section[comment.section_key].append(comment)
        else:
            general.append(comment)
    return dict(by_section), general


def meetings(page: ConsultationPage) -> list[Any]:
    """The linked meetings as visible events (``events.queries.events``, what a card needs),
    each in the page's language where it has a visible version there, in calendar order. A
    fixed number of queries however many meetings."""
    from biuletyn.events.queries import events

    keys = list(page.meetings.values_list("event__translation_key", flat=True))
    if not keys:
        return []
    chosen: dict[Any, Any] = {}
    for event in events().filter(translation_key__in=keys):
        if event.translation_key not in chosen or event.locale_id == page.locale_id:
            chosen[event.translation_key] = event
    return sorted(chosen.values(), key=lambda event: event.standing_start)


def for_event(event: Page) -> list[ConsultationPage]:
    """The visible consultations, in the event's language, that list ``event`` (any of its
    language versions) among their meetings: the event page links back to them."""
    from .models import ConsultationMeeting

    keys = ConsultationMeeting.objects.filter(event__translation_key=event.translation_key).values(
        "page__translation_key"
    )
    return list(
        consultations(event.locale).filter(translation_key__in=keys).order_by("opens_at", "pk")
    )
