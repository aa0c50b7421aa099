"""The demo content of `make run` (biuletyn.demo): loading it twice changes nothing, it holds what
the demo promises (articles over several months, translations, a poster with its text version,
an article in moderation, venues with different accessibility profiles, past and upcoming events
of every kind), and every kind of page it makes renders."""

from __future__ import annotations

import datetime as dt
import gc
from types import SimpleNamespace

import pytest
from django.apps import apps
from django.test import Client
from django.utils import timezone
from taggit.models import Tag
from wagtail.images import get_image_model
from wagtail.models import Locale

from biuletyn.accessibility.alt_text import check_alt_text
from biuletyn.articles.models import ArticleIndexPage, ArticlePage, ArticleSectionPage, Category
from biuletyn.demo import content, loader
from biuletyn.demo.loader import load
from biuletyn.events.enums import AttendanceMode, EventStatus, SignLanguageOffer
from biuletyn.events.models import EventIndexPage, EventPage
from biuletyn.organisations.models import Organisation
from biuletyn.pages.models import HomePage
from biuletyn.venues.enums import Availability
from biuletyn.venues.models import Venue

pytestmark = pytest.mark.integration


def _row_counts() -> dict[str, int]:
    """How many rows every model has: a second load must not change any of them."""
    return {model._meta.label: model._default_manager.count() for model in apps.get_models()}


def test_loading_twice_changes_nothing(db):
    load(port=8000)
    first = _row_counts()

    load(port=8000)

    assert _row_counts() == first
    _assert_demo_holds_what_it_promises()
    _assert_images_are_described()
    _assert_venues_differ()
    _assert_events_cover_every_case()
    _assert_calendar_is_in_the_menu()


def _assert_demo_holds_what_it_promises() -> None:
    polish, english = Locale.objects.get(language_code="pl"), Locale.objects.get(language_code="en")
    dates = list(
        ArticlePage.objects.live().filter(locale=polish).values_list("publication_date", flat=True)
    )
    in_moderation = [page for page in ArticlePage.objects.all() if page.workflow_in_progress]

    assert len(dates) >= 15
    assert {d.year for d in dates} == {2024}
    assert len({d.month for d in dates}) >= 5
    assert Category.objects.filter(locale=polish).count() == 4
    assert Category.objects.filter(locale=english).count() == 4
    assert Organisation.objects.count() == 3
    assert [page.slug for page in in_moderation] == [content.MEMBER_ARTICLE["slug"]]
    assert in_moderation[0].live is False
    assert isinstance(in_moderation[0].get_parent().specific, ArticleSectionPage)
    translated = ArticlePage.objects.filter(locale=english, alias_of__isnull=True)
    assert translated.count() == len(content.TRANSLATIONS)


def _assert_images_are_described() -> None:
    images = list(get_image_model().objects.all())
    described = [image for image in images if not image.is_decorative]
    posters = [image for image in images if image.is_poster]

    assert {image.title: check_alt_text(image.description) for image in described} == {
        image.title: None for image in described
    }
    assert {image.title: image.accessibility_errors() for image in images} == {
        image.title: {} for image in images
    }
    assert content.poster_text_version() in [poster.text_version for poster in posters]


def _assert_venues_differ() -> None:
    venues = list(Venue.objects.all())
    profiles = {tuple(value for _feature, value in venue.accessibility_profile) for venue in venues}

    assert len(venues) >= 4
    assert all(venue.city for venue in venues)
    assert len(profiles) >= 3
    assert any(set(profile) == {Availability.YES} for profile in profiles)
    assert any(profile.count(Availability.NO) >= 3 for profile in profiles)
    assert any(profile.count(Availability.UNKNOWN) > len(profile) / 2 for profile in profiles)


def _assert_events_cover_every_case() -> None:
    polish = Locale.objects.get(language_code="pl")
    english = Locale.objects.get(language_code="en")
    today = timezone.localdate()
    events = list(EventPage.objects.live().filter(locale=polish).select_related("venue"))
    upcoming = [event for event in events if event.last_date >= today]

    def some(condition, among=events):
        return [event.slug for event in among if condition(event)]

    assert len(events) >= 8
    for event in events:
        event.clean()  # the demo follows the editors' rules
    assert some(lambda e: e.last_date < today)
    assert some(lambda e: e.status == EventStatus.CANCELLED and e.status_note.strip(), upcoming)
    assert some(
        lambda e: e.attendance_mode == AttendanceMode.ONLINE and e.online_url and not e.venue,
        upcoming,
    )
    assert some(
        lambda e: e.attendance_mode == AttendanceMode.MIXED and e.online_url and e.venue,
        upcoming,
    )
    assert some(lambda e: e.is_multi_day and e.is_all_day, upcoming)
    assert some(
        lambda e: (
            e.sign_language == SignLanguageOffer.ON_REQUEST
            and e.contact_id
            and e.interpreter_deadline is not None
            and today <= e.interpreter_deadline < e.start_date
        ),
        upcoming,
    )
    assert some(lambda e: e.sign_language == SignLanguageOffer.PROVIDED and e.captions)
    assert some(lambda e: not e.is_free and (e.price or e.price_details))
    assert len({event.venue_id for event in events if event.venue_id}) >= 4

    june = EventPage.objects.get(locale=polish, slug="organizacje-i-miasto-20-czerwca-2024")
    assert (june.start_date, june.start_time, june.end_time) == (
        dt.date(2024, 6, 20),
        dt.time(16, 0),
        dt.time(18, 0),
    )
    assert june.continues is not None
    assert june.continues.start_date < june.start_date
    assert june.continues.venue_id == june.venue_id
    assert len(june.participant_list) >= 3
    assert "spotkanie-organizacji-z-miastem-20-czerwca" in [
        link.article.slug for link in june.related_articles.all()
    ]

    translated = EventPage.objects.live().filter(locale=english, alias_of__isnull=True)
    assert translated.count() == len(content.EVENT_TRANSLATIONS)
    assert all(page.title != page.get_translation(polish).title for page in translated)


def _assert_calendar_is_in_the_menu() -> None:
    calendars = list(EventIndexPage.objects.live())
    bulletins = list(ArticleIndexPage.objects.live())

    assert {page.locale.language_code: page.title for page in calendars} == {
        "pl": "Wydarzenia",
        "en": "Events",
    }
    assert all(page.show_in_menus for page in calendars + bulletins)
    assert all(isinstance(page.get_parent().specific, HomePage) for page in calendars)


def test_upcoming_events_keep_the_dates_they_were_created_with(db, monkeypatch):
    created_on = timezone.localdate() + dt.timedelta(days=100)
    monkeypatch.setattr(loader, "timezone", SimpleNamespace(localdate=lambda: created_on))
    load(port=8000)
    monkeypatch.undo()

    load(port=8000)

    polish = Locale.objects.get(language_code="pl")
    starts = dict(EventPage.objects.filter(locale=polish).values_list("slug", "start_date"))
    assert {spec["slug"]: starts[spec["slug"]] for spec in content.EVENTS if "in_days" in spec} == {
        spec["slug"]: created_on + dt.timedelta(days=spec["in_days"])
        for spec in content.EVENTS
        if "in_days" in spec
    }


def _demo_paths() -> dict[str, str]:
    polish, english = Locale.objects.get(language_code="pl"), Locale.objects.get(language_code="en")
    bulletins = {bulletin.locale_id: bulletin for bulletin in ArticleIndexPage.objects.all()}
    tag = Tag.objects.get(name="organizacje pozarządowe")
    paths = {
        "home pl": "/",
        "home en": "/en/",
        "bulletin pl": bulletins[polish.pk].url,
        "bulletin en": bulletins[english.pk].url,
        "tag": bulletins[polish.pk].url
        + bulletins[polish.pk].reverse_subpage("tag", args=[tag.slug]),
        "month": "/biuletyn/archiwum/2024/06/",
        "announcement": ArticlePage.objects.get(
            slug="spotkanie-organizacji-z-miastem-20-czerwca", locale=polish
        ).url,
        "translated article": ArticlePage.objects.filter(locale=english, alias_of__isnull=True)
        .order_by("pk")
        .first()
        .url,
    }
    for calendar in EventIndexPage.objects.select_related("locale"):
        code = calendar.locale.language_code
        paths[f"calendar {code}"] = calendar.url
        paths[f"calendar archive {code}"] = calendar.url + calendar.reverse_subpage("archive")
        paths[f"calendar June 2024 {code}"] = calendar.url + calendar.reverse_subpage(
            "month", kwargs={"month": "2024-06"}
        )
    for event in EventPage.objects.live().select_related("locale"):
        paths[f"event {event.locale.language_code} {event.slug}"] = event.url
        paths[f"event ics {event.locale.language_code} {event.slug}"] = (
            f"{'' if event.locale.language_code == 'pl' else '/en'}"
            f"/{'kalendarz/wydarzenie' if event.locale.language_code == 'pl' else 'calendar/event'}"
            f"-{event.pk}.ics"
        )
    paths["feed pl"] = "/kalendarz.ics"
    paths["feed en"] = "/en/calendar.ics"
    for venue in Venue.objects.all():
        paths[f"venue {venue.slug}"] = venue.get_absolute_url()
    for category in Category.objects.select_related("locale"):
        bulletin = bulletins[category.locale_id]
        paths[f"category {category.slug}"] = bulletin.url + bulletin.reverse_subpage(
            "category", args=[category.slug]
        )
    return paths


def _render(client: Client) -> dict[str, tuple[int, str]]:
    load(port=8000)
    return {
        name: (response.status_code, response.content.decode())
        for name, path in _demo_paths().items()
        for response in [client.get(path)]
    }


# Wagtail leaves each new rendition's temporary file open (wagtail/wagtail#14055); the files are
# collected here, while their ResourceWarning is ignored, so that no later test trips over them.
@pytest.mark.filterwarnings("ignore::ResourceWarning")
def test_demo_pages_render(db, client):
    pages = _render(client)
    gc.collect()

    assert {name: status for name, (status, _html) in pages.items()} == {
        name: 200 for name in pages
    }
    events = EventPage.objects.live().count()
    venues = Venue.objects.count()
    assert len(pages) == 8 + 2 * len(content.CATEGORIES) + 6 + 2 * events + 2 + venues
    june = next(
        html for name, (_s, html) in pages.items() if name.startswith("calendar June 2024 pl")
    )
    assert june.count('<article class="app-event-card') == 1
    announcement = pages["announcement"][1]
    assert "20 czerwca 2024 r. o 16:00" in announcement  # the lead
    assert "tel. 81 466 30 50, wips@lublin.eu" in announcement  # the poster's text version
    assert 'href="mailto:wips@lublin.eu"' in announcement  # the contact
    assert pages["month"][1].count('class="app-article-card"') == 3
    assert '<html lang="en"' in pages["translated article"][1]
    assert "has not been translated" not in pages["translated article"][1]
