"""The registration form in a real browser (issue 10, "Tests"): by keyboard alone, from the event
page to the form, send it without a contact, land on the error summary, follow its link to the
field, mend it, ask for a PJM interpreter with consent, and arrive on the person's signed page;
the same without JavaScript; axe 0 on every state, the error state included; nothing scrolls
sideways at 320 px.

Personas: a Deaf person who asks for a PJM interpreter; a keyboard-only user; a reader whose
browser runs no JavaScript; a reader on a small phone."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page

from biuletyn.events.models import EventPage
from biuletyn.registrations.enums import Need, RegistrationStatus
from biuletyn.registrations.models import Registration
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

NAME = "Ewa Głuchowska"
EMAIL = "ewa.g@example.org"
# Enough Tab presses to cross any of these pages from the top.


@pytest.fixture
def event(live_site) -> EventPage:
    from tests.factories.site import ensure_site_tree

    host, port = live_site.url.removeprefix("http://").split(":")
    home = ensure_site_tree(hostname=host, port=int(port))["pl"]
    event = make_event(
        make_calendar(home),
        title="Spotkanie z urzędem miasta",
        sign_language="on_request",
        sign_language_how_to_ask="Napisz do nas.",
    )
    setup = make_setup(event, capacity=30, wheelchair_spaces=2)
    register(setup, seats=2)
    return event


def walk(page: Page, event: EventPage, *, javascript: bool) -> None:
    """The journey by keyboard alone; with JavaScript every state is checked by axe."""

    def check() -> None:
        if javascript:
            assert_no_axe_violations(page)

    response = page.goto(event.url)
    assert response is not None
    assert response.status == 200
    check()
    block = page.get_by_role("region", name="Zapisy")
    assert "Zapisy trwają do" in block.inner_text()

    tab_to(page, tag="a", text="Zapisz się na to wydarzenie")
    press_enter_and_wait(page)
    assert page.locator("h1").inner_text().startswith("Zapisz się")
    assert "28 z 30" in page.locator("main").inner_text()
    check()

    # The name, no contact at all, then send.
    tab_to(page, tag="input", id="id_name")
    page.keyboard.type(NAME)
    tab_to(page, tag="button", text="Zapisz się")
    press_enter_and_wait(page)

    summary = page.locator(".app-error-summary")
    assert summary.is_visible()
    assert "Podaj adres e-mail albo numer telefonu" in summary.inner_text()
    assert page.title().startswith("Błąd:")
    assert page.locator("#id_name").input_value() == NAME
    check()
    if javascript:
        # The summary takes focus; its link takes the keyboard to the field.
        assert "app-error-summary" in describe_focus(page)["classes"].split()
        page.keyboard.press("Tab")
        assert describe_focus(page)["href"] == "#id_email"
    else:
        tab_to(page, tag="a", href="#id_email")
    page.keyboard.press("Enter")
    assert describe_focus(page)["id"] == "id_email"
    page.keyboard.type(EMAIL)

    # A PJM interpreter, with consent to store it.
    tab_to(page, tag="input", id="id_needs")
    page.keyboard.press("Space")
    tab_to(page, tag="input", id="id_health_consent")
    page.keyboard.press("Space")
    assert page.locator("#id_needs").is_checked()
    assert page.locator("#id_health_consent").is_checked()
    check()
    tab_to(page, tag="button", text="Zapisz się")
    press_enter_and_wait(page)

    # The person's own page, reached through the signed link.
    assert "/zgloszenie/" in page.url or "/registration/" in page.url
    assert "Dziękujemy, zapisaliśmy Cię." in page.locator("main").inner_text()
    check()
    registration = Registration.objects.get(email=EMAIL)
    assert registration.status == RegistrationStatus.CONFIRMED
    assert registration.name == NAME
    assert [case.need for case in registration.accommodations.all()] == [Need.PJM]


def test_keyboard_only_journey(new_context, event):
    walk(new_context().new_page(), event, javascript=True)


def test_the_same_without_javascript(new_context, event):
    """axe needs JavaScript, so the form is loaded in both contexts and compared: the page runs
    no script that changes it (moving focus to the error summary is all JavaScript adds), so
    axe's checks of the JavaScript journey cover this one."""
    no_js = new_context(java_script_enabled=False).new_page()
    with_js = new_context().new_page()
    form = f"{event.url}zapisy/"
    no_js.goto(form)
    visit(with_js, form)
    main = "() => document.querySelector('main').outerHTML"
    key = "() => document.querySelector('[name=idempotency_key]').value"
    csrf = "() => document.querySelector('[name=csrfmiddlewaretoken]').value"
    assert no_js.evaluate(main).replace(no_js.evaluate(key), "").replace(
        no_js.evaluate(csrf), ""
    ) == with_js.evaluate(main).replace(with_js.evaluate(key), "").replace(
        with_js.evaluate(csrf), ""
    )
    walk(no_js, event, javascript=False)


def test_nothing_scrolls_sideways_at_320_px(new_context, event):
    page = new_context(**NARROW_320).new_page()
    visit(page, event.url)
    assert_no_horizontal_overflow(page)
    visit(page, f"{event.url}zapisy/")
    assert_no_horizontal_overflow(page)
    # The error state: every message beside its field.
    page.locator("#id_name").fill("")
    page.locator("#id_needs_9").check()  # a diet, without saying which
    with page.expect_navigation():
        page.locator("button[type=submit]").click()
    assert page.locator(".app-error-summary").is_visible()
    assert_no_axe_violations(page)
    assert_no_horizontal_overflow(page)


def test_a_full_event_without_a_waiting_list_at_320_px(new_context, event):
    """No form, the reason and the organiser's contact: axe 0, nothing sideways."""
    from tests.factories.bulletin import make_organisation

    full = make_event(
        event.get_parent().specific,
        title="Warsztaty w małej sali",
        contact=make_organisation(name="Fundacja Mała Sala"),
    )
    setup = make_setup(full, capacity=1, waiting_list=False)
    register(setup)
    page = new_context(**NARROW_320).new_page()
    visit(page, f"{full.url}zapisy/")
    assert page.locator("main form").count() == 0
    assert page.locator("h1").inner_text().startswith("Zapisy")
    assert page.get_by_role("heading", name="Skontaktuj się z organizatorem").is_visible()
    assert_no_axe_violations(page)
    assert_no_horizontal_overflow(page)
