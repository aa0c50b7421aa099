"""Public consultations (issue 11, ADR 0012).

* ``ConsultationIndexPage``: the list of consultations, open now, upcoming and closed.
* ``ConsultationPage``: one consultation: the period (two instants, Warsaw time in the admin),
  its documents with their accessible alternatives, the draft's commentable sections (a
  StreamField: each section block's id is the stable key comments point at, kept across
  language versions and revisions), organiser and contact, linked meetings, ETR and PJM links.
  Its status comes from the clock and the report, never from a flag (``status_at``).
* ``ConsultationReport``: the organiser's report, one per consultation across its languages
  (keyed on the page's ``translation_key``, as registration setups are). A plain model, not a
  page field, so publishing an older revision of the page never unpublishes a report.
* ``Comment``: one comment, online or entered by staff on someone's behalf; moderated, reported
  by readers, answered in the report. The e-mail address is erased
  ``CONSULTATION_CONTACT_DAYS`` after the report; the name and organisation stay, as the
  author the report names (given to be published; ADR 0012).
* ``CommentFlag``: one reader's report of a published comment.

``__str__`` of comments never shows personal data: Wagtail's audit log keeps it as the label.
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.http import HttpRequest, HttpResponse, HttpResponsePermanentRedirect
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from modelcluster.fields import ParentalKey
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path
from wagtail.documents import get_document_model_string
from wagtail.fields import StreamField
from wagtail.models import Locale, Orderable, Page

from biuletyn.articles.forms import PageInOneLanguageForm
from biuletyn.core.pagecache import valid_until
from biuletyn.core.visibility import InheritedPrivacyMixin
from biuletyn.pages.blocks import body_blocks

from .enums import (
    Answer,
    Channel,
    CommentStatus,
    ConsultationStatus,
    RejectReason,
    ReportReason,
)

if TYPE_CHECKING:
    from django.db.models import QuerySet


class ConsultationIndexPage(RoutablePageMixin, InheritedPrivacyMixin, Page):
    """The consultations: open now, upcoming and closed, each with its dates."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["pages.HomePage"]
    subpage_types = ["consultations.ConsultationPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("list of consultations")
        verbose_name_plural = _("lists of consultations")

    @path("")
    def listing(self, request: HttpRequest) -> HttpResponse:
        from . import public_views

        return public_views.index(request, self)

    @re_path(r"^(?P<name>konsultacje|consultations)\.ics$", name="calendar")
    def calendar(self, request: HttpRequest, name: str) -> HttpResponse:
        from . import public_views

        return public_views.index_ics(request, self)


class SectionBlock(blocks.StructBlock):
    """One part of the draft readers comment on; its block id is the comments' key."""

    heading = blocks.CharBlock(
        label=_("heading"),
        max_length=200,
        help_text=_("E.g. “§ 3. Priority tasks”. Readers see it on the comment link."),
    )
    text = blocks.RichTextBlock(
        label=_("text of the section"),
        features=["bold", "italic", "ol", "ul", "link"],
    )
    commentable = blocks.BooleanBlock(
        label=_("readers can comment on this section"), required=False, default=True
    )

    class Meta:
        icon = "comment"
        label = _("section of the draft")


class ConsultationPage(RoutablePageMixin, InheritedPrivacyMixin, Page):
    base_form_class = PageInOneLanguageForm

    subject = models.CharField(
        _("what is consulted"),
        max_length=300,
        help_text=_(
            "The document or decision in one line, e.g. “the 2025 programme of cooperation "
            "with non-governmental organisations”."
        ),
    )
    lead = models.TextField(
        _("lead"),
        help_text=_("Two or three sentences: what is decided, whom it concerns, how to take part."),
    )
    body = StreamField(body_blocks(), verbose_name=_("body"), blank=True)
    opens_at = models.DateTimeField(
        _("comments open"), help_text=_("Time in Poland, e.g. 10 June, 0:00.")
    )
    closes_at = models.DateTimeField(
        _("comments close"),
        help_text=_(
            "Time in Poland. A comment sent at this minute or later is refused, e.g. "
            "8 September, 23:59 to take comments through that day."
        ),
    )
    report_due = models.DateField(
        _("report due by"),
        null=True,
        blank=True,
        help_text=_("The day the report on the comments is promised by. Readers see it."),
    )
    sections = StreamField(
        [("section", SectionBlock())],
        verbose_name=_("sections of the draft"),
        blank=True,
        help_text=_(
            "Each section gets its own “comment on this section” link. Leave empty to take "
            "comments on the draft as a whole."
        ),
    )
    organiser = models.ForeignKey(
        "organisations.Organisation",
        verbose_name=_("organiser"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    contact = models.ForeignKey(
        "organisations.Organisation",
        verbose_name=_("contact"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Who readers ask about the consultation and to whom they can send comments."),
    )
    other_ways = models.TextField(
        _("other ways to comment"),
        blank=True,
        help_text=_(
            "By post, by e-mail, by phone, in PJM, at a meeting: where and how. Staff enter "
            "these comments in the admin."
        ),
    )
    easy_read_url = models.URLField(
        _("easy-to-read (ETR) version of the draft"), blank=True, help_text=_("Its address.")
    )
    sign_language_url = models.URLField(
        _("PJM video of the draft"), blank=True, help_text=_("Its address.")
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("subject"),
        FieldPanel("lead"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("opens_at"), FieldPanel("closes_at")]),
                FieldPanel("report_due"),
            ],
            heading=_("When (time in Poland)"),
        ),
        FieldPanel("body"),
        InlinePanel("documents", heading=_("Documents"), label=_("document")),
        FieldPanel("sections"),
        MultiFieldPanel(
            [FieldPanel("organiser"), FieldPanel("contact"), FieldPanel("other_ways")],
            heading=_("Who"),
        ),
        InlinePanel("meetings", heading=_("Meetings"), label=_("meeting")),
        MultiFieldPanel(
            [FieldPanel("easy_read_url"), FieldPanel("sign_language_url")],
            heading=_("Easy-to-read and PJM versions"),
        ),
    ]
    parent_page_types = ["consultations.ConsultationIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("consultation")
        verbose_name_plural = _("consultations")

    def clean(self) -> None:
        super().clean()
        if self.opens_at and self.closes_at and self.closes_at <= self.opens_at:
            raise ValidationError(
                {"closes_at": _("Comments must close after they open.")}, code="order"
            )
        if self.report_due and self.closes_at:
            closing_day = timezone.localtime(self.closes_at).date()
            if self.report_due < closing_day:
                raise ValidationError(
                    {"report_due": _("The report cannot be due before comments close.")},
                    code="order",
                )

    # --- the clock ----------------------------------------------------------------------------

    @cached_property
    def report(self) -> ConsultationReport | None:
        """The published or draft report of this consultation (one for all languages)."""
        return ConsultationReport.objects.filter(consultation_key=self.translation_key).first()

    def status_at(self, now: dt.datetime) -> ConsultationStatus:
        report = self.report
        if report is not None and report.published_at is not None:
            return ConsultationStatus.REPORT_PUBLISHED
        if now < self.opens_at:
            return ConsultationStatus.UPCOMING
        if now < self.closes_at:
            return ConsultationStatus.OPEN
        return ConsultationStatus.CLOSED

    @property
    def status(self) -> ConsultationStatus:
        return self.status_at(timezone.now())

    def is_open_at(self, now: dt.datetime) -> bool:
        return self.opens_at <= now < self.closes_at

    def next_change(self, now: dt.datetime) -> dt.datetime | None:
        """The next moment the status changes by the clock alone: how long a cached page lives."""
        future = [moment for moment in (self.opens_at, self.closes_at) if moment > now]
        return min(future) if future else None

    @property
    def report_overdue(self) -> bool:
        report = self.report
        return (
            self.report_due is not None
            and (report is None or report.published_at is None)
            and timezone.localdate() > self.report_due
        )

    # --- the draft's sections -----------------------------------------------------------------

    def section_list(self) -> list[dict[str, Any]]:
        """The sections as ``{"key", "heading", "text", "commentable"}``, in order."""
        return [
            {
                "key": str(block.id),
                "heading": block.value["heading"],
                "text": block.value["text"],
                "commentable": bool(block.value["commentable"]),
            }
            for block in self.sections
            if block.block_type == "section"
        ]

    def section_heading(self, key: str) -> str | None:
        """The heading of the section with this key in this language version, or None."""
        for section in self.section_list():
            if section["key"] == key:
                return str(section["heading"])
        return None

    def commentable_keys(self) -> list[str]:
        return [section["key"] for section in self.section_list() if section["commentable"]]

    @property
    def source(self) -> ConsultationPage:
        """The version in the site's default language: comments and the report hang on it."""
        source = self.get_translation_or_none(Locale.get_default())
        return source.specific if source is not None else self

    # --- routes: the comment form and the reader's report of a comment are their own,
    # uncached pages; the report is a page of the consultation, so its privacy applies. -----

    SEGMENTS: dict[str, dict[str, str]] = {
        "comment": {"pl": "uwagi", "en": "comment"},
        "sent": {"pl": "wyslano", "en": "sent"},
        "flag": {"pl": "zglos", "en": "flag"},
        "report": {"pl": "raport", "en": "report"},
    }

    def segment(self, route: str) -> str:
        words = self.SEGMENTS[route]
        return words.get(self.locale.language_code, words["pl"])

    def reverse_subpage(
        self, name: str, args: Any = None, kwargs: dict[str, Any] | None = None
    ) -> str:
        kwargs = dict(kwargs or {})
        if name in ("comment", "comment_section", "comment_sent"):
            kwargs["segment"] = self.segment("comment")
        if name == "comment_sent":
            kwargs["sent"] = self.segment("sent")
        if name == "flag":
            kwargs["segment"] = self.segment("flag")
        if name in ("report", "report_csv"):
            kwargs["segment"] = self.segment("report")
        return str(super().reverse_subpage(name, args=args, kwargs=kwargs))

    def subpage_url(self, name: str, request: HttpRequest | None = None, **kwargs: Any) -> str:
        return (self.get_url(request) or "") + self.reverse_subpage(name, kwargs=kwargs)

    def _other_language(
        self, request: HttpRequest, route: str, words: dict[str, str], **kwargs: Any
    ) -> HttpResponse | None:
        """A permanent redirect when a segment is another language's word for its route."""
        if all(word == self.segment(key) for key, word in words.items()):
            return None
        url = self.subpage_url(route, request, **kwargs)
        query = request.META.get("QUERY_STRING", "")
        return HttpResponsePermanentRedirect(f"{url}?{query}" if query else url)

    @path("")
    def index_route(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        response = super().index_route(request, *args, **kwargs)
        # The status follows the clock: a cached page never outlives the opening or closing.
        valid_until(response, self.next_change(timezone.now()))
        return response  # type: ignore[no-any-return]

    @re_path(r"^(?P<segment>uwagi|comment)/$", name="comment")
    def comment_route(self, request: HttpRequest, segment: str) -> HttpResponse:
        from . import views

        if redirect := self._other_language(request, "comment", {"comment": segment}):
            return redirect
        return views.comment(request, self, section_key=None)

    @re_path(
        r"^(?P<segment>uwagi|comment)/(?P<key>[0-9a-f-]{36})/$",
        name="comment_section",
    )
    def comment_section_route(self, request: HttpRequest, segment: str, key: str) -> HttpResponse:
        from . import views

        if redirect := self._other_language(
            request, "comment_section", {"comment": segment}, key=key
        ):
            return redirect
        return views.comment(request, self, section_key=key)

    @re_path(r"^(?P<segment>uwagi|comment)/(?P<sent>wyslano|sent)/$", name="comment_sent")
    def comment_sent_route(self, request: HttpRequest, segment: str, sent: str) -> HttpResponse:
        from . import views

        if redirect := self._other_language(
            request, "comment_sent", {"comment": segment, "sent": sent}
        ):
            return redirect
        return views.sent(request, self)

    @re_path(r"^(?P<segment>zglos|flag)/(?P<comment_id>[0-9a-f]{32})/$", name="flag")
    def flag_route(self, request: HttpRequest, segment: str, comment_id: str) -> HttpResponse:
        from . import views

        if redirect := self._other_language(
            request, "flag", {"flag": segment}, comment_id=comment_id
        ):
            return redirect
        return views.flag(request, self, comment_id=comment_id)

    @re_path(r"^(?P<segment>raport|report)/$", name="report")
    def report_route(self, request: HttpRequest, segment: str) -> HttpResponse:
        from . import public_views

        if redirect := self._other_language(request, "report", {"report": segment}):
            return redirect
        return public_views.report(request, self)

    @re_path(r"^(?P<segment>raport|report)\.csv$", name="report_csv")
    def report_csv_route(self, request: HttpRequest, segment: str) -> HttpResponse:
        from . import public_views

        if redirect := self._other_language(request, "report_csv", {"report": segment}):
            return redirect
        return public_views.report_csv(request, self)

    @re_path(r"^(?P<name>konsultacja|consultation)\.ics$", name="ics")
    def ics_route(self, request: HttpRequest, name: str) -> HttpResponse:
        from . import public_views

        return public_views.consultation_ics(request, self)

    def get_context(self, request: HttpRequest, *args: Any, **kwargs: Any) -> dict[str, Any]:
        from . import public_views

        context = super().get_context(request, *args, **kwargs)
        context.update(public_views.page_context(request, self))
        return context


class ConsultationDocument(Orderable):
    """A document of the consultation, with its accessible alternative where one exists."""

    class AlternativeKind(models.TextChoices):
        HTML = "html", _("an accessible web page (HTML)")
        EASY_READ = "easy_read", _("an easy-to-read (ETR) version")
        TAGGED_PDF = "tagged_pdf", _("an accessible (tagged) PDF")

    page = ParentalKey(ConsultationPage, on_delete=models.CASCADE, related_name="documents")
    document = models.ForeignKey(
        get_document_model_string(),
        verbose_name=_("document"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    title = models.CharField(
        _("title"),
        max_length=255,
        blank=True,
        help_text=_("Leave empty to use the document's own title."),
    )
    alternative_url = models.URLField(
        _("address of the accessible alternative"),
        blank=True,
        help_text=_("The same content as a web page or in easy-to-read text, if there is one."),
    )
    alternative_document = models.ForeignKey(
        get_document_model_string(),
        verbose_name=_("or the alternative as a document"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    alternative_kind = models.CharField(
        _("what the alternative is"),
        max_length=10,
        choices=AlternativeKind.choices,
        blank=True,
    )

    panels = [
        FieldPanel("document"),
        FieldPanel("title"),
        FieldPanel("alternative_kind"),
        FieldPanel("alternative_url"),
        FieldPanel("alternative_document"),
    ]

    def clean(self) -> None:
        super().clean()
        has_alternative = bool(self.alternative_url or self.alternative_document_id)
        if has_alternative and not self.alternative_kind:
            raise ValidationError(
                {"alternative_kind": _("Say what the alternative is.")}, code="required"
            )
        if self.alternative_kind and not has_alternative:
            raise ValidationError(
                {"alternative_url": _("Give the alternative's address or choose its document.")},
                code="required",
            )
        if self.alternative_url and self.alternative_document_id:
            raise ValidationError(
                {"alternative_document": _("Give either an address or a document, not both.")},
                code="both",
            )

    @property
    def label(self) -> str:
        return self.title or self.document.title


class ConsultationMeeting(Orderable):
    """A meeting (an event in the calendar) where the consultation is discussed."""

    page = ParentalKey(ConsultationPage, on_delete=models.CASCADE, related_name="meetings")
    event = models.ForeignKey(
        "events.EventPage", verbose_name=_("event"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [FieldPanel("event")]


class ConsultationReport(models.Model):
    """The organiser's report on the comments: one per consultation, in all its languages."""

    consultation = models.ForeignKey(
        ConsultationPage,
        verbose_name=_("consultation"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    consultation_key = models.UUIDField(unique=True, editable=False)
    summary = models.TextField(
        _("summary"),
        blank=True,
        help_text=_("What the comments changed in the draft, in a few sentences."),
    )
    summary_en = models.TextField(
        _("summary in English"),
        blank=True,
        help_text=_("Leave empty to show the Polish summary on the English page."),
    )
    easy_read_url = models.URLField(_("easy-to-read (ETR) version of the report"), blank=True)
    sign_language_url = models.URLField(_("PJM video of the report"), blank=True)
    published_at = models.DateTimeField(_("published"), null=True, blank=True, editable=False)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )
    # When the commenters' contact data was erased (CONSULTATION_CONTACT_DAYS after publishing).
    contacts_erased_at = models.DateTimeField(null=True, blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("consultation report")
        verbose_name_plural = _("consultation reports")

    def __str__(self) -> str:
        return str(self.consultation.title)

    def save(self, *args: Any, **kwargs: Any) -> None:
        self.consultation = self.consultation.source
        self.consultation_key = self.consultation.translation_key
        super().save(*args, **kwargs)

    def summary_in(self, language: str) -> tuple[str, str]:
        """The summary for a page in ``language`` and the language it is written in."""
        if language == "en" and self.summary_en:
            return self.summary_en, "en"
        return self.summary, "pl"


class CommentQuerySet(models.QuerySet["Comment"]):
    def for_consultation(self, page: ConsultationPage) -> CommentQuerySet:
        return self.filter(consultation_key=page.translation_key)

    def published(self) -> CommentQuerySet:
        return self.filter(status=CommentStatus.PUBLISHED)

    def in_report(self) -> CommentQuerySet:
        from .enums import REPORTED_STATUSES

        return self.filter(status__in=REPORTED_STATUSES)


class Comment(models.Model):
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    consultation = models.ForeignKey(
        ConsultationPage,
        verbose_name=_("consultation"),
        on_delete=models.CASCADE,
        related_name="comments",
    )
    # The consultation's translation_key: comments on any language version are one list.
    consultation_key = models.UUIDField(editable=False, db_index=True)
    # The id of the section block commented on; empty for a general comment.
    section_key = models.CharField(_("section"), max_length=36, blank=True)
    # The section's heading when the comment was sent, for a section edited away later.
    section_heading = models.CharField(max_length=200, blank=True)
    language = models.CharField(max_length=8, default="pl")
    text = models.TextField(_("comment"))
    author_name = models.CharField(_("name"), max_length=200, blank=True)
    organisation = models.CharField(_("organisation"), max_length=300, blank=True)
    email = models.EmailField(_("e-mail address"), blank=True)
    channel = models.CharField(
        _("how it came"), max_length=8, choices=Channel.choices, default=Channel.ONLINE
    )
    # For comments staff enter on someone's behalf.
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("entered by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    consent_to_publish = models.BooleanField(_("agrees to its text being published"), default=True)
    received_at = models.DateTimeField(
        _("received"), default=timezone.now, help_text=_("When it was sent or handed in.")
    )
    confirmed_at = models.DateTimeField(null=True, blank=True)
    status = models.CharField(
        _("status"),
        max_length=12,
        choices=CommentStatus.choices,
        default=CommentStatus.UNCONFIRMED,
        db_index=True,
    )
    reject_reason = models.CharField(
        _("reason"), max_length=16, choices=RejectReason.choices, blank=True
    )
    reject_note = models.TextField(_("explanation for the author"), blank=True)
    moderated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    moderated_at = models.DateTimeField(null=True, blank=True)
    answer = models.CharField(_("answer"), max_length=12, choices=Answer.choices, blank=True)
    justification = models.TextField(_("justification"), blank=True)
    # The section of the draft that changed because of this comment (a section key), if any.
    changed_section_key = models.CharField(_("section changed"), max_length=36, blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    answered_at = models.DateTimeField(null=True, blank=True)
    # One comment however often the form is sent.
    idempotency_key = models.CharField(max_length=64, blank=True, db_index=True)
    contact_erased_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = CommentQuerySet.as_manager()

    class Meta:
        verbose_name = _("comment")
        verbose_name_plural = _("comments")
        ordering = ["received_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["consultation_key", "idempotency_key"],
                condition=~models.Q(idempotency_key=""),
                name="consultations_comment_once",
            )
        ]

    def __str__(self) -> str:
        return str(pgettext_lazy("comment label", "Comment no. %(number)s")) % {"number": self.pk}

    def save(self, *args: Any, **kwargs: Any) -> None:
        self.consultation = self.consultation.source
        self.consultation_key = self.consultation.translation_key
        super().save(*args, **kwargs)

    @property
    def on_behalf(self) -> bool:
        return self.channel != Channel.ONLINE

    def public_author(self) -> str:
        """The author as the report and the page show them: the organisation, the name, or
        "a resident"; never contact data."""
        if self.organisation:
            return self.organisation
        if self.author_name:
            return self.author_name
        return str(pgettext_lazy("comment author", "a resident"))

    def open_flags(self) -> QuerySet[CommentFlag]:
        return self.flags.filter(resolved_at__isnull=True)


class CommentFlag(models.Model):
    """One reader's report of a published comment. The reporter stays anonymous: only a keyed
    hash of their address, so one address counts once per comment."""

    comment = models.ForeignKey(Comment, on_delete=models.CASCADE, related_name="flags")
    reason = models.CharField(_("why"), max_length=16, choices=ReportReason.choices)
    note = models.TextField(_("more about it"), blank=True)
    reporter_digest = models.CharField(max_length=40, editable=False)
    created_at = models.DateTimeField(default=timezone.now)
    # Set when a moderator decides on the comment: older reports no longer count.
    resolved_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("report of a comment")
        verbose_name_plural = _("reports of comments")
        constraints = [
            models.UniqueConstraint(
                fields=["comment", "reporter_digest"],
                condition=models.Q(resolved_at__isnull=True),
                name="consultations_flag_once",
            )
        ]

    def __str__(self) -> str:
        return str(pgettext_lazy("flag label", "Report no. %(number)s")) % {"number": self.pk}
