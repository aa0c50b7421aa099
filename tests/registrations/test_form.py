"""The public registration form (issue 10, "For the person registering"): a route of the event
page, never cached, with live seat counts; every error explained beside its field and in the
summary with the typed text kept; one registration however often the form is sent; the same
contact twice never shows the existing registration; a honeypot hit goes to moderation; the
rate limits answer with an accessible 429 page and store nothing; needs without consent are
not stored and the person is told; the event's privacy applies to the form.

Personas: a Deaf person asking for a PJM interpreter; a person who registers with a phone only;
someone who clicks "send" twice; a robot."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.utils import timezone
from wagtail.models import ModelLogEntry, PageViewRestriction

from biuletyn.registrations.enums import MessageKind, Need, RegistrationStatus
from biuletyn.registrations.models import AccommodationRequest, OutboxMessage, Registration
from tests.factories.events import days, make_event
from tests.factories.registrations import form_fields as fields
from tests.factories.registrations import form_url, link_target, make_setup, register

pytestmark = pytest.mark.integration


def text_of(response) -> str:
    return response.content.decode()


# --- the page --------------------------------------------------------------------------------


def test_the_form_is_never_stored_and_shows_live_counts(client, event):
    setup = make_setup(event, capacity=50, wheelchair_spaces=4)
    register(setup, seats=2)
    response = client.get(form_url(event))
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    assert "private" in response["Cache-Control"]
    html = text_of(response)
    assert "novalidate" in html
    assert "Wolne miejsca" in html
    assert "48 z 50" in html
    assert "Lista rezerwowa" in html
    assert "Miejsca dla osób na wózku" in html
    assert "wolne: 4 z 4" in html
    # The honeypot is hidden from assistive technology and out of the tab order.
    honeypot = re.search(
        r'<div class="app-registration-form__extra" aria-hidden="true">.*?</div>', html, re.S
    )
    assert honeypot is not None
    assert 'tabindex="-1"' in honeypot.group(0)
    # The consent clause names the controller and the contact, and how long the data stays.
    assert setup.controller in html
    assert setup.controller_contact in html
    assert "30 dni po zakończeniu wydarzenia" in html


def test_the_waiting_list_is_counted_in_registrations_and_people(client, event):
    # A place in line counts registrations ("2. w kolejce"): so does the list, with its people.
    setup = make_setup(event, capacity=1)
    register(setup)
    register(setup, seats=3)
    html = text_of(client.get(form_url(event)))
    assert "0 z 1" in html
    assert "1 zgłoszenie (3 osoby)" in html
    assert "trafisz na listę rezerwową" in html
    register(setup)
    register(setup, seats=2)
    assert "3 zgłoszenia (6 osób)" in text_of(client.get(form_url(event)))


def test_a_waiting_list_of_single_people_is_counted_once(client, event):
    setup = make_setup(event, capacity=1)
    for _person in range(3):
        register(setup)
    html = text_of(client.get(form_url(event)))
    assert "2 osoby" in html
    assert "zgłoszenia" not in html.split("Lista rezerwowa", 1)[1].split("</dd>", 1)[0]


def test_wheelchair_spaces_say_whom_they_are_for_and_until_when(client, event):
    release = timezone.make_aware(dt.datetime.combine(days(20), dt.time(18, 50)))
    setup = make_setup(event, wheelchair_spaces=6, wheelchair_release_at=release)
    html = text_of(client.get(form_url(event)))
    assert "wolne: 6 z 6" in html
    when = re.search(
        r"zachowane dla osób na wózku do <time datetime=\"([^\"]+)\">([^<]+)</time>", html
    )
    assert when is not None
    assert "godz.\xa018:50" in when.group(2) or "godz. 18:50" in when.group(2)
    assert "; potem dostępne dla wszystkich" in html
    setup.wheelchair_release_at = None
    setup.save()
    assert "tylko dla osób na wózku" in text_of(client.get(form_url(event)))
    setup.wheelchair_release_at = timezone.now() - dt.timedelta(hours=1)
    setup.save()
    assert "teraz dostępne dla wszystkich" in text_of(client.get(form_url(event)))


def test_an_event_without_registration_has_no_form(client, event):
    assert client.get(form_url(event)).status_code == 404


def test_the_english_form_speaks_english_and_the_polish_word_redirects(client, setup, event):
    english = event.get_translation(
        __import__("wagtail.models", fromlist=["Locale"]).Locale.objects.get(language_code="en")
    )
    url = f"{english.url}registration/"
    response = client.get(url)
    assert response.status_code == 200
    assert "Free seats" in text_of(response)
    redirect = client.get(f"{english.url}zapisy/")
    assert redirect.status_code == 301
    assert redirect["Location"] == url
    assert client.get(f"{event.url}registration/")["Location"] == form_url(event)


def test_the_events_privacy_applies_to_the_form(client, setup, event):
    PageViewRestriction.objects.create(page=event, restriction_type="login")
    response = client.get(form_url(event))
    assert response.status_code == 302
    assert "Anna" not in text_of(response)
    response = client.post(form_url(event), fields())
    assert response.status_code == 302
    assert not Registration.objects.exists()


def test_a_closed_registration_says_when_it_opens(client, event):
    opens = timezone.now() + dt.timedelta(days=3)
    make_setup(event, opens_at=opens)
    response = client.get(form_url(event))
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    html = text_of(response)
    assert "Zapisy ruszają" in html
    assert "<form" not in html.split("<main", 1)[1]
    # Named as registration, not as an action one cannot take, with the event's date.
    assert f"<title>Zapisy: {event.title}" in html
    assert re.search(r'<h1 class="app-heading-xl">Zapisy<span', html)
    assert "Zapisz się" not in html.split("<main", 1)[1]
    assert f'<time datetime="{event.start_date.isoformat()}' in html


def test_a_full_event_without_a_waiting_list_shows_no_form_but_the_contact(client, calendar):
    from tests.factories.bulletin import make_organisation

    contact = make_organisation(name="Fundacja Kontakt")
    event = make_event(calendar, contact=contact)
    setup = make_setup(event, capacity=1, waiting_list=False)
    register(setup)
    response = client.get(form_url(event))
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    main = text_of(response).split("<main", 1)[1]
    assert "<form" not in main
    assert "Wszystkie miejsca są zajęte, a to wydarzenie nie ma listy rezerwowej." in main
    assert "Jeśli zwolni się miejsce, formularz wróci na tę stronę." in main
    assert "skontaktuj się z organizatorem (dane poniżej)" in main
    assert main.index("(dane poniżej)") < main.index('id="event-contact"')
    assert "Fundacja Kontakt" in main
    assert contact.email in main
    # A seat frees: the form is back.
    Registration.objects.get().delete()
    assert "<form" in text_of(client.get(form_url(event))).split("<main", 1)[1]


def test_a_full_event_with_a_free_wheelchair_space_still_has_the_form(client, event):
    setup = make_setup(event, capacity=1, waiting_list=False, wheelchair_spaces=1)
    register(setup)
    main = text_of(client.get(form_url(event))).split("<main", 1)[1]
    assert "<form" in main
    assert "Wolne są już tylko miejsca dla osób na wózku" in main


# --- registering -----------------------------------------------------------------------------


def test_a_registration_goes_to_the_persons_page_with_the_outcome(client, setup):
    response = client.post(form_url(setup.event), fields())
    registration = Registration.objects.get()
    assert response.status_code == 303
    assert link_target(response["Location"]) == ("registrations:manage", registration)
    assert "no-store" in response["Cache-Control"]
    assert registration.status == RegistrationStatus.CONFIRMED
    assert registration.name == "Anna Kowalska"
    assert registration.language == "pl"
    entry = ModelLogEntry.objects.get(action="biuletyn.registration.create")
    assert entry.data == {"channel": "online", "by": "person"}
    page = client.get(response["Location"])
    assert "Dziękujemy, zapisaliśmy Cię." in text_of(page)
    # Where the link to this page went.
    assert "Wysłaliśmy wiadomość z linkiem do tej strony na adres anna@example.org." in text_of(
        page
    )


def test_a_phone_only_registration_by_text_message(client, setup):
    response = client.post(
        form_url(setup.event),
        fields(email="", phone="+48 600 100 200", contact_preference="sms"),
    )
    assert response.status_code == 303
    registration = Registration.objects.get()
    assert registration.phone == "+48 600 100 200"
    assert registration.contact_preference == "sms"
    # No e-mail goes: the page itself is the link to keep.
    page = text_of(client.get(response["Location"]))
    assert "Zachowaj adres tej strony – to Twój link do zgłoszenia." in page
    assert "Wysłaliśmy wiadomość" not in page


def test_the_english_confirmation_reads_naturally(client, setup):
    from wagtail.models import Locale

    english = setup.event.get_translation(Locale.objects.get(language_code="en"))
    page = client.post(f"{english.url}registration/", fields(), follow=True)
    html = text_of(page)
    assert "Thank you, you are registered." in html
    assert "We have sent a message with the link to this page to anna@example.org." in html


def test_the_waiting_list_tells_the_place_in_line(client, event):
    setup = make_setup(event, capacity=1)
    register(setup)
    register(setup, seats=2)
    response = client.post(form_url(event), fields(), follow=True)
    html = text_of(response)
    assert "Nie ma teraz tylu wolnych miejsc, ilu potrzebujesz, dlatego wpisaliśmy Cię" in html
    assert "na listę rezerwową (jesteś 2. w kolejce)" in html


def test_a_double_submit_makes_one_registration(client, setup):
    data = fields()
    first = client.post(form_url(setup.event), data)
    second = client.post(form_url(setup.event), data)
    assert Registration.objects.count() == 1
    assert first.status_code == second.status_code == 303
    registration = Registration.objects.get()
    assert link_target(first["Location"]) == link_target(second["Location"])
    assert link_target(first["Location"]) == ("registrations:manage", registration)
    assert ModelLogEntry.objects.filter(action="biuletyn.registration.create").count() == 1


def test_the_same_contact_again_never_shows_the_registration(client, setup):
    register(setup, name="Jan Nowak", email="jan@example.org")
    response = client.post(
        form_url(setup.event), fields(name="Ktoś Inny", email="JAN@example.org"), follow=True
    )
    html = text_of(response)
    assert response.redirect_chain[0][1] == 303
    assert "kind=again" in response.redirect_chain[0][0]
    assert "Link do tego zgłoszenia wysłaliśmy jeszcze raz" in html
    assert "Jan Nowak" not in html
    assert "jan@example.org" not in html.lower()
    assert Registration.objects.count() == 1
    assert OutboxMessage.objects.filter(kind=MessageKind.LINK_AGAIN).count() == 1


def test_a_filled_honeypot_goes_to_moderation_and_reads_as_received(client, setup):
    response = client.post(form_url(setup.event), fields(fax="http://spam.example"), follow=True)
    registration = Registration.objects.get()
    assert registration.status == RegistrationStatus.MODERATION
    assert registration.seats_held == 0
    html = text_of(response)
    assert "Otrzymaliśmy Twoje zgłoszenie" in html
    assert "sprawdzamy ręcznie" in html
    assert ModelLogEntry.objects.filter(action="biuletyn.registration.create").count() == 1


# --- needs and consent -----------------------------------------------------------------------


def test_needs_with_consent_are_stored(client, setup):
    response = client.post(
        form_url(setup.event),
        fields(needs=["pjm", "diet"], diet_details="Bezglutenowa", health_consent="on"),
    )
    assert response.status_code == 303
    cases = AccommodationRequest.objects.order_by("need")
    assert [(case.need, case.details) for case in cases] == [("diet", "Bezglutenowa"), ("pjm", "")]


def test_needs_without_consent_are_not_stored_and_the_person_is_told(client, setup):
    # Sent again after the page warned (test_form_review.py): registered without the needs.
    response = client.post(
        form_url(setup.event), fields(needs=["pjm"], consent_warned="1"), follow=True
    )
    assert not AccommodationRequest.objects.exists()
    assert Registration.objects.get().needs_dropped
    assert "Nie zapisaliśmy Twoich próśb" in text_of(response)


def test_typed_details_choose_their_need(client, setup):
    client.post(
        form_url(setup.event), fields(other_details="Pętla dla dwóch osób", health_consent="on")
    )
    case = AccommodationRequest.objects.get()
    assert (case.need, case.details) == (Need.OTHER, "Pętla dla dwóch osób")


def test_an_interpreter_after_the_cut_off_is_best_effort_and_said_before_sending(client, calendar):
    soon = make_event(
        calendar,
        start_date=days(1),
        sign_language="on_request",
        sign_language_how_to_ask="Napisz.",
    )
    setup = make_setup(soon)
    html = text_of(client.get(form_url(soon)))
    note = re.search(r'<p class="app-choices__note" id="interpreter-note">(.*?)</p>', html, re.S)
    assert note is not None
    assert "Ostatni dzień na zamówienie tłumacza" in note.group(1)
    assert "organizator postara się go zapewnić" in note.group(1)
    assert 'value="pjm" id="id_needs" aria-describedby="interpreter-note"' in html
    response = client.post(form_url(soon), fields(needs=["pjm"], health_consent="on"), follow=True)
    assert AccommodationRequest.objects.get(registration__setup=setup).best_effort
    assert "organizator postara się go zapewnić" in text_of(response)


# --- errors ----------------------------------------------------------------------------------


def errors_in_summary(html: str) -> list[str]:
    summary = re.search(r'<div class="app-error-summary".*?</ul>', html, re.S)
    assert summary is not None, "no error summary"
    return re.findall(r'<a href="#([^"]+)">', summary.group(0))


def test_a_missing_contact_is_one_error_on_the_email_field(client, setup):
    response = client.post(form_url(setup.event), fields(name="Zażółć Gęślą", email="", phone=""))
    html = text_of(response)
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    assert html.count("Podaj adres e-mail albo numer telefonu") == 2  # summary and field
    assert errors_in_summary(html) == ["id_email"]
    assert "<title>Błąd:" in html
    assert 'value="Zażółć Gęślą"' in html
    assert 'aria-describedby="id_email_helptext id_email_error"' in html
    assert not Registration.objects.exists()


def test_every_field_error_is_explained_and_the_typed_text_kept(client, setup):
    response = client.post(
        form_url(setup.event),
        fields(
            name="",
            email="anna@",
            phone="12",
            contact_preference="sms",
            seats="9",
            needs=["diet", "pjm"],
            diet_details="",
            other_details="x" * 2001,
        ),
    )
    html = text_of(response)
    assert errors_in_summary(html) == [
        "id_name",
        "id_email",
        "id_phone",
        "id_seats",
        "id_diet_details",
        "id_other_details",
    ]
    assert "Wpisz imię i nazwisko" in html
    assert "nazwa@example.pl" in html
    assert "9 cyfr" in html
    assert "Podaj liczbę miejsc od 1 do 4." in html
    assert "Napisz, jakiej diety potrzebujesz" in html
    assert "najwyżej 2000 znaków" in html
    # Kept: what was typed, what was ticked.
    assert 'value="anna@"' in html
    assert 'value="12"' in html
    assert 'value="9"' in html
    assert 'value="sms" id="id_contact_preference_1" checked' in html
    assert 'value="diet" id="id_needs_9" checked' in html
    assert 'value="pjm" id="id_needs" checked' in html
    # Kept exactly: nothing added in front (the newline after <textarea> is not content).
    assert ">\n" + "x" * 2001 + "</textarea>" in html
    assert not Registration.objects.exists()


def test_a_text_message_chosen_without_a_phone_number(client, setup):
    response = client.post(form_url(setup.event), fields(contact_preference="sms"))
    html = text_of(response)
    assert errors_in_summary(html) == ["id_contact_preference"]
    assert "Wybrano SMS albo telefon" in html
    # The radios' error is tied to their fieldset, and the summary's link lands on the first.
    assert 'aria-describedby="id_contact_preference_error"' in html
    assert 'value="email" id="id_contact_preference"' in html


def test_email_chosen_without_an_email_address(client, setup):
    response = client.post(
        form_url(setup.event), fields(email="", phone="600100200", contact_preference="email")
    )
    assert errors_in_summary(text_of(response)) == ["id_contact_preference"]


def test_a_full_event_without_a_waiting_list_says_so_on_the_form(client, event):
    setup = make_setup(event, capacity=1, waiting_list=False)
    register(setup)
    response = client.post(form_url(event), fields(name="Ewa Wiśniewska"))
    html = text_of(response)
    assert response.status_code == 200
    assert "nie ma listy rezerwowej, dlatego nie mogliśmy Cię zapisać" in html
    assert errors_in_summary(html) == ["id_name"]
    assert 'value="Ewa Wiśniewska"' in html
    assert Registration.objects.count() == 1


def test_registration_closing_while_the_form_was_open(client, event):
    setup = make_setup(event)
    form = client.get(form_url(event))
    assert form.status_code == 200
    setup.is_open = False
    setup.save()
    response = client.post(form_url(event), fields(name="Ewa Wiśniewska"))
    html = text_of(response)
    assert "Zapisy zamknęły się, zanim dotarł Twój formularz" in html
    assert 'value="Ewa Wiśniewska"' in html
    assert not Registration.objects.exists()


# --- rate limits -----------------------------------------------------------------------------


def test_too_many_registrations_from_one_address_get_the_429_page(client, setup, settings):
    settings.REGISTRATION_RATE_LIMITS = {"ip": 2, "contact": 5}
    for number in range(2):
        assert (
            client.post(form_url(setup.event), fields(email=f"o{number}@example.org")).status_code
            == 303
        )
    response = client.post(form_url(setup.event), fields(email="trzecia@example.org"))
    assert response.status_code == 429
    assert 1 <= int(response["Retry-After"]) <= 3600
    assert "no-store" in response["Cache-Control"]
    html = text_of(response)
    assert "Za dużo zgłoszeń naraz" in html
    assert '<html lang="pl"' in html
    assert Registration.objects.count() == 2


def test_too_many_for_one_contact_get_the_429_page_in_english(client, setup, settings):
    settings.REGISTRATION_RATE_LIMITS = {"ip": 100, "contact": 1}
    from wagtail.models import Locale

    english = setup.event.get_translation(Locale.objects.get(language_code="en"))
    url = f"{english.url}registration/"
    assert client.post(url, fields(email="ola@example.org")).status_code == 303
    response = client.post(url, fields(email="OLA@example.org"))
    assert response.status_code == 429
    assert "Too many registrations at once" in text_of(response)
    assert OutboxMessage.objects.filter(kind=MessageKind.LINK_AGAIN).count() == 0
    assert Registration.objects.get().language == "en"


def test_a_form_with_errors_costs_nothing_against_the_limits(client, setup, settings):
    settings.REGISTRATION_RATE_LIMITS = {"ip": 1, "contact": 1}
    for _attempt in range(3):
        assert client.post(form_url(setup.event), fields(name="")).status_code == 200
    assert client.post(form_url(setup.event), fields()).status_code == 303


# --- valid HTML ------------------------------------------------------------------------------


def test_the_form_its_errors_and_its_other_pages_are_valid_html(client, calendar, settings):
    from tests.htmlcheck import assert_valid_html

    soon = make_event(
        calendar, start_date=days(1), sign_language="on_request", sign_language_how_to_ask="Napisz."
    )
    setup = make_setup(soon, wheelchair_spaces=2)
    url = form_url(soon)
    pages = {
        "form": client.get(url).content,
        "errors": client.post(
            url, fields(name="", email="", contact_preference="sms", needs=["diet"])
        ).content,
        "event page": client.get(soon.url).content,
        "after registering": client.post(url, fields(), follow=True).content,
        "needs without consent": client.post(
            url, fields(email="zgoda@example.org", needs=["pjm"])
        ).content,
    }
    register(setup, email="ktos@example.org")
    pages["link sent again"] = client.post(
        url, fields(email="ktos@example.org"), follow=True
    ).content
    pages["check"] = client.post(url, fields(email="bot@example.org", fax="x"), follow=True).content
    settings.REGISTRATION_RATE_LIMITS = {"ip": 0, "contact": 0}
    pages["429"] = client.post(url, fields(email="nowa@example.org")).content
    setup.is_open = False
    setup.save()
    pages["closed"] = client.get(url).content
    full = make_setup(make_event(calendar), capacity=1, waiting_list=False)
    register(full)
    pages["full"] = client.get(form_url(full.event)).content
    assert_valid_html(pages)


def test_the_language_switch_leads_to_the_form_in_the_other_language(client, event):
    from biuletyn.events.models import EventPage

    make_setup(event)
    english = EventPage.objects.exclude(pk=event.pk).get(translation_key=event.translation_key)
    page = client.get(form_url(event)).content.decode()
    assert f'href="{english.url}registration/"' in page
