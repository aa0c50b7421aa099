"""The person's signed link in a real browser (issue 10, "Tests"): by keyboard alone, open the
link, find the PJM request and its state, ask for more seats than are free, mend it from the
error summary, then cancel; the same without JavaScript; axe 0 on every state, the error state
included; nothing scrolls sideways at 320 px.

Personas: a Deaf person who asked for a PJM interpreter and follows the case on a phone; a
keyboard-only user; a reader whose browser runs no JavaScript."""

from __future__ import annotations

import pytest
from django.urls import reverse
from django.utils import translation
from playwright.sync_api import Page

from biuletyn.registrations import services, tokens
from biuletyn.registrations.enums import CaseStatus, Need, RegistrationStatus
from biuletyn.registrations.models import Registration
from biuletyn.registrations.services import NeedAnswer
from tests.browser.helpers import (
    NARROW_320,
    assert_no_axe_violations,
    assert_no_horizontal_overflow,
    describe_focus,
    press_enter_and_wait,
    tab_to,
    visit,
)
from tests.factories.events import make_calendar, make_event
from tests.factories.registrations import make_setup, register

pytestmark = pytest.mark.browser

NAME = "Ewa Głucha"
# Enough Tab presses to cross any of these pages from the top.


@pytest.fixture
def mine(live_site) -> Registration:
    from tests.factories.site import ensure_site_tree

    host, port = live_site.url.removeprefix("http://").split(":")
    home = ensure_site_tree(hostname=host, port=int(port))["pl"]
    event = make_event(make_calendar(home), title="Spotkanie z urzędem miasta")
    setup = make_setup(event, capacity=3)
    register(setup, name="Jan Sąsiad", seats=1)
    registration = register(
        setup,
        name=NAME,
        seats=2,
        needs=[NeedAnswer(Need.PJM), NeedAnswer(Need.DIET, "bez glutenu")],
        health_consent=True,
    ).registration
    services.answer_case(
        case=registration.accommodations.get(need=Need.PJM),
        status=CaseStatus.CONFIRMED,
        answer="Tłumaczka PJM będzie stała przy scenie, po lewej.",
        user=None,
    )
    return registration


def path(name: str, registration: Registration, *, purpose=tokens.Purpose.VIEW) -> str:
    token = tokens.make(registration.public_id, purpose)
    with translation.override("pl"):
        return reverse(f"registrations:{name}", kwargs={"token": token})


def replace_text(page: Page, text: str) -> None:
    page.keyboard.press("Control+A")
    page.keyboard.type(text)


def walk(page: Page, registration: Registration, *, javascript: bool) -> None:
    """The journey by keyboard alone; with JavaScript every state is checked by axe."""

    def check() -> None:
        if javascript:
            assert_no_axe_violations(page)

    response = page.goto(path("manage", registration))
    assert response is not None
    assert response.status == 200
    check()
    case = page.locator(".app-case").filter(has_text="(PJM)")
    assert case.is_visible()
    assert "potwierdzona" in case.inner_text()
    assert "po lewej" in case.inner_text()

    tab_to(page, tag="a", text="Zmień zgłoszenie")
    press_enter_and_wait(page)
    assert page.locator("h1").inner_text() == "Zmień zgłoszenie"
    check()

    # Three seats: only two are free for this person (the neighbour holds the third).
    tab_to(page, tag="input", id="id_seats")
    replace_text(page, "3")
    press_enter_and_wait(page)
    summary = page.locator(".app-error-summary")
    assert summary.is_visible()
    assert "2 miejsca" in summary.inner_text()
    assert page.title().startswith("Błąd:")
    assert page.locator("#id_seats").input_value() == "3"
    assert page.locator("#id_name").input_value() == NAME
    check()
    if javascript:
        # The summary takes focus; its link takes the keyboard to the field.
        assert "app-error-summary" in describe_focus(page)["classes"].split()
        page.keyboard.press("Tab")
        assert describe_focus(page)["tag"] == "a"
        page.keyboard.press("Enter")
        assert describe_focus(page)["id"] == "id_seats"
    else:
        tab_to(page, tag="input", id="id_seats")
    replace_text(page, "1")
    press_enter_and_wait(page)
    assert "Zmiany są zapisane" in page.locator("main").inner_text()
    assert Registration.objects.get(pk=registration.pk).seats == 1
    check()

    tab_to(page, tag="a", text="Anuluj zgłoszenie")
    press_enter_and_wait(page)
    assert page.locator("h1").inner_text() == "Anuluj zgłoszenie"
    check()
    tab_to(page, tag="button", text="Tak, anuluj moje zgłoszenie")
    press_enter_and_wait(page)
    banner = page.get_by_role("region", name="Twoje zgłoszenie jest anulowane")
    assert banner.is_visible()
    assert Registration.objects.get(pk=registration.pk).status == RegistrationStatus.CANCELLED
    check()


def test_keyboard_only_journey(new_context, mine):
    walk(new_context().new_page(), mine, javascript=True)


def test_the_same_without_javascript(new_context, mine):
    """The journey works with JavaScript off. axe needs JavaScript, so the first document is
    loaded in both contexts and compared: the pages run no script that changes them (the error
    summary's focus is the only thing JavaScript adds), so axe's checks of the JavaScript
    journey cover this one."""
    no_js = new_context(java_script_enabled=False).new_page()
    with_js = new_context().new_page()
    manage = path("manage", mine)
    no_js.goto(manage)
    visit(with_js, manage)
    html = "() => document.querySelector('main').outerHTML"
    assert no_js.evaluate(html) == with_js.evaluate(html).replace(
        # Each load makes its own fresh download token; nothing else may differ.
        with_js.locator("a[download]").get_attribute("href") or "",
        no_js.locator("a[download]").get_attribute("href") or "",
    )
    walk(no_js, mine, javascript=False)


def test_nothing_scrolls_sideways_at_320_px(new_context, mine):
    page = new_context(**NARROW_320).new_page()
    for name in ("manage", "manage_change", "manage_cancel", "manage_delete"):
        visit(page, path(name, mine))
        assert_no_horizontal_overflow(page)
    # The change form with its errors.
    visit(page, path("manage_change", mine))
    page.locator("#id_seats").fill("3")
    page.locator("#id_name").fill("")
    with page.expect_navigation():
        page.locator("form.app-registration-form button[type=submit]").click()
    assert page.locator(".app-error-summary").is_visible()
    assert_no_axe_violations(page)
    assert_no_horizontal_overflow(page)
    # Unticking the consent while needs stay ticked: the warning first, the ticks kept.
    visit(page, path("manage_change", mine))
    page.locator("#id_health_consent").uncheck()
    with page.expect_navigation():
        page.locator("form.app-registration-form button[type=submit]").click()
    assert page.locator(".app-notification-banner--warning").is_visible()
    assert page.locator("#id_needs").is_checked()
    assert_no_axe_violations(page)
    assert_no_horizontal_overflow(page)
    assert mine.accommodations.count() == 2
    # A link that does not work, and one that is too old.
    visit(page, "/zgloszenie/nic-tu-nie-ma/", status=404)
    assert_no_horizontal_overflow(page)
    visit(page, path("manage", mine, purpose=tokens.Purpose.CANCEL), status=404)
    assert_no_horizontal_overflow(page)
    # After deleting the data.
    visit(page, path("manage_delete", mine))
    with page.expect_navigation():
        page.get_by_role("button", name="Tak, usuń moje dane").click()
    assert page.locator("h1").inner_text() == "Twoje dane zostały usunięte"
    assert_no_axe_violations(page)
    assert_no_horizontal_overflow(page)
