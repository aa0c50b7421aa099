"""The bulletin in a real browser: every page type in both languages, keyboard only, no JS.

The content (tests.factories.showcase) is built once per test: the home page, the bulletin and
its second page, a category, a tag, a month, an article with every block, a member
organisation's section, an organisation's contact page, the privacy policy page and the 404
page, in Polish and English. Every page state is checked by axe-core (``visit`` and
``assert_no_axe_violations``); every browser context is guarded against requests to other
hosts and CSP violations (conftest).
"""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import Page

from biuletyn.articles.models import ArticleIndexPage
from biuletyn.pages.models import HomePage
from tests.browser.helpers import (
    DESKTOP,
    NARROW_320,
    KeyStep,
    assert_no_axe_violations,
    assert_no_horizontal_overflow,
    keyboard_journey,
    visit,
)
from tests.factories.showcase import LANGUAGES, PAGE_SIZE, POSTER_TEXT, Showcase, make_showcase

pytestmark = pytest.mark.browser

VIEWPORTS = {"1280px": DESKTOP, "320px": NARROW_320}

# What the keyboard can reach inside main, in document order (= tab order: the site uses no
# positive tabindex), and what ``describe_focus`` will report for each.
MAIN_FOCUSABLES = """
() => [...document.querySelectorAll(
  "main a[href], main button, main input, main select, main textarea, main summary, main [tabindex]"
)]
  .filter((el) => el.tabIndex >= 0 && !el.disabled && el.getClientRects().length > 0)
  .map((el) => ({
    tag: el.tagName.toLowerCase(),
    href: el.getAttribute("href"),
    classes: typeof el.className === "string" ? el.className : "",
  }))
"""
FOCUS_IN_MAIN = "() => document.activeElement.closest('main') !== null"


@pytest.fixture
def showcase(live_site, monkeypatch) -> Showcase:
    monkeypatch.setattr(ArticleIndexPage, "page_size", PAGE_SIZE)
    homes = {code: HomePage.objects.get(locale__language_code=code) for code in LANGUAGES}
    return make_showcase(homes)


def _check_page(page: Page, language: str, kind: str, path: str, *, narrow: bool) -> None:
    visit(page, path, status=404 if kind == "404" else 200)
    assert page.locator("html").get_attribute("lang") == language
    assert page.locator("h1").count() == 1
    assert page.get_by_role("heading", level=1).count() == 1
    if narrow:
        assert_no_horizontal_overflow(page)


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_page_type(new_context, showcase, language):
    """axe, one h1, the right lang, and reflow at 320 px, on every page type.

    Every page is checked even when an earlier one fails; the failures are reported together.
    """
    problems = []
    for viewport, size in VIEWPORTS.items():
        page = new_context(**size).new_page()
        for kind, path in showcase.paths[language].items():
            try:
                _check_page(page, language, kind, path, narrow=viewport == "320px")
            except AssertionError as error:
                problems.append(f"--- {kind} ({path}) at {viewport}:\n{error}")
    assert not problems, "\n".join(problems)


def _focus_step(focusable: dict[str, Any]) -> KeyStep:
    if focusable["tag"] == "a":
        return KeyStep("Tab", {"tag": "a", "href": focusable["href"]})
    return KeyStep("Tab", {"tag": focusable["tag"], "classes": focusable["classes"].split()[0]})


def _tab_through_main_until(page: Page, is_target) -> dict[str, Any]:
    """Tab through main in document order until ``is_target`` (focus stays in main throughout)."""
    for focusable in page.evaluate(MAIN_FOCUSABLES):
        (focus,) = keyboard_journey(page, [_focus_step(focusable)])
        assert page.evaluate(FOCUS_IN_MAIN), f"focus left main: {focus}"
        if is_target(focusable):
            return focus
    raise AssertionError("the target is not reachable by keyboard in main")


@pytest.mark.parametrize("language", LANGUAGES)
def test_keyboard_from_home_to_article_contact(new_context, showcase, language):
    """Skip link, the latest article, then Tab through the article to its contact e-mail."""
    page = new_context().new_page()
    visit(page, showcase.paths[language]["home"])
    keyboard_journey(page, [KeyStep("Tab", {"classes": "app-skip-link"})])
    assert_no_axe_violations(page)  # the skip link on screen
    keyboard_journey(page, [KeyStep("Enter", {"tag": "main", "id": "main-content"})])

    article_url = showcase.paths[language]["article"]
    first_latest = page.locator(".app-latest .app-article-card a").first.get_attribute("href")
    assert first_latest == article_url, "the every-block article is the latest one"
    _tab_through_main_until(page, lambda focusable: focusable["href"] == article_url)
    page.keyboard.press("Enter")
    page.wait_for_url(f"**{article_url}")
    assert_no_axe_violations(page)

    keyboard_journey(
        page,
        [
            KeyStep("Tab", {"classes": "app-skip-link", "href": "#main-content"}),
            KeyStep("Tab", {"classes": "app-header__brand"}),
            KeyStep("Tab", {"classes": "app-language-switch__link"}),
        ]
        + [
            KeyStep("Tab", {"classes": "app-navigation__link"})
            for _ in range(page.locator(".app-navigation__link").count())
        ],
    )
    mailto = f"mailto:{showcase.contact_email}"
    focus = _tab_through_main_until(page, lambda focusable: focusable["href"] == mailto)
    assert focus["text"] == showcase.contact_email
    assert page.evaluate("() => document.activeElement.closest('.app-contact') !== null")
    assert_no_axe_violations(page)  # the focused contact link


NO_JS_CONTENT = {
    "home": [".app-latest .app-article-card"],
    "bulletin": [".app-card-list .app-article-card", ".app-pagination"],
    "article": [
        ".app-article__body",
        ".app-poster-text",
        ".app-table",
        "blockquote",
        ".app-contact a[href^='mailto:']",
    ],
}


@pytest.mark.parametrize("language", LANGUAGES)
def test_without_javascript(new_context, showcase, language):
    """Home, bulletin and article work with JavaScript off; axe checks the same documents.

    axe cannot run without JavaScript (see test_foundation.test_without_javascript), so each
    document is loaded again with JavaScript on, compared with the no-JS one and checked there.
    """
    no_js = new_context(java_script_enabled=False).new_page()
    with_js = new_context().new_page()
    for kind, selectors in NO_JS_CONTENT.items():
        path = showcase.paths[language][kind]
        response = no_js.goto(path)
        assert response is not None
        assert response.status == 200
        assert no_js.locator("html").get_attribute("lang") == language
        assert no_js.locator("h1").count() == 1
        assert no_js.locator("h1").is_visible()
        for selector in selectors:
            assert no_js.locator(selector).first.is_visible(), f"{path}: {selector} not shown"
        if kind == "bulletin":
            assert no_js.locator(".app-card-list .app-article-card").count() == PAGE_SIZE
        if kind == "article":
            poster_text = no_js.locator(".app-poster-text").inner_text()
            assert POSTER_TEXT.splitlines()[0] in poster_text
        without_js_html = no_js.evaluate("() => document.documentElement.outerHTML")

        visit(with_js, path)
        with_js_html = with_js.evaluate("() => document.documentElement.outerHTML")
        assert with_js_html == without_js_html, f"{path}: the document differs with JavaScript"


def test_article_images(new_context, showcase):
    """At 1280 px: width and height on every image, alt text from the image library, lazy
    loading below the fold, AVIF and WebP offered."""
    page = new_context(**DESKTOP).new_page()
    visit(page, showcase.paths["pl"]["article"])
    images = page.evaluate(
        """() => [...document.images].map((img) => ({
          src: img.getAttribute("src"),
          alt: img.getAttribute("alt"),
          width: img.getAttribute("width"),
          height: img.getAttribute("height"),
          loading: img.getAttribute("loading"),
          top: img.getBoundingClientRect().top + window.scrollY,
        }))"""
    )
    assert len(images) == 3, images
    for image in images:
        assert image["width"], f"no width: {image}"
        assert image["height"], f"no height: {image}"

    def rendered(library_image: Any) -> dict[str, Any]:
        stem = library_image.file.name.rsplit("/", 1)[-1].rsplit(".", 1)[0]
        (match,) = [i for i in images if f"/{stem}." in i["src"]]
        return match

    assert rendered(showcase.poster)["alt"] == showcase.poster.description
    assert rendered(showcase.photo)["alt"] == showcase.photo.description
    assert rendered(showcase.decorative)["alt"] == ""

    fold = DESKTOP["viewport"]["height"]
    below = [image for image in images if image["top"] >= fold]
    assert below, f"no image below the fold at {fold} px: {images}"
    for image in below:
        assert image["loading"] == "lazy", f"below the fold but not lazy: {image}"

    pictures = page.evaluate(
        """() => [...document.querySelectorAll("picture")].map((picture) =>
          [...picture.querySelectorAll("source")].map((source) => source.type))"""
    )
    assert len(pictures) == len(images)
    for types in pictures:
        assert {"image/avif", "image/webp"} <= set(types), types
