"""What an editor may not publish (issue 4): EventPage.clean() puts each problem on its field,
and the Wagtail admin shows it instead of saving.

Personas: an editor with every permission (the admin tests); the model rules need no user."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from biuletyn.events.dates import WARSAW
from biuletyn.events.models import EventPage
from tests.factories.events import event_fields, make_calendar, make_event
from tests.factories.venues import make_venue

pytestmark = pytest.mark.integration

D = dt.date
T = dt.time

END_BEFORE_START = _("The event cannot end before it starts: check the end date.")
END_TIME_NOT_AFTER_START = _(
    "The event cannot end before it starts: the end time is not after the start "
    "time. For an event that ends after midnight, give the end date."
)
END_TIME_WITHOUT_START = _("Give the start time too, or leave both times empty.")
NO_SUCH_TIME = _(
    "There is no such time in Poland on that day: the clocks go forward "
    "an hour at 2:00. Choose a time before 2:00 or from 3:00."
)
VENUE_NEEDED = _("Choose the venue: people will come to this event in person.")
PRICE_NEEDED = _("Give the price, or describe it under “about the price”.")
FREE_HAS_NO_PRICE = _("A free event has no price: clear the price or untick “free”.")
HOW_TO_ASK_NEEDED = _(
    "Say how to ask for an interpreter without a voice call (by e-mail, text message or a PJM "
    "video call), or choose a contact on the Content tab that has one of them: readers must "
    "know whom to ask."
)
CANNOT_CONTINUE_ITSELF = _("An event cannot continue itself.")

# Sundays when the clocks change in Poland in 2026.
SPRING_FORWARD = D(2026, 3, 29)
FALL_BACK = D(2026, 10, 25)


def errors_of(page: EventPage) -> dict[str, list[str]]:
    """The messages clean() gives, by field ({} when the event is valid)."""
    try:
        page.clean()
    except ValidationError as error:
        return error.message_dict
    return {}


def online_event(**fields) -> EventPage:
    """An unsaved event that needs no venue, so only the fields under test decide."""
    return EventPage(**event_fields(attendance_mode="online", **fields))


# --- times --------------------------------------------------------------------------------------


def test_end_date_before_start_date_is_refused_on_end_date(db):
    page = online_event(start_date=D(2026, 12, 10), end_date=D(2026, 12, 9))

    assert errors_of(page) == {"end_date": [str(END_BEFORE_START)]}


@pytest.mark.parametrize(
    ("start", "end"), [(T(18, 0), T(16, 0)), (T(16, 0), T(16, 0))], ids=["before", "same minute"]
)
def test_end_time_not_after_start_on_one_day_is_refused_on_end_time(db, start, end):
    page = online_event(start_date=D(2026, 12, 10), start_time=start, end_time=end)

    assert errors_of(page) == {"end_time": [str(END_TIME_NOT_AFTER_START)]}


def test_end_time_not_after_start_is_refused_also_when_end_date_is_the_start_date(db):
    day = D(2026, 12, 10)
    page = online_event(start_date=day, end_date=day, start_time=T(18, 0), end_time=T(9, 0))

    assert errors_of(page) == {"end_time": [str(END_TIME_NOT_AFTER_START)]}


def test_end_time_without_start_time_is_refused_on_start_time(db):
    page = online_event(start_time=None, end_time=T(18, 0))

    assert errors_of(page) == {"start_time": [str(END_TIME_WITHOUT_START)]}


def test_start_time_skipped_by_the_spring_clock_change_is_refused(db):
    page = online_event(start_date=SPRING_FORWARD, start_time=T(2, 30), end_time=T(5, 0))

    assert errors_of(page) == {"start_time": [str(NO_SUCH_TIME)]}


def test_end_time_skipped_by_the_spring_clock_change_is_refused(db):
    page = online_event(
        start_date=D(2026, 3, 28),
        start_time=T(22, 0),
        end_date=SPRING_FORWARD,
        end_time=T(2, 15),
    )

    assert errors_of(page) == {"end_time": [str(NO_SUCH_TIME)]}


def test_overnight_event_with_end_date_next_day_is_valid(db):
    page = online_event(
        start_date=D(2026, 12, 31), start_time=T(22, 0), end_date=D(2027, 1, 1), end_time=T(2, 0)
    )

    assert errors_of(page) == {}


def test_ambiguous_autumn_time_is_accepted_as_the_first_one(db):
    page = online_event(start_date=FALL_BACK, start_time=T(2, 30), end_time=T(2, 45))

    assert errors_of(page) == {}
    assert page.starts_at.utcoffset() == dt.timedelta(hours=2)  # summer time: seen first


def test_all_day_event_needs_no_times(db):
    page = online_event(
        start_date=D(2026, 12, 10), start_time=None, end_time=None, end_date=D(2026, 12, 12)
    )

    assert errors_of(page) == {}


# --- place, price, interpreter, continuation -----------------------------------------------------


@pytest.mark.parametrize("mode", ["in_person", "mixed"])
def test_event_people_come_to_needs_a_venue(db, mode):
    page = EventPage(**event_fields(attendance_mode=mode, venue=None))

    assert errors_of(page) == {"venue": [str(VENUE_NEEDED)]}


def test_online_event_needs_no_venue(db):
    page = EventPage(**event_fields(attendance_mode="online", venue=None))

    assert errors_of(page) == {}


def test_in_person_event_with_a_venue_is_valid(db):
    page = EventPage(**event_fields(attendance_mode="in_person", venue=make_venue()))

    assert errors_of(page) == {}


@pytest.mark.parametrize("how_to_ask", ["", "   \n "], ids=["empty", "only spaces"])
def test_interpreter_on_request_needs_a_contact_or_instructions(db, how_to_ask):
    page = online_event(
        sign_language="on_request", contact=None, sign_language_how_to_ask=how_to_ask
    )

    assert errors_of(page) == {"sign_language_how_to_ask": [str(HOW_TO_ASK_NEEDED)]}


def test_interpreter_on_request_with_instructions_is_valid(db):
    page = online_event(
        sign_language="on_request",
        sign_language_how_to_ask="Napisz SMS pod numer 600 100 200 albo zadzwoń przez wideo.",
    )

    assert errors_of(page) == {}


def test_interpreter_on_request_with_a_contact_is_valid(db):
    from tests.factories.bulletin import make_organisation

    page = online_event(sign_language="on_request", contact=make_organisation())

    assert errors_of(page) == {}


def test_interpreter_provided_needs_no_instructions(db):
    page = online_event(sign_language="provided")

    assert errors_of(page) == {}


def test_paid_event_without_a_price_is_refused_on_price(db):
    page = online_event(is_free=False, price=None, price_details="")

    assert errors_of(page) == {"price": [str(PRICE_NEEDED)]}


@pytest.mark.parametrize(
    "fields",
    [{"price": Decimal("25.00")}, {"price_details": "Bilety 20 zł, ulgowe 10 zł."}],
    ids=["price", "about the price"],
)
def test_paid_event_with_a_price_or_its_description_is_valid(db, fields):
    page = online_event(is_free=False, **fields)

    assert errors_of(page) == {}


def test_free_event_with_a_price_is_refused_on_price(db):
    page = online_event(is_free=True, price=Decimal("10.00"))

    assert errors_of(page) == {"price": [str(FREE_HAS_NO_PRICE)]}


def test_event_cannot_continue_itself(site_tree):
    event = make_event(make_calendar(site_tree["pl"]))
    event.continues = event

    assert errors_of(event) == {"continues": [str(CANNOT_CONTINUE_ITSELF)]}


def test_event_may_continue_another(site_tree):
    calendar = make_calendar(site_tree["pl"])
    first = make_event(calendar)
    second = make_event(calendar, start_date=first.start_date + dt.timedelta(days=7))
    second.continues = first

    assert errors_of(second) == {}


def test_every_problem_is_reported_at_once(db):
    page = EventPage(
        **event_fields(
            attendance_mode="in_person",
            venue=None,
            start_date=D(2026, 12, 10),
            end_date=D(2026, 12, 9),
            is_free=False,
        )
    )

    assert set(errors_of(page)) == {"end_date", "venue", "price"}


# --- wall-clock times (property) ----------------------------------------------------------------


def _skipped_by_spring_change(day: dt.date, time: dt.time) -> bool:
    """Poland (EU rules): clocks go from 2:00 to 3:00 on the last Sunday of March."""
    last_sunday_of_march = day.month == 3 and day.weekday() == 6 and day.day > 31 - 7
    return last_sunday_of_march and time.hour == 2


# A new page asks the database for its default locale: the test needs ``db``.
@settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    day=st.dates(min_value=D(2020, 1, 1), max_value=D(2037, 12, 31)),
    time=st.builds(T, st.integers(0, 23), st.sampled_from([0, 1, 15, 30, 45, 59])),
)
@example(day=SPRING_FORWARD, time=T(2, 30))
@example(day=SPRING_FORWARD, time=T(2, 0))
@example(day=SPRING_FORWARD, time=T(3, 0))
@example(day=SPRING_FORWARD, time=T(1, 59))
@example(day=FALL_BACK, time=T(2, 30))
@example(day=FALL_BACK, time=T(3, 0))
def test_start_is_the_entered_wall_clock_time_in_warsaw_unless_it_does_not_exist(db, day, time):
    page = EventPage(
        title="Spotkanie",
        slug="spotkanie",
        lead="Zajawka.",
        start_date=day,
        start_time=time,
        attendance_mode="online",
    )

    errors = errors_of(page)

    if _skipped_by_spring_change(day, time):
        assert errors == {"start_time": [str(NO_SUCH_TIME)]}
    else:
        assert errors == {}
        instant = page.starts_at.astimezone(dt.UTC)
        on_the_clock = instant.astimezone(WARSAW)
        assert (on_the_clock.date(), on_the_clock.time()) == (day, time)
        assert on_the_clock.utcoffset() in (dt.timedelta(hours=1), dt.timedelta(hours=2))


# --- the Wagtail admin ---------------------------------------------------------------------------


@pytest.fixture
def editor(client, site_tree, django_user_model):
    """An editor with every permission, signed in; the admin speaks Polish by default."""
    user = django_user_model.objects.create_superuser("redaktorka", "r@example.org", "hasło-123")
    client.force_login(user)
    return user


def admin_form(**fields) -> dict[str, str]:
    """The event edit form as the admin posts it, filled in validly; ``fields`` override."""
    data = {
        "title": "Spotkanie z urzędem",
        "slug": "spotkanie-z-urzedem",
        "lead": "Rozmowa o dostępności przystanków.",
        "start_date": "2026-12-10",
        "start_time": "16:00",
        "end_date": "",
        "end_time": "18:00",
        "status": "scheduled",
        "status_note": "",
        "attendance_mode": "online",
        "venue": "",
        "online_url": "https://wideo.example.org/spotkanie",
        "body": streamfield([]),
        "contact": "",
        "participants": "",
        "continues": "",
        "is_free": "on",
        "price": "",
        "price_details": "",
        "related_articles": inline_formset([]),
        "comments": inline_formset([]),
        "sign_language": "none",
        "sign_language_how_to_ask": "",
        "accessibility_other": "",
        "accessibility_notes": "",
        "seo_title": "",
        "search_description": "",
        **fields,
    }
    return nested_form_data(data)


def test_admin_refuses_to_create_an_event_that_ends_before_it_starts(client, editor, site_tree):
    calendar = make_calendar(site_tree["pl"])
    url = reverse("wagtailadmin_pages:add", args=("events", "eventpage", calendar.pk))

    response = client.post(url, admin_form(end_date="2026-12-09"))

    assert response.status_code == 200
    with translation.override("pl"):
        assert response.context["form"].errors["end_date"] == [str(END_BEFORE_START)]
    assert not EventPage.objects.exists()


def test_admin_creates_a_valid_event(client, editor, site_tree):
    # The same form without the mistake is saved: the refusal above is the rule, not the form.
    calendar = make_calendar(site_tree["pl"])
    url = reverse("wagtailadmin_pages:add", args=("events", "eventpage", calendar.pk))

    response = client.post(url, admin_form())

    assert response.status_code == 302, response.context["form"].errors
    assert EventPage.objects.get(locale=calendar.locale).title == "Spotkanie z urzędem"


def test_admin_refuses_to_save_an_edit_that_ends_before_it_starts(client, editor, site_tree):
    event = make_event(make_calendar(site_tree["pl"]), attendance_mode="online")
    revisions = event.revisions.count()
    url = reverse("wagtailadmin_pages:edit", args=(event.pk,))

    response = client.post(
        url,
        admin_form(
            title=event.title,
            slug=event.slug,
            start_date="2026-12-10",
            end_date="2026-12-09",
            start_time="",
            end_time="",
        ),
    )

    assert response.status_code == 200
    with translation.override("pl"):
        assert response.context["form"].errors["end_date"] == [str(END_BEFORE_START)]
    event.refresh_from_db()
    assert event.revisions.count() == revisions
    assert event.end_date is None


def test_admin_shows_a_skipped_time_on_the_start_time_field(client, editor, site_tree):
    calendar = make_calendar(site_tree["pl"])
    url = reverse("wagtailadmin_pages:add", args=("events", "eventpage", calendar.pk))

    response = client.post(url, admin_form(start_date="2026-03-29", start_time="02:30"))

    assert response.status_code == 200
    with translation.override("pl"):
        assert response.context["form"].errors["start_time"] == [str(NO_SUCH_TIME)]
    assert not EventPage.objects.exists()
