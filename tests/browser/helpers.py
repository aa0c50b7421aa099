"""What every browser test checks, in one place.

The rules these helpers enforce (and the tests rely on):

* **axe on every page state a test visits.** ``visit`` navigates and runs axe-core; after any
  interaction that changes what is on screen (a click that navigates, a focused skip link, an
  emulated media type) the test calls ``assert_no_axe_violations`` again. No axe rule is ever
  disabled and the whole document is always checked (no include/exclude).
* **axe is injected through DevTools, not through the page.** ``page.evaluate(source)`` runs
  axe's source in the page's main world over the DevTools protocol, which the page's Content
  Security Policy does not govern; a ``<script>`` tag (``add_script_tag``) would be refused by
  the strict ``script-src 'self'`` of public pages. Browser contexts never bypass CSP, so a CSP
  violation by the site itself is still seen by ``PageGuard``.
* **Reflow at 320 CSS px** (WCAG 1.4.10) without relying on ``overflow-x: hidden``: every
  element's box must lie within the viewport and the document must not scroll sideways.
* **Keyboard only**: ``keyboard_journey`` presses keys and asserts where focus is after each.
* **Nothing from another host, no CSP violation**: ``PageGuard`` records every request and
  console message of a browser context; the conftest checks it after each test.

Counting: each call of ``assert_no_axe_violations`` counts one page state. The total per
session is printed at the end of the run by ``tests.browser.reporting``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from playwright.sync_api import BrowserContext, ConsoleMessage, Page, Request, Response, WebSocket

REPO_ROOT = Path(__file__).resolve().parents[2]
AXE_PATH = REPO_ROOT / "node_modules" / "axe-core" / "axe.min.js"

# The WCAG 2.2 A and AA success criteria that axe-core can test automatically. axe tags each
# rule with the WCAG version that introduced its criterion, so all five tags are needed.
AXE_WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
AXE_OPTIONS: dict[str, Any] = {
    "runOnly": {"type": "tag", "values": AXE_WCAG_TAGS},
    # Only shapes the result object (details of passes/incomplete are not collected); every
    # rule in the tags above still runs.
    "resultTypes": ["violations"],
}

# Viewports. Playwright's ``device_scale_factor`` is the CSS-to-device pixel ratio.
DESKTOP = {"viewport": {"width": 1280, "height": 800}}
# A small phone held upright: 320 CSS px is the width WCAG 1.4.10 Reflow names.
NARROW_320 = {"viewport": {"width": 320, "height": 640}}
# 400 % browser zoom of a 1280 x 1024 window. Zoom divides the CSS viewport by the zoom factor
# and multiplies devicePixelRatio by it, so the page lays out in 1280/4 x 1024/4 = 320 x 256
# CSS px with devicePixelRatio 4 - exactly what WCAG 1.4.10 means by "400 % zoom at 1280 px
# equals 320 CSS px". Emulating it this way (rather than with a zoom that headless Chromium
# does not offer) also exposes the short 256 px height, where sticky or fixed bars would cover
# the content.
ZOOM_400 = {"viewport": {"width": 320, "height": 256}, "device_scale_factor": 4}

# Half a CSS pixel of tolerance: layout uses fractional pixels and rounding can put an edge a
# hair past the viewport without anything being cut off or scrollable.
SUBPIXEL_TOLERANCE = 0.5


# ----------------------------------------------------------------------------------------------
# axe-core
# ----------------------------------------------------------------------------------------------

_axe_page_states = 0


def axe_page_states_checked() -> int:
    """How many page states this process has checked with axe (see ``reporting``)."""
    return _axe_page_states


@cache
def axe_source() -> str:
    if not AXE_PATH.is_file():
        raise AssertionError(
            f"axe-core is missing at {AXE_PATH}; run `make test-browser-deps` (npm ci)."
        )
    return AXE_PATH.read_text(encoding="utf-8")


_RUN_AXE = """
async (options) => {
  const results = await axe.run(document, options);
  return {
    version: axe.version,
    url: results.url,
    violations: results.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      helpUrl: v.helpUrl,
      nodes: v.nodes.map((n) => ({
        target: n.target.map((t) => (Array.isArray(t) ? t.join(" >>> ") : t)).join(" "),
        html: n.html,
        summary: n.failureSummary,
      })),
    })),
  };
}
"""


@cache
def axe_version() -> str:
    """The version of node_modules/axe-core, from the banner of axe.min.js."""
    match = re.match(r"/\*! axe v(\S+)", axe_source())
    assert match, "cannot read the axe-core version from axe.min.js"
    return match.group(1)


def run_axe(page: Page) -> dict[str, Any]:
    """Inject axe-core (unless this document has our version already) and run it on the document.

    The page's own ``window.axe`` is replaced when it is another version: Wagtail's admin ships
    an axe-core of its own for its accessibility checker, and the tests must use the pinned one.

    Needs JavaScript: axe schedules its work with timers and promises, which never run in a
    context created with ``java_script_enabled=False`` (``evaluate`` itself still works there,
    but ``axe.run`` would wait forever).
    """
    version = axe_version()
    if page.evaluate("() => window.axe && window.axe.version") != version:
        page.evaluate(axe_source())
    result = page.evaluate(_RUN_AXE, AXE_OPTIONS)
    assert result["version"] == version, f"ran axe {result['version']}, expected {version}"
    return result


def format_axe_violations(result: Mapping[str, Any], *, max_nodes: int = 10) -> str:
    lines = [
        f"axe-core {result['version']}: {len(result['violations'])} rule(s) violated "
        f"on {result['url']}"
    ]
    for violation in result["violations"]:
        lines.append(
            f"- {violation['id']} [{violation['impact']}] {violation['help']} "
            f"({len(violation['nodes'])} element(s))\n  {violation['helpUrl']}"
        )
        for node in violation["nodes"][:max_nodes]:
            summary = " ".join((node["summary"] or "").split())
            lines.append(f"    * {node['target']}\n      {node['html'][:200]}\n      {summary}")
        if len(violation["nodes"]) > max_nodes:
            lines.append(f"    ... and {len(violation['nodes']) - max_nodes} more")
    return "\n".join(lines)


def check_with_axe(page: Page) -> dict[str, Any]:
    """Run axe-core on the page as it is now and count one checked page state."""
    global _axe_page_states
    result = run_axe(page)
    _axe_page_states += 1
    return result


def assert_no_axe_violations(page: Page) -> None:
    """Run axe-core (WCAG 2.0-2.2 A/AA rules, none disabled) and fail on any violation.

    Counts one checked page state, whether it passes or not.
    """
    result = check_with_axe(page)
    assert not result["violations"], format_axe_violations(result)


def visit(page: Page, path: str, *, status: int = 200, wait_until: str = "load") -> Response:
    """Go to ``path`` (relative to the live server), check the status, then run axe."""
    response = page.goto(path, wait_until=wait_until)  # type: ignore[arg-type]
    assert response is not None, f"no response for {path}"
    assert response.status == status, f"{path}: status {response.status}, expected {status}"
    assert_no_axe_violations(page)
    return response


# ----------------------------------------------------------------------------------------------
# Reflow (WCAG 1.4.10)
# ----------------------------------------------------------------------------------------------

_OVERFLOW_SCRIPT = """
(tolerance) => {
  const viewportWidth = window.innerWidth;
  const hiddenCache = new Map();

  // The app-visually-hidden pattern (and any equivalent): an absolutely positioned box of at
  // most 1 x 1 px whose content is clipped away by clip-path: inset(50%) or clip: rect(0 0 0 0).
  // Nothing of it is painted, so neither it nor anything inside it can overflow visibly.
  const isClippedAway = (el) => {
    const style = getComputedStyle(el);
    if (style.position !== "absolute" && style.position !== "fixed") return false;
    const rect = el.getBoundingClientRect();
    if (rect.width > 1 || rect.height > 1) return false;
    return style.clipPath === "inset(50%)" || style.clip === "rect(0px, 0px, 0px, 0px)";
  };
  const insideClippedAway = (el) => {
    if (el === null || el === document.documentElement) return false;
    if (hiddenCache.has(el)) return hiddenCache.get(el);
    const hidden = isClippedAway(el) || insideClippedAway(el.parentElement);
    hiddenCache.set(el, hidden);
    return hidden;
  };
  const describe = (el) => {
    let text = el.tagName.toLowerCase();
    if (el.id) text += "#" + el.id;
    if (el.classList.length) text += "." + [...el.classList].join(".");
    return text;
  };

  const offenders = [];
  const exempt = [];
  for (const el of document.body.querySelectorAll("*")) {
    const rect = el.getBoundingClientRect();
    const right = rect.right;
    const left = rect.left;
    if (right <= viewportWidth + tolerance && left >= -tolerance) continue;
    if (insideClippedAway(el)) {
      exempt.push(describe(el) + " (visually hidden)");
      continue;
    }
    // Entirely above the top of the document: placed off screen on purpose (the skip link
    // until it is focused), unreachable by scrolling, painted nowhere. The tests check the
    // focused skip link separately.
    if (rect.bottom + window.scrollY <= 0) {
      exempt.push(describe(el) + " (off screen above the page)");
      continue;
    }
    offenders.push({
      element: describe(el),
      left: Math.round(left * 10) / 10,
      right: Math.round(right * 10) / 10,
      text: (el.textContent || "").trim().replace(/\\s+/g, " ").slice(0, 60),
    });
  }
  return {
    viewportWidth,
    scrollWidth: document.documentElement.scrollWidth,
    bodyScrollWidth: document.body.scrollWidth,
    offenders,
    exempt,
  };
}
"""


def horizontal_overflow(page: Page) -> dict[str, Any]:
    """Measure sideways overflow: elements past either edge of the viewport and scroll width."""
    return page.evaluate(_OVERFLOW_SCRIPT, SUBPIXEL_TOLERANCE)


def assert_no_horizontal_overflow(page: Page) -> None:
    """No element sticks out of the viewport and the document does not scroll sideways.

    Works at any width; WCAG 1.4.10 Reflow asks for it at 320 CSS px (``NARROW_320``,
    ``ZOOM_400``): no scrolling in two dimensions. It checks layout boxes, so an
    ``overflow-x: hidden`` on html or body that merely hides the scroll bar does not make a page
    pass.

    Exempt, and only these: elements clipped away by the visually-hidden pattern (and their
    descendants), and elements lying entirely above the top of the page (the unfocused skip
    link). Everything else, scrollable containers included, must fit.
    """
    result = horizontal_overflow(page)
    problems = []
    if result["scrollWidth"] > result["viewportWidth"]:
        problems.append(
            f"document scrolls sideways: scrollWidth {result['scrollWidth']} > "
            f"innerWidth {result['viewportWidth']}"
        )
    problems += [
        f"{o['element']} spans {o['left']}..{o['right']} px ({o['text']!r})"
        for o in result["offenders"]
    ]
    assert not problems, f"horizontal overflow at {result['viewportWidth']} px on {page.url}:\n" + (
        "\n".join(problems)
    )


# ----------------------------------------------------------------------------------------------
# Keyboard and focus
# ----------------------------------------------------------------------------------------------

_DESCRIBE_FOCUS = """
() => {
  const el = document.activeElement;
  if (el === null || el === document.body || el === document.documentElement) {
    return {tag: "body", id: "", text: "", href: null, classes: ""};
  }
  const text = (el.innerText || el.value || el.getAttribute("aria-label") || "");
  return {
    tag: el.tagName.toLowerCase(),
    id: el.id,
    text: text.trim().replace(/\\s+/g, " ").slice(0, 80),
    href: el.getAttribute("href"),
    classes: el.className && typeof el.className === "string" ? el.className : "",
  };
}
"""


def describe_focus(page: Page) -> dict[str, Any]:
    """What has focus: tag, id, visible text, href attribute and class list of activeElement."""
    return page.evaluate(_DESCRIBE_FOCUS)


@dataclass(frozen=True)
class KeyStep:
    """Press ``key``; then the focused element must match every item of ``expect``.

    ``expect`` keys are those of ``describe_focus``: tag, id, text and href must be equal;
    ``classes`` names one class the element must have (among others).
    """

    key: str
    expect: Mapping[str, Any]


# How many Tab presses a keyboard journey may take to reach what it looks for.
MOST_TABS = 150


def tab_to(page: Page, **expected: Any) -> dict[str, Any]:
    """Press Tab until the focused element matches ``expected`` (keys of describe_focus)."""
    seen = []
    for _ in range(MOST_TABS):
        page.keyboard.press("Tab")
        focus = describe_focus(page)
        seen.append(focus)
        if all(focus.get(key) == value for key, value in expected.items()):
            return focus
    raise AssertionError(f"Tab never reached {expected}; focus went through {seen}")


def press_enter_and_wait(page: Page) -> None:
    """Press Enter on the focused link or button and wait for the page it leads to."""
    with page.expect_navigation():
        page.keyboard.press("Enter")


def focus_matches(focus: Mapping[str, Any], key: str, expected: Any) -> bool:
    if key == "classes":
        return expected in str(focus.get("classes", "")).split()
    return focus.get(key) == expected


def keyboard_journey(page: Page, steps: Sequence[KeyStep]) -> list[dict[str, Any]]:
    """Walk the page by keyboard alone, asserting where focus lands after every key press."""
    seen = []
    for number, step in enumerate(steps, start=1):
        page.keyboard.press(step.key)
        focus = describe_focus(page)
        seen.append(focus)
        wrong = {k: v for k, v in step.expect.items() if not focus_matches(focus, k, v)}
        assert not wrong, (
            f"keyboard step {number} ({step.key}): expected focus on {dict(step.expect)}, "
            f"got {focus}; journey so far: {seen}"
        )
    return seen


_FOCUS_STYLE = """
async (el) => {
  // Read the end state, not a frame of a transition: getAnimations() flushes style, so a
  // transition the focus change just started is already listed. (base.css gives everything a
  // 0.01 ms transition under prefers-reduced-motion, so there can be one even then.)
  const running = el.getAnimations();
  if (running.length) await Promise.all(running.map((a) => a.finished.catch(() => null)));
  const s = getComputedStyle(el);
  const r = el.getBoundingClientRect();
  return {
    outlineStyle: s.outlineStyle, outlineWidth: s.outlineWidth, outlineColor: s.outlineColor,
    boxShadow: s.boxShadow, backgroundColor: s.backgroundColor, color: s.color,
    textDecorationLine: s.textDecorationLine,
    top: r.top, bottom: r.bottom, left: r.left, right: r.right,
  };
}
"""

_TRANSPARENT = re.compile(r"^(transparent|rgba\(\d+, \d+, \d+, 0\))$")


def focus_styles(page: Page, selector: str) -> dict[str, Any]:
    """Computed styles that make up a focus indicator, and the box of the element.

    Waits for the element's running transitions and animations to end first, so needs
    JavaScript (like axe).
    """
    return page.locator(selector).first.evaluate(_FOCUS_STYLE)


def has_visible_outline(styles: Mapping[str, Any]) -> bool:
    return (
        styles["outlineStyle"] != "none"
        and float(styles["outlineWidth"].removesuffix("px") or 0) > 0
        and not _TRANSPARENT.match(styles["outlineColor"])
    )


def focus_indicator_differences(
    unfocused: Mapping[str, Any], focused: Mapping[str, Any]
) -> list[str]:
    """Which visible focus cues the focused state adds (WCAG 2.4.7 Focus Visible).

    A cue counts only if it can be seen: an outline that is not none, not zero wide and not
    transparent; a box shadow that is not none; or a background colour that changed.
    """
    cues = []
    if has_visible_outline(focused) and (
        not has_visible_outline(unfocused)
        or (focused["outlineStyle"], focused["outlineWidth"], focused["outlineColor"])
        != (unfocused["outlineStyle"], unfocused["outlineWidth"], unfocused["outlineColor"])
    ):
        cues.append("outline")
    if focused["boxShadow"] != "none" and focused["boxShadow"] != unfocused["boxShadow"]:
        cues.append("box-shadow")
    if focused["backgroundColor"] != unfocused["backgroundColor"]:
        cues.append("background-color")
    return cues


# ----------------------------------------------------------------------------------------------
# Requests to other hosts and CSP violations
# ----------------------------------------------------------------------------------------------

# Schemes that load nothing from any host.
_HOSTLESS_SCHEMES = {"data", "blob", "about"}

# Reported in the page itself too (Chromium also writes a "Refused to ..." console error).
_CSP_LISTENER = """
document.addEventListener("securitypolicyviolation", (event) => {
  console.error(
    "securitypolicyviolation: " + event.effectiveDirective + " blocked " + event.blockedURI
    + " at " + event.sourceFile + ":" + event.lineNumber
  );
}, true);
"""

_CSP_CONSOLE = re.compile(r"Refused to |Content Security Policy|securitypolicyviolation")


@dataclass
class PageGuard:
    """Everything a browser context asked for, and every CSP complaint it logged.

    ``origin`` is the live server's ``scheme://host:port``; any request elsewhere is foreign.
    """

    origin: str
    requests: list[str] = field(default_factory=list)
    foreign_requests: list[str] = field(default_factory=list)
    csp_messages: list[str] = field(default_factory=list)

    def attach(self, context: BrowserContext) -> None:
        context.add_init_script(_CSP_LISTENER)
        context.on("request", self._on_request)
        context.on("console", self._on_console)
        context.on("page", lambda page: page.on("websocket", self._on_websocket))
        for page in context.pages:
            page.on("websocket", self._on_websocket)

    def _check_url(self, url: str) -> None:
        self.requests.append(url)
        parts = urlsplit(url)
        if parts.scheme in _HOSTLESS_SCHEMES:
            return
        if f"{parts.scheme}://{parts.netloc}" != self.origin:
            self.foreign_requests.append(url)

    def _on_request(self, request: Request) -> None:
        self._check_url(request.url)

    def _on_websocket(self, websocket: WebSocket) -> None:
        url = websocket.url.replace("ws://", "http://", 1).replace("wss://", "https://", 1)
        self._check_url(url)

    def _on_console(self, message: ConsoleMessage) -> None:
        if _CSP_CONSOLE.search(message.text):
            self.csp_messages.append(f"{message.type}: {message.text} ({message.location})")

    @property
    def hosts(self) -> set[str]:
        return {urlsplit(u).netloc for u in self.requests if urlsplit(u).netloc}

    def problems(self) -> list[str]:
        return [f"request to another host: {u}" for u in self.foreign_requests] + [
            f"CSP violation: {m}" for m in self.csp_messages
        ]

    def assert_clean(self) -> None:
        problems = self.problems()
        assert not problems, "\n".join(problems)


# --- shared journeys ---------------------------------------------------------------------------

PAGE_TYPE_VIEWPORTS = {"1280px": DESKTOP, "320px": NARROW_320}


def check_page_types(new_context: Any, paths: Mapping[str, str], language: str) -> None:
    """Visit every path at 1280 and 320 px: axe (in ``visit``), the page's language, one h1 and,
    at 320 px, no horizontal scrolling. Every page is checked even when an earlier one fails;
    the failures are reported together."""
    problems = []
    for viewport, size in PAGE_TYPE_VIEWPORTS.items():
        page = new_context(**size).new_page()
        for kind, path in paths.items():
            try:
                visit(page, path)
                assert page.locator("html").get_attribute("lang") == language
                assert page.get_by_role("heading", level=1).count() == 1
                if viewport == "320px":
                    assert_no_horizontal_overflow(page)
            except AssertionError as error:
                problems.append(f"--- {kind} ({path}) at {viewport}:\n{error}")
    assert not problems, "\n\n".join(problems)


def log_in_to_admin(page: Page, username: str, password: str) -> None:
    """Sign in through the Polish admin login form (checked by axe on the way) to the dashboard."""
    visit(page, "/admin/login/")
    page.get_by_label("Nazwa użytkownika").fill(username)
    page.get_by_label("Hasło").fill(password)
    page.get_by_label("Hasło").press("Enter")
    page.wait_for_url("**/admin/")
    page.wait_for_load_state("networkidle")
    assert_no_axe_violations(page)
