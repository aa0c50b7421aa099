"""What the registration form says before it is sent (issue 10, the review of the public
form): needs ticked without consent bring the form back once with a warning that takes focus,
then the form is accepted without them; a PJM interpreter the organiser provides needs no
ordering (no last day, no "cannot promise"), while SJM and SKOGN keep the last day; an
online-only event asks for no place-bound needs; unlimited seats have no waiting-list line;
a waiting list that nobody fits says a newcomer who fits gets the free places; e-mail and
phone are one question; each part of the form is a fieldset whose legend is a heading.

Personas: a Deaf person at an event with a PJM interpreter; someone who ticks a need but not
the consent; a person registering for a webinar; a screen-reader user listing headings."""

from __future__ import annotations

import re

import pytest

from biuletyn.events.enums import AttendanceMode
from biuletyn.registrations import services
from biuletyn.registrations.models import AccommodationRequest, Registration
from tests.factories.events import days, make_event
from tests.factories.registrations import form_fields as fields
from tests.factories.registrations import form_url, make_setup, register

pytestmark = pytest.mark.integration


def note(html: str, note_id: str) -> str | None:
    found = re.search(rf'<p class="app-choices__note" id="{note_id}">(.*?)</p>', html, re.S)
    return None if found is None else found.group(1)


# --- needs without consent --------------------------------------------------------------------


def test_needs_without_consent_bring_the_form_back_once_with_a_warning(client, setup):
    url = form_url(setup.event)
    response = client.post(url, fields(needs=["pjm", "diet"], diet_details="Wegańska"))
    html = response.content.decode()
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    assert not Registration.objects.exists()
    # A warning, not an error: no summary, no "Error:" in the title.
    assert "app-error-summary" not in html
    assert "<title>Błąd:" not in html
    warning = re.search(r'<div class="app-notification-banner[^"]*"[^>]*>.*?</div>', html, re.S)
    assert warning is not None
    assert 'tabindex="-1"' in warning.group(0)
    assert "autofocus" in warning.group(0)
    assert "Zaznaczono: PJM, dieta. Bez zgody nie zapiszemy tych próśb" in warning.group(0)
    assert 'href="#id_health_consent"' in warning.group(0)
    # First in main, before the form's heading.
    main = html.split("<main", 1)[1]
    assert main.index("app-notification-banner") < main.index("<h1")
    # Everything typed is kept, and the page remembers it has warned.
    assert 'value="Anna Kowalska"' in html
    assert 'value="pjm" id="id_needs" checked' in html
    assert ">\nWegańska</textarea>" in html
    assert '<input type="hidden" name="consent_warned" value="1">' in html

    # Sent again without consent: registered, the needs not stored, the person told.
    key = re.search(r'name="idempotency_key" value="([0-9a-f]{32})"', html)
    assert key is not None
    again = client.post(
        url,
        fields(
            needs=["pjm", "diet"],
            diet_details="Wegańska",
            consent_warned="1",
            idempotency_key=key.group(1),
        ),
        follow=True,
    )
    registration = Registration.objects.get()
    assert registration.needs_dropped
    assert not AccommodationRequest.objects.exists()
    assert "Nie zapisaliśmy Twoich próśb" in again.content.decode()


def test_needs_with_consent_or_no_needs_are_never_held_back(client, setup):
    url = form_url(setup.event)
    assert client.post(url, fields()).status_code == 303
    consented = client.post(
        url, fields(email="ola@example.org", needs=["pjm"], health_consent="on")
    )
    assert consented.status_code == 303
    assert AccommodationRequest.objects.count() == 1


def test_an_error_after_the_warning_keeps_the_warning_given(client, setup):
    response = client.post(
        form_url(setup.event), fields(name="", needs=["pjm"], consent_warned="1")
    )
    html = response.content.decode()
    assert "app-error-summary" in html
    assert "app-notification-banner--warning" not in html
    assert '<input type="hidden" name="consent_warned" value="1">' in html


# --- interpreters ---------------------------------------------------------------------------


def test_a_pjm_interpreter_the_organiser_provides_needs_no_ordering(client, calendar):
    event = make_event(calendar, sign_language="provided")
    make_setup(event)
    html = client.get(form_url(event)).content.decode()
    pjm = note(html, "pjm-note")
    assert pjm is not None
    assert "Na wydarzeniu będzie tłumacz PJM – nie trzeba go zamawiać." in pjm
    # Ticking it says something the organiser can act on.
    assert (
        "Zaznacz, jeśli będziesz korzystać z tłumaczenia – organizator posadzi Cię tam, skąd "
        "dobrze widać tłumacza." in pjm
    )
    assert "że przyjdziesz" not in pjm
    assert 'value="pjm" id="id_needs" aria-describedby="pjm-note"' in html
    # SJM and SKOGN keep the last day to ask, and only they point to it.
    deadline = note(html, "interpreter-note")
    assert deadline is not None
    assert "Jeśli potrzebujesz tłumacza SJM albo SKOGN, zaznacz to do" in deadline
    assert "(3 dni robocze przed wydarzeniem)" in deadline
    assert 'value="sjm" id="id_needs_1" aria-describedby="interpreter-note"' in html
    assert "PJM" not in deadline


def test_after_the_last_day_a_provided_pjm_interpreter_is_not_best_effort(client, calendar):
    soon = make_event(calendar, start_date=days(1), sign_language="provided")
    setup = make_setup(soon)
    html = client.get(form_url(soon)).content.decode()
    assert "nie może tego obiecać" not in (note(html, "pjm-note") or "")
    assert "SJM albo SKOGN" in (note(html, "interpreter-note") or "")
    response = client.post(
        form_url(soon), fields(needs=["pjm", "sjm"], health_consent="on"), follow=True
    )
    cases = {
        case.need: case for case in AccommodationRequest.objects.filter(registration__setup=setup)
    }
    assert not cases["pjm"].best_effort
    assert cases["sjm"].best_effort
    assert "Prośba o tłumacza przyszła po ostatnim dniu na jego zamówienie" in (
        response.content.decode()
    )
    assert services.pjm_provided(setup)


def test_an_interpreter_on_request_has_the_last_day_to_ask(client, setup):
    html = client.get(form_url(setup.event)).content.decode()
    deadline = note(html, "interpreter-note")
    assert deadline is not None
    assert deadline.startswith("Jeśli potrzebujesz tłumacza, zaznacz to do ")
    assert "Później organizator postara się go zapewnić, ale nie może tego obiecać." in deadline
    assert note(html, "pjm-note") is None
    assert 'value="pjm" id="id_needs" aria-describedby="interpreter-note"' in html


# --- what the event is like -------------------------------------------------------------------


def test_an_online_event_asks_for_no_place_bound_needs(client, calendar):
    webinar = make_event(
        calendar, attendance_mode=AttendanceMode.ONLINE, online_url="https://example.org/live"
    )
    make_setup(webinar)
    html = client.get(form_url(webinar)).content.decode()
    for value in ("wheelchair", "quiet_space", "diet"):
        assert f'value="{value}"' not in html
    assert 'name="diet_details"' not in html
    assert 'value="assistant"' in html
    assert 'value="captions"' in html
    response = client.post(form_url(webinar), fields(needs=["wheelchair"], health_consent="on"))
    assert response.status_code == 200
    assert "Wybierz z listy to, czego potrzebujesz." in response.content.decode()
    assert not Registration.objects.exists()


def test_unlimited_seats_have_no_waiting_list_line(client, event):
    make_setup(event, capacity=None)
    html = client.get(form_url(event)).content.decode()
    assert "bez limitu" in html
    assert "Lista rezerwowa" not in html


def test_free_places_nobody_waiting_fits_are_offered_to_a_newcomer(client, event):
    setup = make_setup(event, capacity=3)
    register(setup, seats=2)
    register(setup, seats=3)  # waits: three seats do not fit the one free
    html = client.get(form_url(event)).content.decode()
    assert "1 z 3" in html
    assert "Osobom z listy rezerwowej nie wystarczą teraz wolne miejsca." in html
    assert client.post(form_url(event), fields()).status_code == 303
    assert Registration.objects.get(email="anna@example.org").status == "confirmed"


# --- the form's structure -------------------------------------------------------------------


def test_email_and_phone_are_one_question(client, setup):
    html = client.get(form_url(setup.event)).content.decode()
    contact = re.search(
        r'<fieldset class="app-field__fieldset app-contact-fields".*?</fieldset>', html, re.S
    )
    assert contact is not None
    block = contact.group(0)
    assert 'aria-describedby="contact-hint"' in block
    assert "Jak możemy się z Tobą skontaktować? (wystarczy jedno)" in block
    # The next question asks which way is preferred, not the same question again.
    assert "Który sposób kontaktu wolisz?" in html
    assert "Jak mamy się z Tobą kontaktować?" not in html
    hint = '<div class="app-field__hint" id="contact-hint">Podaj adres e-mail, numer telefonu albo'
    assert f"{hint} oba.</div>" in block
    assert "opcjonalne" not in block
    assert 'id="id_email"' in block
    assert 'id="id_phone"' in block


def test_the_parts_of_the_form_are_headings_and_the_needs_have_one_legend(client, setup):
    html = client.get(form_url(setup.event)).content.decode()
    assert (
        '<legend class="app-fieldset__legend"><h2 class="app-heading-m">O Tobie</h2></legend>'
        in html
    )
    needs = re.search(
        r'<fieldset class="app-fieldset" id="registration-needs".*?</fieldset>', html, re.S
    )
    assert needs is not None
    assert 'aria-describedby="id_needs_helptext"' in needs.group(0)
    assert needs.group(0).count("<legend") == 1
    assert "Czego potrzebujesz, żeby wziąć udział?</h2></legend>" in needs.group(0)


def test_a_needs_error_is_tied_to_the_needs_fieldset(client, setup):
    response = client.post(form_url(setup.event), fields(needs=["nothing"], health_consent="on"))
    assert (
        'id="registration-needs" aria-describedby="id_needs_helptext id_needs_error"'
        in response.content.decode()
    )


def test_an_error_gives_text_fields_the_thick_red_border(client, setup):
    response = client.post(form_url(setup.event), fields(email="anna@"))
    html = response.content.decode()
    assert re.search(r'<div class="app-field app-field--error">\s*<label[^>]*for="id_email"', html)


def test_the_title_is_typeset_like_other_page_titles(client, calendar):
    event = make_event(calendar, title="Spotkanie z urzędem w Lublinie")
    make_setup(event)
    html = client.get(form_url(event)).content.decode()
    assert "Spotkanie z\u00a0urzędem w\u00a0Lublinie" in html


def test_the_same_contact_again_says_so_in_plain_words(client, setup):
    register(setup, email="jan@example.org")
    html = client.post(form_url(setup.event), fields(email="jan@example.org"), follow=True)
    text = html.content.decode()
    assert "Masz już zgłoszenie na to wydarzenie" in text
    assert "Na to wydarzenie jest już zgłoszenie z tym adresem e-mail albo numerem telefonu" in text


def test_an_online_event_with_a_pjm_interpreter_on_screen(client, calendar):
    webinar = make_event(
        calendar,
        attendance_mode=AttendanceMode.ONLINE,
        online_url="https://example.org/live",
        sign_language="provided",
    )
    make_setup(webinar)
    pjm = note(client.get(form_url(webinar)).content.decode(), "pjm-note")
    assert pjm is not None
    assert "Tłumacz PJM będzie widoczny na ekranie przez całe wydarzenie" in pjm
    assert "posadzi" not in pjm


def test_the_details_say_when_to_fill_them_in(client, setup):
    html = client.get(form_url(setup.event)).content.decode()
    assert html.count("Wypełnij, jeśli zaznaczysz pole powyżej.") == 2
    assert "zaznaczono pole" not in html


def test_the_english_form_asks_for_a_contact_to_send_the_link_to(client, setup):
    from wagtail.models import Locale

    english = setup.event.get_translation(Locale.objects.get(language_code="en"))
    response = client.post(f"{english.url}registration/", fields(email="", phone=""))
    html = response.content.decode()
    assert "so that we can send you the link to your registration." in html
    assert "send you your registration" not in html
    assert "How would you prefer us to contact you?" in html
