"""Fixtures shared by every test. Personas and their access are described where they are made."""

from __future__ import annotations

import pytest

from tests.factories.site import ensure_site_tree

# Prints the browser version and the axe and Nu HTML Checker totals, also under `make test`.
pytest_plugins = ["tests.browser.reporting"]


@pytest.fixture
def site_tree(db):
    """Locales, the Polish and English home pages and the default Site."""
    return ensure_site_tree()


@pytest.fixture
def live_site(live_server, transactional_db):
    """A live server whose default Site answers on the live server's host and port.

    The flush after each transactional test removes Wagtail's root page; ``ensure_site_tree``
    rebuilds it before the test, so tests that follow in the same worker are unaffected.
    """
    host, port = live_server.url.removeprefix("http://").split(":")
    ensure_site_tree(hostname=host, port=int(port))
    return live_server


@pytest.fixture(autouse=True)
def _wagtail_root_after_flush(request):
    """Give every database test Wagtail's root page and default locale back after a flush."""
    marker = request.node.get_closest_marker("django_db")
    if marker is None and not {"db", "transactional_db"} & set(request.fixturenames):
        return
    if "transactional_db" in request.fixturenames or (marker and marker.kwargs.get("transaction")):
        request.getfixturevalue("transactional_db")
    else:
        request.getfixturevalue("db")
    from tests.factories.site import ensure_root

    ensure_root()
