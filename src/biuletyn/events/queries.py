"""Reads of the calendar: which events a list shows, grouped by day, with a fixed number of
queries however many events there are."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from django.core.paginator import Page as PaginatorPage
from django.db.models import Case, DateField, F, Prefetch, Q, QuerySet, TimeField, Value, When
from django.db.models.functions import Coalesce
from django.http import QueryDict
from django.utils import timezone
from wagtail.models import Locale, Page

from biuletyn.articles.models import Category
from biuletyn.core import paging
from biuletyn.core.visibility import visible
from biuletyn.organisations.models import Organisation
from biuletyn.venues.models import Venue

from .enums import AttendanceMode, EventStatus, Feature, SignLanguageOffer
from .forms import EventFilterForm, ParticipationChoice

if TYPE_CHECKING:
    from .models import EventPage

# A subscribed calendar deletes what leaves its feed: recent events stay in the feed a while,
# so a reader's calendar keeps last week's meeting.
FEED_KEEPS_PAST_DAYS = 90

# A postponed event with its new date stands on that date; one without it is "to be
# announced" and is listed under no date (EventPage.schedule says the same for one page).
RESCHEDULED = Q(status=EventStatus.POSTPONED, new_start_date__isnull=False)
TO_BE_ANNOUNCED = Q(status=EventStatus.POSTPONED, new_start_date__isnull=True)
DATED = ~TO_BE_ANNOUNCED

_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
FIRST_YEAR, LAST_YEAR = 1900, 2200


def events(locale: Locale | None = None, parent: Page | None = None) -> QuerySet[EventPage]:
    """Visible events (``core.visibility``) in ``locale`` (any language if None; under
    ``parent`` if given), in calendar order, with what a card, the JSON-LD and the ICS file
    need."""
    from .models import EventPage

    queryset: Any = visible(EventPage.objects.all(), locale)
    if parent is not None:
        queryset = queryset.descendant_of(parent)
    return (
        queryset.annotate(
            standing_start=Case(
                When(RESCHEDULED, then=F("new_start_date")),
                default=F("start_date"),
                output_field=DateField(),
            ),
            standing_start_time=Case(
                When(RESCHEDULED, then=F("new_start_time")),
                default=F("start_time"),
                output_field=TimeField(),
            ),
            # The standing last day.
            last_day=Case(
                When(RESCHEDULED, then=Coalesce("new_end_date", "new_start_date")),
                default=Coalesce("end_date", "start_date"),
                output_field=DateField(),
            ),
            to_be_announced=Case(When(TO_BE_ANNOUNCED, then=Value(1)), default=Value(0)),
        )
        .select_related("venue", "locale", "alias_of__locale", "contact")
        .prefetch_related(
            Prefetch("categories", queryset=Category.objects.order_by("name")),
            Prefetch("organisers", queryset=Organisation.objects.order_by("name")),
        )
        .order_by("standing_start", F("standing_start_time").asc(nulls_first=True), "pk")
    )


def today() -> dt.date:
    return timezone.localdate()


def parse_month(value: str) -> dt.date | None:
    """The first day of a month written as YYYY-MM, or None for anything else (2024-13, 24-06)."""
    match = _MONTH.match(value)
    if match is None:
        return None
    year, month = int(match[1]), int(match[2])
    # The calendar pages its months forwards and back: keep a month on either side.
    if not FIRST_YEAR <= year <= LAST_YEAR or not 1 <= month <= 12:
        return None
    return dt.date(year, month, 1)


def month_after(first_day: dt.date) -> dt.date:
    return (first_day.replace(day=28) + dt.timedelta(days=4)).replace(day=1)


def month_before(first_day: dt.date) -> dt.date:
    return (first_day - dt.timedelta(days=1)).replace(day=1)


# --- filters -----------------------------------------------------------------------------------


def filter_form(
    locale: Locale, params: Mapping[str, Any], *, with_date: bool = True
) -> EventFilterForm:
    """The filter form with the choices that exist: categories of this language, organisers
    and cities that have events."""
    from .models import EventPage

    live = visible(EventPage.objects.all(), locale)
    categories = [(c.slug, c.name) for c in Category.objects.filter(locale=locale)]
    organisers = list(
        Organisation.objects.filter(organised_events__in=live)
        .distinct()
        .order_by("name")
        .values_list("slug", "name")
    )
    cities = list(
        Venue.objects.filter(events__in=live.filter(_AT_THE_VENUE))
        .order_by("city")
        .values_list("city", flat=True)
        .distinct()
    )
    return EventFilterForm(
        params or None,
        categories=categories,
        organisers=organisers,
        cities=cities,
        with_date=with_date,
    )


# A venue's features count only for events people attend there.
_AT_THE_VENUE = Q(attendance_mode__in=[AttendanceMode.IN_PERSON, AttendanceMode.MIXED]) & ~Q(
    status=EventStatus.MOVED_ONLINE
)

_FEATURE_QUERIES: dict[str, Q] = {
    Feature.SIGN_LANGUAGE: Q(
        sign_language__in=[SignLanguageOffer.PROVIDED, SignLanguageOffer.ON_REQUEST]
    ),
    Feature.STEP_FREE: _AT_THE_VENUE & Q(venue__step_free_entrance="yes"),
    Feature.ACCESSIBLE_TOILET: _AT_THE_VENUE & Q(venue__accessible_toilet="yes"),
    Feature.HEARING_LOOP: Q(hearing_loop=True) | (_AT_THE_VENUE & Q(venue__hearing_loop="yes")),
    Feature.CAPTIONS: Q(captions=True),
    Feature.SUBTITLES: Q(subtitles=True),
    Feature.AUDIO_DESCRIPTION: Q(audio_description=True),
    Feature.EASY_READ: Q(easy_read=True),
    Feature.ASSISTANT: Q(assistant=True),
}


def apply_filters(
    queryset: QuerySet[EventPage], filters: Mapping[str, Any], locale: Locale
) -> QuerySet[EventPage]:
    if category := filters.get("category"):
        # Untranslated events (aliases) keep the Polish categories: match every translation.
        keys = Category.objects.filter(slug=category, locale=locale).values("translation_key")
        queryset = queryset.filter(categories__translation_key__in=keys)
    if organiser := filters.get("organiser"):
        queryset = queryset.filter(organisers__slug=organiser)
    if city := filters.get("city"):
        queryset = queryset.filter(_AT_THE_VENUE, venue__city=city)
    attendance = filters.get("attendance")
    if attendance == ParticipationChoice.IN_PERSON:
        queryset = queryset.filter(
            attendance_mode__in=[AttendanceMode.IN_PERSON, AttendanceMode.MIXED]
        ).exclude(status=EventStatus.MOVED_ONLINE)
    elif attendance == ParticipationChoice.ONLINE:
        queryset = queryset.filter(
            Q(attendance_mode__in=[AttendanceMode.ONLINE, AttendanceMode.MIXED])
            | Q(status=EventStatus.MOVED_ONLINE)
        )
    elif attendance == ParticipationChoice.MIXED:
        queryset = queryset.filter(attendance_mode=AttendanceMode.MIXED).exclude(
            status=EventStatus.MOVED_ONLINE
        )
    if feature := filters.get("feature"):
        queryset = queryset.filter(_FEATURE_QUERIES[feature])
    # A join through a many-to-many filter can repeat an event.
    return queryset.distinct() if category or organiser else queryset


# --- listings ----------------------------------------------------------------------------------


@dataclass
class Day:
    date: dt.date
    events: list[EventPage] = field(default_factory=list)


@dataclass
class Listing:
    """What a calendar view shows: the form, and the events if the filters were valid."""

    form: EventFilterForm
    days: list[Day] | None = None  # None: the filters were not valid, nothing was looked up
    page_obj: PaginatorPage | None = None
    filters: dict[str, Any] = field(default_factory=dict)
    # Postponed events without a new date: listed after the days, under no date.
    to_be_announced: list[EventPage] = field(default_factory=list)

    @property
    def count(self) -> int:
        """How many events of the list will happen: a cancelled event is listed (with its
        status) but not counted. The archive counts every event on its pages."""
        if self.page_obj is not None:
            return self.page_obj.paginator.count
        dated = [event for day in self.days or [] for event in day.events]
        return sum(not event.is_cancelled for event in dated) + len(self.to_be_announced)

    @property
    def cancelled_count(self) -> int:
        """Cancelled events in the list (not in ``count``)."""
        if self.page_obj is not None:
            return 0
        return sum(event.is_cancelled for day in self.days or [] for event in day.events)

    @property
    def has_events(self) -> bool:
        return bool(self.days or self.to_be_announced)

    @property
    def is_filtered(self) -> bool:
        return bool(self.filters)

    @property
    def query(self) -> str:
        """The query string of this filter."""
        return _urlencode(self.filters)

    @property
    def feed_query(self) -> str:
        """The query string of this filter for the ICS feed (which has no date)."""
        return _urlencode({k: v for k, v in self.filters.items() if k != "from_date"})


def _urlencode(filters: Mapping[str, Any]) -> str:
    query = QueryDict(mutable=True)
    for name, value in filters.items():
        query[name] = value.isoformat() if isinstance(value, dt.date) else str(value)
    return query.urlencode()


def group_by_day(items: list[EventPage], not_before: dt.date) -> list[Day]:
    """Events under the day they stand on; one that began earlier is shown under
    ``not_before`` (it is still on)."""
    days: list[Day] = []
    for event in items:
        day = max(event.schedule.start_date, not_before)
        if not days or days[-1].date != day:
            days.append(Day(day))
        days[-1].events.append(event)
    days.sort(key=lambda d: d.date)
    return days


def _split(items: list[EventPage], not_before: dt.date) -> dict[str, Any]:
    """The days of the dated events, and the events whose date is to be announced."""
    dated = [event for event in items if not event.date_to_be_announced]
    return {
        "days": group_by_day(dated, not_before),
        "to_be_announced": [event for event in items if event.date_to_be_announced],
    }


def upcoming(parent: Page, params: Mapping[str, Any]) -> Listing:
    """Events from today (or the filter's day) by day, then those whose new date is to be
    announced; one query for the events whatever their number."""
    form = filter_form(parent.locale, params)
    # A filter with an error filters nothing (form.filters() is empty): the whole list shows
    # under the error summary.
    filters = form.filters()
    since = filters.get("from_date") or today()
    queryset = apply_filters(events(parent.locale, parent), filters, parent.locale).filter(
        (DATED & Q(last_day__gte=since)) | TO_BE_ANNOUNCED
    )
    return Listing(form, filters=filters, **_split(list(queryset), since))


def in_month(parent: Page, first_day: dt.date, params: Mapping[str, Any]) -> Listing:
    """A month's events by day. The current month also lists, after its days, the events
    whose new date is to be announced: they belong to no month, and this is the month a
    reader paging the calendar starts from."""
    form = filter_form(parent.locale, params, with_date=False)
    # A filter with an error filters nothing (form.filters() is empty): the whole list shows
    # under the error summary.
    filters = form.filters()
    in_the_month = DATED & Q(standing_start__lt=month_after(first_day), last_day__gte=first_day)
    if first_day == today().replace(day=1):
        in_the_month |= TO_BE_ANNOUNCED
    queryset = apply_filters(events(parent.locale, parent), filters, parent.locale).filter(
        in_the_month
    )
    return Listing(form, filters=filters, **_split(list(queryset), first_day))


def past(parent: Page, params: Mapping[str, Any], page_size: int) -> Listing:
    """Events that have ended, newest first, a page at a time (``?strona=``)."""
    number = params.get("strona")
    params = {k: v for k, v in params.items() if k != "strona"}
    form = filter_form(parent.locale, params, with_date=False)
    # A filter with an error filters nothing (form.filters() is empty): the whole list shows
    # under the error summary.
    filters = form.filters()
    queryset = (
        apply_filters(events(parent.locale, parent), filters, parent.locale)
        .filter(DATED, last_day__lt=today())
        .order_by("-standing_start", F("standing_start_time").desc(nulls_last=True), "-pk")
    )
    page_obj = paging.page_of(queryset, number, page_size)
    return Listing(form, page_obj=page_obj, filters=filters)


def for_feed(
    locale: Locale, params: Mapping[str, Any]
) -> tuple[EventFilterForm, list[EventPage] | None]:
    """Events for a subscribed calendar: upcoming ones and those of the last few weeks.
    None (and the form with its errors) if the filters are not valid."""
    form = filter_form(locale, params, with_date=False)
    if params and not form.is_valid():
        return form, None
    filters = form.filters()
    since = today() - dt.timedelta(days=FEED_KEEPS_PAST_DAYS)
    # An event whose new date is to be announced stays in the feed (as tentative), so that a
    # calendar that has it learns it moved.
    queryset = apply_filters(events(locale), filters, locale).filter(
        Q(last_day__gte=since) | TO_BE_ANNOUNCED
    )
    return form, list(queryset)


def upcoming_at(venue: Venue, locale: Locale, limit: int = 10) -> list[EventPage]:
    """The next events at ``venue``, for the venue's page: not cancelled ones (as on the home
    page); those whose new date is to be announced come last."""
    queryset = events(locale).filter((DATED & Q(last_day__gte=today())) | TO_BE_ANNOUNCED)
    queryset = queryset.exclude(status=EventStatus.CANCELLED)
    ordering = ["to_be_announced", *queryset.query.order_by]
    return list(queryset.filter(venue=venue).order_by(*ordering)[:limit])


def upcoming_on_home_page(parent: Page, limit: int) -> list[EventPage]:
    """The next events that will happen, for the home page: not cancelled ones, nor those
    whose new date is to be announced (they have no date to list them by)."""
    queryset = events(parent.locale, parent).filter(DATED, last_day__gte=today())
    return list(queryset.exclude(status=EventStatus.CANCELLED)[:limit])


# --- an event's page -----------------------------------------------------------------------------
#
# Links from an event go to pages in the event's own language: an untranslated event (an alias)
# still points at Polish pages, which have a version in every language under the same key.


def related_articles(event: EventPage) -> list[Any]:
    from biuletyn.articles.queries import articles_by_keys

    links = event.related_articles.order_by("sort_order")
    return articles_by_keys(
        list(links.values_list("article__translation_key", flat=True)), event.locale
    )


def earlier_event(event: EventPage) -> EventPage | None:
    """The event this one follows on from, in this event's language."""
    if event.continues_id is None:
        return None
    from .models import EventPage

    keys = EventPage.objects.filter(pk=event.continues_id).values("translation_key")
    return visible(EventPage.objects.filter(translation_key__in=keys), event.locale).first()


def follow_ups(event: EventPage) -> list[EventPage]:
    """Events that follow on from this one, in this event's language, in calendar order."""
    return list(events(event.locale).filter(continues__translation_key=event.translation_key))


def categories_in_locale(categories: list[Any], locale: Any) -> list[Any]:
    """Categories in ``locale`` where they have a translation there: an untranslated event (an
    alias) keeps its Polish categories, whose filter links must use the calendar's language."""
    foreign = [c.translation_key for c in categories if c.locale_id != locale.pk]
    if not foreign:
        return categories
    translated = {
        c.translation_key: c
        for c in Category.objects.filter(translation_key__in=foreign, locale=locale)
    }
    return [translated.get(c.translation_key, c) for c in categories]
