"""Events: the calendar page and one page per event, with its times, place and accessibility offer.

Times are stored as readers and editors say them: a date and a wall-clock time in Poland
(Europe/Warsaw), no time for an all-day event, an end date for one that lasts several days.
``biuletyn.events.dates`` turns them into instants for ICS and JSON-LD.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import ValidationError
from django.db import models
from django.http import Http404, HttpRequest, HttpResponse
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from biuletyn.core.translations import data_language
from biuletyn.core.visibility import InheritedPrivacyMixin
from biuletyn.pages.blocks import body_blocks

from . import queries
from .dates import last_day_to_request_interpreter, local_datetime, time_exists
from .enums import (
    OFFER_ITEMS,
    SCHEMA_EVENT_STATUS,
    AttendanceMode,
    EventStatus,
    SignLanguageOffer,
)


def _offer_field(index: int) -> Any:
    return models.BooleanField(OFFER_ITEMS[index].label, default=False)  # type: ignore[arg-type]


class EventIndexPage(RoutablePageMixin, InheritedPrivacyMixin, Page):
    """The calendar: upcoming events by day, a month as a list, and the archive of past ones."""

    intro = models.TextField(_("introduction"), blank=True)
    archive_page_size = 20

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["pages.HomePage"]
    subpage_types = ["events.EventPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("calendar of events")
        verbose_name_plural = _("calendars of events")

    def _render(self, request: HttpRequest, view: str, **context: Any) -> HttpResponse:
        listing = context["listing"]
        month = context.get("month") or queries.today().replace(day=1)
        return self.render(
            request,
            context_overrides={
                "view": view,
                "today_month": queries.today().strftime("%Y-%m"),
                "previous_month": queries.month_before(month),
                "next_month": queries.month_after(month),
                # Pagination keeps the filters.
                "listing_query": f"{listing.query}&" if listing.query else "",
                **context,
            },
            template="events/event_index_page.html",
        )

    @path("")
    def upcoming(self, request: HttpRequest) -> HttpResponse:
        listing = queries.upcoming(self, request.GET)
        return self._render(request, "upcoming", listing=listing)

    @re_path(r"^miesiac/(?P<month>[^/]+)/$", name="month")
    def month(self, request: HttpRequest, month: str) -> HttpResponse:
        first_day = queries.parse_month(month)
        if first_day is None:
            raise Http404(_("There is no such month. Months look like 2026-06."))
        listing = queries.in_month(self, first_day, request.GET)
        return self._render(request, "month", listing=listing, month=first_day)

    @path("archiwum/", name="archive")
    def archive(self, request: HttpRequest) -> HttpResponse:
        listing = queries.past(self, request.GET, self.archive_page_size)
        return self._render(request, "archive", listing=listing)


class EventPage(InheritedPrivacyMixin, Page):
    lead = models.TextField(
        _("lead"), help_text=_("Two or three sentences: what happens, for whom, and why come.")
    )
    body = StreamField(body_blocks(), verbose_name=_("body"), blank=True)

    start_date = models.DateField(_("start date"))
    start_time = models.TimeField(
        _("start time"),
        null=True,
        blank=True,
        help_text=_("Time in Poland. Leave empty for an event that lasts all day."),
    )
    end_date = models.DateField(
        _("end date"),
        null=True,
        blank=True,
        help_text=_("Only for an event that lasts more than one day."),
    )
    end_time = models.TimeField(_("end time"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=12, choices=EventStatus.choices, default=EventStatus.SCHEDULED
    )
    status_note = models.TextField(
        _("about the change"),
        blank=True,
        help_text=_("For a cancelled, postponed or moved event: what changed and what next."),
    )
    attendance_mode = models.CharField(
        _("how people take part"),
        max_length=9,
        choices=AttendanceMode.choices,
        default=AttendanceMode.IN_PERSON,
    )
    venue = models.ForeignKey(
        "venues.Venue",
        verbose_name=_("venue"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="events",
    )
    online_url = models.URLField(
        _("online address"),
        blank=True,
        help_text=_("Where to watch or join. Leave empty if it is sent after registration."),
    )
    organisers = ParentalManyToManyField(
        "organisations.Organisation",
        verbose_name=_("organisers"),
        related_name="organised_events",
        blank=True,
    )
    contact = models.ForeignKey(
        "organisations.Organisation",
        verbose_name=_("contact"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Who readers ask about the event, and about an interpreter on request."),
    )
    participants = models.TextField(
        _("participants"),
        blank=True,
        help_text=_("People and institutions taking part, one per line."),
    )
    is_free = models.BooleanField(_("free of charge"), default=True)
    price = models.DecimalField(
        _("price in złoty"), max_digits=8, decimal_places=2, null=True, blank=True
    )
    price_details = models.CharField(
        _("about the price"),
        max_length=200,
        blank=True,
        help_text=_("Reduced tickets, free entry for a carer, how to pay."),
    )
    continues = models.ForeignKey(
        "self",
        verbose_name=_("follows on from"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="continued_by",
        help_text=_("An earlier event this one follows on from."),
    )
    categories = ParentalManyToManyField(
        "articles.Category", verbose_name=_("categories"), related_name="events", blank=True
    )

    sign_language = models.CharField(
        _("Polish Sign Language (PJM) interpreter"),
        max_length=10,
        choices=SignLanguageOffer.choices,
        default=SignLanguageOffer.NONE,
    )
    sign_language_how_to_ask = models.TextField(
        _("how to ask for an interpreter"),
        blank=True,
        help_text=_(
            "For an interpreter on request: by e-mail, text message or a video call in PJM. "
            "The page adds the last day to ask and the contact's details."
        ),
    )
    captions = _offer_field(0)
    hearing_loop = _offer_field(1)
    audio_description = _offer_field(2)
    easy_read = _offer_field(3)
    assistant = _offer_field(4)
    reserved_seating = _offer_field(5)
    accessibility_other = models.TextField(_("other accessibility arrangements"), blank=True)
    accessibility_notes = models.TextField(
        _("notes on the venue for this event"),
        blank=True,
        help_text=_("Shown with the venue's profile, e.g. “the side entrance is open today”."),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("lead"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("start_date"), FieldPanel("start_time")]),
                FieldRowPanel([FieldPanel("end_date"), FieldPanel("end_time")]),
            ],
            heading=_("When (time in Poland)"),
        ),
        MultiFieldPanel([FieldPanel("status"), FieldPanel("status_note")], heading=_("Status")),
        MultiFieldPanel(
            [FieldPanel("attendance_mode"), FieldPanel("venue"), FieldPanel("online_url")],
            heading=_("Where"),
        ),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                FieldPanel("organisers"),
                FieldPanel("contact"),
                FieldPanel("participants"),
                FieldPanel("continues"),
            ],
            heading=_("Who"),
        ),
        MultiFieldPanel(
            [FieldPanel("is_free"), FieldPanel("price"), FieldPanel("price_details")],
            heading=_("Price"),
        ),
        InlinePanel("related_articles", label=_("Related articles")),
    ]
    accessibility_panels = [
        MultiFieldPanel(
            [FieldPanel("sign_language"), FieldPanel("sign_language_how_to_ask")],
            heading=_("Polish Sign Language"),
        ),
        MultiFieldPanel(
            [FieldPanel(item.field) for item in OFFER_ITEMS]
            + [FieldPanel("accessibility_other"), FieldPanel("accessibility_notes")],
            heading=_("Other arrangements"),
        ),
    ]
    promote_panels = [*Page.promote_panels, FieldPanel("categories")]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Content")),
            ObjectList(accessibility_panels, heading=_("Accessibility")),
            ObjectList(promote_panels, heading=_("Promote")),
            ObjectList(Page.settings_panels, heading=_("Settings")),
        ]
    )
    search_fields = [
        *Page.search_fields,
        index.SearchField("lead"),
        index.SearchField("body"),
        index.FilterField("start_date"),
    ]
    parent_page_types = ["events.EventIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")
        indexes = [models.Index(fields=["start_date", "start_time"])]

    # --- times ------------------------------------------------------------------------------

    @property
    def is_all_day(self) -> bool:
        return self.start_time is None

    @property
    def last_date(self) -> dt.date:
        return self.end_date or self.start_date

    @property
    def is_multi_day(self) -> bool:
        return self.last_date > self.start_date

    @property
    def starts_at(self) -> dt.datetime | None:
        """The start as an instant; None for an all-day event."""
        return None if self.start_time is None else local_datetime(self.start_date, self.start_time)

    @property
    def ends_at(self) -> dt.datetime | None:
        if self.start_time is None or self.end_time is None:
            return None
        return local_datetime(self.last_date, self.end_time)

    # --- place and offer ----------------------------------------------------------------------

    @property
    def takes_place_in_person(self) -> bool:
        return self.status != EventStatus.MOVED_ONLINE and self.attendance_mode in (
            AttendanceMode.IN_PERSON,
            AttendanceMode.MIXED,
        )

    @property
    def takes_place_online(self) -> bool:
        return self.status == EventStatus.MOVED_ONLINE or self.attendance_mode in (
            AttendanceMode.ONLINE,
            AttendanceMode.MIXED,
        )

    @property
    def effective_attendance_mode(self) -> str:
        if self.status == EventStatus.MOVED_ONLINE:
            return AttendanceMode.ONLINE
        return self.attendance_mode

    @property
    def offer(self) -> list[Any]:
        """The yes/no items of the offer that the organiser provides."""
        return [item for item in OFFER_ITEMS if getattr(self, item.field)]

    @property
    def highlights(self) -> list[str]:
        """A short list of the offer for a card in a list: what the reader can count on."""
        items: list[str] = []
        if self.sign_language == SignLanguageOffer.PROVIDED:
            items.append(str(_("PJM interpreter")))
        elif self.sign_language == SignLanguageOffer.ON_REQUEST:
            items.append(str(_("PJM interpreter on request")))
        items.extend(str(item.public_label) for item in self.offer)
        if self.venue is not None and self.takes_place_in_person:
            items.extend(
                str(feature.public_label)
                for feature in self.venue.confirmed_features
                if feature.field in ("step_free_entrance", "accessible_toilet")
            )
        return items

    @property
    def interpreter_deadline(self) -> dt.date | None:
        """The last day to ask for a PJM interpreter, for an "on request" offer."""
        if self.sign_language != SignLanguageOffer.ON_REQUEST:
            return None
        return last_day_to_request_interpreter(self.start_date)

    @property
    def participant_list(self) -> list[str]:
        return [line.strip() for line in self.participants.splitlines() if line.strip()]

    @property
    def schema_status(self) -> str:
        return SCHEMA_EVENT_STATUS[EventStatus(self.status)]

    # --- rules --------------------------------------------------------------------------------

    def clean(self) -> None:
        super().clean()
        errors: dict[str, list[Any]] = {}

        def add(field: str, message: Any) -> None:
            errors.setdefault(field, []).append(message)

        if self.end_date and self.start_date and self.end_date < self.start_date:
            add("end_date", _("The event cannot end before it starts: check the end date."))
        if self.end_time is not None and self.start_time is None:
            add("start_time", _("Give the start time too, or leave both times empty."))
        if (
            self.start_time is not None
            and self.end_time is not None
            and self.start_date
            and self.last_date == self.start_date
            and self.end_time <= self.start_time
        ):
            add(
                "end_time",
                _(
                    "The event cannot end before it starts: the end time is not after the start "
                    "time. For an event that ends after midnight, give the end date."
                ),
            )
        for date_field, time_field in (("start_date", "start_time"), ("end_date", "end_time")):
            day = getattr(self, date_field) or self.start_date
            time = getattr(self, time_field)
            if day and time is not None and not time_exists(day, time):
                add(
                    time_field,
                    _(
                        "There is no such time in Poland on that day: the clocks go forward "
                        "an hour at 2:00. Choose a time before 2:00 or from 3:00."
                    ),
                )
        if self.attendance_mode != AttendanceMode.ONLINE and self.venue_id is None:
            add("venue", _("Choose the venue: people will come to this event in person."))
        if not self.is_free and self.price is None and not self.price_details:
            add("price", _("Give the price, or describe it under “about the price”."))
        if self.is_free and self.price:
            add("price", _("A free event has no price: clear the price or untick “free”."))
        if (
            self.sign_language == SignLanguageOffer.ON_REQUEST
            and self.contact_id is None
            and not self.sign_language_how_to_ask.strip()
        ):
            add(
                "sign_language_how_to_ask",
                _(
                    "Say how to ask for an interpreter, or choose a contact on the Content tab: "
                    "readers must know whom to ask."
                ),
            )
        if self.continues_id is not None and self._continues_itself():
            add("continues", _("An event cannot continue itself."))
        if errors:
            raise ValidationError(errors)

    def _continues_itself(self) -> bool:
        """True if following "continues" from this event comes back to it (A → B → A)."""
        seen: set[int] = set()
        current = self.continues_id
        while current is not None and current not in seen:
            if self.pk is not None and current == self.pk:
                return True
            seen.add(current)
            current = (
                EventPage.objects.filter(pk=current).values_list("continues_id", flat=True).first()
            )
        return False

    def get_context(self, request: HttpRequest, *args: Any, **kwargs: Any) -> dict[str, Any]:
        from .structured_data import event as event_data

        context = super().get_context(request, *args, **kwargs)
        calendar = EventIndexPage.objects.ancestor_of(self).filter(locale=self.locale).first()
        categories = queries.categories_in_locale(list(self.categories.all()), self.locale)
        organisers = list(self.organisers.all())
        today, deadline = queries.today(), self.interpreter_deadline
        related = queries.related_articles(self)
        continues = queries.earlier_event(self)
        continued_by = queries.follow_ups(self)
        context.update(
            calendar=calendar,
            categories=categories,
            organisers=organisers,
            related=related,
            continued_by=continued_by,
            continues=continues,
            is_past=self.last_date < today,
            deadline_passed=deadline is not None and deadline < today,
            # Venues and organisations are written once, in Polish: marked so on other pages.
            venue_lang=data_language(),
            structured_data=event_data(self, request, organisers=organisers),
        )
        return context


class EventRelatedArticle(Orderable):
    page = ParentalKey(EventPage, on_delete=models.CASCADE, related_name="related_articles")
    article = models.ForeignKey(
        "articles.ArticlePage",
        verbose_name=_("article"),
        on_delete=models.CASCADE,
        related_name="+",
    )

    panels = [FieldPanel("article")]
