"""The organiser's side of consultations in the Wagtail admin (issue 11).

* The list (``IndexView``, the "Konsultacje" menu): each consultation's status, period, its
  comments by state (waiting for moderation, published, hidden after reports, unanswered) and
  whether its report is due or overdue; in one query, whatever the number of consultations.
  ``ReportsDuePanel`` puts the closed consultations whose report is due on the admin's
  dashboard.
* One consultation's comments (``CommentsView``), filtered by status, each with its text,
  section, channel and who entered it; a comment hidden after readers' reports shows their
  reasons and waits for a decision. ``PublishView`` and ``RejectView`` (a reason, "another
  reason" explained) decide: each a POST that calls one service and goes back with a message.
* ``OnBehalfView``: a comment received by phone, letter, e-mail, in PJM or at a meeting, entered
  by staff (``services.enter_on_behalf``; the staff member is recorded).
* ``ReportView``: the answers to the comments (``AnswerView`` saves one) and the report's texts;
  ``PublishReportView`` publishes it or lists what is still missing. Once the report is
  published its answers are read-only.

Who: every view needs ``MODERATE_PERMISSION`` (the comment model's change permission), which the
editorial groups get after every migrate (apps.ensure_editor_permissions).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db.models import Count, OuterRef, Q, QuerySet, Subquery
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext, pgettext_lazy
from django.views.generic import TemplateView
from wagtail.admin import messages
from wagtail.admin.ui.components import Component
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.models import Locale

from . import services
from .admin_forms import GENERAL, AnswerForm, OnBehalfForm, RejectForm, ReportForm, admin_time
from .enums import REPORTED_STATUSES, CommentStatus, ConsultationStatus
from .models import Comment, CommentFlag, ConsultationPage, ConsultationReport

NAMESPACE = "consultations_admin"
MODERATE_PERMISSION = "consultations.change_comment"


def url(name: str, *args: Any) -> str:
    return reverse(f"{NAMESPACE}:{name}", args=args)


def can_moderate(user: Any) -> bool:
    return bool(user.has_perm(MODERATE_PERMISSION))


def _require(request: HttpRequest) -> None:
    if not can_moderate(request.user):
        raise PermissionDenied


def _home() -> dict[str, Any]:
    return {"url": reverse("wagtailadmin_home"), "label": _("Home")}


def _index() -> dict[str, Any]:
    return {"url": url("index"), "label": pgettext("admin menu", "Consultations")}


# --- the list and the dashboard panel --------------------------------------------------------


def _count(*statuses: str, **extra: Any) -> Count:
    return Count("comments", filter=Q(comments__status__in=statuses, **extra), distinct=True)


def annotated_consultations(queryset: QuerySet[ConsultationPage]) -> QuerySet[ConsultationPage]:
    """Consultations with their comments' figures and their report's publication, in one query
    (comments and the report hang on the Polish version: pass those)."""
    reports = ConsultationReport.objects.filter(consultation_key=OuterRef("translation_key"))
    return queryset.annotate(
        pending_count=_count(CommentStatus.PENDING),
        published_count=_count(CommentStatus.PUBLISHED),
        hidden_count=_count(CommentStatus.HIDDEN),
        unanswered_count=_count(*REPORTED_STATUSES, comments__answer=""),
        report_published_at=Subquery(reports.values("published_at")[:1]),
    )


def source_consultations() -> QuerySet[ConsultationPage]:
    """Every consultation once: its version in the default language."""
    return ConsultationPage.objects.filter(locale=Locale.get_default())


STATUS_LABELS = {
    ConsultationStatus.UPCOMING: gettext_lazy("not open yet"),
    ConsultationStatus.OPEN: gettext_lazy("open for comments"),
    ConsultationStatus.CLOSED: gettext_lazy("closed: comments are being answered"),
    ConsultationStatus.REPORT_PUBLISHED: gettext_lazy("report published"),
}


@dataclass(frozen=True)
class Row:
    """One consultation as the admin lists it."""

    page: ConsultationPage
    status: str
    status_label: str
    pending: int
    published: int
    hidden: int
    unanswered: int
    report_published_at: dt.datetime | None
    report_due: dt.date | None
    # The report is due: closed, without a published report.
    is_due: bool
    is_overdue: bool


def row(page: Any, now: dt.datetime, today: dt.date) -> Row:
    """A consultation from ``annotated_consultations``; its status from the same clock rule as
    ``ConsultationPage.status_at``, read from the annotation instead of a query per page."""
    published_at = page.report_published_at
    if published_at is not None:
        status = ConsultationStatus.REPORT_PUBLISHED
    elif now < page.opens_at:
        status = ConsultationStatus.UPCOMING
    elif now < page.closes_at:
        status = ConsultationStatus.OPEN
    else:
        status = ConsultationStatus.CLOSED
    is_due = status == ConsultationStatus.CLOSED
    return Row(
        page=page,
        status=status,
        status_label=str(STATUS_LABELS[status]),
        pending=page.pending_count,
        published=page.published_count,
        hidden=page.hidden_count,
        unanswered=page.unanswered_count,
        report_published_at=published_at,
        report_due=page.report_due,
        is_due=is_due,
        is_overdue=is_due and page.report_due is not None and today > page.report_due,
    )


def rows(queryset: QuerySet[ConsultationPage], now: dt.datetime | None = None) -> list[Row]:
    now = now or timezone.now()
    today = timezone.localdate(now)
    return [row(page, now, today) for page in annotated_consultations(queryset)]


def reports_due(now: dt.datetime | None = None) -> list[Row]:
    """Closed consultations without a published report: the overdue first, then by due date."""
    now = now or timezone.now()
    closed = source_consultations().filter(closes_at__lte=now).order_by("closes_at", "pk")
    due = [item for item in rows(closed, now) if item.is_due]
    return sorted(
        due,
        key=lambda item: (not item.is_overdue, item.report_due or dt.date.max, item.page.pk),
    )


class ReportsDuePanel(Component):
    """On the admin's dashboard: the consultations whose report is due."""

    name = "consultation_reports_due"
    template_name = "consultations/admin/reports_due_panel.html"
    order = 140

    class Media:
        css = {"all": ("consultations/admin.css",)}

    def __init__(self, request: HttpRequest) -> None:
        self.request = request

    def get_context_data(self, parent_context: Any = None) -> dict[str, Any]:
        shown = can_moderate(self.request.user)
        return {"due": reports_due() if shown else [], "shown": shown}


class ConsultationsMixin(WagtailAdminTemplateMixin):
    request: HttpRequest

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        _require(request)
        return super().dispatch(request, *args, **kwargs)  # type: ignore[misc]


class IndexView(ConsultationsMixin, TemplateView):
    template_name = "consultations/admin/index.html"
    header_icon = "comment"

    def get_page_title(self) -> str:
        return pgettext("admin menu", "Consultations")

    def get_breadcrumbs_items(self) -> list[dict[str, Any]]:
        return [_home(), {"url": "", "label": self.get_page_title()}]

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        queryset = source_consultations().order_by("-opens_at", "-pk")
        context["rows"] = rows(queryset)
        return context


# --- one consultation ------------------------------------------------------------------------

FILTERS = {
    "pending": (CommentStatus.PENDING,),
    "hidden": (CommentStatus.HIDDEN,),
    "published": (CommentStatus.PUBLISHED,),
    "not_public": (CommentStatus.NOT_PUBLIC,),
    "rejected": (CommentStatus.REJECTED,),
    "all": (
        CommentStatus.PENDING,
        CommentStatus.HIDDEN,
        CommentStatus.PUBLISHED,
        CommentStatus.NOT_PUBLIC,
        CommentStatus.REJECTED,
    ),
}
FILTER_LABELS = {
    "pending": pgettext_lazy("comment filter", "Waiting for moderation"),
    "hidden": pgettext_lazy("comment filter", "Hidden after reports"),
    "published": pgettext_lazy("comment filter", "Published"),
    "not_public": pgettext_lazy("comment filter", "Kept without publishing (no consent)"),
    "rejected": pgettext_lazy("comment filter", "Rejected"),
    "all": pgettext_lazy("comment filter", "All"),
}
DEFAULT_FILTER = "pending"


class ConsultationMixin(ConsultationsMixin):
    """A view of one consultation: its Polish version, where comments and the report hang."""

    kwargs: dict[str, Any]
    page: ConsultationPage
    comment: Comment

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        _require(request)
        self.page = get_object_or_404(ConsultationPage, pk=kwargs["pk"]).source
        if "comment" in kwargs:
            self.comment = comment_of(self.page, kwargs["comment"])
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self) -> str:
        return str(self.page.title)

    def crumbs(self, *labels: str) -> list[dict[str, Any]]:
        items = [
            _home(),
            _index(),
            {"url": url("comments", self.page.pk), "label": self.page.title},
        ]
        if not labels:
            items[-1]["url"] = ""
        return [*items, *({"url": "", "label": label} for label in labels)]

    def get_breadcrumbs_items(self) -> list[dict[str, Any]]:
        return self.crumbs()

    def page_context(self) -> dict[str, Any]:
        page = self.page
        now = timezone.now()
        report = page.report
        return {
            "page": page,
            "now": now,
            "status": page.status_at(now),
            "status_label": STATUS_LABELS[page.status_at(now)],
            "report": report,
            "report_published": report is not None and report.published_at is not None,
            "sections": {item["key"]: item["heading"] for item in page.section_list()},
        }


def comment_of(page: ConsultationPage, pk: int) -> Comment:
    return get_object_or_404(
        Comment.objects.select_related("entered_by"),
        pk=pk,
        consultation_key=page.translation_key,
    )


def describe(comments: list[Comment], page: ConsultationPage) -> None:
    """Give each comment what the admin shows: its section's heading now (or as it was sent)
    and its readers' open reports."""
    headings = {item["key"]: item["heading"] for item in page.section_list()}
    flags: dict[int, list[CommentFlag]] = {}
    hidden = [comment.pk for comment in comments if comment.status == CommentStatus.HIDDEN]
    if hidden:
        for item in CommentFlag.objects.filter(
            comment_id__in=hidden, resolved_at__isnull=True
        ).order_by("created_at", "pk"):
            flags.setdefault(item.comment_id, []).append(item)
    for comment in comments:
        if comment.section_key:
            heading = headings.get(comment.section_key) or comment.section_heading
        else:
            heading = _("the draft as a whole (general comment)")
        comment.section_label = heading  # type: ignore[attr-defined]
        comment.open_reports = flags.get(comment.pk, [])  # type: ignore[attr-defined]
        comment.changed_label = (  # type: ignore[attr-defined]
            headings.get(comment.changed_section_key, "") if comment.changed_section_key else ""
        )


class CommentsView(ConsultationMixin, TemplateView):
    """The consultation's comments by status, with their moderation."""

    template_name = "consultations/admin/comments.html"
    header_icon = "comment"

    def get_page_title(self) -> str:
        return _("Comments: %(title)s") % {"title": self.page.title}

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        chosen = self.request.GET.get("status", DEFAULT_FILTER)
        if chosen not in FILTERS:
            chosen = DEFAULT_FILTER
        counts = services.status_counts(self.page)
        filters = [
            {
                "key": key,
                "label": FILTER_LABELS[key],
                "count": sum(counts[status] for status in statuses),
                "url": url("comments", self.page.pk) + f"?status={key}",
                "current": key == chosen,
            }
            for key, statuses in FILTERS.items()
        ]
        comments = list(
            Comment.objects.for_consultation(self.page)
            .filter(status__in=FILTERS[chosen])
            .select_related("entered_by", "moderated_by")
            .order_by("received_at", "pk")
        )
        describe(comments, self.page)
        for comment in comments:
            comment.reject_form = RejectForm(prefix=f"reject-{comment.pk}")  # type: ignore[attr-defined]
        context.update(
            self.page_context(),
            filters=filters,
            chosen=chosen,
            chosen_label=FILTER_LABELS[chosen],
            comments=comments,
            unconfirmed=counts[CommentStatus.UNCONFIRMED],
            reports_to_hide=settings.CONSULTATION_REPORTS_TO_HIDE,
        )
        return context


def back_to_comments(page: ConsultationPage, request: HttpRequest) -> HttpResponse:
    chosen = request.POST.get("back", "") or request.GET.get("status", "")
    if chosen not in FILTERS:
        chosen = DEFAULT_FILTER
    return redirect(url("comments", page.pk) + f"?status={chosen}#comments")


class PublishView(ConsultationMixin, TemplateView):
    http_method_names = ["post"]

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        try:
            comment = services.publish(comment=self.comment, moderator=request.user)
        except services.ConsultationError as error:
            messages.error(request, error.message)
            return back_to_comments(self.page, request)
        if comment.status == CommentStatus.NOT_PUBLIC:
            text = _(
                "Comment no. %(number)s is accepted for the report. Its text is not shown on "
                "the page: the person did not agree to it."
            )
        else:
            text = _("Comment no. %(number)s is published.")
        messages.success(request, text % {"number": comment.pk})
        return back_to_comments(self.page, request)


class RejectView(ConsultationMixin, TemplateView):
    """The reason for rejecting a comment. The comments page's forms post here; on an error
    this page shows the one form again with what was typed."""

    template_name = "consultations/admin/reject.html"

    def get_page_title(self) -> str:
        return _("Reject comment no. %(number)s") % {"number": self.comment.pk}

    def get_breadcrumbs_items(self) -> list[dict[str, Any]]:
        return self.crumbs(self.get_page_title())

    def render(self, form: RejectForm) -> HttpResponse:
        describe([self.comment], self.page)
        context = self.get_context_data(
            **self.page_context(),
            form=form,
            comment=self.comment,
            back=self.request.POST.get("back", "") or self.request.GET.get("status", ""),
        )
        return self.render_to_response(context)

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        return self.render(RejectForm(prefix=f"reject-{self.comment.pk}"))

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        form = RejectForm(request.POST, prefix=f"reject-{self.comment.pk}")
        if not form.is_valid():
            return self.render(form)
        try:
            comment = services.reject(
                comment=self.comment,
                moderator=request.user,
                reason=form.cleaned_data["reason"],
                note=form.cleaned_data["note"],
            )
        except services.ConsultationError as error:
            if error.code == "note":
                form.add_error("note", error.message)
            elif error.code == "reason":
                form.add_error("reason", error.message)
            else:
                messages.error(request, error.message)
                return back_to_comments(self.page, request)
            return self.render(form)
        messages.success(
            request,
            _(
                "Comment no. %(number)s is rejected. The author is told why, if they left an "
                "address."
            )
            % {"number": comment.pk},
        )
        return back_to_comments(self.page, request)


ERROR_FIELDS = {
    "channel": "channel",
    "empty": "text",
    "future": "received_at",
    "not_yet": "received_at",
    "closed": "received_at",
    "section": "section",
}


class OnBehalfView(ConsultationMixin, TemplateView):
    """A comment someone gave by phone, letter, e-mail, in PJM or at a meeting."""

    template_name = "consultations/admin/on_behalf.html"

    def get_page_title(self) -> str:
        return _("Enter a comment on someone’s behalf")

    def get_page_subtitle(self) -> str:
        return str(self.page.title)

    def get_breadcrumbs_items(self) -> list[dict[str, Any]]:
        return self.crumbs(self.get_page_title())

    def render(self, form: OnBehalfForm) -> HttpResponse:
        context = self.get_context_data(
            **self.page_context(),
            form=form,
            opens=admin_time(self.page.opens_at),
            closes=admin_time(self.page.closes_at),
        )
        return self.render_to_response(context)

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        initial = {"section": GENERAL}
        now = timezone.now()
        if self.page.is_open_at(now):
            initial["received_at"] = admin_time(now)
        return self.render(OnBehalfForm(page=self.page, initial=initial))

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        form = OnBehalfForm(request.POST, page=self.page)
        if not form.is_valid():
            return self.render(form)
        data = form.cleaned_data
        try:
            comment = services.enter_on_behalf(
                page=self.page,
                staff=request.user,
                channel=data["channel"],
                received_at=data["received_at"],
                text=data["text"],
                consent_to_publish=form.consent_to_publish,
                section_key=form.section_key,
                author_name=data["author_name"],
                organisation=data["organisation"],
                email=data["email"],
            )
        except services.ConsultationError as error:
            # The period or the sections changed after the form was checked: said at its field.
            form.add_error(ERROR_FIELDS.get(error.code), error.message)
            return self.render(form)
        messages.success(
            request,
            _("Comment no. %(number)s is saved. It waits for moderation like any other.")
            % {"number": comment.pk},
        )
        return redirect(url("comments", self.page.pk) + f"?status=pending#comment-{comment.pk}")


# --- the answers and the report --------------------------------------------------------------


def answer_form(comment: Comment, page: ConsultationPage, data: Any = None) -> AnswerForm:
    initial = {
        "answer": comment.answer,
        "justification": comment.justification,
        "changed_section": comment.changed_section_key,
    }
    return AnswerForm(data, page=page, prefix=f"answer-{comment.pk}", initial=initial)


def report_form(report: ConsultationReport | None, data: Any = None) -> ReportForm:
    initial = {}
    if report is not None:
        initial = {
            "summary": report.summary,
            "summary_en": report.summary_en,
            "easy_read_url": report.easy_read_url,
            "sign_language_url": report.sign_language_url,
        }
    return ReportForm(data, prefix="report", initial=initial)


class ReportView(ConsultationMixin, TemplateView):
    """The answers to every comment in the report, the report's texts, and publishing it."""

    template_name = "consultations/admin/report.html"
    header_icon = "doc-full"

    def get_page_title(self) -> str:
        return _("Answers and report: %(title)s") % {"title": self.page.title}

    def get_breadcrumbs_items(self) -> list[dict[str, Any]]:
        # A short last crumb: Wagtail's slim header keeps it on one line, even at 320 px.
        return self.crumbs(pgettext("consultation", "Report"))

    def render(
        self, *, form: ReportForm | None = None, problems: list[str] | None = None
    ) -> HttpResponse:
        context = self.page_context()
        page = self.page
        comments = list(
            Comment.objects.for_consultation(page)
            .in_report()
            .select_related("entered_by")
            .order_by("received_at", "pk")
        )
        describe(comments, page)
        if not context["report_published"]:
            for comment in comments:
                comment.answer_form = answer_form(comment, page)  # type: ignore[attr-defined]
        context.update(
            comments=comments,
            answered=sum(1 for comment in comments if comment.answer),
            form=form or report_form(context["report"]),
            failed_problems=problems or [],
            problems=problems if problems is not None else services.report_problems(page),
            public_report_url=(
                page.subpage_url("report", self.request)
                if context["report_published"] and page.live
                else ""
            ),
        )
        return self.render_to_response(self.get_context_data(**context))

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        return self.render()

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        form = report_form(self.page.report, request.POST)
        if not form.is_valid():
            return self.render(form=form)
        services.save_report(page=self.page, **form.cleaned_data)
        messages.success(request, _("The report’s texts are saved."))
        return redirect(url("report", self.page.pk) + "#report-texts")


class PublishReportView(ReportView):
    http_method_names = ["post"]

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        try:
            services.publish_report(page=self.page, staff=request.user)
        except services.ReportNotReady as error:
            return self.render(problems=error.problems)
        messages.success(
            request,
            _("The report is published. The people who left an address are told about it."),
        )
        return redirect(url("report", self.page.pk))


class AnswerView(ConsultationMixin, TemplateView):
    """The answer to one comment. The report page's forms post here; on an error this page
    shows the one form again with what was typed."""

    template_name = "consultations/admin/answer.html"

    def get_page_title(self) -> str:
        return _("Answer to comment no. %(number)s") % {"number": self.comment.pk}

    def get_breadcrumbs_items(self) -> list[dict[str, Any]]:
        items = self.crumbs(pgettext("consultation", "Report"), self.get_page_title())
        items[-2]["url"] = url("report", self.page.pk)
        return items

    def render(self, form: AnswerForm | None) -> HttpResponse:
        describe([self.comment], self.page)
        context = self.get_context_data(**self.page_context(), form=form, comment=self.comment)
        return self.render_to_response(context)

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        report = self.page.report
        if report is not None and report.published_at is not None:
            return self.render(None)
        return self.render(answer_form(self.comment, self.page))

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        form = answer_form(self.comment, self.page, request.POST)
        if not form.is_valid():
            return self.render(form)
        data = form.cleaned_data
        try:
            comment = services.answer(
                comment=self.comment,
                staff=request.user,
                answer=data["answer"],
                justification=data["justification"],
                changed_section_key=data["changed_section"] or "",
            )
        except services.ConsultationError as error:
            if error.code == "published":
                messages.error(request, error.message)
                return redirect(url("report", self.page.pk))
            field = {"answer": "answer", "justification": "justification"}.get(
                error.code, "changed_section" if error.code == "section" else None
            )
            form.add_error(field, error.message)
            return self.render(form)
        messages.success(
            request, _("The answer to comment no. %(number)s is saved.") % {"number": comment.pk}
        )
        return redirect(url("report", self.page.pk) + f"#comment-{comment.pk}")
