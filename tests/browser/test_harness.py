"""The harness itself: each check fails when it should, so a green run means something.

These pages are written inline (``set_content``) in a context made straight from the browser,
outside the guarded ``new_context`` factory, so their deliberate faults do not count as the
site's and their axe runs are not counted as checked page states.
"""

from __future__ import annotations

import pytest

from tests.browser import helpers

pytestmark = pytest.mark.browser


@pytest.fixture
def bare_page(browser, live_server):
    context = browser.new_context(base_url=live_server.url, **helpers.NARROW_320)
    yield context.new_page()
    context.close()


def test_axe_reports_violations(bare_page):
    bare_page.set_content(
        '<html><head><title>t</title></head><body><main><input type="text"></main></body></html>'
    )
    result = helpers.run_axe(bare_page)
    ids = {v["id"] for v in result["violations"]}
    assert {"html-has-lang", "label"} <= ids, ids
    message = helpers.format_axe_violations(result)
    assert "label [critical]" in message
    assert "input" in message


def test_overflow_check_sees_wide_elements_but_not_hidden_ones(bare_page):
    bare_page.set_content(
        "<html><head><style>"
        ".hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);"
        "clip-path:inset(50%);white-space:nowrap}"
        ".skip{position:absolute;top:-10rem;left:0;width:600px}"
        "</style></head><body>"
        '<span class="hidden"><span id="long">' + "x" * 200 + "</span></span>"
        '<a class="skip" href="#m">skip</a>'
        '<div id="wide" style="width:400px">wide</div></body></html>'
    )
    with pytest.raises(AssertionError) as failure:
        helpers.assert_no_horizontal_overflow(bare_page)
    assert "div#wide" in str(failure.value)
    assert "scrollWidth" in str(failure.value)
    assert "span#long" not in str(failure.value)
    assert "a.skip" not in str(failure.value)
    exempt = helpers.horizontal_overflow(bare_page)["exempt"]
    assert "span#long (visually hidden)" in exempt
    assert "a.skip (off screen above the page)" in exempt


def test_overflow_check_ignores_overflow_x_hidden(bare_page):
    bare_page.set_content(
        "<html><head><style>html,body{overflow-x:hidden}</style></head><body>"
        '<div id="wide" style="width:400px">wide</div></body></html>'
    )
    with pytest.raises(AssertionError, match="div#wide"):
        helpers.assert_no_horizontal_overflow(bare_page)


def test_guard_sees_other_hosts_and_csp_violations(bare_page, live_server):
    guard = helpers.PageGuard(origin=live_server.url)
    guard.attach(bare_page.context)
    probe = f"{live_server.url}/__csp-probe/"
    bare_page.route(
        probe,
        lambda route: route.fulfill(
            status=200,
            headers={
                "Content-Security-Policy": "default-src 'self'; img-src *",
                "Content-Type": "text/html",
            },
            body='<!DOCTYPE html><html lang="en"><title>p</title><p style="color:red">p</p>'
            '<img src="http://example.invalid/pixel.png" alt="">',
        ),
    )
    bare_page.route("http://example.invalid/**", lambda route: route.abort())
    bare_page.goto(probe)
    problems = "\n".join(guard.problems())
    assert "request to another host: http://example.invalid/pixel.png" in problems
    assert "CSP violation" in problems
    assert "style-src" in problems


def test_keyboard_journey_reports_where_focus_went(bare_page):
    bare_page.set_content('<a href="#a" id="first">first</a><a href="#b" id="second">second</a>')
    steps = [helpers.KeyStep("Tab", {"id": "first"}), helpers.KeyStep("Tab", {"id": "second"})]
    journey = helpers.keyboard_journey(bare_page, steps)
    assert [step["text"] for step in journey] == ["first", "second"]
    with pytest.raises(AssertionError, match="expected focus on"):
        helpers.keyboard_journey(bare_page, [helpers.KeyStep("Tab", {"id": "second"})])
