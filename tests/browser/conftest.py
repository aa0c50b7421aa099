"""Browser tests: Debian's Chromium through pytest-playwright, against pytest-django's live server.

* One Chromium per xdist worker (pytest-playwright's session-scoped ``browser``), launched from
  ``$CHROMIUM`` (default /usr/bin/chromium: Playwright cannot download its own browsers here).
* Every browser context starts at 1280 x 800 CSS px, never bypasses CSP, and gets a
  ``PageGuard``: after each test, any request to a host other than the live server and any CSP
  violation reported on the console fail the test.
* Every test in this folder must carry ``pytest.mark.browser`` (the PostgreSQL pass of
  ``make test`` deselects them); collection stops with an error if one does not.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Generator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import BrowserContext

from tests.browser import helpers, reporting

# Playwright's sync API leaves an asyncio event loop marked as running in the main thread from
# the moment the session's ``playwright`` fixture starts until the session ends. Django then sees
# a running loop and refuses ORM calls in that thread: the browser tests' own (creating a user,
# rebuilding the site tree) and those of any test that runs later on the same xdist worker. So
# the switch is process-wide, set when this conftest is imported. Safe here: the loop only runs
# while a Playwright call is waiting, never at the same time as the ORM call.
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    # No network here: without these Chromium keeps trying to reach Google's services.
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

_HERE = Path(__file__).resolve().parent


def pytest_configure(config: pytest.Config) -> None:
    if not config.pluginmanager.is_registered(reporting):
        config.pluginmanager.register(reporting, "biuletyn-browser-reporting")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    unmarked = [
        item.nodeid
        for item in items
        if _HERE in Path(str(item.path)).resolve().parents
        and item.get_closest_marker("browser") is None
    ]
    if unmarked:
        raise pytest.UsageError(
            "browser tests without pytest.mark.browser (add pytestmark to the module): "
            + ", ".join(unmarked)
        )


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict[str, Any]) -> dict[str, Any]:
    return {
        **browser_type_launch_args,
        "executable_path": reporting.chromium_path(),
        "headless": True,
        "args": CHROMIUM_ARGS,
    }


@pytest.fixture(scope="session")
def base_url(live_server: Any) -> str:
    """Relative URLs in ``page.goto`` go to the live server.

    This also stands in for pytest-playwright's fallback ``base_url`` fixture, which is defined
    as a method of a plugin object; pytest 9 deprecates that (PytestRemovedIn10Warning, an error
    here), and it would only have read ``--base-url``, which these tests do not use.
    """
    return str(live_server.url)


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args: dict[str, Any]) -> dict[str, Any]:
    # CSP stays in force: the tests must see what a reader's browser enforces.
    return {**browser_context_args, "bypass_csp": False}


@pytest.fixture
def page_guards(live_site: Any) -> Generator[list[helpers.PageGuard], None, None]:
    """The guards of every browser context the test made; checked once the contexts are closed."""
    guards: list[helpers.PageGuard] = []
    yield guards
    problems = [problem for guard in guards for problem in guard.problems()]
    assert not problems, "\n".join(problems)


@pytest.fixture
def new_context(
    page_guards: list[helpers.PageGuard], new_context: Callable[..., BrowserContext], live_site: Any
) -> Callable[..., BrowserContext]:
    """pytest-playwright's context factory, plus the default viewport and a ``PageGuard``.

    ``page_guards`` comes first so that it is set up before, and torn down after, the plugin's
    factory, which closes the contexts: the guards are read once every event has arrived. Both
    are torn down before ``_live_server_drained`` (tests/conftest.py), so no browser can start a
    request once the teardown waits for the live server to finish the ones in flight.
    """

    def factory(**kwargs: Any) -> BrowserContext:
        if "viewport" not in kwargs and "no_viewport" not in kwargs:
            kwargs.update(helpers.DESKTOP)
        context = new_context(**kwargs)
        guard = helpers.PageGuard(origin=live_site.url)
        guard.attach(context)
        page_guards.append(guard)
        return context

    return factory
