"""The public shell in a real browser: home, 404 and 500 pages in both languages.

Every page state is checked by axe-core (``visit`` and ``assert_no_axe_violations``); every
browser context is guarded against requests to other hosts and CSP violations (conftest).
"""

from __future__ import annotations

import pytest
from playwright.sync_api import Page

from tests.browser.helpers import (
    DESKTOP,
    NARROW_320,
    ZOOM_400,
    KeyStep,
    assert_no_axe_violations,
    assert_no_horizontal_overflow,
    describe_focus,
    focus_indicator_differences,
    focus_styles,
    keyboard_journey,
    visit,
)

pytestmark = pytest.mark.browser

HOME = {"pl": "/", "en": "/en/"}
# Served by tests.urls_error: a view that raises, in both languages.
FAILING_PATHS = {"pl": "/blad-testowy/", "en": "/en/blad-testowy/"}
NOT_FOUND = {"pl": "/nie-ma-takiej-strony/", "en": "/en/no-such-page/"}
SKIP_LINK_TEXT = {"pl": "Przejdź do treści głównej", "en": "Skip to main content"}
NOT_FOUND_HEADING = {"pl": "Nie znaleziono strony", "en": "Page not found"}
SERVER_ERROR_HEADING = {
    "pl": "Przepraszamy, wystąpił problem z serwisem",
    "en": "Sorry, there is a problem with the service",
}
HOME_LINK_TEXT = {"pl": "Przejdź do strony głównej", "en": "Go to the home page"}
VIEWPORTS = {"1280px": DESKTOP, "320px": NARROW_320, "zoom-400": ZOOM_400}
LANGUAGES = ["pl", "en"]

SKIP_LINK = ".app-skip-link"


def assert_page_shell(page: Page, language: str) -> None:
    """Language, one h1 and the three landmarks every page has."""
    assert page.locator("html").get_attribute("lang") == language
    assert page.get_by_role("heading", level=1).count() == 1
    assert page.locator("h1").count() == 1
    for landmark in ("banner", "main", "contentinfo"):
        assert page.get_by_role(landmark).count() == 1, f"{landmark} landmark"  # type: ignore[arg-type]


def assert_skip_link_works(page: Page, language: str) -> None:
    """Tab: the skip link is focused first, comes on screen and shows focus; Enter: main.

    Runs axe on the state with the focused skip link on screen (its contrast is checked then).
    """
    unfocused = focus_styles(page, SKIP_LINK)
    assert unfocused["bottom"] <= 0, "the skip link is off screen until focused"
    skip_link = {"classes": "app-skip-link", "href": "#main-content"}
    keyboard_journey(page, [KeyStep("Tab", {**skip_link, "text": SKIP_LINK_TEXT[language]})])
    focused = focus_styles(page, SKIP_LINK)
    cues = focus_indicator_differences(unfocused, focused)
    assert cues, f"no visible focus indicator: unfocused {unfocused}, focused {focused}"
    state = page.locator(SKIP_LINK).evaluate(
        "(el) => ({hasFocus: document.hasFocus(), focus: el.matches(':focus'),"
        " focusVisible: el.matches(':focus-visible'), width: innerWidth})"
    )
    on_screen = focused["top"] >= 0 and 0 <= focused["left"] <= focused["right"] <= state["width"]
    assert on_screen, f"focused skip link not on screen: {focused}, {state}"
    assert_no_axe_violations(page)
    keyboard_journey(page, [KeyStep("Enter", {"tag": "main", "id": "main-content"})])
    assert page.url.endswith("#main-content")


@pytest.mark.parametrize("viewport", VIEWPORTS)
@pytest.mark.parametrize("language", LANGUAGES)
def test_home_page(new_context, language, viewport):
    page = new_context(**VIEWPORTS[viewport]).new_page()
    visit(page, HOME[language])
    assert_page_shell(page, language)
    assert page.get_by_role("navigation", name={"pl": "Język", "en": "Language"}[language]).count()
    assert_no_horizontal_overflow(page)
    assert_skip_link_works(page, language)
    assert_no_horizontal_overflow(page)  # with the skip link on screen


@pytest.mark.parametrize("language", LANGUAGES)
def test_not_found_page(page, language):
    visit(page, NOT_FOUND[language], status=404)
    assert_page_shell(page, language)
    assert page.locator("h1").inner_text() == NOT_FOUND_HEADING[language]
    assert page.title().startswith(NOT_FOUND_HEADING[language])
    page.set_viewport_size(NARROW_320["viewport"])
    assert_no_horizontal_overflow(page)
    assert_no_axe_violations(page)
    # The way out of the error page leads to the home page of the same language.
    page.get_by_role("link", name=HOME_LINK_TEXT[language]).click()
    page.wait_for_url(f"**{HOME[language]}")
    assert_no_axe_violations(page)
    assert page.locator("html").get_attribute("lang") == language


@pytest.mark.urls("tests.urls_error")
@pytest.mark.parametrize("language", LANGUAGES)
def test_server_error_page(page, settings, language):
    """A view that raises: the live server answers with ``server_error`` (handler500).

    Django's handler turns the exception into the handler500 response because DEBUG and
    DEBUG_PROPAGATE_EXCEPTIONS are False; the live server thread logs it and carries on, it does
    not re-raise into the test.
    """
    settings.DEBUG = False
    settings.DEBUG_PROPAGATE_EXCEPTIONS = False
    visit(page, FAILING_PATHS[language], status=500)
    assert_page_shell(page, language)
    assert page.locator("h1").inner_text() == SERVER_ERROR_HEADING[language]
    other = "en" if language == "pl" else "pl"
    assert SERVER_ERROR_HEADING[other] not in page.locator("body").inner_text()
    page.set_viewport_size(NARROW_320["viewport"])
    assert_no_horizontal_overflow(page)
    assert_no_axe_violations(page)


# The longest transition or animation any element (or its ::before/::after) may run, in ms.
LONGEST_MOTION_MS = """
() => {
  const ms = (value) => Math.max(...value.split(",").map((part) => {
    const text = part.trim();
    return text.endsWith("ms") ? parseFloat(text) : parseFloat(text) * 1000;
  }));
  let longest = 0;
  for (const el of document.querySelectorAll("*")) {
    for (const pseudo of [null, "::before", "::after"]) {
      const style = getComputedStyle(el, pseudo);
      longest = Math.max(longest, ms(style.transitionDuration), ms(style.animationDuration));
    }
  }
  return longest;
}
"""


@pytest.mark.parametrize("language", LANGUAGES)
def test_reduced_motion(page, language):
    page.emulate_media(reduced_motion="reduce")
    visit(page, HOME[language])
    assert page.evaluate("() => matchMedia('(prefers-reduced-motion: reduce)').matches")
    assert page.evaluate(LONGEST_MOTION_MS) <= 0.01
    assert_skip_link_works(page, language)


@pytest.mark.parametrize("language", LANGUAGES)
def test_forced_colours_keep_focus_visible(page, language):
    page.emulate_media(forced_colors="active")
    visit(page, HOME[language])
    assert page.evaluate("() => matchMedia('(forced-colors: active)').matches")
    # Every link in the header, in tab order: skip link, brand, the other language.
    for expected in ("app-skip-link", "app-header__brand", "app-language-switch__link"):
        page.keyboard.press("Tab")
        focus = describe_focus(page)
        assert expected in focus["classes"].split(), focus
        styles = focus_styles(page, ":focus")
        assert styles["outlineStyle"] != "none", f"{expected} has no outline in forced colours"
        assert float(styles["outlineWidth"].removesuffix("px")) >= 2, styles
        assert_no_axe_violations(page)


@pytest.mark.parametrize("language", LANGUAGES)
def test_print_leaves_out_navigation(page, language):
    page.emulate_media(media="print")
    visit(page, HOME[language])
    assert page.evaluate("() => matchMedia('print').matches")
    for selector in (SKIP_LINK, ".app-language-switch", ".app-navigation", ".app-footer"):
        display = page.locator(selector).evaluate("(el) => getComputedStyle(el).display")
        assert display == "none", f"{selector} is printed"
    assert page.locator("h1").is_visible()


@pytest.mark.parametrize("language", LANGUAGES)
def test_without_javascript(new_context, language):
    """The page works with JavaScript off; axe checks the very same document with it on.

    axe-core is JavaScript and needs timers and promises, which do not run in a context with
    ``java_script_enabled=False``. The public pages run no script of their own, so the document
    a reader without JavaScript gets is the one axe checks in the second context; the test
    compares the two to make sure.
    """
    no_js = new_context(java_script_enabled=False).new_page()
    response = no_js.goto(HOME[language])
    assert response is not None
    assert response.status == 200
    assert_page_shell(no_js, language)
    without_js_html = no_js.evaluate("() => document.documentElement.outerHTML")
    keyboard_journey(
        no_js,
        [
            KeyStep("Tab", {"classes": "app-skip-link", "href": "#main-content"}),
            KeyStep("Enter", {"tag": "main", "id": "main-content"}),
        ],
    )

    with_js = new_context().new_page()
    response = with_js.goto(HOME[language])
    assert response is not None
    assert response.status == 200
    with_js_html = with_js.evaluate("() => document.documentElement.outerHTML")
    assert with_js_html == without_js_html, (
        "with JavaScript the document differs from the one readers without it get, so axe in "
        "the JavaScript context no longer checks theirs: check the no-JS document another way"
    )
    assert_no_axe_violations(with_js)


def test_public_pages_load_nothing_from_other_hosts(page, page_guards, live_server):
    for language in LANGUAGES:
        visit(page, HOME[language])
    visit(page, NOT_FOUND["pl"], status=404)
    (guard,) = page_guards
    stylesheet = f"{live_server.url}/static/components/base.css"
    assert stylesheet in guard.requests, guard.requests
    assert guard.hosts == {live_server.url.removeprefix("http://")}
    guard.assert_clean()
