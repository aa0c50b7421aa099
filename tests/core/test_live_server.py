"""A live-server test ends only once the live server has finished the requests it was handling.

A browser test can end while the live server is still rendering a page the browser asked for (a
navigation in flight, images still loading), and rendering writes: Wagtail creates an image's
rendition the first time a page shows it. The flush that ends a transactional test must not run
until then, or the page answers 500 and the flush meets the request's write lock. These tests
hold a real request at the moment it writes the rendition, let the test end, and check the order
of what happened (``tests/conftest.py``: ``InFlightRequests``, ``_live_server_drained``).

The test database also locks as production's does (settings/test.py): the live server reads
while a test writes, and a live-server request that writes waits for the lock instead of failing.
"""

from __future__ import annotations

import threading
import urllib.error
import urllib.request
from collections.abc import Callable, Generator
from dataclasses import dataclass, field
from typing import Any

import pytest
from django.db import transaction
from django.db.backends.signals import connection_created
from django.db.models.signals import post_migrate
from wagtail.images import get_image_model
from wagtail.models import Site

from biuletyn.pages.models import HomePage, SiteSettings
from tests.factories.bulletin import make_article, make_bulletin, make_image, make_organisation

pytestmark = pytest.mark.integration

# Generous: only reached if the server never answers, which is a failure anyway.
WAIT = 120.0


@dataclass
class Journal:
    """What happened, in order, across the test body, its teardown and the flush after it."""

    events: list[str] = field(default_factory=list)
    statuses: list[int] = field(default_factory=list)
    held_path: str = ""
    rendition_insert: threading.Event = field(default_factory=threading.Event)
    release: threading.Event = field(default_factory=threading.Event)
    threads: list[threading.Thread] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def add(self, event: str) -> None:
        with self.lock:
            self.events.append(event)

    def start(self, target: Callable[[], None]) -> None:
        thread = threading.Thread(target=target, daemon=True)
        self.threads.append(thread)
        thread.start()


def _get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=WAIT) as response:  # noqa: S310 - the live server
            return int(response.status), response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


def _status(url: str) -> int:
    return _get(url)[0]


@pytest.fixture(scope="class")
def journal() -> Generator[Journal, None, None]:
    """Hold the first rendition a request thread writes; check the order after the flush."""
    journal = Journal()
    table = get_image_model().get_rendition_model()._meta.db_table

    def hold_rendition_insert(
        execute: Callable[..., Any], sql: str, params: Any, many: bool, context: Any
    ) -> Any:
        if sql.startswith("INSERT") and table in sql and not journal.rendition_insert.is_set():
            journal.rendition_insert.set()
            journal.release.wait(WAIT)
            result = execute(sql, params, many, context)
            journal.add("rendition saved")
            return result
        return execute(sql, params, many, context)

    def on_connection(sender: Any, connection: Any, **kwargs: Any) -> None:
        # Only the live server's request threads; the test's own connection is left alone.
        if threading.current_thread() is not threading.main_thread():
            connection.execute_wrappers.append(hold_rendition_insert)

    def on_flush(sender: Any, **kwargs: Any) -> None:
        # The flush sends post_migrate once per app; the first one is enough.
        if "flush" not in journal.events:
            journal.add("flush")

    connection_created.connect(on_connection, weak=False)
    post_migrate.connect(on_flush, weak=False)
    yield journal
    connection_created.disconnect(on_connection)
    post_migrate.disconnect(on_flush)
    journal.release.set()
    for thread in journal.threads:
        thread.join(WAIT)

    assert journal.events == [
        f"teardown began with [{journal.held_path!r}] in flight",
        "a new request during the teardown: 503",
        "rendition saved",
        "flush",
    ]
    assert journal.statuses == [200]


class TestAPageStillRenderingWhenTheTestEnds:
    """One test whose body ends while the live server is writing a rendition for it.

    The class-scoped ``journal`` is set up before, and torn down after, the test's own fixtures
    (the flush included), so it checks the order once everything is over.
    """

    def test_the_body_ends_while_the_server_writes_a_rendition(
        self, journal: Journal, live_site: Any
    ) -> None:
        bulletin = make_bulletin(HomePage.objects.get(locale__language_code="pl"))
        image = make_image()
        article = make_article(
            bulletin, body=[{"type": "image", "value": {"image": image.pk, "caption": ""}}]
        )
        assert not image.renditions.exists()
        requests = live_site.requests
        journal.held_path = article.url

        def reader() -> None:
            journal.statuses.append(_status(live_site.url + article.url))

        def teardown_watcher() -> None:
            # Runs while the teardown waits, the page still held at its rendition.
            if not requests.draining.wait(WAIT):
                return
            journal.add(f"teardown began with {requests.in_flight} in flight")
            journal.add(f"a new request during the teardown: {_status(live_site.url + '/')}")
            journal.release.set()

        journal.start(reader)
        assert journal.rendition_insert.wait(WAIT), "the page never came to write its rendition"
        journal.start(teardown_watcher)
        # The test ends here, its page still rendering.


def test_the_live_server_reads_while_the_test_holds_a_write_transaction(live_site):
    """The test database locks as production's does: a reader sees the last committed state.

    (An in-memory database shared with the live server answered this with "database table is
    locked" and a 500.)
    """
    home = HomePage.objects.get(locale__language_code="pl")
    # The first request of a site would create its settings row: a write, which would wait.
    SiteSettings.for_site(Site.objects.get(is_default_site=True))
    with transaction.atomic():
        HomePage.objects.filter(pk=home.pk).update(title="Jeszcze nie zapisany tytuł")
        status, html = _get(live_site.url + "/")

    assert status == 200
    assert home.title in html
    assert "Jeszcze nie zapisany tytuł" not in html


def test_a_page_that_writes_waits_for_the_test_to_commit(live_site):
    """The live server's connections have the busy timeout: a rendition waits for the lock."""
    bulletin = make_bulletin(HomePage.objects.get(locale__language_code="pl"))
    image = make_image()
    article = make_article(
        bulletin, body=[{"type": "image", "value": {"image": image.pk, "caption": ""}}]
    )
    asking = threading.Event()
    statuses: list[int] = []

    def note_write(execute: Callable[..., Any], sql: str, *args: Any) -> Any:
        # SQLite: BEGIN IMMEDIATE is where the request waits. PostgreSQL never sends BEGIN
        # through Django's cursor, and its INSERT does not wait for the test's.
        if sql.startswith(("BEGIN", "INSERT")):
            asking.set()
        return execute(sql, *args)

    def on_connection(sender: Any, connection: Any, **kwargs: Any) -> None:
        if threading.current_thread() is not threading.main_thread():
            connection.execute_wrappers.append(note_write)

    # The address is worked out here: a query in the reader thread would open a connection
    # that nothing closes (on PostgreSQL it then blocks dropping the test database).
    url = live_site.url + article.url
    reader = threading.Thread(target=lambda: statuses.append(_get(url)[0]))
    connection_created.connect(on_connection, weak=False)
    try:
        with transaction.atomic():
            make_organisation()  # the test now holds the write lock
            reader.start()
            assert asking.wait(WAIT), "the page never started a write"
        reader.join(WAIT)
    finally:
        connection_created.disconnect(on_connection)

    assert statuses == [200]
    assert image.renditions.exists()
