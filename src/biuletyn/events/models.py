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
from django.http import Http404, HttpRequest, HttpResponse, HttpResponsePermanentRedirect
from django.utils import timezone
from django.utils.functional import cached_property
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

from biuletyn.articles.forms import PageInOneLanguageForm
from biuletyn.core import paging
from biuletyn.core.pagecache import valid_until
from biuletyn.core.templatetags.biuletyn_dates import long_date
from biuletyn.core.translations import data_language
from biuletyn.core.visibility import InheritedPrivacyMixin
from biuletyn.pages.blocks import body_blocks

from . import queries
from .dates import last_day_to_request_interpreter, time_exists
from .enums import (
    OFFER_ITEMS,
    SCHEMA_EVENT_STATUS,
    AttendanceMode,
    EventStatus,
    SignLanguageOffer,
)
from .panels import InterpreterDeadlinePanel
from .schedule import Schedule


def _offer_field(name: str) -> Any:
    item = next(item for item in OFFER_ITEMS if item.field == name)
    return models.BooleanField(item.label, default=False, help_text=item.help_text)  # type: ignore[arg-type]


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

    # The calendar's own path segments, in each language. English pages still answer the
    # Polish ones (and Polish pages the English ones) with a permanent redirect.
    SEGMENTS: dict[str, dict[str, str]] = {
        "month": {"pl": "miesiac", "en": "month"},
        "archive": {"pl": "archiwum", "en": "archive"},
    }

    def segment(self, route: str) -> str:
        words = self.SEGMENTS[route]
        return words.get(self.locale.language_code, words["pl"])

    def reverse_subpage(
        self, name: str, args: Any = None, kwargs: dict[str, Any] | None = None
    ) -> str:
        if name in self.SEGMENTS:
            kwargs = {**(kwargs or {}), "segment": self.segment(name)}
        return str(super().reverse_subpage(name, args=args, kwargs=kwargs))

    def _other_language(
        self, request: HttpRequest, route: str, segment: str, **kwargs: Any
    ) -> HttpResponse | None:
        """A permanent redirect when ``segment`` is another language's word for ``route``."""
        if segment == self.segment(route):
            return None
        url = (self.get_url(request) or "") + self.reverse_subpage(route, kwargs=kwargs)
        query = request.META.get("QUERY_STRING", "")
        return HttpResponsePermanentRedirect(f"{url}?{query}" if query else url)

    @path("")
    def upcoming(self, request: HttpRequest) -> HttpResponse:
        listing = queries.upcoming(self, request.GET)
        return self._render(request, "upcoming", listing=listing)

    @re_path(r"^(?P<segment>miesiac|month)/(?P<month>[^/]+)/$", name="month")
    def month(self, request: HttpRequest, segment: str, month: str) -> HttpResponse:
        if redirect := self._other_language(request, "month", segment, month=month):
            return redirect
        first_day = queries.parse_month(month)
        if first_day is None:
            raise Http404(_("There is no such month. Months look like 2026-06."))
        listing = queries.in_month(self, first_day, request.GET)
        return self._render(request, "month", listing=listing, month=first_day)

    @re_path(r"^(?P<segment>archiwum|archive)/$", name="archive")
    def archive(self, request: HttpRequest, segment: str) -> HttpResponse:
        if redirect := self._other_language(request, "archive", segment):
            return redirect
        listing = queries.past(self, request.GET, self.archive_page_size)
        # A page number past the end, or not a page number, goes to the page shown (ADR 0010).
        if listing.page_obj is not None and (
            redirect := paging.redirect_to_shown_page(request, listing.page_obj)
        ):
            return redirect
        return self._render(request, "archive", listing=listing)


class EventPage(RoutablePageMixin, InheritedPrivacyMixin, Page):
    base_form_class = PageInOneLanguageForm
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
    new_start_date = models.DateField(
        _("new start date"),
        null=True,
        blank=True,
        help_text=_(
            "Only for a postponed event, once the new date is known. Until then the calendar "
            "lists it under “date to be announced”. The dates above stay as the original date."
        ),
    )
    new_start_time = models.TimeField(
        _("new start time"),
        null=True,
        blank=True,
        help_text=_("Time in Poland. Leave empty for an event that lasts all day."),
    )
    new_end_date = models.DateField(
        _("new end date"),
        null=True,
        blank=True,
        help_text=_("Only for an event that lasts more than one day."),
    )
    new_end_time = models.TimeField(_("new end time"), null=True, blank=True)
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
        help_text=_(
            "“On request”: under the act on sign language a Deaf person may ask for an "
            "interpreter at least 3 working days before the event. The page counts them back "
            "from the first day, skipping weekends and public holidays, and shows the last day "
            "to ask."
        ),
    )
    sign_language_how_to_ask = models.TextField(
        _("how to ask for an interpreter"),
        blank=True,
        help_text=_(
            "For an interpreter on request: by e-mail, text message or a video call in PJM, "
            "never only by phone. The page adds the last day to ask and the contact's details."
        ),
    )
    captions = _offer_field("captions")
    subtitles = _offer_field("subtitles")
    hearing_loop = _offer_field("hearing_loop")
    audio_description = _offer_field("audio_description")
    easy_read = _offer_field("easy_read")
    assistant = _offer_field("assistant")
    reserved_seating = _offer_field("reserved_seating")
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
        MultiFieldPanel(
            [
                FieldPanel("status"),
                FieldRowPanel([FieldPanel("new_start_date"), FieldPanel("new_start_time")]),
                FieldRowPanel([FieldPanel("new_end_date"), FieldPanel("new_end_time")]),
                FieldPanel("status_note"),
            ],
            heading=_("Status"),
        ),
        MultiFieldPanel(
            [FieldPanel("attendance_mode"), FieldPanel("venue"), FieldPanel("online_url")],
            heading=_("Where"),
        ),
        FieldPanel("categories"),
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
            [
                FieldPanel("sign_language"),
                # The last day to ask, from the dates on the Content tab; a script keeps it
                # current while the editor types them (events/wagtail_hooks.py).
                InterpreterDeadlinePanel(),
                FieldPanel("sign_language_how_to_ask"),
            ],
            heading=_("Polish Sign Language"),
        ),
        MultiFieldPanel(
            [FieldPanel(item.field) for item in OFFER_ITEMS]
            + [FieldPanel("accessibility_other"), FieldPanel("accessibility_notes")],
            heading=_("Other arrangements"),
        ),
    ]
    promote_panels = Page.promote_panels
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
    #
    # An event has the dates first announced and, once a postponed event gets one, a new date.
    # Everything that says when an event is (lists, cards, ICS, JSON-LD) reads ``schedule``.

    @property
    def original_schedule(self) -> Schedule:
        """The dates first announced."""
        return Schedule(self.start_date, self.start_time, self.end_date, self.end_time)

    @property
    def new_schedule(self) -> Schedule | None:
        if self.status != EventStatus.POSTPONED or self.new_start_date is None:
            return None
        return Schedule(
            self.new_start_date, self.new_start_time, self.new_end_date, self.new_end_time
        )

    @property
    def schedule(self) -> Schedule:
        """The dates that stand: the new ones of a postponed event that has them."""
        return self.new_schedule or self.original_schedule

    @property
    def is_rescheduled(self) -> bool:
        """Postponed, and the new date is known."""
        return self.new_schedule is not None

    @property
    def date_to_be_announced(self) -> bool:
        """Postponed, and no new date yet."""
        return self.status == EventStatus.POSTPONED and self.new_start_date is None

    @property
    def is_past(self) -> bool:
        """The standing dates are over; never for an event whose date is to be announced."""
        return not self.date_to_be_announced and self.schedule.last_date < queries.today()

    @property
    def is_cancelled(self) -> bool:
        return self.status == EventStatus.CANCELLED

    @property
    def is_all_day(self) -> bool:
        return self.schedule.is_all_day

    @property
    def last_date(self) -> dt.date:
        return self.schedule.last_date

    @property
    def is_multi_day(self) -> bool:
        return self.schedule.is_multi_day

    @property
    def starts_at(self) -> dt.datetime | None:
        """The standing start as an instant; None for an all-day event."""
        return self.schedule.starts_at

    @property
    def ends_at(self) -> dt.datetime | None:
        return self.schedule.ends_at

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
            deadline = self.interpreter_deadline
            if self.is_past:
                items.append(str(_("PJM interpreter was available on request")))
            elif deadline is not None and self.invites_action and deadline >= queries.today():
                items.append(
                    str(_("PJM interpreter on request: ask by %(day)s"))
                    % {"day": long_date(deadline)}
                )
            else:
                items.append(str(_("PJM interpreter on request")))
        items.extend(str(item.public_label) for item in self.offer)
        if self.venue is not None and self.takes_place_in_person:
            items.extend(
                str(feature.public_label)
                for feature in self.venue.confirmed_features
                if feature.field in ("step_free_entrance", "accessible_toilet")
            )
        # One line joined by semicolons: only its first item starts with a capital ("Tłumacz
        # PJM; napisy na żywo"), an abbreviation keeps its capitals ("PJM interpreter").
        return [
            item if index == 0 or not item[1:2].islower() else item[:1].lower() + item[1:]
            for index, item in enumerate(items)
        ]

    @property
    def interpreter_deadline(self) -> dt.date | None:
        """The last day to ask for a PJM interpreter, for an "on request" offer, from the
        standing dates; None while the date is to be announced."""
        if self.sign_language != SignLanguageOffer.ON_REQUEST or self.date_to_be_announced:
            return None
        return last_day_to_request_interpreter(self.schedule.start_date)

    @property
    def invites_action(self) -> bool:
        """Whether readers can still act on the event (ask, add it to a calendar)."""
        return not self.is_past and not self.is_cancelled

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

        for field, message in _date_errors(
            self.start_date, self.start_time, self.end_date, self.end_time, prefix=""
        ):
            add(field, message)
        new_fields = ("new_start_date", "new_start_time", "new_end_date", "new_end_time")
        if any(getattr(self, name) is not None for name in new_fields):
            if self.status != EventStatus.POSTPONED:
                add(
                    "new_start_date",
                    _(
                        "Only a postponed event has a new date: choose the status "
                        "“postponed”, or clear the new date."
                    ),
                )
            elif self.new_start_date is None:
                add("new_start_date", _("Give the new start date too."))
            else:
                for field, message in _date_errors(
                    self.new_start_date,
                    self.new_start_time,
                    self.new_end_date,
                    self.new_end_time,
                    prefix="new_",
                ):
                    add(field, message)
        if self.attendance_mode != AttendanceMode.ONLINE and self.venue_id is None:
            add("venue", _("Choose the venue: people will come to this event in person."))
        if not self.is_free and self.price is None and not self.price_details:
            add("price", _("Give the price, or describe it under “about the price”."))
        if self.is_free and self.price:
            add("price", _("A free event has no price: clear the price or untick “free”."))
        if (
            self.sign_language == SignLanguageOffer.ON_REQUEST
            and not self.sign_language_how_to_ask.strip()
        ):
            self._check_a_way_to_ask(add)
        if self.continues_id is not None and self._continues_itself():
            add("continues", _("An event cannot continue itself."))
        if errors:
            raise ValidationError(errors)

    def _check_a_way_to_ask(self, add: Any) -> None:
        """For an interpreter on request, readers need a way to ask that is not a voice call:
        the contact's e-mail, SMS number or PJM video call, when the editor wrote no how-to."""
        if self.contact_id is None:
            add(
                "sign_language_how_to_ask",
                _(
                    "Say how to ask for an interpreter without a voice call (by e-mail, text "
                    "message or a PJM video call), or choose a contact on the Content tab that "
                    "has one of them: readers must know whom to ask."
                ),
            )
            return
        from biuletyn.organisations.models import Organisation

        contact = Organisation.objects.filter(pk=self.contact_id).first()
        if contact is not None and not (contact.email or contact.sms or contact.video_call_url):
            add(
                "sign_language_how_to_ask",
                _(
                    "The contact “%(name)s” has no e-mail, SMS number or PJM video call, and a "
                    "Deaf person may not be able to phone. Say how to ask for an interpreter "
                    "without a voice call, or add one of these to the contact."
                )
                % {"name": contact.name},
            )

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

    # --- registration (issue 10): the form is a route of the page, so its privacy applies ----

    SEGMENTS: dict[str, dict[str, str]] = {
        "registration": {"pl": "zapisy", "en": "registration"},
        "sent": {"pl": "wyslano", "en": "sent"},
    }

    def segment(self, route: str) -> str:
        words = self.SEGMENTS[route]
        return words.get(self.locale.language_code, words["pl"])

    def reverse_subpage(
        self, name: str, args: Any = None, kwargs: dict[str, Any] | None = None
    ) -> str:
        if name in ("registration", "registration_sent"):
            kwargs = {**(kwargs or {}), "segment": self.segment("registration")}
            if name == "registration_sent":
                kwargs["sent"] = self.segment("sent")
        return str(super().reverse_subpage(name, args=args, kwargs=kwargs))

    def _other_language(
        self, request: HttpRequest, route: str, **segments: str
    ) -> HttpResponse | None:
        """A permanent redirect when a segment is another language's word for its route."""
        if all(word == self.segment(key) for key, word in segments.items()):
            return None
        url = (self.get_url(request) or "") + self.reverse_subpage(route)
        query = request.META.get("QUERY_STRING", "")
        return HttpResponsePermanentRedirect(f"{url}?{query}" if query else url)

    @cached_property
    def registration_setup(self) -> Any:
        """The event's registration (one for all its language versions), or None."""
        from biuletyn.registrations.queries import setup_for

        return setup_for(self)

    @path("")
    def index_route(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        response = super().index_route(request, *args, **kwargs)
        setup = self.registration_setup
        if setup is not None:
            # Whether registration is open follows the clock: the cached page never outlives
            # the next opening or closing.
            valid_until(response, setup.next_change(timezone.now(), self))
        return response  # type: ignore[no-any-return]

    @re_path(r"^(?P<segment>zapisy|registration)/$", name="registration")
    def registration_form(self, request: HttpRequest, segment: str) -> HttpResponse:
        from biuletyn.registrations import views

        if redirect := self._other_language(request, "registration", registration=segment):
            return redirect
        return views.register(request, self)

    @re_path(
        r"^(?P<segment>zapisy|registration)/(?P<sent>wyslano|sent)/$", name="registration_sent"
    )
    def registration_sent(self, request: HttpRequest, segment: str, sent: str) -> HttpResponse:
        from biuletyn.registrations import views

        if redirect := self._other_language(
            request, "registration_sent", registration=segment, sent=sent
        ):
            return redirect
        return views.sent(request, self)

    def registration_block(
        self, request: HttpRequest | None = None, now: dt.datetime | None = None
    ) -> dict[str, Any] | None:
        """What the page says about registration: its state by the clock and where to go.
        No seat counts (they are live only on the form and in the JSON)."""
        setup = self.registration_setup
        if setup is None:
            return None
        if self.is_past or self.is_cancelled:
            # Nothing to sign up for: the status banner says why.
            return None
        now = now or timezone.now()
        state = setup.state_at(now, self)
        return {
            "state": state,
            "opens_at": setup.opens_at,
            "closes_at": setup.closing_time(self),
            "url": (self.get_url(request) or "") + self.reverse_subpage("registration"),
        }

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
            is_past=self.is_past,
            deadline_passed=deadline is not None and deadline < today,
            # Venues and organisations are written once, in Polish: marked so on other pages.
            venue_lang=data_language(),
            structured_data=event_data(self, request, organisers=organisers),
            registration=self.registration_block(request),
        )
        return context


def _date_errors(
    start_date: dt.date | None,
    start_time: dt.time | None,
    end_date: dt.date | None,
    end_time: dt.time | None,
    *,
    prefix: str,
) -> list[tuple[str, Any]]:
    """The rules of one set of dates (the original ones, or ``new_`` ones): an end not before
    the start, a start time with an end time, and no time the clocks skip in spring."""
    errors: list[tuple[str, Any]] = []
    last_date = end_date or start_date
    if end_date and start_date and end_date < start_date:
        errors.append(
            (f"{prefix}end_date", _("The event cannot end before it starts: check the end date."))
        )
    if end_time is not None and start_time is None:
        errors.append(
            (f"{prefix}start_time", _("Give the start time too, or leave both times empty."))
        )
    if (
        start_time is not None
        and end_time is not None
        and start_date
        and last_date == start_date
        and end_time <= start_time
    ):
        errors.append(
            (
                f"{prefix}end_time",
                _(
                    "The event cannot end before it starts: the end time is not after the start "
                    "time. For an event that ends after midnight, give the end date."
                ),
            )
        )
    for day, time, field in (
        (start_date, start_time, "start_time"),
        (end_date or start_date, end_time, "end_time"),
    ):
        if day and time is not None and not time_exists(day, time):
            errors.append(
                (
                    f"{prefix}{field}",
                    _(
                        "There is no such time in Poland on that day: the clocks go forward "
                        "an hour at 2:00. Choose a time before 2:00 or from 3:00."
                    ),
                )
            )
    return errors


class EventRelatedArticle(Orderable):
    page = ParentalKey(EventPage, on_delete=models.CASCADE, related_name="related_articles")
    article = models.ForeignKey(
        "articles.ArticlePage",
        verbose_name=_("article"),
        on_delete=models.CASCADE,
        related_name="+",
    )

    panels = [FieldPanel("article")]
