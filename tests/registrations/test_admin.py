"""The organiser's side of registrations in the Wagtail admin (issue 10, "For the organiser"):
the setups' list and form (saved through services.save_setup, a second setup of an event
refused in Polish), one event's dashboard with its figures, the staff registration (also while
the public form is closed), cancelling, checking in, the honeypot's held registrations, the
answers to accommodation requests, the to-do list of people staff contact themselves, and the
audit log of all of it without personal or health data.

Personas: an accessibility coordinator (an editor in the coordinators' group) who runs the
event; the editor's own permissions are in test_admin_permissions.py."""

from __future__ import annotations

import datetime as dt
import html
import json
import re
import uuid

import pytest
from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.urls import reverse
from django.utils import timezone
from wagtail.models import ModelLogEntry

from biuletyn.articles.services import BULLETIN_EDITORS
from biuletyn.registrations import services
from biuletyn.registrations.enums import (
    CaseStatus,
    Channel,
    ContactPreference,
    MessageChannel,
    MessageKind,
    MessageStatus,
    Need,
    RegistrationStatus,
)
from biuletyn.registrations.models import (
    AccommodationRequest,
    OutboxMessage,
    Registration,
    RegistrationSetup,
)
from biuletyn.registrations.services import NeedAnswer
from tests.factories.registrations import make_setup, register
from tests.htmlcheck import assert_valid_html

pytestmark = pytest.mark.integration

PASSWORD = "haslo-testowe-123"


def make_editor(django_user_model, username: str, *, coordinator: bool = False):
    """An editor of the bulletin, as the editorial groups make them; optionally also an
    accessibility coordinator."""
    services.ensure_editor_permissions()
    services.ensure_coordinator_group()
    user = django_user_model.objects.create_user(username, f"{username}@example.org", PASSWORD)
    user.groups.add(Group.objects.get(name=BULLETIN_EDITORS))
    user.user_permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    )
    if coordinator:
        user.groups.add(Group.objects.get(name=services.COORDINATOR_GROUP))
    return user


@pytest.fixture
def coordinator(client, django_user_model):
    user = make_editor(django_user_model, "koordynatorka", coordinator=True)
    client.force_login(user)
    return user


def admin_url(name: str, *args: object) -> str:
    return reverse(f"registration_setups:{name}", args=args)


def text_of(response) -> str:
    """The page's text as a reader meets it: no tags, entities read, spaces collapsed, no
    word joiners or soft hyphens (a reader never sees one unless the word breaks there)."""
    without_tags = re.sub(r"<[^>]+>", " ", response.content.decode())
    unescaped = html.unescape(without_tags).replace("\u2060", "").replace("\u00ad", "")
    return " ".join(unescaped.split())


def admin_time(moment: dt.datetime) -> str:
    """A moment as the admin's date-time fields write it: 20.12.2026 10:00, time in Poland."""
    return timezone.localtime(moment).strftime("%d.%m.%Y %H:%M")


# --- the setups ----------------------------------------------------------------------------------


def setup_form(event, **fields) -> dict[str, object]:
    data: dict[str, object] = {
        "event": event.pk,
        "is_open": "on",
        "capacity": "40",
        "opens_at": "",
        "closes_at": "",
        "waiting_list": "on",
        "max_seats_per_registration": "4",
        "wheelchair_spaces": "2",
        "wheelchair_release_at": "",
        "controller": "Fundacja Równe Szanse, ul. Narutowicza 4, 20-016 Lublin",
        "controller_contact": "iod@rowne-szanse.example",
        "organiser_email": "organizator@rowne-szanse.example",
    }
    data.update(fields)
    return data


def test_an_organiser_sets_up_registration_for_an_event(client, coordinator, event):
    response = client.post(admin_url("add"), setup_form(event))

    setup = RegistrationSetup.objects.get()
    assert response.status_code == 302
    assert response["Location"] == admin_url("dashboard", setup.pk)
    assert setup.event_key == event.translation_key
    assert setup.capacity == 40
    assert setup.notified_state  # save_setup ran: the event's state is remembered
    page = client.get(response["Location"])
    assert "Zapisy na „" in text_of(page)


def test_a_second_setup_of_the_same_event_is_refused_in_polish(client, coordinator, event, setup):
    english = event.get_translations().get()  # the English version (an alias): the same event
    for chosen in (event, english):
        response = client.post(admin_url("add"), setup_form(chosen, controller="Inny ADO"))

        assert response.status_code == 200
        text = text_of(response)
        assert "To wydarzenie ma już ustawione zapisy" in text
        assert 'value="Inny ADO"' in response.content.decode()  # what the editor typed is kept
    assert RegistrationSetup.objects.count() == 1


def test_the_form_refuses_closing_before_opening(client, coordinator, event):
    start = event.schedule.first_instant
    response = client.post(
        admin_url("add"),
        setup_form(
            event,
            opens_at=admin_time(start - dt.timedelta(days=5)),
            closes_at=admin_time(start - dt.timedelta(days=10)),
        ),
    )

    assert response.status_code == 200
    assert "Zapisy muszą się zamknąć później, niż się otwierają" in text_of(response)
    assert not RegistrationSetup.objects.exists()


def test_more_seats_saved_in_the_admin_promote_the_waiting_list(client, coordinator, event):
    setup = make_setup(event, capacity=1)
    register(setup)
    waiting = register(setup).registration
    assert waiting.status == RegistrationStatus.WAITING

    response = client.post(admin_url("edit", setup.pk), setup_form(event, capacity="2"))

    assert response.status_code == 302
    waiting.refresh_from_db()
    assert waiting.status == RegistrationStatus.CONFIRMED


def test_a_setup_with_registrations_is_not_deleted(client, django_user_model, event, setup):
    register(setup)
    client.force_login(django_user_model.objects.create_superuser("admin", "a@example.org", "x"))

    response = client.post(admin_url("delete", setup.pk), follow=True)

    assert RegistrationSetup.objects.filter(pk=setup.pk).exists()
    assert "Tych ustawień zapisów nie można usunąć" in text_of(response)


def test_the_list_shows_seats_waiting_state_and_overdue_answers(client, coordinator, event):
    setup = make_setup(event, capacity=2, wheelchair_spaces=1)
    register(setup, seats=2)
    register(setup)
    late = register(setup, needs=[NeedAnswer(Need.CAPTIONS)], health_consent=True)
    AccommodationRequest.objects.filter(registration=late.registration).update(
        due_on=timezone.localdate() - dt.timedelta(days=1)
    )

    response = client.get(admin_url("index"))

    text = text_of(response)
    assert response.status_code == 200
    assert event.title in text
    assert "2 z 2" in text
    assert "2 zgłoszenia" in text  # on the waiting list
    assert "otwarte" in text
    assert "1 po terminie" in text


def test_the_event_editor_links_to_its_registration(client, django_user_model, event, setup):
    client.force_login(django_user_model.objects.create_superuser("admin", "a@example.org", "x"))

    response = client.get(reverse("wagtailadmin_pages:edit", args=(event.pk,)))

    assert admin_url("dashboard", setup.pk) in response.content.decode()
    assert "Zapisy na to wydarzenie" in text_of(response)


# --- the dashboard ------------------------------------------------------------------------------


def test_the_dashboard_counts_seats_wheelchair_spaces_and_the_queue(client, coordinator, event):
    setup = make_setup(event, capacity=3, wheelchair_spaces=1)
    register(setup, seats=2, needs=[NeedAnswer(Need.PJM)], health_consent=True)
    register(setup, needs=[NeedAnswer(Need.WHEELCHAIR)], health_consent=True)
    register(setup, needs=[NeedAnswer(Need.ASSISTANT)], health_consent=True)
    first_waiting = register(setup, seats=2, name="Zofia Czekająca").registration
    register(setup, name="Jan Drugi w Kolejce")
    register(setup, suspicious=True, name="Spam Spamowski")

    response = client.get(admin_url("dashboard", setup.pk))

    text = text_of(response)
    assert response.status_code == 200
    assert "Zajęte miejsca 3 z 3" in text
    assert "Zajęte miejsca dla osób na wózku 1 z 1" in text
    assert "Lista rezerwowa 2 zgłoszenia" in text
    assert "1 × PJM, 1 × miejsce na wózek, 1 × asystent" in text
    assert text.index("Zofia Czekająca") < text.index("Jan Drugi w Kolejce")
    assert "Czekają na sprawdzenie" in text
    assert "Spam Spamowski" in text
    assert first_waiting.status == RegistrationStatus.WAITING
    assert_valid_html({"dashboard": response.content})


def test_overdue_cases_stand_out_by_icon_and_words(client, coordinator, setup):
    outcome = register(setup, needs=[NeedAnswer(Need.PJM)], health_consent=True)
    case = outcome.registration.accommodations.get()
    AccommodationRequest.objects.filter(pk=case.pk).update(
        due_on=timezone.localdate() - dt.timedelta(days=2)
    )

    response = client.get(admin_url("dashboard", setup.pk))

    html = response.content.decode()
    text = text_of(response)
    assert "1 odpowiedź po terminie." in text
    assert "Po terminie: odpowiedź była potrzebna do" in text
    assert "biuletyn-case--overdue" in html
    assert 'href="#icon-warning"' in html


# --- staff registration ---------------------------------------------------------------------


def staff_form(**fields) -> dict[str, object]:
    data: dict[str, object] = {
        "idempotency_key": "a1b2c3",
        "channel": Channel.PHONE,
        "name": "Halina Telefoniczna",
        "email": "",
        "phone": "601 202 303",
        "contact_preference": ContactPreference.PHONE,
        "seats": "2",
        "needs": [Need.PJM],
        "health_consent": "on",
        "staff_note": "Zadzwoniła w poniedziałek.",
    }
    data.update(fields)
    return data


def test_staff_register_someone_who_called_while_the_form_is_closed(client, coordinator, event):
    setup = make_setup(event, is_open=False)
    assert setup.state_at(timezone.now()) == "off"

    response = client.post(admin_url("register", setup.pk), staff_form())

    assert response.status_code == 302
    registration = Registration.objects.get()
    assert registration.channel == Channel.PHONE
    assert registration.registered_by == coordinator
    assert registration.status == RegistrationStatus.CONFIRMED
    assert registration.seats == 2
    assert list(registration.accommodations.values_list("need", flat=True)) == [Need.PJM]
    page = client.get(response["Location"])
    assert "Zgłoszenie nr" in text_of(page)
    assert "telefonicznie" in text_of(page)


def test_the_same_staff_form_sent_twice_makes_one_registration(client, coordinator, setup):
    client.post(admin_url("register", setup.pk), staff_form())
    client.post(admin_url("register", setup.pk), staff_form())

    assert Registration.objects.count() == 1


def test_the_staff_form_explains_its_errors_in_polish_and_keeps_the_text(
    client, coordinator, setup
):
    response = client.post(
        admin_url("register", setup.pk),
        staff_form(name="", phone="", email="nie-adres", seats="9", needs=[Need.DIET]),
    )

    text = text_of(response)
    assert response.status_code == 200
    assert "Popraw formularz" in text
    assert "Wpisz imię i nazwisko osoby." in text
    assert "Wpisz adres e-mail w postaci nazwa@example.pl." in text
    assert "Jedno zgłoszenie może objąć najwyżej 4 miejsca." in text
    assert "Napisz, jakie potrzeby żywieniowe ma ta osoba." in text
    assert 'value="nie-adres"' in response.content.decode()
    assert not Registration.objects.exists()
    assert_valid_html({"staff form with errors": response.content})


def test_needs_without_the_persons_consent_stop_the_form_once(client, coordinator, setup):
    """As on the public form: the page warns once, before anything is registered, with the
    ticks kept; sent again without consent, the person is registered without their needs."""
    data = staff_form(health_consent="", needs=[Need.PJM, Need.DIET], diet_details="bez laktozy")

    warned = client.post(admin_url("register", setup.pk), data)

    page = warned.content.decode()
    text = text_of(warned)
    assert warned.status_code == 200
    assert not Registration.objects.exists()
    assert "Bez zgody nie zapiszemy potrzeb tej osoby" in text
    assert "Zaznaczono: PJM, dieta." in text
    assert "Przejdź do zgody" in text
    assert re.search(r'<div class="biuletyn-warning"[^>]*autofocus', page)
    assert re.search(rf'<input[^>]*value="{Need.PJM.value}"[^>]*checked', page)
    assert re.search(rf'<input[^>]*value="{Need.DIET.value}"[^>]*checked', page)
    assert "bez laktozy" in page
    assert 'name="consent_warned" value="1"' in page
    assert 'name="idempotency_key" value="a1b2c3"' in page
    assert_valid_html({"staff form, warned about consent": warned.content})

    response = client.post(
        admin_url("register", setup.pk), {**data, "consent_warned": "1"}, follow=True
    )

    registration = Registration.objects.get()
    assert registration.needs_dropped
    assert not AccommodationRequest.objects.exists()
    assert "Potrzeby nie zostały zapisane" in text_of(response)


def test_needs_with_consent_are_stored_without_a_warning(client, coordinator, setup):
    response = client.post(admin_url("register", setup.pk), staff_form())

    assert response.status_code == 302
    assert AccommodationRequest.objects.filter(need=Need.PJM).exists()


def test_a_warned_form_with_the_consent_ticked_keeps_the_needs(client, coordinator, setup):
    data = staff_form(health_consent="")
    client.post(admin_url("register", setup.pk), data)

    response = client.post(
        admin_url("register", setup.pk), {**data, "consent_warned": "1", "health_consent": "on"}
    )

    assert response.status_code == 302
    assert AccommodationRequest.objects.filter(need=Need.PJM).exists()


def test_the_staff_form_refuses_a_mistyped_number_of_seats(client, coordinator, setup):
    form = client.get(admin_url("register", setup.pk)).content.decode()
    seats = re.search(r'<input[^>]*name="seats"[^>]*>', form)
    assert seats
    assert 'type="text"' in seats[0]
    assert 'inputmode="numeric"' in seats[0]

    response = client.post(admin_url("register", setup.pk), staff_form(seats="3e"))

    assert response.status_code == 200
    assert "Wpisz liczbę miejsc jako liczbę całkowitą, np. 2." in text_of(response)
    assert 'value="3e"' in response.content.decode()
    assert not Registration.objects.exists()


def test_a_full_event_without_a_waiting_list_says_why(client, coordinator, event):
    setup = make_setup(event, capacity=1, waiting_list=False)
    register(setup)

    response = client.post(admin_url("register", setup.pk), staff_form(seats="1"))

    assert response.status_code == 200
    assert "Wszystkie miejsca są zajęte" in text_of(response)
    assert 'value="Halina Telefoniczna"' in response.content.decode()


# --- actions ---------------------------------------------------------------------------------


def test_cancelling_asks_first_and_then_frees_the_places(client, coordinator, event):
    setup = make_setup(event, capacity=1)
    confirmed = register(setup).registration
    waiting = register(setup).registration

    asked = client.get(admin_url("cancel", setup.pk, confirmed.pk))
    assert "Czy anulować zgłoszenie nr" in text_of(asked)
    confirmed.refresh_from_db()
    assert confirmed.status == RegistrationStatus.CONFIRMED

    response = client.post(admin_url("cancel", setup.pk, confirmed.pk))

    assert response.status_code == 302
    confirmed.refresh_from_db()
    waiting.refresh_from_db()
    assert confirmed.status == RegistrationStatus.CANCELLED
    assert waiting.status == RegistrationStatus.CONFIRMED


def test_checking_in_marks_the_time(client, coordinator, setup):
    registration = register(setup).registration

    response = client.post(admin_url("check_in", setup.pk, registration.pk))

    assert response.status_code == 302
    registration.refresh_from_db()
    assert registration.checked_in_at is not None
    assert client.get(admin_url("check_in", setup.pk, registration.pk)).status_code == 405


def test_an_action_on_another_events_registration_is_not_found(client, coordinator, calendar):
    from tests.factories.events import make_event

    one = make_setup(make_event(calendar))
    other = make_setup(make_event(calendar))
    registration = register(other).registration

    response = client.post(admin_url("check_in", one.pk, registration.pk))

    assert response.status_code == 404


def test_a_held_registration_is_accepted_or_rejected(client, coordinator, setup):
    real = register(setup, suspicious=True).registration
    spam = register(setup, suspicious=True).registration

    client.post(admin_url("moderate", setup.pk, real.pk), {"decision": "accept"})
    client.post(admin_url("moderate", setup.pk, spam.pk), {"decision": "reject"})

    real.refresh_from_db()
    spam.refresh_from_db()
    assert real.status == RegistrationStatus.CONFIRMED
    assert spam.status == RegistrationStatus.CANCELLED


def test_answering_a_case_tells_the_person(client, coordinator, setup):
    registration = register(setup, needs=[NeedAnswer(Need.PJM)], health_consent=True).registration
    case = registration.accommodations.get()
    prefix = f"case-{case.pk}"

    response = client.post(
        admin_url("answer", setup.pk, case.pk),
        {f"{prefix}-status": CaseStatus.CONFIRMED, f"{prefix}-answer": "Tłumaczka będzie."},
    )

    assert response.status_code == 302
    case.refresh_from_db()
    assert case.status == CaseStatus.CONFIRMED
    assert case.answered_by == coordinator
    assert OutboxMessage.objects.filter(
        registration=registration, kind=MessageKind.CASE_ANSWERED
    ).exists()


def test_declining_without_a_word_is_refused_with_the_text_kept(client, coordinator, setup):
    registration = register(setup, needs=[NeedAnswer(Need.PJM)], health_consent=True).registration
    case = registration.accommodations.get()
    prefix = f"case-{case.pk}"

    response = client.post(
        admin_url("answer", setup.pk, case.pk),
        {f"{prefix}-status": CaseStatus.DECLINED, f"{prefix}-answer": "   "},
    )

    assert response.status_code == 200
    assert "Napisz osobie, co proponujesz w zamian" in text_of(response)
    case.refresh_from_db()
    assert case.status == CaseStatus.REQUESTED
    assert_valid_html({"case answer with an error": response.content})


def test_the_answer_form_says_when_the_message_is_needed_and_where_it_is_read(
    client, coordinator, setup
):
    registration = register(setup, needs=[NeedAnswer(Need.PJM)], health_consent=True).registration
    case = registration.accommodations.get()

    for response in (
        client.get(admin_url("answer", setup.pk, case.pk)),
        client.get(admin_url("dashboard", setup.pk)),
    ):
        page = response.content.decode()
        text = text_of(response)
        assert "Wiadomość do osoby" in text
        assert "Wiadomość do osoby (opcjonalne)" not in text
        assert (
            "Wymagana, gdy proponujesz coś w zamian albo odmawiasz. Osoba przeczyta ją pod "
            "swoim linkiem, a o odpowiedzi powiadomimy ją wybraną przez nią drogą kontaktu."
        ) in text
        assert "wybraną przez siebie drogą" not in text
        textarea = re.search(rf'<textarea[^>]*name="case-{case.pk}-answer"[^>]*>', page)
        assert textarea
        assert "required" not in textarea[0]
    assert (
        "Tam przeczyta Twoją odpowiedź, a o odpowiedzi powiadomimy ją wybraną przez nią drogą "
        "kontaktu."
    ) in text
    assert "Twoja odpowiedź dotrze do niej" not in text


def test_confirming_a_case_needs_no_message(client, coordinator, setup):
    registration = register(setup, needs=[NeedAnswer(Need.PJM)], health_consent=True).registration
    case = registration.accommodations.get()
    prefix = f"case-{case.pk}"

    response = client.post(
        admin_url("answer", setup.pk, case.pk),
        {f"{prefix}-status": CaseStatus.CONFIRMED, f"{prefix}-answer": ""},
    )

    assert response.status_code == 302
    case.refresh_from_db()
    assert case.status == CaseStatus.CONFIRMED
    assert case.answer == ""


def test_a_case_answer_page_with_an_error_loads_the_focus_script(client, coordinator, setup):
    registration = register(setup, needs=[NeedAnswer(Need.PJM)], health_consent=True).registration
    case = registration.accommodations.get()
    prefix = f"case-{case.pk}"

    response = client.post(
        admin_url("answer", setup.pk, case.pk), {f"{prefix}-status": CaseStatus.DECLINED}
    )

    page = response.content.decode()
    assert 'class="app-error-summary"' in page
    assert "components/filters" in page


def test_deleted_peoples_rows_say_why_their_data_is_gone(client, coordinator, event):
    from biuletyn.registrations import privacy

    setup = make_setup(event, capacity=10)
    by_request = register(setup, name="Anna Usunięta").registration
    kept = register(setup, name="Bożena Zostaje").registration
    privacy.delete_at_request(by_request)

    response = client.get(admin_url("dashboard", setup.pk))

    text = text_of(response)
    row = re.search(
        rf'<tr id="registration-{by_request.pk}">.*?</tr>', response.content.decode(), re.S
    )
    assert row is not None
    assert "(dane usunięte na prośbę osoby)" in row[0]
    assert "(usunięty)" in row[0]
    assert "Bożena Zostaje" in text
    assert "po upływie okresu przechowywania" not in text
    assert_valid_html({"dashboard with deleted data": response.content})

    over = privacy.event_over_at(setup)
    assert over is not None
    privacy.purge_due(now=over + dt.timedelta(days=settings.REGISTRATION_ANONYMISE_DAYS + 1))

    text = text_of(client.get(admin_url("dashboard", setup.pk)))
    assert "(dane usunięte na prośbę osoby)" in text
    assert "(dane usunięte po upływie okresu przechowywania)" in text
    assert "Bożena Zostaje" not in text
    kept.refresh_from_db()
    assert kept.anonymised_at is not None


def test_people_to_contact_by_phone_are_a_to_do_list(client, coordinator, setup):
    registration = register(
        setup, email="", phone="601 202 303", contact_preference=ContactPreference.PHONE
    ).registration
    todo = OutboxMessage.objects.create(
        kind=MessageKind.CONFIRMATION,
        channel=MessageChannel.MANUAL,
        status=MessageStatus.MANUAL,
        registration=registration,
        setup=setup,
        to="601 202 303",
        subject="Potwierdzenie zapisu",
        body="Proszę potwierdzić zapis telefonicznie.",
    )

    page = client.get(admin_url("dashboard", setup.pk))
    text = text_of(page)
    assert "Osoby do samodzielnego kontaktu" in text
    assert "601 202 303" in text
    assert "Proszę potwierdzić zapis telefonicznie." in text

    response = client.post(admin_url("contact_done", setup.pk, todo.pk))

    assert response.status_code == 302
    todo.refresh_from_db()
    assert todo.status == MessageStatus.DONE
    assert "Proszę potwierdzić zapis" not in text_of(client.get(admin_url("dashboard", setup.pk)))


# --- the audit log ------------------------------------------------------------------------------

PERSONAL = ("Marta Prywatna", "marta.prywatna@example.org", "600 700 800", "bezglutenowa")


def test_every_view_export_and_change_is_audited_without_personal_or_health_data(
    client, coordinator, event
):
    setup = make_setup(event, capacity=1)
    outcome = register(
        setup,
        name=PERSONAL[0],
        email=PERSONAL[1],
        phone=PERSONAL[2],
        needs=[NeedAnswer(Need.DIET, PERSONAL[3]), NeedAnswer(Need.PJM)],
        health_consent=True,
    )
    registration = outcome.registration
    held = register(setup, suspicious=True, name="Marta Druga").registration
    case = registration.accommodations.get(need=Need.PJM)
    prefix = f"case-{case.pk}"

    client.get(admin_url("dashboard", setup.pk))
    client.get(admin_url("export_csv", setup.pk))
    client.get(admin_url("check_in_list", setup.pk))
    client.post(admin_url("check_in", setup.pk, registration.pk))
    client.post(admin_url("moderate", setup.pk, held.pk), {"decision": "reject"})
    client.post(
        admin_url("answer", setup.pk, case.pk),
        {f"{prefix}-status": CaseStatus.ALTERNATIVE, f"{prefix}-answer": "Napisy na żywo."},
    )
    client.post(admin_url("register", setup.pk), staff_form(name="Marta Trzecia"))
    client.post(admin_url("cancel", setup.pk, registration.pk))

    entries = ModelLogEntry.objects.filter(action__startswith="biuletyn.")
    actions = sorted(entries.values_list("action", flat=True))
    assert actions == sorted(
        [
            "biuletyn.registration.list",
            "biuletyn.registration.export",
            "biuletyn.registration.export",
            "biuletyn.registration.check_in",
            "biuletyn.registration.moderate",
            "biuletyn.case.answer",
            "biuletyn.registration.create",
            "biuletyn.registration.cancel",
        ]
    )
    assert all(entry.user_id == coordinator.pk for entry in entries)
    stored = json.dumps([[entry.label, entry.data] for entry in entries], ensure_ascii=False)
    for secret in (*PERSONAL, "Marta", "Napisy na żywo", "PJM", Need.PJM, Need.DIET, "601 202"):
        assert secret not in stored


# --- what the admin never shows, and how staff find a person (review fixes) -----------------

SIGNED_PATH = re.compile(r"/(?:en/registration|zgloszenie)/([^\s/]+)/")


def test_nobody_sees_a_persons_signed_link_on_the_dashboard(client, django_user_model, setup):
    """The to-do row is the message staff read out; its link would open the person's
    registration and requests, so the admin shows a placeholder instead, to everyone."""
    registration = register(
        setup,
        name="Irena Dzwoniąca",
        email="irena@example.org",
        phone="601 202 303",
        contact_preference=ContactPreference.PHONE,
        needs=[NeedAnswer(Need.PJM)],
        health_consent=True,
    ).registration
    todo = OutboxMessage.objects.get(registration=registration, channel=MessageChannel.MANUAL)
    found = SIGNED_PATH.search(todo.body)
    assert found, "the message the person gets carries their link"
    token = found.group(1)
    phone_only = register(
        setup, email="", phone="602 303 404", contact_preference=ContactPreference.PHONE
    ).registration
    OutboxMessage.objects.create(
        kind=MessageKind.CHANGED,
        channel=MessageChannel.MANUAL,
        status=MessageStatus.MANUAL,
        registration=phone_only,
        setup=setup,
        to="602 303 404",
        subject="Zmiana",
        body="Your link:\nhttps://biuletyn.example/en/registration/abc123:1xZ:sIg-_9/change/\nBye",
    )
    # A call to make about something never sent in writing, to a person who has an address:
    # the placeholder says what is true of this message, not of the address.
    OutboxMessage.objects.create(
        kind=MessageKind.REMINDER,
        channel=MessageChannel.MANUAL,
        status=MessageStatus.MANUAL,
        registration=registration,
        setup=setup,
        to="601 202 303",
        subject="Przypomnienie",
        body="Link: https://biuletyn.example/zgloszenie/def456:1xZ:sIg-_9/\nDo zobaczenia",
    )

    for user in (
        make_editor(django_user_model, "redaktorka"),
        make_editor(django_user_model, "koordynator", coordinator=True),
    ):
        client.force_login(user)
        response = client.get(admin_url("dashboard", setup.pk))

        page = response.content.decode()
        text = text_of(response)
        assert token not in page
        assert "abc123" not in page
        assert "/zgloszenie/" not in page
        assert "/en/registration/" not in page
        assert "def456" not in page
        assert text.count("[link do zgłoszenia – osoba dostała go w wiadomości]") == 1
        # The phone-only person's confirmation and change, and the reminder.
        assert text.count("[link do zgłoszenia – nie pokazujemy go w panelu]") == 3
        assert "Skontaktowano się" in text


def test_the_registration_code_is_shown_and_searchable(client, coordinator, setup):
    found = register(setup, name="Barbara Szukana").registration
    other = register(setup, name="Cezary Inny").registration
    # A number also finds the codes it begins (codes are hexadecimal): the other's code must not
    # begin with the first one's number, which a random code would one time in sixteen.
    other.public_id = uuid.UUID("fedcba98-0000-4000-8000-000000000000")
    other.save(update_fields=["public_id"])

    page = client.get(admin_url("dashboard", setup.pk))
    text = text_of(page)
    assert "Nr (kod zgłoszenia)" in text
    assert f"{found.pk} ({found.reference})" in text

    for query in (found.reference, found.reference.lower()[:5], "szukana", str(found.pk)):
        response = client.get(admin_url("dashboard", setup.pk), {"q": query})

        text = text_of(response)
        assert "Barbara Szukana" in text, query
        assert "Cezary Inny" not in text, query
        assert f"Wyszukiwanie „{query}”: 1 zgłoszenie." in text
        assert_valid_html({f"dashboard searched for {query}": response.content})
    nothing = text_of(client.get(admin_url("dashboard", setup.pk), {"q": "Nikogo Takiego"}))
    assert "Wyszukiwanie „Nikogo Takiego”: 0 zgłoszeń." in nothing
    assert "Nikt jeszcze się nie zapisał" not in nothing
    assert other.reference in text_of(client.get(admin_url("dashboard", setup.pk)))


def test_staff_are_told_the_code_to_give_the_person(client, coordinator, setup):
    response = client.post(admin_url("register", setup.pk), staff_form(), follow=True)

    registration = Registration.objects.get()
    assert f"Kod zgłoszenia do przekazania osobie: {registration.reference}." in text_of(response)


def test_the_admin_names_a_video_call_without_hinting_at_a_need(client, coordinator, setup):
    register(setup, name="Wiktor Wideo", contact_preference=ContactPreference.VIDEO)

    dashboard = text_of(client.get(admin_url("dashboard", setup.pk)))
    csv_text = client.get(admin_url("export_csv", setup.pk)).content.decode("utf-8-sig")
    form = text_of(client.get(admin_url("register", setup.pk)))

    for text in (dashboard, csv_text, form):
        assert "rozmowa wideo" in text
        assert "w PJM" not in text


def test_the_dashboard_uses_one_vocabulary(client, coordinator, setup):
    registration = register(setup, needs=[NeedAnswer(Need.CAPTIONS)], health_consent=True)
    client.post(admin_url("register", setup.pk), staff_form())
    AccommodationRequest.objects.filter(registration=registration.registration).update(
        due_on=timezone.localdate() - dt.timedelta(days=1)
    )

    text = text_of(client.get(admin_url("dashboard", setup.pk)))

    assert "Sposób zgłoszenia" in text
    assert "Stan" in text
    assert "Status" not in text
    assert f"wpisane przez: {coordinator.get_username()}" in text
    assert "zgłoszona, czeka na odpowiedź" in text
    assert "r.." not in text  # a date ends in "r.", the sentence adds no second full stop
    assert "oczekujących" not in text
    assert "dla wózk" not in text


def test_the_waiting_list_says_who_gets_a_freed_place(client, coordinator, event):
    setup = make_setup(event, capacity=1)
    register(setup)
    register(setup, seats=2)

    text = text_of(client.get(admin_url("dashboard", setup.pk)))

    assert "dostaje je pierwsza osoba w kolejce, dla której ich wystarczy" in text


def test_cancelling_tells_staff_to_let_the_person_know(client, coordinator, setup):
    registration = register(setup).registration

    text = text_of(client.get(admin_url("cancel", setup.pk, registration.pk)))

    assert "Osoba nie dostanie wiadomości – powiadom ją samodzielnie." in text


# --- the setups' list and form (review fixes) --------------------------------------------------


def test_the_list_counts_wheelchair_spaces_taken_of_all(client, coordinator, event):
    setup = make_setup(event, capacity=40, wheelchair_spaces=6)
    for _number in range(3):
        register(setup, needs=[NeedAnswer(Need.WHEELCHAIR)], health_consent=True)
    # Two requests on one registration must not count its seats twice.
    register(
        setup,
        seats=3,
        needs=[NeedAnswer(Need.PJM), NeedAnswer(Need.CAPTIONS)],
        health_consent=True,
    )
    counts = services.counts(setup)
    assert counts.wheelchair_taken == 3

    response = client.get(admin_url("index"))

    text = text_of(response)
    assert f"{counts.seats_taken} z 40; miejsca dla osób na wózku: 3 z 6" in text
    assert "Włącz zapisy na wydarzenie" in text
    assert "Dodaj zapisy" not in text


def test_the_setup_form_explains_bad_values_in_plain_polish(client, coordinator, event):
    response = client.post(
        admin_url("add"),
        setup_form(
            event,
            capacity="-3",
            wheelchair_spaces="-1",
            max_seats_per_registration="0",
            opens_at="jutro rano",
            organiser_email="nie-adres",
        ),
    )

    text = text_of(response)
    assert response.status_code == 200
    assert "Wpisz liczbę miejsc (1 lub więcej) albo zostaw puste, jeśli nie ma limitu." in text
    assert "Wpisz liczbę miejsc dla osób na wózku (0 lub więcej)." in text
    assert "Wpisz, ile miejsc może objąć jedno zgłoszenie – od 1 do 20." in text
    assert "Wpisz datę i godzinę, na przykład 20.12.2026 10:00." in text
    assert "Wpisz adres e-mail w postaci nazwa@example.pl." in text
    assert "Upewnij się" not in text
    assert "Wprowadź poprawn" not in text
    assert 'value="jutro rano"' in response.content.decode()
    assert "Miejsca dla osób na wózku" in text
    assert not RegistrationSetup.objects.exists()


def test_the_setup_form_takes_the_date_as_its_error_suggests(client, coordinator, event):
    day = timezone.localtime(event.schedule.first_instant) - dt.timedelta(days=3)
    response = client.post(admin_url("add"), setup_form(event, opens_at=f"{day:%d.%m.%Y} 10:00"))

    assert response.status_code == 302
    opens = timezone.localtime(RegistrationSetup.objects.get().opens_at)
    assert (opens.day, opens.month, opens.year, opens.hour) == (day.day, day.month, day.year, 10)


# --- the staff form (review fixes) ---------------------------------------------------------------


def test_the_staff_form_speaks_about_the_person_and_shows_the_clause(client, coordinator, setup):
    response = client.get(admin_url("register", setup.pk))

    page = response.content.decode()
    text = text_of(response)
    assert "Prośby o dostosowanie" in text
    assert "Przyjdzie z asystentem osobistym lub asystentką" in text
    assert "Przyjdę" not in text
    assert "<details" in page
    assert 'id="consent-clause"' in page
    assert setup.controller in text
    assert (
        "Osoba zgodziła się na przetwarzanie informacji o jej potrzebach (dane o zdrowiu) "
        "w związku z tym wydarzeniem"
    ) in text
    assert_valid_html({"staff form": response.content})


def test_the_staff_form_asks_for_a_way_of_contact_and_a_whole_phone_number(
    client, coordinator, setup
):
    response = client.post(
        admin_url("register", setup.pk), staff_form(contact_preference="", phone="601 202")
    )

    text = text_of(response)
    assert "Wybierz, jak mamy kontaktować się z tą osobą." in text
    assert "Wpisz numer telefonu – 9 cyfr, na przykład 600 100 200." in text
    assert not Registration.objects.exists()

    accepted = client.post(admin_url("register", setup.pk), staff_form(phone="+48 601 202 303"))
    assert accepted.status_code == 302
