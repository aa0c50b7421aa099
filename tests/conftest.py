"""Fixtures shared by every test. Personas and their access are described where they are made."""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Callable, Generator, Iterable, Iterator
from typing import Any

import pytest

from tests.factories.site import ensure_site_tree

# Prints the browser version and the axe and Nu HTML Checker totals, also under `make test`.
pytest_plugins = ["tests.browser.reporting"]


@pytest.fixture(autouse=True)
def _empty_caches() -> None:
    """Every test starts with empty caches. The test cache (locmem) lives as long as the worker
    process, so without this what one test left there (rate-limit counts, Wagtail's site root
    paths) would decide another's result, depending on which tests the worker ran before."""
    from django.core.cache import caches

    for cache in caches.all():
        cache.clear()


@pytest.fixture(autouse=True)
def _default_language() -> Iterator[None]:
    """Every test starts in the site's default language (Polish). A request through the test
    client leaves its page's language active in the thread (the locale middleware activates it
    and nothing puts it back), so a test run after an English page would otherwise read month
    names, plurals and messages in English, depending on which tests the worker ran before."""
    from django.conf import settings
    from django.utils import translation

    with translation.override(settings.LANGUAGE_CODE):
        yield


@pytest.fixture
def site_tree(db):
    """Locales, the Polish and English home pages and the default Site."""
    return ensure_site_tree()


# How long the teardown of a live-server test waits for the requests still being handled. Only a
# request that never ends reaches it (a page renders in well under a second); it turns a hang of
# the whole run into an error that names the request.
DRAIN_TIMEOUT = 120.0


class InFlightRequests:
    """The live server's WSGI application, wrapped to count the requests inside Django.

    A request counts from the moment it enters Django until its response has been written and
    closed (Django closes the request's database connection then). ``drain`` is called in the
    teardown of every live-server test, after the browser contexts are closed and before the
    flush: it stops the server taking new requests (they get a 503 that touches neither Django
    nor the database; whoever sent them is gone) and returns once the counted ones are done.
    ``open`` lets requests in again for the next test.
    """

    def __init__(self, application: Callable[..., Iterable[bytes]]) -> None:
        self.application = application
        self._changed = threading.Condition()
        self._paths: Counter[str] = Counter()
        self._accepting = True
        # Set while ``drain`` waits, for tests that need to act at that moment.
        self.draining = threading.Event()

    @property
    def in_flight(self) -> list[str]:
        with self._changed:
            return sorted(self._paths.elements())

    def __call__(self, environ: dict[str, Any], start_response: Callable[..., Any]) -> Any:
        path = environ.get("PATH_INFO", "")
        with self._changed:
            if not self._accepting:
                start_response("503 Service Unavailable", [("Content-Type", "text/plain")])
                return [b"The test that used this server has ended.\n"]
            self._paths[path] += 1
        try:
            result = self.application(environ, start_response)
        except BaseException:
            self._finished(path)
            raise
        return _ClosingResponse(result, lambda: self._finished(path))

    def _finished(self, path: str) -> None:
        with self._changed:
            self._paths[path] -= 1
            if not self._paths[path]:
                del self._paths[path]
            self._changed.notify_all()

    def open(self) -> None:
        with self._changed:
            self._accepting = True
            self.draining.clear()

    def drain(self, timeout: float = DRAIN_TIMEOUT) -> list[str]:
        """Refuse new requests, wait for those in Django to finish; return what was waited for."""
        with self._changed:
            self._accepting = False
            waited_for = sorted(self._paths.elements())
            self.draining.set()
            try:
                done = self._changed.wait_for(lambda: not self._paths, timeout=timeout)
            finally:
                self.draining.clear()
            if not done:
                raise RuntimeError(
                    f"the live server was still handling {sorted(self._paths.elements())} "
                    f"{timeout:.0f} s after the test ended"
                )
        return waited_for


class _ClosingResponse:
    """A WSGI response that calls ``finished`` once the server has closed it."""

    def __init__(self, result: Iterable[bytes], finished: Callable[[], None]) -> None:
        self._result = result
        self._finished: Callable[[], None] | None = finished

    def __iter__(self) -> Iterator[bytes]:
        return iter(self._result)

    def close(self) -> None:
        try:
            close = getattr(self._result, "close", None)
            if close is not None:
                close()
        finally:
            # The server would close this thread's connections a moment later (close_request);
            # closing them here means none is still open once ``drain`` returns.
            from django.db import connections

            try:
                connections.close_all()
            finally:
                finished, self._finished = self._finished, None
                if finished is not None:
                    finished()


@pytest.fixture(scope="session")
def live_server(live_server: Any) -> Any:
    """pytest-django's live server, its application wrapped in ``InFlightRequests``."""
    httpd = live_server.thread.httpd
    requests = InFlightRequests(httpd.get_app())
    httpd.set_app(requests)
    live_server.requests = requests
    return live_server


@pytest.fixture(autouse=True)
def _live_server_drained(request: pytest.FixtureRequest) -> Generator[None, None, None]:
    """In a live-server test, the flush waits until the server has finished every request.

    Set up after ``transactional_db`` and before the browser fixtures, so torn down after the
    browser contexts are closed (no new requests) and before the flush: otherwise a page still
    loading its images when the test ends renders, and writes renditions, during the flush.
    """
    if "live_server" not in request.fixturenames:
        yield
        return
    request.getfixturevalue("transactional_db")
    requests: InFlightRequests = request.getfixturevalue("live_server").requests
    requests.open()
    yield
    requests.drain()


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
