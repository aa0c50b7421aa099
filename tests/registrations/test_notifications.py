"""Messages of registrations (issue 10, ADR 0011): every kind renders in Polish and English with
the signed view link, the event's title, date and place; a person's messages never name a need
or carry anything the person typed about their health; the organiser's alert names the kinds of
need with their due dates and the registration's number, never the person, says who answers the
requests and links the admin on the site's own address; the confirmation carries the event's
calendar file; each message goes through the channel the person chose, and whoever gave an
e-mail address gets the e-mail (the link and the calendar file) whatever else they chose.

Personas: a Deaf person who asks for a PJM interpreter and a diet (Polish), an English-speaking
visitor, a person who only gives a phone number, a person who prefers text messages and gives an
e-mail address too, a person who wants a video call in PJM; an NGO whose organiser address has
no admin account.
"""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.contrib.auth.models import Group, User
from django.core import mail
from django.utils import translation
from icalendar import Calendar
from wagtail.models import Site

from biuletyn.core.templatetags.biuletyn_dates import NBSP, WORD_JOINER
from biuletyn.events.enums import AttendanceMode
from biuletyn.registrations import notifications, outbox, services, tokens
from biuletyn.registrations.enums import (
    CONSULTATION_KINDS,
    NEED_SHORT_LABELS,
    ORGANISER_KINDS,
    ContactPreference,
    MessageChannel,
    MessageKind,
    MessageStatus,
    Need,
)
from biuletyn.registrations.models import OutboxMessage
from biuletyn.registrations.services import NeedAnswer
from biuletyn.registrations.sms import LocmemBackend
from tests.factories.events import days, make_event
from tests.factories.registrations import make_setup, register
from tests.factories.venues import make_venue

pytestmark = pytest.mark.integration

PERSON_KINDS = [
    kind for kind in MessageKind if kind not in ORGANISER_KINDS and kind not in CONSULTATION_KINDS
]
DIET_DETAILS = "Celiakia: bez glutenu, proszę"
ALL_NEEDS = [NeedAnswer(need, DIET_DETAILS if need == Need.DIET else "") for need in Need]


def need_words() -> list[str]:
    """Every name of a need, long and short, in both languages."""
    words = set()
    for language in ("pl", "en"):
        with translation.override(language):
            for need in Need:
                words.add(str(need.label))
                words.add(str(NEED_SHORT_LABELS[need]))
    return sorted(words)


def mentions(text: str, word: str) -> bool:
    return re.search(rf"(?<!\w){re.escape(word)}(?!\w)", text, re.IGNORECASE) is not None


def texts_of(message: OutboxMessage) -> str:
    return f"{message.subject}\n{message.body}"


def person_messages(registration, kind, **context):
    OutboxMessage.objects.filter(registration=registration).delete()
    return notifications.to_person(registration, kind, **context)


@pytest.fixture
def person(setup):
    return register(setup, needs=ALL_NEEDS, health_consent=True).registration


def link_token(text: str) -> str | None:
    """The signed view token of the first link in ``text`` that carries one."""
    for url in re.findall(r"https?://\S+", text):
        token = url.rstrip("/").rsplit("/", 1)[-1]
        if tokens.read(token, tokens.Purpose.VIEW) is not None:
            return token
    return None


@pytest.mark.parametrize("language", ["pl", "en"])
def test_every_kind_for_a_person_renders_with_the_link_and_the_event(
    setup, event, person, language
):
    person.language = language
    person.save(update_fields=["language"])
    case = person.accommodations.first()
    for kind in PERSON_KINDS:
        [message] = person_messages(person, kind, case=case)

        assert message.kind == kind
        assert message.channel == MessageChannel.EMAIL
        assert message.to == person.email
        text = texts_of(message)
        assert "{{" not in text
        assert "%(" not in text
        assert "\n" not in message.subject
        assert event.title in message.subject
        assert ("Dzień dobry," if language == "pl" else "Hello,") in message.body
        token = link_token(message.body)
        assert token is not None, kind
        assert tokens.read(token, tokens.Purpose.VIEW) == person.public_id
        prefix = "http://localhost/" if language == "pl" else "http://localhost/en/"
        assert f"{prefix}" in message.body
        assert "ul. peowiaków 12" in message.body.lower()
        assert str(event.start_date.year) in message.body
        _subject, _body, sms = notifications.render(
            kind, notifications._person_context(person, event, position=1)
        )
        assert link_token(sms) is not None, kind


def test_a_persons_messages_never_name_a_need_or_repeat_what_they_typed(calendar):
    """An event without a PJM offer, so nothing in the messages is the event's own word for an
    interpreter (the offer is the event's, the same for everyone: see test_messages_offer)."""
    setup = make_setup(make_event(calendar, sign_language="none"))
    person = register(setup, needs=ALL_NEEDS, health_consent=True).registration
    words = need_words()
    case = person.accommodations.first()
    for kind in PERSON_KINDS:
        for language in ("pl", "en"):
            person.language = language
            messages = person_messages(person, kind, case=case)
            with translation.override(language):
                rendered = notifications.render(
                    kind, notifications._person_context(person, setup.event, position=1)
                )
            for text in [*(texts_of(m) for m in messages), *rendered]:
                assert DIET_DETAILS not in text
                assert "gluten" not in text.lower()
                named = [word for word in words if mentions(text, word)]
                assert named == [], (kind, language, named)


def test_a_person_is_told_how_many_requests_they_made_and_where_to_read_them(person):
    [message] = person_messages(person, MessageKind.CONFIRMATION)
    latest = max(case.due_on for case in person.accommodations.all())
    due = notifications.long_date(latest)
    assert f"Twoje prośby o dostosowanie: {len(Need)}. Organizator odpowie do {due}" in message.body
    assert "Szczegóły i odpowiedzi organizatora znajdziesz pod swoim linkiem." in message.body


def test_a_person_whose_needs_were_not_stored_is_told(setup):
    registration = register(setup, needs=[NeedAnswer(Need.PJM)], health_consent=False).registration
    message = registration.messages.get()
    assert "nie zostały zapisane" in message.body


def test_english_registrants_read_english_and_the_link_is_under_en(setup):
    registration = register(setup, language="en").registration
    message = registration.messages.get()
    assert message.subject.startswith("Registration confirmed: ")
    assert "When:" in message.body
    assert "http://localhost/en/" in message.body


def test_the_confirmation_carries_the_events_calendar_file(setup, event, person):
    [message] = person_messages(person, MessageKind.CONFIRMATION)
    calendar = Calendar.from_ical(message.ics)
    [vevent] = calendar.walk("VEVENT")
    assert str(vevent["UID"]) == str(event.translation_key)
    assert str(vevent["URL"]).startswith("http://localhost/")

    outbox.send(message.pk)

    [sent] = mail.outbox
    [(filename, content, mimetype)] = sent.attachments
    assert filename.endswith(".ics")
    assert mimetype == "text/calendar"
    assert "BEGIN:VCALENDAR" in content


def test_promotion_carries_the_calendar_file_and_other_kinds_do_not(person):
    [promoted] = person_messages(person, MessageKind.PROMOTED)
    assert "BEGIN:VEVENT" in promoted.ics
    [reminder] = person_messages(person, MessageKind.REMINDER)
    assert reminder.ics == ""


def test_the_waiting_list_message_gives_the_place_in_the_queue(event):
    setup = make_setup(event, capacity=1)
    register(setup)
    register(setup)
    third = register(setup).registration
    message = third.messages.get(kind=MessageKind.WAITING)
    assert "Twoje miejsce w kolejce: 2." in message.body
    assert message.subject.startswith("Lista rezerwowa: ")


def test_the_organisers_alert_names_needs_due_dates_and_the_number_never_the_person(setup, person):
    alert = OutboxMessage.objects.get(kind=MessageKind.ORGANISER_ALERT)
    assert alert.to == "organizator@rowne-szanse.example"
    assert alert.registration is None
    text = texts_of(alert)
    assert f"nr {person.pk}" in text
    assert "Dzień dobry," in alert.body  # Polish
    assert notifications.admin_link(setup) in alert.body
    # On the site's own address, not settings.base's default of http://127.0.0.1:8000.
    assert notifications.admin_link(setup).startswith("http://localhost/admin/")
    with translation.override("pl"):
        for need in Need:
            assert str(NEED_SHORT_LABELS[need]) in alert.body
    for case in person.accommodations.all():
        assert notifications.long_date(case.due_on) in alert.body
    for personal in (person.name, person.email, DIET_DETAILS, person.reference):
        assert personal not in text


def test_the_organisers_alert_says_who_answers_and_where_the_admin_is(setup, settings):
    """The organiser's address is often an NGO's without an admin account: the alert names
    the accessibility coordinator, who answers, and gives the admin link to those who have
    an account, no longer "to answer, open the admin"."""
    settings.REGISTRATION_COORDINATOR_CONTACT = "dostepnosc@biuletyn.example, tel. 81 000 00 00"
    register(setup, needs=[NeedAnswer(Need.PJM)], health_consent=True)
    alert = OutboxMessage.objects.get(kind=MessageKind.ORGANISER_ALERT)
    assert (
        "Na prośby odpowiada koordynator dostępności biuletynu: "
        "dostepnosc@biuletyn.example, tel. 81 000 00 00.\n"
        "Jeśli masz konto w panelu administracyjnym, zgłoszenia na to wydarzenie znajdziesz "
        f"tutaj:\n{notifications.admin_link(setup)}\n"
    ) in alert.body
    assert "Aby odpowiedzieć" not in alert.body
    assert "osób zapisanych" in alert.body  # no names or contacts of the people, it says


def test_without_a_configured_contact_the_coordinators_group_is_named(setup, settings):
    settings.REGISTRATION_COORDINATOR_CONTACT = ""
    coordinator = User.objects.create_user("koordynatorka", email="koordynatorka@example.org")
    coordinator.groups.add(Group.objects.get(name=services.COORDINATOR_GROUP))
    User.objects.create_user("redaktor", email="redaktor@example.org")  # not a coordinator
    assert notifications.coordinator_contact() == "koordynatorka@example.org"
    coordinator.is_active = False
    coordinator.save()
    assert notifications.coordinator_contact() == ""
    register(setup, needs=[NeedAnswer(Need.PJM)], health_consent=True)
    alert = OutboxMessage.objects.get(kind=MessageKind.ORGANISER_ALERT)
    assert "Na prośby odpowiada koordynator dostępności biuletynu.\n" in alert.body


def test_the_admin_link_follows_the_sites_port_unless_the_admin_address_is_set(setup, settings):
    """load_demo --port 8123 gives the default Site that port; the admin link must not point
    at `make run`'s http://127.0.0.1:8000 (another server, or none)."""
    settings.ADMIN_BASE_URL = ""
    Site.objects.filter(is_default_site=True).update(hostname="127.0.0.1", port=8123)
    assert notifications.admin_link(setup).startswith("http://127.0.0.1:8123/admin/")

    settings.ADMIN_BASE_URL = "https://panel.biuletyn.example/"
    assert notifications.admin_link(setup).startswith("https://panel.biuletyn.example/admin/")

    # Set by the operator, even to `make run`'s address: what they wrote.
    settings.ADMIN_BASE_URL = "http://127.0.0.1:8000"
    assert notifications.admin_link(setup).startswith("http://127.0.0.1:8000/admin/")


def test_the_organisers_alert_is_polish_for_an_english_registrant(setup):
    register(setup, language="en", needs=[NeedAnswer(Need.PJM)], health_consent=True)
    alert = OutboxMessage.objects.get(kind=MessageKind.ORGANISER_ALERT)
    assert alert.subject.startswith("Nowa prośba o dostosowanie")


def test_without_an_organiser_address_the_alert_is_not_written(event):
    setup = make_setup(event, organiser_email="")
    register(setup, needs=[NeedAnswer(Need.PJM)], health_consent=True)
    assert not OutboxMessage.objects.filter(kind=MessageKind.ORGANISER_ALERT).exists()


def test_a_person_with_only_a_phone_gets_a_short_text_with_the_link(setup, settings):
    settings.SMS_BACKEND = "biuletyn.registrations.sms.LocmemBackend"
    LocmemBackend.outbox.clear()
    outcome = register(
        setup, email="", phone="+48 600 100 200", contact_preference=ContactPreference.EMAIL
    )
    message = outcome.registration.messages.get()
    assert message.channel == MessageChannel.SMS
    assert message.to == "+48 600 100 200"
    assert "\n" not in message.body
    assert "http://localhost/" in message.body
    assert len(message.body) < 400

    assert outbox.send(message.pk) == MessageStatus.SENT
    [text] = LocmemBackend.outbox
    assert text.to == "+48 600 100 200"
    assert text.body == message.body


def test_without_an_sms_gateway_a_text_is_left_for_staff(setup):
    outcome = register(setup, email="", phone="600100200", contact_preference=ContactPreference.SMS)
    message = outcome.registration.messages.get()
    assert message.channel == MessageChannel.SMS
    assert outbox.send(message.pk) == MessageStatus.MANUAL
    message.refresh_from_db()
    assert message.status == MessageStatus.MANUAL
    assert message.sent_at is None
    assert mail.outbox == []


def test_text_messages_chosen_with_an_email_address_the_email_comes_too(setup):
    """No gateway: the text is staff's to-do, and the e-mail the form promised ("we send the
    link to your registration here") goes out with the link and the calendar file."""
    outcome = register(setup, phone="600100203", contact_preference=ContactPreference.SMS)
    registration = outcome.registration
    sms, email = registration.messages.order_by("pk")
    assert (sms.channel, sms.to) == (MessageChannel.SMS, "600100203")
    assert (email.channel, email.to) == (MessageChannel.EMAIL, registration.email)
    assert email.kind == MessageKind.CONFIRMATION
    assert "BEGIN:VEVENT" in email.ics
    assert tokens.read(link_token(email.body), tokens.Purpose.VIEW) == registration.public_id

    assert outbox.send(sms.pk) == MessageStatus.MANUAL
    assert outbox.send(email.pk) == MessageStatus.SENT
    [sent] = mail.outbox
    assert sent.to == [registration.email]
    assert sent.attachments


def test_text_messages_through_a_gateway_with_an_email_address_send_both(setup, settings):
    settings.SMS_BACKEND = "biuletyn.registrations.sms.LocmemBackend"
    LocmemBackend.outbox.clear()
    outcome = register(setup, phone="600100204", contact_preference=ContactPreference.SMS)
    for message in outcome.registration.messages.order_by("pk"):
        assert outbox.send(message.pk) == MessageStatus.SENT
    [text] = LocmemBackend.outbox
    assert text.to == "600100204"
    [sent] = mail.outbox
    assert sent.to == [outcome.registration.email]
    assert "BEGIN:VCALENDAR" in sent.attachments[0][1]


def test_a_video_call_is_for_staff_with_an_email_copy(setup):
    outcome = register(setup, phone="600100201", contact_preference=ContactPreference.VIDEO)
    messages = list(outcome.registration.messages.order_by("pk"))
    assert [(m.channel, m.status) for m in messages] == [
        (MessageChannel.MANUAL, MessageStatus.MANUAL),
        (MessageChannel.EMAIL, MessageStatus.PENDING),
    ]
    assert messages[0].to == "600100201"
    assert messages[1].to == outcome.registration.email
    assert messages[1].ics  # the e-mail copy is the confirmation, calendar file included


def test_a_phone_call_without_an_email_is_only_for_staff(setup):
    outcome = register(
        setup, email="", phone="600100202", contact_preference=ContactPreference.PHONE
    )
    [message] = outcome.registration.messages.all()
    assert message.channel == MessageChannel.MANUAL


def test_the_answer_to_a_case_is_told_without_naming_the_need(setup, person, admin_user):
    case = person.accommodations.get(need=Need.PJM)
    OutboxMessage.objects.all().delete()
    services.answer_case(case=case, status="confirmed", answer="Tłumacz PJM będzie.", user=None)
    message = OutboxMessage.objects.get(kind=MessageKind.CASE_ANSWERED)
    assert "PJM" not in texts_of(message)
    assert "Tłumacz" not in message.body


# --- how the text reads -----------------------------------------------------------------------


def test_a_sentence_ending_on_an_all_day_date_has_one_full_stop(calendar):
    """A date ends in "r." ("11–13 stycznia 2027 r."): a text message that ends its sentence on
    it must not read "r.."."""
    start = days(40)
    event = make_event(
        calendar,
        start_date=start,
        end_date=start + dt.timedelta(days=2),
        start_time=None,
        end_time=None,
    )
    registration = register(make_setup(event), phone="600100300").registration
    assert notifications.when(event).endswith("r.")
    for kind in (
        MessageKind.CONFIRMATION,
        MessageKind.PROMOTED,
        MessageKind.REMINDER,
        MessageKind.EVENT_CHANGED,
    ):
        for language in ("pl", "en"):
            with translation.override(language):
                rendered = notifications.render(
                    kind, notifications._person_context(registration, event)
                )
            for text in rendered:
                assert ".." not in text, (kind, language, text)
            if language == "pl":
                said = notifications.when(event).replace(NBSP, " ").replace(WORD_JOINER, "")
                assert f"{said} Twój link:" in rendered[2], kind


def test_one_full_stop_keeps_an_ellipsis_and_an_address():
    assert (
        notifications._one_stop("jutro, 11–13 stycznia 2027 r..") == "jutro, 11–13 stycznia 2027 r."
    )
    assert notifications._one_stop("Czekamy...") == "Czekamy..."
    assert notifications._one_stop("https://example.org/../a") == "https://example.org/../a"


def test_a_hybrid_events_place_names_the_address_once_then_the_way_online(calendar):
    event = make_event(
        calendar, attendance_mode=AttendanceMode.MIXED, online_url="https://spotkanie.example/x"
    )
    setup = make_setup(event)
    register(setup, needs=[NeedAnswer(Need.PJM)], health_consent=True)
    venue = f"{event.venue.name}, ul. Peowiaków 12, 20-007 Lublin"
    expected = f"Gdzie: {venue}; można też dołączyć online: https://spotkanie.example/x\n"
    for message in OutboxMessage.objects.all():
        assert expected in message.body, message.kind
        assert "Online:" not in message.body
        assert message.body.count("Peowiaków") == 1


def test_an_online_event_is_online_with_its_address(calendar):
    event = make_event(
        calendar, attendance_mode=AttendanceMode.ONLINE, online_url="https://spotkanie.example/y"
    )
    with translation.override("pl"):
        assert notifications.place(event) == "online: https://spotkanie.example/y"


def test_a_cancelled_registration_is_anulowane_and_the_code_is_named(person):
    [message] = person_messages(person, MessageKind.CANCELLED_BY_PERSON)
    assert message.subject == f"Zgłoszenie anulowane: {person.setup.event.title}"
    assert "Twoje zgłoszenie jest anulowane" in message.body
    assert "odwoł" not in texts_of(message)
    assert f"Kod zgłoszenia: {person.reference}" in message.body
    [confirmation] = person_messages(person, MessageKind.CONFIRMATION)
    assert "Aby zobaczyć, zmienić lub anulować zgłoszenie, otwórz swój link:" in confirmation.body


def test_a_venue_whose_name_gives_the_street_says_it_once(calendar):
    venue = make_venue(
        name="Urząd Miasta Lublin, budynek przy ul. Leszczyńskiego 23",
        street_address="ul. Leszczyńskiego 23",
        postcode="20-068",
    )
    event = make_event(calendar, venue=venue)
    with translation.override("pl"):
        assert notifications.place(event) == (
            "Urząd Miasta Lublin, budynek przy ul. Leszczyńskiego 23, 20-068 Lublin"
        )


def test_a_message_written_for_an_earlier_moment_reads_that_days_dates(setup, monkeypatch):
    """The demo writes its messages at the moments of its story: a confirmation from nine days
    ago gives the answer's date as due, not as overdue by today's calendar."""
    registered = dt.datetime.now(dt.UTC) - dt.timedelta(days=9)
    person = register(
        setup, needs=[NeedAnswer(Need.CAPTIONS)], health_consent=True, now=registered
    ).registration
    case = person.accommodations.get()
    assert case.due_on < notifications.event_queries.today()
    [confirmation] = person.messages.filter(kind=MessageKind.CONFIRMATION)
    assert "Organizator odpowie do " in confirmation.body
    assert "miał odpowiedzieć" not in confirmation.body
    [today] = person_messages(person, MessageKind.CONFIRMATION)
    assert "Organizator miał odpowiedzieć do " in today.body
