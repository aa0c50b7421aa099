"""The venue directory in a real browser: list and venue pages in pl and en at 1280 and 320 px
(axe, one h1, reflow), and a filter chosen and submitted with the keyboard alone.
Persona: an anonymous reader."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page

from biuletyn.venues.models import VenuePhoto
from tests.browser.helpers import (
    KeyStep,
    assert_no_axe_violations,
    check_page_types,
    keyboard_journey,
    visit,
)
from tests.factories.bulletin import make_image
from tests.factories.venues import make_venue

pytestmark = pytest.mark.browser

PATHS = {
    "pl": ["/miejsca/", "/miejsca/?city=Atlantyda", "/miejsca/biblioteka/"],
    "en": ["/en/venues/", "/en/venues/?feature=jetpack", "/en/venues/biblioteka/"],
}


@pytest.fixture
def venues(live_site) -> None:
    venue = make_venue(
        name="Miejska Biblioteka Publiczna im. Hieronima Łopacińskiego",
        slug="biblioteka",
        hearing_loop="yes",
    )
    VenuePhoto.objects.create(venue=venue, image=make_image(), caption="Wejście od ulicy")
    make_venue(name="Filharmonia Zamojska", city="Zamość", latitude=None, longitude=None)


@pytest.mark.parametrize("language", PATHS)
def test_venue_pages(new_context, venues, language):
    check_page_types(new_context, dict(enumerate(PATHS[language])), language)


def test_filter_by_feature_with_the_keyboard_only(new_context, venues):
    page: Page = new_context().new_page()
    visit(page, "/en/venues/")
    page.locator("main").evaluate("(main) => { main.tabIndex = -1; main.focus(); }")

    keyboard_journey(page, [KeyStep("Tab", {"tag": "select", "id": "id_city"})])
    keyboard_journey(page, [KeyStep("Tab", {"tag": "select", "id": "id_feature"})])
    # A closed <select> changes its value with the arrow keys, without opening.
    for _ in range(6):
        page.keyboard.press("ArrowDown")
    assert page.locator("#id_feature").input_value() == "hearing_loop"
    keyboard_journey(page, [KeyStep("Tab", {"tag": "button", "text": "Show venues"})])
    with page.expect_navigation():
        page.keyboard.press("Enter")

    assert "feature=hearing_loop" in page.url
    assert page.locator(".app-venue-card__title").all_inner_texts() == [
        "Miejska Biblioteka Publiczna im. Hieronima Łopacińskiego"
    ]
    assert_no_axe_violations(page)
