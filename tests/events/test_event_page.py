"""The event page a reader meets (issue 9, "Readers"): the facts box gives the accessibility
offer at a glance (one line per provision, the last day to ask, how to ask, the contact, a link
to the full section); "how to ask" names only the channels the contact really has; the event's
state (past, postponed, cancelled, moved online) drives every sentence, button and file; the
page never contradicts itself (what the organiser brings is not "no information" beside it);
editors' notes are paragraphs; no "r.." in the offer's sentences. Each state is valid HTML.

Personas: an anonymous reader — Deaf and using PJM (the last day to ask, channels that are not a
voice call), a screen-reader user (the status region before the facts), a reader with low
vision at 320 px (the order of the page)."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.utils import translation
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from biuletyn.events import offer
from biuletyn.events.dates import last_day_to_request_interpreter
from biuletyn.organisations.models import Organisation
from tests.factories.bulletin import make_organisation
from tests.factories.events import days, make_event
from tests.factories.venues import make_venue
from tests.htmlcheck import assert_valid_html

pytestmark = pytest.mark.integration

# Every channel an organisation may have, as the facts box would act on it.
NO_CHANNELS = {"phone": "", "sms": "", "email": "", "video_call_url": ""}
ALL_CHANNELS = {
    "phone": "81 532 77 05",
    "sms": "600 100 481",
    "email": "kontakt@migowe-okno.example.pl",
    "video_call_url": "https://wideo.example.org/migowe-okno/",
}


def page_html(client, event) -> str:
    response = client.get(event.url)
    assert response.status_code == 200, event.url
    return response.content.decode()


def facts(html: str) -> str:
    """The facts box."""
    start = html.index('<dl class="app-facts">')
    return html[start : html.index("</dl>", start)]


def offer_facts(html: str) -> str:
    """The accessibility answer of the facts box."""
    start = html.index("app-facts__item--offer")
    return html[start : html.index("</dd>", start)]


def ask_sentence(html: str) -> str:
    """The "how to ask" sentence of the facts box, empty if there is none."""
    match = re.search(r'<p class="app-facts__ask">(.*?)</p>', html, re.S)
    return match[1] if match else ""


def ics_link(event) -> str:
    return f"/kalendarz/wydarzenie-{event.pk}.ics"


def text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", html)).replace("\u00a0", " ")


def an_event(calendar, **fields):
    fields.setdefault("contact", make_organisation(**ALL_CHANNELS))
    return make_event(calendar, **fields)


# --- the facts box ------------------------------------------------------------------------------


def test_the_facts_give_the_pjm_offer_the_last_day_and_how_to_ask(client, calendar):
    start = days(20)
    deadline = last_day_to_request_interpreter(start)
    event = an_event(
        calendar, start_date=start, sign_language="on_request", sign_language_how_to_ask="SMS."
    )

    html = page_html(client, event)
    box = offer_facts(html)

    assert "Tłumacz PJM: na zgłoszenie, do" in box
    assert f'<time datetime="{deadline.isoformat()}">' in box
    assert "Jak zamówić tłumacza:" in box
    assert 'href="mailto:kontakt@migowe-okno.example.pl">kontakt@migowe-okno.example.pl</a>' in box
    assert 'href="sms:+48600100481">600 100 481</a>' in box
    assert 'href="tel:+48815327705">81 532 77 05</a>' in box
    # The video call's address is written out, without "https://" or the trailing slash.
    assert 'href="https://wideo.example.org/migowe-okno/">wideo.example.org/migowe-okno</a>' in box
    assert 'href="#event-contact"' in box
    assert 'href="#event-accessibility"' in box
    assert ics_link(event) in html


def test_the_page_reads_title_then_facts_then_lead(client, calendar):
    event = an_event(calendar, status="postponed", status_note="Remont sali.", lead="Wstęp.")

    html = page_html(client, event)

    order = [
        html.index("<h1"),
        html.index('role="region" aria-labelledby="event-status"'),
        html.index('<dl class="app-facts">'),
        html.index('class="app-lead"'),
        html.index('id="event-accessibility"'),
    ]
    assert order == sorted(order)


def test_a_provided_interpreter_and_each_provision_get_a_line(client, calendar):
    event = an_event(
        calendar, sign_language="provided", captions=True, subtitles=True, easy_read=True
    )

    box = text(offer_facts(page_html(client, event)))

    assert "Tłumacz PJM: zapewniony" in box
    assert "Napisy na żywo" in box
    assert "Napisy dla niesłyszących" in box
    assert "Materiały w tekście łatwym do czytania" in box


@pytest.mark.unit
def test_the_last_day_to_ask_reads_with_the_weekday_after_do():
    with translation.override("pl"):
        assert offer.by_day(dt.date(2026, 12, 15)) == "wtorku 15\u00a0grudnia\u00a02026\u00a0r."
    with translation.override("en"):
        assert offer.by_day(dt.date(2026, 12, 15)) == "Tuesday 15\u00a0December\u00a02026"


# --- how to ask, from the contact's real channels ---------------------------------------------


@pytest.mark.unit
def test_the_channels_come_without_a_voice_call_first():
    contact = Organisation(name="Fundacja", slug="fundacja", **ALL_CHANNELS)

    channels = contact.request_channels

    assert [channel.kind for channel in channels] == ["email", "sms", "video_call", "phone"]
    assert [channel.without_voice for channel in channels] == [True, True, True, False]
    with translation.override("pl"):
        assert offer.ways_to_ask(channels) == (
            "napisz e-mail, wyślij SMS, połącz się przez wideo w PJM albo zadzwoń"
        )
        assert offer.ways_to_ask(channels[:1]) == "napisz e-mail"
        assert offer.ways_to_ask([]) == ""


CHANNEL_WORDS = {
    "email": ("e-mail", "mailto:"),
    "sms": ("SMS", "sms:"),
    "video_call_url": ("wideo", "wideo.example.org"),
    "phone": ("zadzwoń", "tel:"),
}


@settings(
    max_examples=16,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(kept=st.sets(st.sampled_from(sorted(ALL_CHANNELS))))
def test_how_to_ask_never_names_a_channel_the_contact_lacks(client, calendar, kept):
    contact = make_organisation(**{**NO_CHANNELS, **{field: ALL_CHANNELS[field] for field in kept}})
    event = make_event(
        calendar,
        start_date=days(20),
        sign_language="on_request",
        sign_language_how_to_ask="Przyjdź do biura.",
        contact=contact,
    )

    box = offer_facts(page_html(client, event))
    sentence = ask_sentence(box)

    for field, (word, link) in CHANNEL_WORDS.items():
        if field in kept:
            assert word in sentence, (field, sentence)
            assert link in box
        else:
            assert word not in sentence, (field, sentence)
            assert link not in box
    assert bool(sentence) == bool(kept)


def test_the_old_catch_all_sentence_is_gone(client, calendar):
    contact = make_organisation(sms="", phone="", email="biuro@example.org")
    event = an_event(
        calendar, sign_language="on_request", sign_language_how_to_ask="", contact=contact
    )

    html = page_html(client, event)

    assert "Napisz, wyślij SMS albo zadzwoń" not in html
    assert "wyślij SMS" not in html
    assert "Napisz e-mail: " in text(html)  # the full section, from the one channel


# --- the state of the event ---------------------------------------------------------------------


def test_a_past_event_invites_no_action_and_speaks_in_the_past(client, calendar):
    venue = make_venue(hearing_loop="yes")
    event = an_event(
        calendar,
        start_date=days(-10),
        venue=venue,
        sign_language="provided",
        hearing_loop=True,
        captions=True,
    )
    asked = an_event(
        calendar, start_date=days(-10), sign_language="on_request", sign_language_how_to_ask="SMS"
    )

    html, asked_html = page_html(client, event), page_html(client, asked)

    banner = re.search(
        r'<div class="app-status-banner[^"]*" role="region"[^>]*>(.*?)</div>', html, re.S
    )
    assert banner
    assert "To wydarzenie już się odbyło" in banner[1]
    assert html.index("app-status-banner") < html.index('<dl class="app-facts">')
    for page, item in ((html, event), (asked_html, asked)):
        assert ics_link(item) not in page
        assert "app-facts__ask" not in page
        assert "app-facts__deadline" not in page
        assert "app-offer__deadline" not in page
        assert "Ostatni dzień" not in page
    box = text(offer_facts(html))
    assert "Tłumacz PJM był zapewniony" in box
    assert "Była pętla indukcyjna lub system FM" in box
    assert "Były napisy na żywo" in box
    assert "Tłumacza PJM można było zamówić" in text(offer_facts(asked_html))
    assert "Jeśli go potrzebujesz" not in asked_html


def test_a_postponed_event_without_a_new_date(client, calendar):
    start = days(20)
    event = an_event(
        calendar,
        status="postponed",
        start_date=start,
        sign_language="on_request",
        sign_language_how_to_ask="SMS",
    )

    html = page_html(client, event)
    when = text(facts(html))

    assert "zostało przełożone" in html
    assert "Nowy termin: do ustalenia" in when
    assert "Pierwotny termin:" in when
    assert f'<time datetime="{start.isoformat()}' in facts(html)  # the original, marked so
    assert "app-facts__deadline" not in html
    assert "app-offer__deadline" not in html
    assert "ostatni dzień na zgłoszenie podamy razem z nowym terminem" in text(offer_facts(html))
    assert ics_link(event) not in html


def test_a_postponed_event_with_a_new_date(client, calendar):
    start, new = days(10), days(40)
    event = an_event(
        calendar,
        status="postponed",
        start_date=start,
        new_start_date=new,
        new_start_time=dt.time(12, 0),
        sign_language="on_request",
        sign_language_how_to_ask="SMS",
    )

    html = page_html(client, event)
    box = facts(html)

    assert "Nowy termin:" in text(box)
    assert f'<time datetime="{new.isoformat()}T12:00:00' in box
    assert "Pierwotny termin:" in text(box)
    deadline = last_day_to_request_interpreter(new)
    assert f'<time datetime="{deadline.isoformat()}">' in box
    assert ics_link(event) in html


def test_a_cancelled_event_offers_no_file_and_no_way_to_ask(client, calendar):
    event = an_event(
        calendar,
        status="cancelled",
        status_note="Prowadząca zachorowała.\n\nNowy termin podamy w biuletynie.",
        start_date=days(20),
        sign_language="on_request",
        sign_language_how_to_ask="Napisz SMS.",
    )

    html = page_html(client, event)

    assert "zostało odwołane" in html
    assert "jest odwołane" not in html
    assert ics_link(event) not in html
    assert "app-facts__ask" not in html
    assert "app-facts__deadline" not in html
    assert "app-offer__deadline" not in html
    assert "Napisz SMS." not in html
    # The editor's note is two paragraphs.
    assert "<p>Prowadząca zachorowała.</p>" in html
    assert "<p>Nowy termin podamy w biuletynie.</p>" in html


def test_an_event_moved_online_says_so(client, calendar):
    event = an_event(calendar, status="moved_online", online_url="https://wideo.example.org/x")

    html = page_html(client, event)

    assert "zostało przeniesione do internetu" in html
    assert ics_link(event) in html


# --- no contradictions --------------------------------------------------------------------------


def test_what_the_organiser_brings_is_not_no_information_beside_it(client, calendar):
    venue = make_venue(hearing_loop="unknown")
    event = an_event(calendar, venue=venue, hearing_loop=True)

    html = page_html(client, event)
    venue_html = client.get(venue.get_absolute_url()).content.decode()

    assert "Pętla indukcyjna lub system FM: tak – zapewnia organizator" in text(offer_facts(html))
    assert re.search(
        r"Pętla indukcyjna lub system FM</dt>\s*<dd[^>]*>Tak – zapewnia organizator</dd>", html
    )
    # The venue's own page still says what is known of the venue itself.
    assert re.search(
        r"Pętla indukcyjna lub system FM</dt>\s*<dd[^>]*>Brak informacji</dd>", venue_html
    )


def test_editors_notes_are_paragraphs_not_list_items(client, calendar):
    event = an_event(
        calendar,
        sign_language="on_request",
        sign_language_how_to_ask="Napisz e-mail.\n\nPodaj imię.",
        accessibility_other="Pętlę przywozi fundacja.",
        accessibility_notes="Wejście od podwórza.",
        captions=True,
    )

    html = page_html(client, event)

    assert "<li>Pętlę przywozi fundacja.</li>" not in html
    assert re.search(r'class="app-offer__other"[^>]*><p>Pętlę przywozi fundacja.</p>', html)
    assert "<p>Napisz e-mail.</p>" in html
    assert "<p>Podaj imię.</p>" in html
    assert "<p>Wejście od podwórza.</p>" in html


# --- the offer in sentences (ICS, JSON-LD) ------------------------------------------------------


@pytest.mark.unit
@pytest.mark.parametrize(
    ("written", "sentence"),
    [
        ("Nagranie opublikujemy 10 stycznia 2027 r.", "Nagranie opublikujemy 10 stycznia 2027 r."),
        ("Pętla w trzech rzędach", "Pętla w trzech rzędach."),
        ("Czy potrzebujesz pomocy?", "Czy potrzebujesz pomocy?"),
        ("  ", ""),
    ],
)
def test_a_sentence_never_gets_a_second_full_stop(written, sentence):
    assert offer.sentence(written) == sentence


def test_the_offer_lines_follow_the_state(calendar):
    upcoming = an_event(
        calendar,
        start_date=days(20),
        sign_language="on_request",
        sign_language_how_to_ask="SMS",
        accessibility_other="Nagranie opublikujemy 10 stycznia 2027 r.",
    )
    past = an_event(
        calendar, start_date=days(-20), sign_language="on_request", sign_language_how_to_ask="SMS"
    )
    cancelled = an_event(
        calendar,
        status="cancelled",
        start_date=days(20),
        sign_language="on_request",
        sign_language_how_to_ask="SMS",
    )

    with translation.override("en"):
        lines = {
            name: offer.offer_lines(event)
            for name, event in [("upcoming", upcoming), ("past", past), ("cancelled", cancelled)]
        }

    assert "ask by" in lines["upcoming"][0]
    assert lines["upcoming"][-1] == "Nagranie opublikujemy 10 stycznia 2027 r."
    assert lines["past"][0] == "Polish Sign Language (PJM) interpreter: on request."
    assert lines["cancelled"][0] == "Polish Sign Language (PJM) interpreter: on request."
    assert not any("r.." in line for line in lines["upcoming"])


# --- valid HTML in every state ------------------------------------------------------------------


def test_every_state_is_valid_html(client, calendar):
    venue = make_venue(hearing_loop="unknown")
    common = {"sign_language": "on_request", "sign_language_how_to_ask": "Napisz SMS."}
    events = {
        "upcoming": an_event(
            calendar, start_date=days(20), venue=venue, hearing_loop=True, **common
        ),
        "provided": an_event(calendar, start_date=days(20), sign_language="provided"),
        "past": an_event(calendar, start_date=days(-20), **common),
        "postponed": an_event(calendar, status="postponed", start_date=days(20), **common),
        "rescheduled": an_event(
            calendar, status="postponed", start_date=days(5), new_start_date=days(30), **common
        ),
        "cancelled": an_event(calendar, status="cancelled", start_date=days(20), **common),
        "online": an_event(calendar, status="moved_online", start_date=days(20), **common),
        "no-contact": make_event(
            calendar, start_date=days(20), contact=make_organisation(**NO_CHANNELS), **common
        ),
    }

    assert_valid_html({name: page_html(client, event) for name, event in events.items()})
