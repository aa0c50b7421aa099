"""The public side of consultations (issue 11): the consultation page's context, the list of
consultations, the report (HTML and CSV) and the calendar files.

The consultation page is cached (ADR 0001): everything here is what any reader sees. Its
status comes from the clock (the page's cache lifetime ends at the next opening or closing,
``ConsultationPage.index_route``) and from the report; published comments and the report are
public models, so publishing either empties the page cache. Forms are never on this page: the
comment form and the reader's report of a comment are their own, uncached pages.
"""

from __future__ import annotations

import csv
import io
from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from biuletyn.core.pagecache import valid_until
from biuletyn.core.templatetags.biuletyn_dates import long_date, long_datetime
from biuletyn.core.translations import content_language, data_language

from . import ics, queries
from .enums import Answer, Channel, CommentStatus, ConsultationStatus
from .models import Comment, ConsultationIndexPage, ConsultationPage, ConsultationReport

ICS_CONTENT_TYPE = "text/calendar; charset=utf-8"


# --- the consultation page ------------------------------------------------------------------


def period_in_words(page: ConsultationPage) -> str:
    """ "od 10 czerwca 2024 r., godz. 0:00 do 8 września 2024 r., godz. 23:59": both ends in
    Warsaw time, whatever the offset on either day (summer or winter time)."""
    return _("from %(opens)s to %(closes)s") % {
        "opens": long_datetime(page.opens_at),
        "closes": long_datetime(page.closes_at),
    }


def _document(item: Any) -> dict[str, Any]:
    document = item.document
    alternative = None
    if item.alternative_url or item.alternative_document_id:
        alt_doc = item.alternative_document
        alternative = {
            "url": item.alternative_url or (alt_doc.url if alt_doc else ""),
            "kind": item.get_alternative_kind_display(),
            "extension": (alt_doc.file_extension.upper() if alt_doc else ""),
            "size": (alt_doc.get_file_size() if alt_doc else None),
        }
    return {
        "label": item.label,
        "url": document.url,
        "extension": document.file_extension.upper(),
        "size": document.get_file_size(),
        "alternative": alternative,
    }


def _index_of(page: ConsultationPage) -> ConsultationIndexPage | None:
    parent = page.get_parent()
    if parent is None:
        return None
    specific = parent.specific
    return specific if isinstance(specific, ConsultationIndexPage) else None


def page_context(request: HttpRequest, page: ConsultationPage) -> dict[str, Any]:
    now = timezone.now()
    status = page.status_at(now)
    is_open = status == ConsultationStatus.OPEN
    counts = queries.published_counts(page)
    by_section, general = queries.grouped(page, queries.published_comments(page))
    sections = []
    for section in page.section_list():
        commentable = section["commentable"]
        sections.append(
            {
                **section,
                "comments": by_section.get(section["key"], []),
                "comment_url": (
                    page.subpage_url("comment_section", request, key=section["key"])
                    if is_open and commentable
                    else ""
                ),
                "anchor": f"section-{section['key']}",
            }
        )
    for comment in [*general, *(c for s in sections for c in s["comments"])]:
        comment.flag_url = page.subpage_url(  # type: ignore[attr-defined]
            "flag", request, comment_id=comment.public_id.hex
        )
    report = page.report
    report_published = report is not None and report.published_at is not None
    documents = [_document(item) for item in page.documents.select_related("document")]
    index = _index_of(page)
    return {
        "status": str(status),
        "status_label": status.label,
        "is_open": is_open,
        "period": period_in_words(page),
        "opens_text": long_datetime(page.opens_at),
        "closes_text": long_datetime(page.closes_at),
        "report_due_text": long_date(page.report_due),
        "report_overdue": page.report_overdue,
        "sections": sections,
        "has_commentable": any(s["commentable"] for s in sections),
        "general_comments": general,
        "comments_published": sum(counts.values()),
        "comment_url": page.subpage_url("comment", request) if is_open else "",
        "documents": documents,
        "meetings": queries.meetings(page),
        "report_url": page.subpage_url("report", request) if report_published else "",
        "report": report if report_published else None,
        "ics_url": (page.get_url(request) or "")
        + page.reverse_subpage("ics", kwargs={"name": _ics_word(page, single=True)}),
        "json_url": reverse("consultation_json", kwargs={"pk": page.pk}),
        "index": index,
        "data_lang": data_language(),
    }


def _ics_word(page: Any, *, single: bool) -> str:
    polish = page.locale.language_code == "pl"
    if single:
        return "konsultacja" if polish else "consultation"
    return "konsultacje" if polish else "consultations"


# --- files at a page's address ---------------------------------------------------------------

# Wagtail serves only addresses that end in "/" and hold no dot, and its routable pages match
# a route with a "/" added: the page's ``….ics`` and ``….csv`` routes are never reached through
# its catch-all. This view, at ``FILE_PATTERN`` before the catch-all, finds the page by its
# path as Wagtail does, applies the page's privacy the way Wagtail's own serving does (the
# ``on_serve_page`` and ``before_serve_page`` hooks: a private page asks to sign in or for its
# password), then calls the page's route for the file.
FILE_PATTERN = (
    r"^(?P<path>(?:[\w\-]+/)+)"
    r"(?P<file>(?:konsultacje|consultations|konsultacja|consultation)\.ics|(?:raport|report)\.csv)$"
)


def page_file(request: HttpRequest, path: str, file: str) -> HttpResponse:
    from wagtail import hooks
    from wagtail.models import Page

    route = Page.route_for_request(request, path)
    if route is None:
        raise Http404
    page, args, kwargs = route

    def serve_file(page: Any, request: HttpRequest, *_args: Any) -> HttpResponse:
        stem, extension = file.rsplit(".", 1)
        if isinstance(page, ConsultationPage):
            if extension == "ics" and stem in ("konsultacja", "consultation"):
                return page.ics_route(request, name=stem)  # type: ignore[no-any-return]
            if extension == "csv":
                return page.report_csv_route(request, segment=stem)  # type: ignore[no-any-return]
        if isinstance(page, ConsultationIndexPage) and stem in ("konsultacje", "consultations"):
            return page.calendar(request, name=stem)  # type: ignore[no-any-return]
        raise Http404

    # Wagtail's own serving, with the file in place of the page (views.serve).
    chain: Any = serve_file
    for hook in reversed(hooks.get_hooks("on_serve_page")):
        chain = hook(chain)
    for hook in hooks.get_hooks("before_serve_page"):
        result = hook(page, request, args, kwargs)
        if isinstance(result, HttpResponse):
            return result
    return chain(page, request, args, kwargs)  # type: ignore[no-any-return]


# --- the list -------------------------------------------------------------------------------


def index(request: HttpRequest, page: ConsultationIndexPage) -> HttpResponse:
    now = timezone.now()
    listing = queries.listing(page, now)
    calendar = page.reverse_subpage("calendar", kwargs={"name": _ics_word(page, single=False)})
    response = page.render(
        request,
        context_overrides={"listing": listing, "ics_url": (page.url or "") + calendar},
    )
    # The list changes when a consultation opens or closes: no cache keeps it past that.
    moments = [
        moment
        for item in [*listing.open, *listing.upcoming]
        if (moment := item.next_change(now)) is not None
    ]
    valid_until(response, min(moments) if moments else None)
    return response


def index_ics(request: HttpRequest, page: ConsultationIndexPage) -> HttpResponse:
    items = queries.with_reports(queries.consultations(page.locale, page))
    body = ics.calendar(
        items,
        request,
        name=_("Biuletyn: consultations"),
        description=_("When comments on each consultation open and close."),
    )
    return HttpResponse(body, content_type=ICS_CONTENT_TYPE)


def consultation_ics(request: HttpRequest, page: ConsultationPage) -> HttpResponse:
    response = HttpResponse(ics.single(page, request), content_type=ICS_CONTENT_TYPE)
    response["Content-Disposition"] = content_disposition_header(True, f"{page.slug}.ics")
    return response


# --- the report -----------------------------------------------------------------------------


def _published_report(page: ConsultationPage) -> ConsultationReport:
    report = page.report
    if report is None or report.published_at is None:
        raise Http404(_("The report on this consultation is not published yet."))
    return report


def channel_text(comment: Comment) -> str:
    """How the comment came, as the report says it: "online form", or for one staff entered
    on someone's behalf, "entered by staff: by phone"."""
    if not comment.on_behalf:
        return str(Channel.ONLINE.label)
    return pgettext("comment channel in the report", "entered by staff: %(channel)s") % {
        "channel": comment.get_channel_display()
    }


def comment_text(comment: Comment) -> str:
    """The comment's text, or why it is not shown: the author did not agree to publish it, or
    readers reported it after the report and it waits for a moderator."""
    if comment.status == CommentStatus.NOT_PUBLIC:
        return _("The author did not agree to the publication of this comment's text.")
    if comment.status == CommentStatus.HIDDEN:
        return _("The text is hidden after readers reported it, until a moderator decides.")
    return comment.text


def section_name(page: ConsultationPage, key: str, snapshot: str = "") -> str:
    if not key:
        return pgettext("comment on the draft as a whole", "the whole draft")
    return page.section_heading(key) or snapshot or _("a section since removed")


def report_rows(page: ConsultationPage) -> list[dict[str, Any]]:
    """One row per comment in the report, in the order received."""
    rows = []
    for comment in queries.report_comments(page):
        rows.append(
            {
                "number": comment.number,  # type: ignore[attr-defined]
                "section": section_name(page, comment.section_key, comment.section_heading),
                "author": comment.public_author(),
                "channel": channel_text(comment),
                "on_behalf": comment.on_behalf,
                "text": comment_text(comment),
                "text_public": comment.status == CommentStatus.PUBLISHED,
                "language": comment.language,
                "answer": comment.get_answer_display() if comment.answer else "",
                "answer_key": comment.answer,
                "justification": comment.justification,
                "changed_section": (
                    section_name(page, comment.changed_section_key)
                    if comment.changed_section_key
                    else ""
                ),
                "section_key": comment.section_key,
                "channel_key": comment.channel,
            }
        )
    return rows


def report_context(page: ConsultationPage, rows: list[dict[str, Any]]) -> dict[str, Any]:
    report = _published_report(page)
    language = page.locale.language_code
    summary, summary_lang = report.summary_in(language)
    by_section: list[dict[str, Any]] = []
    keys = [("", section_name(page, ""))] + [
        (section["key"], section["heading"]) for section in page.section_list()
    ]
    known = {key for key, _heading in keys}
    for key, heading in keys:
        by_section.append(
            {"name": heading, "count": sum(1 for row in rows if row["section_key"] == key)}
        )
    removed = sum(1 for row in rows if row["section_key"] not in known)
    if removed:
        by_section.append({"name": _("sections since removed"), "count": removed})
    by_channel = [
        {"name": label, "count": sum(1 for row in rows if row["channel_key"] == value)}
        for value, label in Channel.choices
    ]
    by_answer = [
        {"name": label, "count": sum(1 for row in rows if row["answer_key"] == value)}
        for value, label in Answer.choices
    ]
    return {
        "report": report,
        "summary": summary,
        "summary_lang": summary_lang,
        "rows": rows,
        "by_section": by_section,
        "by_channel": [item for item in by_channel if item["count"]],
        "by_answer": [item for item in by_answer if item["count"]],
        "total": len(rows),
        "content_lang": content_language(page),
    }


def report(request: HttpRequest, page: ConsultationPage) -> HttpResponse:
    _published_report(page)
    context = page.get_context(request)
    context.update(report_context(page, report_rows(page)))
    context["csv_url"] = page.subpage_url("report_csv", request)
    context["language_route"] = ("report", {})
    return TemplateResponse(request, "consultations/report.html", context)


# Formula injection (CWE-1236): a spreadsheet runs a cell that starts with one of these.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: Any) -> str:
    """A cell a spreadsheet shows as text: one starting like a formula gets a leading
    apostrophe, which Excel and LibreOffice take as "text" and do not show."""
    text = "" if value is None else str(value)
    if text.startswith(FORMULA_STARTS):
        return "'" + text
    return text


def report_csv_text(page: ConsultationPage) -> str:
    """The report's rows as CSV text.

    Semicolons, not commas: Excel set to Polish reads a CSV with the list separator of the
    system's regional settings, which in Poland is the semicolon (the comma is the decimal
    separator there), so a comma-separated file would open as one column. The file starts with
    a byte order mark (added by the view), without which Excel reads UTF-8 as Windows-1250 and
    breaks Polish letters. Line ends are CRLF (RFC 4180)."""
    rows = report_rows(page)
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
    writer.writerow(
        [
            pgettext("export column", "No."),
            _("Section"),
            _("Author"),
            _("How it came"),
            _("Comment"),
            _("Answer"),
            _("Justification"),
            _("Section changed"),
        ]
    )
    for row in rows:
        writer.writerow(
            [
                safe_cell(value)
                for value in (
                    row["number"],
                    row["section"],
                    row["author"],
                    row["channel"],
                    row["text"],
                    row["answer"],
                    row["justification"],
                    row["changed_section"],
                )
            ]
        )
    return buffer.getvalue()


def report_csv(request: HttpRequest, page: ConsultationPage) -> HttpResponse:
    _published_report(page)
    with translation.override(page.locale.language_code):
        body = "\ufeff" + report_csv_text(page)
    response = HttpResponse(body.encode("utf-8"), content_type="text/csv; charset=utf-8")
    name = f"{page.slug}-{page.segment('report')}.csv"
    response["Content-Disposition"] = content_disposition_header(True, name)
    return response
