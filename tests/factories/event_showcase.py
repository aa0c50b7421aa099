"""A calendar with one event of every kind, for the page-type checks (axe, vnu, 320 px, keyboard).

Upcoming: a timed event with PJM on request, an all-day event over three days, a cancelled one,
an online one, a hybrid one, a postponed one without a new date and one with it; past: the
meeting the June one continues. Every page of the calendar (upcoming, filtered, a filter
error, month, archive) and every event page is listed in ``paths`` for Polish and English.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.utils import timezone
from wagtail.models import Page

from biuletyn.events.models import EventPage
from biuletyn.pages.services import translate_alias
from tests.factories.bulletin import make_category, make_organisation
from tests.factories.events import make_calendar, make_event
from tests.factories.venues import make_venue

LANGUAGES = ("pl", "en")


@dataclass
class EventShowcase:
    events: dict[str, EventPage]
    paths: dict[str, dict[str, str]] = field(default_factory=dict)


def make_event_showcase(homes: dict[str, Page]) -> EventShowcase:
    today = timezone.localdate()
    calendar = make_calendar(homes["pl"])
    calendar.show_in_menus = True  # the main navigation lists it
    calendar.save_revision().publish()
    organiser = make_organisation(
        name="Wydział Spraw Społecznych",
        slug="wydzial-spraw-spolecznych",
        email="spoleczne@example.pl",
        phone="+48 81 466 30 50",
    )
    culture = make_category(name="Kultura", slug="kultura")
    courtyard = make_venue(
        name="Dziedziniec Centrum Kultury",
        slug="dziedziniec",
        hearing_loop="yes",
        quiet_room="no",
    )
    library = make_venue(name="Biblioteka na Czechowie", slug="biblioteka", city="Lublin")
    past = make_event(
        calendar,
        title="Marcowe spotkanie z miastem",
        slug="spotkanie-marzec",
        start_date=today - dt.timedelta(days=60),
        venue=courtyard,
        organisers=[organiser],
    )
    events = {
        "past": past,
        "timed": make_event(
            calendar,
            title="Spotkanie organizacji z miastem",
            slug="spotkanie-czerwiec",
            start_date=today + dt.timedelta(days=10),
            venue=courtyard,
            continues=past,
            organisers=[organiser],
            contact=organiser,
            categories=[culture],
            sign_language="on_request",
            sign_language_how_to_ask="Napisz e-mail albo SMS z imieniem i nazwiskiem.",
            captions=True,
            assistant=True,
            accessibility_notes="Tego dnia otwarte jest wejście od ogrodu.",
            participants="Prezydent miasta\nDyrektorki i dyrektorzy wydziałów",
            body=[{"type": "paragraph", "value": "<p>Porozmawiamy o współpracy.</p>"}],
        ),
        "multi_day": make_event(
            calendar,
            title="Dni otwarte biblioteki",
            slug="dni-otwarte",
            start_date=today + dt.timedelta(days=12),
            end_date=today + dt.timedelta(days=14),
            start_time=None,
            end_time=None,
            venue=library,
            easy_read=True,
            is_free=False,
            price="10.00",
            price_details="Opiekun wchodzi bezpłatnie.",
        ),
        "cancelled": make_event(
            calendar,
            title="Koncert w bibliotece",
            slug="koncert",
            start_date=today + dt.timedelta(days=15),
            venue=library,
            status="cancelled",
            status_note="Z powodu remontu sali koncert się nie odbędzie.",
        ),
        "online": make_event(
            calendar,
            title="Webinar o świadczeniach",
            slug="webinar",
            start_date=today + dt.timedelta(days=16),
            attendance_mode="online",
            venue=None,
            online_url="https://spotkanie.example.pl/webinar",
            sign_language="provided",
        ),
        "hybrid": make_event(
            calendar,
            title="Konsultacje programu współpracy",
            slug="konsultacje",
            start_date=today + dt.timedelta(days=18),
            attendance_mode="mixed",
            venue=courtyard,
            online_url="https://spotkanie.example.pl/konsultacje",
            organisers=[organiser],
        ),
        "postponed": make_event(
            calendar,
            title="Spacer badawczy po Śródmieściu",
            slug="spacer",
            start_date=today + dt.timedelta(days=20),
            venue=courtyard,
            status="postponed",
            status_note="Nowy termin podamy po remoncie chodników.",
        ),
        "rescheduled": make_event(
            calendar,
            title="Warsztaty pisania wniosków",
            slug="warsztaty",
            start_date=today + dt.timedelta(days=4),
            new_start_date=today + dt.timedelta(days=22),
            new_start_time=dt.time(10, 0),
            new_end_time=dt.time(13, 0),
            venue=library,
            status="postponed",
        ),
    }
    # One real English translation; the other events stay untranslated (aliases).
    english = events["timed"].get_translation(homes["en"].locale).specific
    translate_alias(
        english,
        title="Meeting of organisations with the City",
        lead="Organisations of disabled people meet the City's departments.",
    )
    month = events["timed"].start_date.strftime("%Y-%m")
    showcase = EventShowcase(events=events)
    for language, prefix, month_word, archive_word in (
        ("pl", "", "miesiac", "archiwum"),
        ("en", "/en", "month", "archive"),
    ):
        base = f"{prefix}/kalendarz/"
        showcase.paths[language] = {
            "calendar": base,
            "filtered": f"{base}?feature=pjm&attendance=in_person",
            "by-category": f"{base}?category=kultura",
            "by-organiser": f"{base}?organiser=wydzial-spraw-spolecznych",
            "by-city": f"{base}?city=Lublin",
            "by-attendance": f"{base}?attendance=online",
            "by-feature": f"{base}?feature=step_free",
            "from-date": f"{base}?from_date={(today + dt.timedelta(days=13)).isoformat()}",
            "no-match": f"{base}?feature=audio_description",
            "month-filtered": f"{base}{month_word}/{month}/?attendance=mixed",
            "archive-filtered": f"{base}{archive_word}/?organiser=wydzial-spraw-spolecznych",
            "filter-error": f"{base}?feature=jetpack&from_date=2024-13-01",
            "month": f"{base}{month_word}/{month}/",
            "archive": f"{base}{archive_word}/",
            **{
                f"event-{kind}": event.get_translation(homes[language].locale).url
                for kind, event in events.items()
            },
        }
    return showcase
