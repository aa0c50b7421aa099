"""The person's signed-link pages (issue 10, ADR 0011): the registration and its cases, change,
cancel, download and delete; tampered, expired and wrong-purpose links refused with a clear page
(never a 500); every answer private and never stored by the page cache; no personal data in the
audit log.

Personas: a Deaf person who asked for a PJM interpreter and follows the case; a person who
registered two seats and must give one back; someone who pasted half a link."""

from __future__ import annotations

import datetime as dt
import json
import re
import time
from unittest import mock

import pytest
from django.core import signing
from django.test import Client
from django.urls import reverse
from django.utils import translation
from wagtail.models import ModelLogEntry

from biuletyn.core import pagecache
from biuletyn.registrations import manage_views, services, tokens
from biuletyn.registrations.enums import CaseStatus, Need, RegistrationStatus
from biuletyn.registrations.models import PurgeRecord, Registration
from biuletyn.registrations.services import NeedAnswer
from biuletyn.registrations.tokens import Purpose
from tests.factories.events import make_event
from tests.factories.registrations import link_target, make_setup, register
from tests.htmlcheck import assert_valid_html

pytestmark = pytest.mark.integration

NAME = "Zażółć Gęślą-Jaźń"
EMAIL = "jazn.marker@example.org"
PHONE = "601 234 567"


def url(name: str, registration: Registration, *, purpose: Purpose = Purpose.VIEW, lang="pl"):
    token = tokens.make(registration.public_id, purpose)
    with translation.override(lang):
        return reverse(f"registrations:{name}", kwargs={"token": token})


def path_of(name: str, token: str, *, lang: str = "pl") -> str:
    with translation.override(lang):
        return reverse(f"registrations:{name}", kwargs={"token": token})


def old_token(registration: Registration, purpose: Purpose, *, days: int) -> str:
    """A genuine token signed ``days`` ago."""
    then = signing.b62_encode(int(time.time()) - days * 24 * 3600)
    with mock.patch.object(signing.TimestampSigner, "timestamp", return_value=then):
        return tokens.make(registration.public_id, purpose)


@pytest.fixture
def person(setup):
    outcome = register(
        setup,
        name=NAME,
        email=EMAIL,
        phone=PHONE,
        seats=2,
        needs=[NeedAnswer(Need.PJM), NeedAnswer(Need.DIET, "bez glutenu")],
        health_consent=True,
    )
    return outcome.registration


def change_data(registration: Registration, **fields):
    data = {
        "name": registration.name,
        "email": registration.email,
        "phone": registration.phone,
        "contact_preference": registration.contact_preference,
        "seats": str(registration.seats),
        "needs": [case.need for case in registration.accommodations.all()],
        "diet_details": "bez glutenu",
        "other_details": "",
        "health_consent": "on",
    }
    data.update(fields)
    return {key: value for key, value in data.items() if value is not None}


def assert_private(response) -> None:
    cache_control = response["Cache-Control"]
    assert "private" in cache_control
    assert "no-store" in cache_control
    # Never a Referer to another host; the pages with a form send their origin to this one,
    # which the CSRF check needs (tested in a browser in tests/browser/test_registration_manage).
    assert response["Referrer-Policy"] in ("no-referrer", "same-origin")


# --- the page -------------------------------------------------------------------------------------


def test_the_page_shows_the_event_the_status_the_details_and_each_case(client, person, event):
    case = person.accommodations.get(need=Need.PJM)
    services.answer_case(
        case=case, status=CaseStatus.CONFIRMED, answer="Tłumaczka będzie przy scenie.", user=None
    )

    response = client.get(url("manage", person))

    assert response.status_code == 200
    assert_private(response)
    assert response["Content-Language"] == "pl"
    text = response.content.decode()
    assert event.title in text
    assert "Twoje miejsce jest potwierdzone" in text
    assert NAME in text
    assert EMAIL in text
    assert PHONE in text
    assert "(PJM)" in text
    assert "Tłumaczka będzie przy scenie." in text
    assert "bez glutenu" in text
    assert person.reference in text
    # The actions, the export behind its own fresh token.
    assert path_of("manage_change", response.context["token"]) in text
    assert "moje-dane.json" in text
    assert "/en/registration/" in text  # this page in English


def test_a_requested_case_shows_its_due_date_and_a_late_interpreter_is_best_effort(client, person):
    case = person.accommodations.get(need=Need.PJM)
    case.best_effort = True
    case.due_on = dt.date(2031, 3, 7)
    case.save()

    text = client.get(url("manage", person)).content.decode()

    assert "7\xa0marca\xa02031\xa0r." in text
    assert "nie może tego obiecać" in text


def test_the_waiting_list_says_the_place_in_the_queue(client, event):
    setup = make_setup(event, capacity=1)
    register(setup)
    second = register(setup).registration
    third = register(setup, seats=2).registration

    alone = client.get(url("manage", second)).content.decode()
    assert "Jesteś 1. w kolejce" in alone
    assert "pierwsza osoba z listy, dla której wystarczy wolnych miejsc" in alone
    assert "przychodzicie razem" not in alone
    together = client.get(url("manage", third)).content.decode()
    assert "Jesteś 2. w kolejce" in together
    assert "przychodzicie razem albo razem czekacie" in together


def test_a_request_past_its_due_date_says_whom_to_contact(client, calendar):
    from tests.factories.bulletin import make_organisation

    event = make_event(calendar, contact=make_organisation(name="Fundacja Kontakt"))
    setup = make_setup(event)
    mine = register(setup, needs=[NeedAnswer(Need.CAPTIONS)], health_consent=True).registration
    case = mine.accommodations.get()
    case.due_on = dt.date(2020, 11, 27)
    case.save()

    text = client.get(url("manage", mine)).content.decode()

    assert "Organizator miał odpowiedzieć do 27\xa0listopada\xa02020\xa0r." in text
    assert "Organizator odpowie do" not in text
    assert "Jeśli nie masz odpowiedzi, skontaktuj się z nim (dane poniżej)." in text
    assert text.index("(dane poniżej)") < text.index('id="event-contact"')
    assert "Fundacja Kontakt" in text.split('id="event-contact"', 1)[1]


def test_a_wheelchair_space_asked_for_but_not_free_is_said_with_what_comes_next(client, event):
    setup = make_setup(event, wheelchair_spaces=1)
    register(setup, needs=[NeedAnswer(Need.WHEELCHAIR)], health_consent=True)
    second = register(setup, needs=[NeedAnswer(Need.WHEELCHAIR)], health_consent=True)
    mine = second.registration
    assert mine.status == RegistrationStatus.CONFIRMED
    assert mine.wheelchair_spaces_held == 0

    text = client.get(url("manage", mine)).content.decode()

    assert "Wszystkie miejsca dla osób na wózku były już zajęte" in text
    assert "Organizator odpowie na Twoją prośbę o miejsce dla osoby na wózku" in text
    services.answer_case(
        case=mine.accommodations.get(), status=CaseStatus.CONFIRMED, answer="Tak.", user=None
    )
    assert "były już zajęte" not in client.get(url("manage", mine)).content.decode()


def test_the_page_gives_the_events_pjm_offer_among_its_facts(client, setup, person, event):
    facts = client.get(url("manage", person)).content.decode().split("Twoje dane", 1)[0]
    assert "Polski język migowy (PJM)" in facts
    assert "Tłumacz PJM: na zgłoszenie, do" in facts
    assert "Napisz." in facts  # how to ask, in the organiser's words
    assert 'href="#your-needs">Twoja prośba o tłumacza i jej stan</a>' in facts

    other = register(setup).registration
    facts = client.get(url("manage", other)).content.decode().split("Twoje dane", 1)[0]
    assert "Poproś o tłumacza – zmień zgłoszenie" in facts
    assert "#registration-needs" in facts


def test_the_page_says_a_pjm_interpreter_is_provided(client, calendar):
    event = make_event(calendar, sign_language="provided")
    mine = register(make_setup(event)).registration
    facts = client.get(url("manage", mine)).content.decode().split("Twoje dane", 1)[0]
    assert "Tłumacz PJM: zapewniony" in facts
    assert "Poproś o tłumacza" not in facts


def test_case_states_read_as_a_request_and_the_code_is_named(client, person):
    text = client.get(url("manage", person)).content.decode()
    assert "Stan prośby:" in text
    assert "zgłoszona, czeka na odpowiedź" in text
    assert "Kod zgłoszenia" in text
    assert "(podaj go, gdy kontaktujesz się z organizatorem)" in text

    diet = person.accommodations.get(need=Need.DIET)
    services.answer_case(
        case=diet, status=CaseStatus.DECLINED, answer="Nie mamy kuchni.", user=None
    )
    pjm = person.accommodations.get(need=Need.PJM)
    services.answer_case(case=pjm, status=CaseStatus.ALTERNATIVE, answer="Napisy.", user=None)
    text = client.get(url("manage", person)).content.decode()
    assert "odrzucona: organizator nie może tego zapewnić." in text
    assert "zaproponowano coś w zamian:" in text


def test_the_organisers_answer_is_typeset_and_stays_text(client, person):
    case = person.accommodations.get(need=Need.PJM)
    answer = "Tłumaczka będzie w sali 2 – przy scenie.\n<script>alert(1)</script>"
    services.answer_case(case=case, status=CaseStatus.CONFIRMED, answer=answer, user=None)

    text = client.get(url("manage", person)).content.decode()

    assert "<script>alert(1)</script>" not in text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in text
    assert "w\xa0sali 2\xa0– przy scenie.<br>" in text


def test_a_pjm_interpreter_the_event_provides_is_never_best_effort(client, calendar):
    event = make_event(calendar, sign_language="provided")
    setup = make_setup(event)
    registration = register(
        setup, needs=[NeedAnswer(Need.PJM), NeedAnswer(Need.SJM)], health_consent=True
    ).registration
    # Even a row stored as best effort before the rule knew the event provides PJM.
    registration.accommodations.filter(need=Need.PJM).update(best_effort=True)
    registration.accommodations.filter(need=Need.SJM).update(best_effort=False)

    text = client.get(url("manage", registration)).content.decode()
    assert "nie może tego obiecać" not in text

    change = client.get(url("manage_change", registration)).content.decode()
    assert "Na wydarzeniu będzie tłumacz PJM – nie trzeba go zamawiać." in change
    assert re.search(r'value="pjm"[^>]*aria-describedby="pjm-note"', change)


def test_the_delete_page_says_the_registration_is_cancelled_too(client, person):
    text = client.get(url("manage_delete", person)).content.decode()
    assert "Twoje zgłoszenie też zostanie anulowane: przestanie być ważne" in text


def test_needs_not_consented_to_are_explained(client, setup):
    registration = register(setup, needs=[NeedAnswer(Need.PJM)], health_consent=False).registration

    text = client.get(url("manage", registration)).content.decode()

    assert "Nie zapisaliśmy Twoich próśb, bo nie było zgody na ich przechowywanie." in text
    assert "zmień zgłoszenie i zaznacz zgodę" in text


def test_under_the_other_prefix_the_page_speaks_that_language(client, person):
    response = client.get(url("manage", person, lang="en"))

    assert response.status_code == 200
    assert response["Content-Language"] == "en"
    assert "Your place is confirmed" in response.content.decode()


def test_the_link_in_messages_is_built_in_the_registration_language(setup):
    english = register(setup, language="en").registration
    polish = register(setup, language="pl").registration

    assert manage_views.manage_url(english).startswith("/en/registration/")
    assert manage_views.manage_url(polish).startswith("/zgloszenie/")


def test_the_page_is_never_stored_by_the_page_cache(client, person, settings, tmp_path):
    settings.PAGE_CACHE_ENABLED = True
    settings.PAGE_CACHE_DIR = tmp_path / "pages"
    path = url("manage", person)

    for _ in range(2):
        response = Client().get(path)
        assert response.status_code == 200
        assert_private(response)
    bad = Client().get("/zgloszenie/nic-tu-nie-ma/")
    assert bad.status_code == 404
    assert_private(bad)

    assert len(pagecache.store()) == 0


# --- links that do not work -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "token",
    [
        "nic-tu-nie-ma",
        "0" * 32,
        "%ZAMIANA%",
        "ż" * 300,
        "a:b:c",
        "00000000000000000000000000000000:1xZ4LN:",
    ],
)
def test_a_made_up_link_gets_a_clear_404(client, db, site_tree, token):
    response = client.get(f"/zgloszenie/{token}/")

    assert response.status_code == 404
    assert_private(response)
    assert "Ten link nie działa" in response.content.decode()


def test_a_tampered_link_is_refused_everywhere(client, person):
    token = tokens.make(person.public_id, Purpose.VIEW)
    tampered = token[:-2] + ("AA" if not token.endswith("AA") else "BB")
    for name in ("manage", "manage_change", "manage_cancel", "manage_delete"):
        path = path_of(name, tampered)
        assert client.get(path).status_code == 404
        if name == "manage":
            continue
        assert (
            client.post(
                path, {"confirm": tokens.make(person.public_id, Purpose.CANCEL)}
            ).status_code
            == 404
        )
    assert Registration.objects.get(pk=person.pk).status == RegistrationStatus.CONFIRMED


def test_a_token_of_another_purpose_is_refused(client, person):
    for purpose in (Purpose.CANCEL, Purpose.EXPORT):
        assert client.get(url("manage", person, purpose=purpose)).status_code == 404
    for purpose in (Purpose.VIEW, Purpose.CANCEL):
        response = client.get(url("manage_export", person, purpose=purpose))
        assert response.status_code == 404
        assert "Content-Disposition" not in response


def test_an_expired_link_says_it_is_too_old_and_names_the_event(client, person, event):
    token = old_token(person, Purpose.VIEW, days=401)

    response = client.get(path_of("manage", token))

    assert response.status_code == 410
    assert_private(response)
    text = response.content.decode()
    assert "Ten link jest za stary" in text
    assert event.title in text
    assert NAME not in text
    assert EMAIL not in text


def test_an_expired_download_link_is_refused(client, person):
    token = old_token(person, Purpose.EXPORT, days=2)

    response = client.get(path_of("manage_export", token))

    assert response.status_code == 410
    assert "Content-Disposition" not in response
    assert "Link do pobrania danych" in response.content.decode()


def test_a_shorter_expiry_in_settings_applies(client, person, settings):
    token = old_token(person, Purpose.VIEW, days=3)
    assert client.get(path_of("manage", token)).status_code == 200
    settings.REGISTRATION_TOKEN_DAYS = {**settings.REGISTRATION_TOKEN_DAYS, "view": 2}
    assert client.get(path_of("manage", token)).status_code == 410


def test_a_link_to_a_registration_that_is_gone_is_a_404(client, person):
    path = url("manage", person)
    Registration.objects.filter(pk=person.pk).delete()

    assert client.get(path).status_code == 404


# --- change ---------------------------------------------------------------------------------------


def test_the_change_form_starts_from_the_registration(client, person):
    response = client.get(url("manage_change", person))

    assert response.status_code == 200
    assert_private(response)
    text = response.content.decode()
    assert f'value="{NAME}"' in text
    assert f'value="{EMAIL}"' in text
    assert 'value="pjm"' in text
    assert "checked" in text
    assert "novalidate" in text
    assert 'name="fax"' not in text
    assert 'name="idempotency_key"' not in text


def test_a_change_is_saved_and_said(client, person):
    response = client.post(
        url("manage_change", person), change_data(person, seats="1", name="Nowe Imię"), follow=True
    )

    assert response.status_code == 200
    changed = Registration.objects.get(pk=person.pk)
    assert changed.seats == 1
    assert changed.seats_held == 1
    assert changed.name == "Nowe Imię"
    assert "Zmiany są zapisane" in response.content.decode()
    entry = ModelLogEntry.objects.filter(action="biuletyn.registration.change").get()
    assert entry.data["by"] == "person"


def test_more_seats_than_are_free_is_refused_with_the_number_free(client, event):
    setup = make_setup(event, capacity=3)
    mine = register(setup, seats=2).registration
    register(setup, seats=1)
    setup.capacity = 2
    setup.save()

    response = client.post(
        url("manage_change", mine), change_data(mine, seats="3", name="Ktoś Inny")
    )

    assert response.status_code == 200
    text = response.content.decode()
    assert "<title>Błąd:" in text
    assert "app-error-summary" in text
    assert (
        "wolne jest teraz tylko 1\xa0miejsce" in text or "wolne jest teraz tylko 1 miejsce" in text
    )
    # The typed text stays.
    assert 'value="Ktoś Inny"' in text
    assert 'value="3"' in text
    assert Registration.objects.get(pk=mine.pk).seats == 2


def test_a_contact_another_registration_uses_is_refused(client, setup, person):
    other = register(setup, email="inna@example.org").registration

    response = client.post(url("manage_change", other), change_data(other, email=EMAIL.upper()))

    assert response.status_code == 200
    assert "używa już" in response.content.decode()
    assert Registration.objects.get(pk=other.pk).email == "inna@example.org"


def test_too_many_seats_and_an_empty_name_keep_the_typed_text(client, person):
    response = client.post(
        url("manage_change", person), change_data(person, name="  ", seats="99", phone="abc")
    )

    assert response.status_code == 200
    text = response.content.decode()
    assert text.count('<li><a href="#id_') >= 3
    assert 'value="99"' in text
    assert 'value="abc"' in text
    assert Registration.objects.get(pk=person.pk).name == NAME


def test_a_change_without_consent_warns_once_then_drops_the_needs_and_says_so(client, person):
    pjm = person.accommodations.get(need=Need.PJM)
    services.answer_case(case=pjm, status=CaseStatus.CONFIRMED, answer="Będzie.", user=None)

    warned = client.post(url("manage_change", person), change_data(person, health_consent=None))

    # Nothing changed yet: a warning (not an error) first in main, the ticks kept.
    assert warned.status_code == 200
    html = warned.content.decode()
    assert "<title>Błąd:" not in html
    main = html.split("<main", 1)[1]
    assert main.index("app-notification-banner--warning") < main.index("<h1")
    assert "Bez zgody usuniemy Twoje prośby" in main
    assert "usuniemy Twoje dotychczasowe prośby razem z odpowiedziami organizatora" in main
    assert 'href="#id_health_consent"' in main
    assert re.search(r'value="pjm" id="id_needs"[^>]*checked', main)
    assert '<input type="hidden" name="consent_warned" value="1">' in main
    assert Registration.objects.get(pk=person.pk).accommodations.count() == 2
    assert not ModelLogEntry.objects.filter(action="biuletyn.registration.change").exists()

    response = client.post(
        url("manage_change", person),
        change_data(person, health_consent=None, consent_warned="1"),
        follow=True,
    )

    assert response.status_code == 200
    changed = Registration.objects.get(pk=person.pk)
    assert not changed.accommodations.exists()
    assert changed.needs_dropped
    assert "Nie zapisaliśmy Twoich próśb" in response.content.decode()


def test_the_consent_warning_says_a_held_wheelchair_space_would_go(client, event):
    setup = make_setup(event, wheelchair_spaces=1)
    mine = register(setup, needs=[NeedAnswer(Need.WHEELCHAIR)], health_consent=True).registration
    assert mine.wheelchair_spaces_held == 1

    html = client.post(
        url("manage_change", mine), change_data(mine, health_consent=None)
    ).content.decode()

    assert "Stracisz też zarezerwowane dla Ciebie miejsce dla osoby na wózku." in html
    assert Registration.objects.get(pk=mine.pk).wheelchair_spaces_held == 1


def test_new_needs_without_consent_on_the_change_page_get_the_forms_warning(client, setup):
    mine = register(setup).registration

    html = client.post(
        url("manage_change", mine),
        change_data(mine, needs=["captions"], diet_details="", health_consent=None),
    ).content.decode()

    assert "Bez zgody nie zapiszemy Twoich próśb" in html
    assert "Zaznaczono: napisy. Bez zgody nie zapiszemy tych próśb" in html
    assert not Registration.objects.get(pk=mine.pk).needs_dropped


def test_the_change_pages_consent_clause_points_to_this_link(client, person):
    text = client.get(url("manage_change", person)).content.decode()
    assert "usunąć swoje dane przez ten link." in text
    assert "link, który Ci wyślemy" not in text


def test_a_cancelled_registration_cannot_be_changed(client, person):
    services.cancel(registration=person)

    response = client.get(url("manage_change", person))

    assert response.status_code == 302
    assert link_target(response["Location"]) == ("registrations:manage", person)


# --- cancel ---------------------------------------------------------------------------------------


def test_cancel_asks_first_then_frees_the_seat_for_the_waiting_list(client, event):
    setup = make_setup(event, capacity=1)
    mine = register(setup).registration
    waiting = register(setup).registration
    path = url("manage_cancel", mine)

    page = client.get(path)
    assert page.status_code == 200
    assert_private(page)
    confirm = page.context["confirm_token"]
    assert tokens.read(confirm, Purpose.CANCEL) == mine.public_id
    assert Registration.objects.get(pk=mine.pk).status == RegistrationStatus.CONFIRMED

    done = client.post(path, {"confirm": confirm}, follow=True)

    assert done.status_code == 200
    assert Registration.objects.get(pk=mine.pk).status == RegistrationStatus.CANCELLED
    assert Registration.objects.get(pk=waiting.pk).status == RegistrationStatus.CONFIRMED
    text = done.content.decode()
    assert "Twoje zgłoszenie jest anulowane" in text
    assert "z listy rezerwowej" in text

    again = client.post(path, {"confirm": confirm}, follow=True)
    assert again.status_code == 200
    assert "już anulowane" in again.content.decode()
    assert ModelLogEntry.objects.filter(action="biuletyn.registration.cancel").count() == 1


def test_cancelling_two_seats_says_they_go_to_the_waiting_list(client, person):
    done = client.post(
        url("manage_cancel", person),
        {"confirm": tokens.make(person.public_id, Purpose.CANCEL)},
        follow=True,
    )
    assert "Twoje 2 miejsca dostaną osoby z listy rezerwowej" in done.content.decode()
    with translation.override("en"):
        assert "Your 5 seats go to people" in manage_views.ngettext(
            "Your registration is cancelled. Your seat goes to someone on the waiting list, "
            "if there is anyone on it. Thank you for letting us know.",
            "Your registration is cancelled. Your %(seats)s seats go to people on the waiting "
            "list, if there is anyone on it. Thank you for letting us know.",
            5,
        ) % {"seats": 5}
    with translation.override("pl"):
        assert "Twoich 5 miejsc dostaną" in manage_views.ngettext(
            "Your registration is cancelled. Your seat goes to someone on the waiting list, "
            "if there is anyone on it. Thank you for letting us know.",
            "Your registration is cancelled. Your %(seats)s seats go to people on the waiting "
            "list, if there is anyone on it. Thank you for letting us know.",
            5,
        ) % {"seats": 5}


def test_a_cancelled_registration_with_requests_says_they_were_withdrawn(client, person):
    services.cancel(registration=person)

    text = client.get(url("manage", person)).content.decode()

    assert "Prośby wycofaliśmy razem ze zgłoszeniem." in text
    assert "Zgłoszenie nie zawiera żadnych próśb" not in text
    assert "zmień zgłoszenie" not in text.lower()
    # The open requests went with the registration: no date for deleting what is not there.
    assert not Registration.objects.get(pk=person.pk).accommodations.exists()
    assert "Twoje prośby usuniemy" not in text


def test_a_cancelled_registration_without_requests_has_no_requests_section(client, setup):
    mine = register(setup).registration
    services.cancel(registration=mine)

    text = client.get(url("manage", mine)).content.decode()

    assert 'id="your-needs"' not in text
    assert "Twoje prośby usuniemy" not in text


def test_the_deletion_date_of_requests_shows_only_while_they_are_stored(client, setup, person):
    assert "Twoje prośby usuniemy" in client.get(url("manage", person)).content.decode()
    dropped = register(setup, needs=[NeedAnswer(Need.PJM)], health_consent=False).registration
    text = client.get(url("manage", dropped)).content.decode()
    assert "Nie zapisaliśmy Twoich próśb" in text
    assert "Twoje prośby usuniemy" not in text


@pytest.mark.parametrize("kind", ["view", "expired", "missing", "other person"])
def test_cancel_without_a_fresh_cancel_token_does_nothing(client, setup, person, kind):
    other = register(setup).registration
    confirm = {
        "view": tokens.make(person.public_id, Purpose.VIEW),
        "expired": old_token(person, Purpose.CANCEL, days=2),
        "missing": "",
        "other person": tokens.make(other.public_id, Purpose.CANCEL),
    }[kind]

    response = client.post(url("manage_cancel", person), {"confirm": confirm})

    assert response.status_code == 200
    assert "Nic się jeszcze nie stało" in response.content.decode()
    assert Registration.objects.get(pk=person.pk).status == RegistrationStatus.CONFIRMED
    assert Registration.objects.get(pk=other.pk).status == RegistrationStatus.CONFIRMED


def test_pages_with_a_form_send_their_origin_only_to_this_site(client, person):
    assert client.get(url("manage", person))["Referrer-Policy"] == "no-referrer"
    for name in ("manage_change", "manage_cancel", "manage_delete"):
        assert client.get(url(name, person))["Referrer-Policy"] == "same-origin"


def test_posts_need_the_csrf_token(person):
    strict = Client(enforce_csrf_checks=True)
    confirm = tokens.make(person.public_id, Purpose.CANCEL)

    assert strict.post(url("manage_cancel", person), {"confirm": confirm}).status_code == 403
    assert strict.post(url("manage_change", person), change_data(person)).status_code == 403
    assert Registration.objects.get(pk=person.pk).status == RegistrationStatus.CONFIRMED


# --- download and delete --------------------------------------------------------------------------


def test_download_gives_the_data_as_a_json_attachment(client, person):
    page = client.get(url("manage", person))
    export_token = page.context["export_token"]

    response = client.get(path_of("manage_export", export_token))

    assert response.status_code == 200
    assert_private(response)
    assert response["Content-Type"].startswith("application/json")
    assert response["Content-Disposition"].startswith("attachment;")
    # UTF-8 as it is, not \\u escapes.
    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert NAME.encode() in response.content
    assert b"\\u0" not in response.content
    data = json.loads(response.content)
    assert data["registration"]["name"] == NAME
    assert {case["need"] for case in data["accommodation_requests"]} == {"pjm", "diet"}
    assert ModelLogEntry.objects.filter(action="biuletyn.registration.export").count() == 1


def test_delete_asks_first_then_deletes_and_leaves_only_a_record(client, event):
    setup = make_setup(event, capacity=1)
    mine = register(
        setup, name=NAME, email=EMAIL, needs=[NeedAnswer(Need.PJM)], health_consent=True
    ).registration
    waiting = register(setup).registration
    path = url("manage_delete", mine)

    page = client.get(path)
    assert page.status_code == 200
    assert_private(page)
    assert Registration.objects.get(pk=mine.pk).anonymised_at is None

    done = client.post(path, {"confirm": page.context["confirm_token"]}, follow=True)

    assert done.status_code == 200
    gone = Registration.objects.get(pk=mine.pk)
    assert gone.anonymised_at is not None
    assert gone.name == ""
    assert gone.email == ""
    assert not gone.accommodations.exists()
    assert Registration.objects.get(pk=waiting.pk).status == RegistrationStatus.CONFIRMED
    record = PurgeRecord.objects.get()
    assert record.data_kind == PurgeRecord.DataKind.PERSON_REQUEST
    text = done.content.decode()
    assert "Twoje dane zostały usunięte" in text
    assert NAME not in text
    assert EMAIL not in text
    # A second delete is harmless: one record.
    client.post(path, {"confirm": page.context["confirm_token"]})
    assert PurgeRecord.objects.count() == 1


# --- the audit log --------------------------------------------------------------------------------


def test_the_audit_log_has_every_action_and_no_personal_data(client, person):
    client.get(url("manage", person))
    client.post(url("manage_change", person), change_data(person, seats="1"))
    export = client.get(url("manage", person)).context["export_token"]
    client.get(path_of("manage_export", export))
    client.post(
        url("manage_cancel", person), {"confirm": tokens.make(person.public_id, Purpose.CANCEL)}
    )
    client.post(
        url("manage_delete", person), {"confirm": tokens.make(person.public_id, Purpose.CANCEL)}
    )

    entries = ModelLogEntry.objects.filter(action__startswith="biuletyn.registration.")
    actions = {entry.action for entry in entries}
    assert {
        "biuletyn.registration.view",
        "biuletyn.registration.change",
        "biuletyn.registration.export",
        "biuletyn.registration.cancel",
        "biuletyn.registration.delete",
    } <= actions
    for entry in ModelLogEntry.objects.all():
        written = f"{entry.label} {json.dumps(entry.data, ensure_ascii=False)}"
        for marker in (NAME, EMAIL, "601", "bez glutenu", "pjm", "PJM"):
            assert marker not in written, (entry.action, written)


# --- valid HTML -----------------------------------------------------------------------------------


def test_every_page_type_is_valid_html(client, person, event):
    services.answer_case(
        case=person.accommodations.get(need=Need.PJM),
        status=CaseStatus.ALTERNATIVE,
        answer="Zamiast tłumacza: napisy na żywo.",
        user=None,
    )
    overdue = person.accommodations.get(need=Need.DIET)
    overdue.due_on = dt.date(2020, 11, 27)
    overdue.save()
    pages = {
        "manage": client.get(url("manage", person)),
        "manage in English": client.get(url("manage", person, lang="en")),
        "change": client.get(url("manage_change", person)),
        "change with errors": client.post(
            url("manage_change", person), change_data(person, name="", seats="0", email="zły")
        ),
        "change: consent warning": client.post(
            url("manage_change", person), change_data(person, health_consent=None)
        ),
        "cancel confirm": client.get(url("manage_cancel", person)),
        "cancel stale": client.post(url("manage_cancel", person), {"confirm": ""}),
        "delete confirm": client.get(url("manage_delete", person)),
        "bad link": client.get("/zgloszenie/nic-tu-nie-ma/"),
        "expired link": client.get(path_of("manage", old_token(person, Purpose.VIEW, days=401))),
    }
    client.post(
        url("manage_delete", person), {"confirm": tokens.make(person.public_id, Purpose.CANCEL)}
    )
    pages["deleted"] = client.get(url("manage", person))
    assert [response.status_code for response in pages.values()] == [200] * 8 + [404, 410, 200]
    assert_valid_html({name: response.content for name, response in pages.items()})
