"""The event page on a 320 px phone (issue 9, "Readers"): for every upcoming demo event with a
Polish Sign Language offer, in both languages, the PJM line and the last day to ask sit within
the first two screens (1,600 CSS px from the top of the page), axe finds nothing, and the page
does not overflow sideways. A past and a postponed demo event invite no action: no "add to
calendar" button, no last day to ask.

Personas: a Deaf reader who uses PJM, on a phone; a reader with low vision at 320 px."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page

from biuletyn.demo.loader import load
from biuletyn.events.models import EventPage
from tests.browser.helpers import NARROW_320, assert_no_horizontal_overflow, visit

pytestmark = pytest.mark.browser

# Two screens of a phone held upright.
FIRST_TWO_SCREENS = 1600

_TOP = "(element) => element.getBoundingClientRect().top + window.scrollY"


@pytest.fixture
def demo(live_site, settings, tmp_path):
    settings.VAR_DIR = tmp_path
    _host, port = live_site.url.removeprefix("http://").split(":")
    load(port=int(port))
    return live_site


def upcoming_with_pjm() -> list[EventPage]:
    events = [
        event
        for event in EventPage.objects.live().select_related("locale")
        if event.sign_language != "none" and not event.is_past and not event.is_cancelled
    ]
    return sorted(events, key=lambda event: (event.locale.language_code, event.url or ""))


def test_the_pjm_offer_and_the_last_day_are_on_the_first_two_screens(new_context, demo):
    events = upcoming_with_pjm()
    # The demo has upcoming events with an interpreter provided and on request, in pl and en.
    assert {event.sign_language for event in events} == {"provided", "on_request"}
    assert {event.locale.language_code for event in events} == {"pl", "en"}
    page: Page = new_context(**NARROW_320).new_page()
    positions: dict[str, dict[str, float]] = {}

    for event in events:
        visit(page, event.url)
        assert_no_horizontal_overflow(page)
        pjm = page.locator(".app-facts__pjm")
        found = {"pjm": pjm.evaluate(_TOP)}
        assert "PJM" in pjm.inner_text()
        if event.interpreter_deadline is not None:
            deadline = page.locator(".app-facts__deadline time")
            assert deadline.get_attribute("datetime") == event.interpreter_deadline.isoformat()
            found["deadline"] = deadline.evaluate(_TOP)
        positions[event.url] = found

    too_low = {
        url: found
        for url, found in positions.items()
        if any(top >= FIRST_TWO_SCREENS for top in found.values())
    }
    assert not too_low, f"below {FIRST_TWO_SCREENS} px at 320 px: {too_low}"
    assert any("deadline" in found for found in positions.values())


def test_past_and_postponed_demo_events_invite_no_action(new_context, demo):
    page: Page = new_context(**NARROW_320).new_page()
    polish = EventPage.objects.live().filter(locale__language_code="pl")
    past = polish.get(slug="organizacje-i-miasto-20-czerwca-2024")
    postponed = polish.get(slug="spacer-badawczy-srodmiescie")

    for event, banner in ((past, "już się odbyło"), (postponed, "przełożone")):
        visit(page, event.url)
        region = page.get_by_role("region", name=banner)
        assert region.is_visible()
        # The screen reader meets the state before the facts.
        assert region.evaluate(_TOP) < page.locator(".app-facts").evaluate(_TOP)
        assert page.locator("a[download]").count() == 0
        assert page.locator(".app-facts__deadline, .app-offer__deadline").count() == 0
    assert "Pierwotny termin" in page.locator(".app-facts").inner_text()
