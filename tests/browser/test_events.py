"""The calendar in a real browser (issue 4): every calendar view and every kind of event page in
pl and en at 1280 and 320 px (axe, one h1, the right lang, reflow), a filter chosen and sent with
the keyboard alone, the event's ICS link reached by keyboard, the venue directory in the main
navigation, and the event editor in the admin with its errors.

Personas: an anonymous reader (a screen reader or keyboard user, a reader at 320 px); an editor.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Page

from biuletyn.events.models import EventPage
from biuletyn.pages.models import HomePage
from biuletyn.venues.models import Venue
from tests.browser.helpers import (
    NARROW_320,
    KeyStep,
    assert_no_axe_violations,
    check_page_types,
    describe_focus,
    keyboard_journey,
    log_in_to_admin,
    visit,
)
from tests.factories.event_showcase import LANGUAGES, EventShowcase, make_event_showcase

pytestmark = pytest.mark.browser


@pytest.fixture
def event_showcase(live_site) -> EventShowcase:
    homes = {code: HomePage.objects.get(locale__language_code=code) for code in LANGUAGES}
    return make_event_showcase(homes)


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_calendar_page_and_event_kind(new_context, event_showcase, language):
    check_page_types(new_context, event_showcase.paths[language], language)


def test_filter_with_the_keyboard_only(new_context, event_showcase):
    """Tab to the accessibility filter, choose "with PJM" with the arrow keys, send with Enter."""
    page: Page = new_context().new_page()
    visit(page, "/en/kalendarz/")
    page.locator("main").evaluate("(main) => { main.tabIndex = -1; main.focus(); }")

    for view in ("Upcoming events", "Month by month", "Past events"):
        keyboard_journey(page, [KeyStep("Tab", {"tag": "a", "text": view})])
    # The filters are folded away until the reader opens them.
    keyboard_journey(page, [KeyStep("Tab", {"tag": "summary"})])
    assert page.locator("#id_category").is_hidden()
    page.keyboard.press("Enter")
    assert page.locator("#id_category").is_visible()
    assert_no_axe_violations(page)  # the open panel
    for field in ("id_category", "id_organiser", "id_city", "id_attendance", "id_feature"):
        keyboard_journey(page, [KeyStep("Tab", {"tag": "select", "id": field})])
    page.keyboard.press("ArrowDown")  # the first feature: Polish Sign Language
    assert page.locator("#id_feature").input_value() == "pjm"
    keyboard_journey(
        page,
        [
            KeyStep("Tab", {"tag": "input", "id": "id_from_date"}),
            KeyStep("Tab", {"tag": "button", "text": "Show events"}),
        ],
    )
    with page.expect_navigation():
        page.keyboard.press("Enter")

    assert "feature=pjm" in page.url
    titles = [
        t.replace("\u00a0", " ") for t in page.locator(".app-event-card__title").all_inner_texts()
    ]
    assert titles == ["Meeting of organisations with the City", "Webinar o świadczeniach"]
    # The filtered calendar offers its own feed.
    feed = page.get_by_role("link", name="Calendar address to copy")
    assert "feature=pjm" in (feed.get_attribute("href") or "")
    assert_no_axe_violations(page)


def test_a_bad_date_is_explained_and_kept(new_context, event_showcase):
    page: Page = new_context().new_page()
    visit(page, "/kalendarz/")
    page.get_by_text("Wybierz wydarzenia").click()
    page.get_by_label("Od dnia").fill("2024-13-01")
    with page.expect_navigation():
        page.get_by_role("button", name="Pokaż wydarzenia").click()
    summary = page.get_by_role("alert")
    assert "Nie ma miesiąca 13" in summary.inner_text()
    assert page.get_by_label("Od dnia").input_value() == "2024-13-01"
    assert page.locator("#id_from_date").get_attribute("aria-invalid") == "true"
    assert_no_axe_violations(page)


def test_from_the_calendar_to_the_ics_file_by_keyboard(new_context, event_showcase):
    page: Page = new_context().new_page()
    visit(page, "/kalendarz/")
    event = event_showcase.events["timed"]
    link = page.locator(f".app-event-card__title a[href='{event.url}']")
    link.focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert_no_axe_violations(page)
    assert "Ostatni dzień na zamówienie tłumacza" in page.locator(".app-offer").inner_text()

    ics_link = page.locator("a.app-button--secondary[download]")
    assert ics_link.get_attribute("href") == f"/kalendarz/wydarzenie-{event.pk}.ics"
    ics_link.focus()
    with page.expect_download() as download_info:
        page.keyboard.press("Enter")
    download = download_info.value
    assert download.suggested_filename == f"{event.slug}.ics"
    assert "BEGIN:VCALENDAR" in Path(download.path()).read_text(encoding="utf-8")


def test_main_navigation_marks_where_the_reader_is(new_context, event_showcase):
    page: Page = new_context().new_page()
    event = event_showcase.events["online"]
    visit(page, event.url)
    navigation = page.get_by_role("navigation", name="Główne")
    assert navigation.get_by_role("link", name="Miejsca").count() == 1
    calendar_link = navigation.locator("a[aria-current]")
    assert calendar_link.get_attribute("href") == "/kalendarz/"
    assert calendar_link.get_attribute("aria-current") == "true"


EDITOR = "redakcja-wydarzen"
PASSWORD = "Haslo-testowe-2026!"


def test_event_editor_in_the_admin_explains_bad_times(
    new_context, event_showcase, django_user_model
):
    django_user_model.objects.create_superuser(EDITOR, "wydarzenia@example.org", PASSWORD)
    page: Page = new_context().new_page()
    log_in_to_admin(page, EDITOR, PASSWORD)

    event = event_showcase.events["timed"]
    page.goto(f"/admin/pages/{event.pk}/edit/", wait_until="networkidle")
    assert_no_axe_violations(page)
    end_date = page.locator("#id_end_date")
    end_date.fill((event.start_date.replace(day=1)).strftime("%Y-%m-%d"))
    end_date.press("Escape")
    page.get_by_role("button", name="Zapisz szkic").click()
    page.wait_for_load_state("networkidle")
    assert "nie może się skończyć, zanim się zacznie" in page.locator("body").inner_text()
    assert_no_axe_violations(page)
    event.refresh_from_db()
    assert EventPage.objects.get(pk=event.pk).end_date is None  # nothing saved

    page.get_by_role("tab", name="Dostępność").click()
    assert page.get_by_label("tłumacz polskiego języka migowego (PJM)").count() == 1
    assert_no_axe_violations(page)


def test_venue_editor_refuses_a_venue_without_a_city(new_context, live_site, django_user_model):
    django_user_model.objects.create_superuser(EDITOR, "wydarzenia@example.org", PASSWORD)
    page: Page = new_context().new_page()
    log_in_to_admin(page, EDITOR, PASSWORD)

    page.goto("/admin/snippets/venues/venue/add/", wait_until="networkidle")
    assert_no_axe_violations(page)
    page.locator("#id_name").fill("Sala bez adresu")
    page.locator("#id_slug").fill("sala-bez-adresu")
    page.get_by_role("button", name="Zapisz").first.click()
    page.wait_for_load_state("networkidle")
    city = page.locator("#id_city")
    assert (
        city.get_attribute("aria-invalid") == "true"
        or page.locator("[data-field-wrapper] .error-message, .w-field__errors").count() >= 1
    )
    assert_no_axe_violations(page)
    assert not Venue.objects.filter(slug="sala-bez-adresu").exists()


def _tab_until(page: Page, matches, limit: int = 80) -> dict:
    """Press Tab until the focused element matches (an editor moving through the form)."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        focus = describe_focus(page)
        if matches(focus):
            return focus
    raise AssertionError(f"not reached by Tab in {limit} presses; last focus {focus}")


def test_editor_offers_an_interpreter_on_request_with_the_keyboard_only(
    new_context, event_showcase, django_user_model
):
    """Tabs, a select, a text area and the save button, without a mouse."""
    django_user_model.objects.create_superuser(EDITOR, "wydarzenia@example.org", PASSWORD)
    page: Page = new_context().new_page()
    log_in_to_admin(page, EDITOR, PASSWORD)
    event = event_showcase.events["multi_day"]
    page.goto(f"/admin/pages/{event.pk}/edit/", wait_until="networkidle")

    _tab_until(page, lambda focus: focus["text"] == "Treść")
    page.keyboard.press("ArrowRight")  # the tab list moves with the arrow keys
    page.wait_for_function("() => document.activeElement.id === 'tab-label-dostepnosc'")
    page.keyboard.press("Enter")
    _tab_until(page, lambda focus: focus["id"] == "id_sign_language")
    page.keyboard.press("ArrowUp")  # from "not offered" to "on request"
    assert page.locator("#id_sign_language").input_value() == "on_request"
    _tab_until(page, lambda focus: focus["id"] == "id_sign_language_how_to_ask")
    page.keyboard.type("Napisz SMS: 600 100 200.")
    assert_no_axe_violations(page)
    _tab_until(page, lambda focus: focus["text"] == "Zapisz szkic")
    with page.expect_navigation():
        page.keyboard.press("Enter")

    draft = EventPage.objects.get(pk=event.pk).get_latest_revision_as_object()
    assert draft.sign_language == "on_request"
    assert draft.sign_language_how_to_ask == "Napisz SMS: 600 100 200."


def test_editor_sees_the_last_day_to_ask_while_typing_the_start_date(
    new_context, event_showcase, django_user_model
):
    """The Accessibility tab shows the last day to ask for an interpreter for the date being
    typed on the Content tab, as the server counts it (24-26 December are not working days)."""
    django_user_model.objects.create_superuser(EDITOR, "wydarzenia@example.org", PASSWORD)
    page: Page = new_context().new_page()
    log_in_to_admin(page, EDITOR, PASSWORD)
    event = event_showcase.events["timed"]
    page.goto(f"/admin/pages/{event.pk}/edit/", wait_until="networkidle")

    start = page.locator("#id_start_date")
    start.fill("")
    start.press_sequentially("2026-12-28")
    start.press("Escape")  # closes the date picker
    page.get_by_role("tab", name="Dostępność").click()

    deadline = page.locator("[data-interpreter-deadline]")
    page.wait_for_function(
        "() => document.querySelector('[data-interpreter-deadline]')"
        ".textContent.replace(/\\s+/g, ' ').includes('poniedziałek, 21 grudnia 2026 r.')"
    )
    assert " ".join((deadline.text_content() or "").split()) == (
        "Ostatni dzień na zgłoszenie potrzeby tłumacza przy tych datach: "
        "poniedziałek, 21 grudnia 2026 r."
    )
    assert page.get_by_text("najpóźniej 3 dni robocze przed wydarzeniem").count() >= 1
    assert_no_axe_violations(page)


def test_results_come_first_on_a_phone(new_context, event_showcase):
    """At 320 px, after filtering by PJM: the line names the filter and the count, the panel is
    closed, and the next thing is the results; "Zmień" opens the panel at its first field."""
    page: Page = new_context(**NARROW_320).new_page()
    visit(page, "/kalendarz/")
    page.get_by_text("Wybierz wydarzenia").click()
    page.get_by_label("Dostępność").select_option("pjm")
    with page.expect_navigation():
        page.get_by_role("button", name="Pokaż wydarzenia").click()
    assert_no_axe_violations(page)

    cards = page.locator(".app-event-card").count()
    assert cards == 2
    line = page.locator("#filter-status")
    assert " ".join(line.inner_text().split()) == (
        "Z tłumaczeniem PJM · 2 wydarzenia · Zmień filtry · Wyczyść filtry"
    )
    assert page.locator("#filter-panel").get_attribute("open") is None
    assert page.locator("#id_category").is_hidden()
    # After the line: the closed panel (its summary only), then the first day of results.
    following = page.evaluate(
        """() => {
          const seen = [];
          let el = document.querySelector("#filter-status").nextElementSibling;
          while (el && seen.length < 3) {
            if (el.offsetHeight > 0) seen.push(el.id || el.className);
            el = el.nextElementSibling;
          }
          return seen;
        }"""
    )
    assert following[:2] == ["filter-panel", "app-day"], following
    # The results begin less than half a screen below the line.
    top_of_line, top_of_results = (
        page.locator(selector).first.bounding_box() for selector in ("#filter-status", ".app-day")
    )
    assert top_of_line is not None
    assert top_of_results is not None
    assert top_of_results["y"] - top_of_line["y"] < NARROW_320["viewport"]["height"] / 2

    page.get_by_role("link", name="Zmień filtry").click()
    assert page.locator("#filter-panel").get_attribute("open") is not None
    assert describe_focus(page)["id"] == "id_category"
    assert_no_axe_violations(page)


def test_an_impossible_date_takes_focus_and_keeps_the_list(new_context, event_showcase):
    page: Page = new_context(**NARROW_320).new_page()
    visit(page, "/kalendarz/?from_date=30.02.2027")

    summary = page.locator(".app-error-summary")
    assert page.title().startswith("Błąd: ")
    assert "Nie ma takiego dnia: luty\u00a02027\u00a0r. ma 28 dni." in summary.inner_text()
    # The script moved focus to the summary, so a screen reader starts there.
    assert page.evaluate("document.activeElement.classList.contains('app-error-summary')")
    # The list stays, unfiltered, and the typed text stays in the open panel's field.
    assert page.locator(".app-event-card").count() > 0
    assert page.get_by_label("Od dnia").input_value() == "30.02.2027"
    # The summary's link moves focus to the field.
    summary.get_by_role("link").click()
    assert describe_focus(page)["id"] == "id_from_date"
    assert_no_axe_violations(page)
