"""The registration settings in the admin refuse what contradicts the event or the people
already registered (issue 10, review fixes), each with a sentence at its field:

* fewer seats or wheelchair spaces than are already taken, with the count in the right Polish
  plural form; switching the waiting list off while people wait on it (refused: the people
  waiting would be left in a list that no longer exists; the error says how many and what to do);
* opening, closing or releasing the wheelchair spaces after the event starts (an event whose new
  date is not known yet has no start to compare with);
* a mistyped number ("3e") is an error, never "no limit": numbers are text fields with a numeric
  keyboard, and an empty capacity is the choice the hint explains;
* dates and times show as the hint and the error write them ("20.12.2026 10:00"), and the form
  takes back what it shows;
* the list's footer counts events in the right plural form, and long titles carry soft hyphens
  so a narrow column breaks them at a syllable.

Persona: an accessibility coordinator who edits an event's registration settings."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.utils import timezone

from biuletyn.events.enums import EventStatus
from biuletyn.events.models import EventPage
from biuletyn.registrations.enums import Need, RegistrationStatus
from biuletyn.registrations.models import RegistrationSetup
from biuletyn.registrations.services import NeedAnswer
from tests.factories.events import make_event
from tests.factories.registrations import make_setup, register
from tests.registrations.test_admin import admin_time, admin_url, make_editor, setup_form, text_of

pytestmark = pytest.mark.integration


@pytest.fixture
def coordinator(client, django_user_model):
    user = make_editor(django_user_model, "koordynatorka", coordinator=True)
    client.force_login(user)
    return user


def edit(client, setup: RegistrationSetup, **fields: object):
    return client.post(admin_url("edit", setup.pk), setup_form(setup.event, **fields))


# --- the people already registered -----------------------------------------------------------


def test_fewer_seats_than_are_confirmed_are_refused(client, coordinator, event):
    setup = make_setup(event, capacity=20)
    for _person in range(3):
        register(setup, seats=4)

    response = edit(client, setup, capacity="5", wheelchair_spaces="0")

    text = text_of(response)
    assert response.status_code == 200
    assert (
        "Na to wydarzenie potwierdzono już 12 miejsc. Wpisz co najmniej 12 albo najpierw "
        "anuluj zgłoszenia."
    ) in text
    assert 'value="5"' in response.content.decode()
    setup.refresh_from_db()
    assert setup.capacity == 20

    assert edit(client, setup, capacity="12", wheelchair_spaces="0").status_code == 302
    setup.refresh_from_db()
    assert setup.capacity == 12


def test_the_seats_error_counts_in_polish(client, coordinator, event):
    setup = make_setup(event, capacity=20)
    register(setup, seats=2)

    text = text_of(edit(client, setup, capacity="1", wheelchair_spaces="0"))

    assert "Na to wydarzenie potwierdzono już 2 miejsca. Wpisz co najmniej 2" in text


def test_fewer_wheelchair_spaces_than_are_taken_are_refused(client, coordinator, event):
    setup = make_setup(event, capacity=20, wheelchair_spaces=4)
    for _person in range(3):
        register(setup, needs=[NeedAnswer(Need.WHEELCHAIR)], health_consent=True)

    response = edit(client, setup, wheelchair_spaces="1")

    assert response.status_code == 200
    assert (
        "Na tym wydarzeniu zajęte są już 3 miejsca dla osób na wózku. Wpisz co najmniej 3 albo "
        "najpierw anuluj zgłoszenia."
    ) in text_of(response)
    setup.refresh_from_db()
    assert setup.wheelchair_spaces == 4
    assert edit(client, setup, wheelchair_spaces="3").status_code == 302


def test_the_waiting_list_is_not_switched_off_while_people_wait(client, coordinator, event):
    setup = make_setup(event, capacity=1)
    register(setup)
    waiting = register(setup).registration
    assert waiting.status == RegistrationStatus.WAITING

    response = edit(client, setup, capacity="1", waiting_list="", wheelchair_spaces="0")

    assert response.status_code == 200
    assert (
        "Na liście rezerwowej czeka 1 zgłoszenie, więc nie można jej wyłączyć. Najpierw dodaj "
        "miejsca (osoba z listy dostanie je od razu) albo anuluj to zgłoszenie. Jeśli nie "
        "chcesz przyjmować nowych osób, wyłącz zapisy."
    ) in text_of(response)
    setup.refresh_from_db()
    assert setup.waiting_list

    # The way out the error gives: more seats confirm the person waiting; then the list can go.
    assert edit(client, setup, capacity="2", wheelchair_spaces="0").status_code == 302
    waiting.refresh_from_db()
    assert waiting.status == RegistrationStatus.CONFIRMED
    assert (
        edit(client, setup, capacity="2", waiting_list="", wheelchair_spaces="0").status_code == 302
    )
    setup.refresh_from_db()
    assert not setup.waiting_list


def test_the_waiting_list_error_counts_in_polish(client, coordinator, event):
    setup = make_setup(event, capacity=1)
    register(setup)
    for _person in range(5):
        register(setup)

    text = text_of(edit(client, setup, capacity="1", waiting_list="", wheelchair_spaces="0"))

    assert "Na liście rezerwowej czeka 5 zgłoszeń, więc nie można jej wyłączyć." in text
    assert "anuluj te zgłoszenia" in text


# --- the event's start ---------------------------------------------------------------------------


def test_registration_cannot_close_after_the_event_starts(client, coordinator, event):
    start = event.schedule.first_instant

    response = client.post(
        admin_url("add"),
        setup_form(event, closes_at=admin_time(start + dt.timedelta(days=40))),
    )

    assert response.status_code == 200
    assert "Zapisy muszą się zamknąć najpóźniej w chwili rozpoczęcia wydarzenia." in text_of(
        response
    )
    assert not RegistrationSetup.objects.exists()

    at_the_start = client.post(admin_url("add"), setup_form(event, closes_at=admin_time(start)))
    assert at_the_start.status_code == 302


def test_wheelchair_spaces_are_released_before_the_event_starts(client, coordinator, event):
    start = event.schedule.first_instant

    for moment in (start, start + dt.timedelta(hours=1)):
        response = client.post(
            admin_url("add"), setup_form(event, wheelchair_release_at=admin_time(moment))
        )

        assert response.status_code == 200
        assert "Miejsca dla osób na wózku trzeba zwolnić przed rozpoczęciem wydarzenia." in text_of(
            response
        )
    assert not RegistrationSetup.objects.exists()

    before = admin_time(start - dt.timedelta(days=1))
    assert (
        client.post(admin_url("add"), setup_form(event, wheelchair_release_at=before)).status_code
        == 302
    )


def test_registration_cannot_open_after_the_event_starts(client, coordinator, event):
    start = event.schedule.first_instant

    response = client.post(
        admin_url("add"), setup_form(event, opens_at=admin_time(start + dt.timedelta(days=1)))
    )

    assert response.status_code == 200
    assert "Zapisy muszą się otworzyć przed rozpoczęciem wydarzenia." in text_of(response)


def test_the_english_version_is_checked_against_the_same_start(client, coordinator, event):
    english = event.get_translations().get()
    late = admin_time(event.schedule.first_instant + dt.timedelta(days=2))

    response = client.post(admin_url("add"), setup_form(english, closes_at=late))

    assert "Zapisy muszą się zamknąć najpóźniej w chwili rozpoczęcia wydarzenia." in text_of(
        response
    )


def test_an_event_without_a_new_date_has_no_start_to_check(client, coordinator, calendar):
    event = make_event(calendar)
    setup = make_setup(event)
    EventPage.objects.filter(pk=event.pk).update(status=EventStatus.POSTPONED)
    later = admin_time(timezone.now() + dt.timedelta(days=400))

    response = edit(client, setup, closes_at=later)

    assert response.status_code == 302


# --- numbers -------------------------------------------------------------------------------------


def test_a_mistyped_capacity_is_an_error_not_an_unlimited_event(client, coordinator, event):
    form = client.get(admin_url("add")).content.decode()
    for name in ("capacity", "wheelchair_spaces", "max_seats_per_registration"):
        field = re.search(rf'<input[^>]*name="{name}"[^>]*>', form)
        assert field, name
        assert 'type="text"' in field[0], name
        assert 'inputmode="numeric"' in field[0], name
    assert "Zostaw puste, jeśli liczba miejsc jest nieograniczona." in text_of(
        client.get(admin_url("add"))
    )

    response = client.post(admin_url("add"), setup_form(event, capacity="3e"))

    assert response.status_code == 200
    assert "Wpisz liczbę miejsc (1 lub więcej) albo zostaw puste, jeśli nie ma limitu." in text_of(
        response
    )
    assert 'value="3e"' in response.content.decode()
    assert not RegistrationSetup.objects.exists()


def test_an_empty_capacity_is_no_limit(client, coordinator, event):
    response = client.post(admin_url("add"), setup_form(event, capacity=""))

    assert response.status_code == 302
    assert RegistrationSetup.objects.get().capacity is None


# --- dates and times -----------------------------------------------------------------------------


def test_dates_show_as_the_hint_and_the_error_write_them(client, coordinator, event):
    start = event.schedule.first_instant
    opens = timezone.localtime(start - dt.timedelta(days=10)).replace(
        hour=9, minute=0, second=0, microsecond=0
    )
    setup = make_setup(event, opens_at=opens)

    response = client.get(admin_url("edit", setup.pk))

    page = response.content.decode()
    text = text_of(response)
    field = re.search(r'<input[^>]*name="opens_at"[^>]*>', page)
    assert field
    assert f'value="{opens:%d.%m.%Y} 09:00"' in field[0]
    assert "Czas polski, na przykład 20.12.2026 10:00." in text
    assert re.search(r'name="opens_at"[^>]*value="\d{4}-', page) is None

    # What the form shows, sent back unchanged, is the same moment.
    again = client.post(
        admin_url("edit", setup.pk),
        setup_form(event, opens_at=f"{opens:%d.%m.%Y} 09:00", capacity="50", wheelchair_spaces="0"),
    )
    assert again.status_code == 302
    setup.refresh_from_db()
    assert setup.opens_at == opens


def test_iso_dates_are_still_read(client, coordinator, event):
    day = timezone.localtime(event.schedule.first_instant) - dt.timedelta(days=2)

    response = client.post(admin_url("add"), setup_form(event, opens_at=f"{day:%Y-%m-%d} 08:30"))

    assert response.status_code == 302
    opens = timezone.localtime(RegistrationSetup.objects.get().opens_at)
    assert (opens.day, opens.hour, opens.minute) == (day.day, 8, 30)


# --- the list ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("events", "label"),
    [(1, "1 wydarzenie z zapisami"), (3, "3 wydarzenia z zapisami"), (5, "5 wydarzeń z zapisami")],
)
def test_the_list_counts_events_in_polish(client, coordinator, calendar, events, label):
    for _number in range(events):
        make_setup(make_event(calendar))

    text = text_of(client.get(admin_url("index")))

    assert label in text
    assert "zapisy na wydarzenia" not in text


def test_long_titles_in_the_list_break_at_a_syllable(client, coordinator, calendar):
    event = make_event(calendar, title="Jak czytać orzeczenie o niepełnosprawności")
    make_setup(event)

    response = client.get(admin_url("index"))

    page = response.content.decode()
    assert "orze\u00adcze\u00adnie" in page or "orzecze\u00adnie" in page
    assert "Jak czytać orzeczenie o niepełnosprawności" in text_of(response)
    assert "registrations/admin.css" in page
