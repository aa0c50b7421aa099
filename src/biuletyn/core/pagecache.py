"""The full-page cache for anonymous readers. ADR 0001.

Two doors to one store (``PageStore``: one file per page on local disk, shared by every worker):

* ``PageCacheShortcut`` wraps the WSGI application. A cache hit is answered before Django's
  request handling starts: no middleware, no URL resolving, no database, one file read.
* ``PageCacheMiddleware`` is the outermost Django middleware. It answers hits for servers that
  do not go through ``wsgi.py`` (runserver, the test client) and stores the responses that are
  safe to share.

A request may use the cache only when it is a GET or HEAD without an ``Authorization`` header,
without a session cookie and without a pending Django message, outside the admin, static files
and media. A response is stored only when it is a GET's 200, 301 or 404, sets no cookie of any
kind, is not private/no-store/no-cache and has no ``Vary`` at all (the key covers no header).

Clearing follows ``publicity`` (see ``receivers``): ``clear_after_commit`` asks for one clear
when the transaction commits, and ``paused`` folds the clears of bulk work into one.

The generation stamp: ``clear`` first rewrites ``<dir>/generation`` with a new random value
(write and rename) and only then unlinks the entries. The middleware reads the generation
before the view runs and reads it again after renaming its entry into place; if it changed,
the entry is removed. So an entry rendered from data older than a clear's commit cannot
outlive that clear: either its rename came before the clear rewrote the generation, and then
the clear's unlinking (which starts later) finds and removes it; or the rename came after, and
then the request's second read sees the new generation and removes the entry itself. Hits never
read the generation.

A store that cannot write (unwritable or full disk, any OSError) logs one warning per process
and the page is served uncached; reads and clears never raise into a request.

Django's own cache middleware was not enough: it runs inside the full handler (slower than the
target in docs/decisions/0001) and keys on `Vary: Cookie` and `Accept-Language`. Django's
FileBasedCache was our first store; a hit spent most of its time there (zlib, expiry file
reads, key hashing), so the store is now one uncompressed file per page (`make bench`).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import os
import pickle
import random
import secrets
import tempfile
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any

from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.db import transaction
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.http.cookie import parse_cookie
from django.utils import timezone
from django.utils.cache import patch_cache_control

logger = logging.getLogger(__name__)

CACHEABLE_STATUSES = frozenset({200, 301, 404})
HIT_HEADER = "X-Page-Cache"
GENERATION_FILE = "generation"
# Django's messages framework keeps pending messages in this cookie (CookieStorage, which
# FallbackStorage tries first). Such a request must be rendered, so the message shows.
MESSAGES_COOKIE = CookieStorage.cookie_name

Entry = tuple[int, list[tuple[str, str]], bytes]

_warned: set[str] = set()


def _warn_once(kind: str, message: str, error: OSError) -> None:
    """A warning on the ``biuletyn`` logger, once per process and kind of failure."""
    if kind not in _warned:
        _warned.add(kind)
        logger.warning(message, error)


def request_scheme(meta: Mapping[str, Any]) -> str | None:
    """The scheme exactly as ``HttpRequest.scheme`` computes it: with SECURE_PROXY_SSL_HEADER,
    the first comma-separated value of that header, stripped, when the header is there;
    otherwise the WSGI url scheme. An HTTP request may be answered with a redirect to HTTPS,
    which must never be served to the HTTPS request for the same URL."""
    proxy_header = settings.SECURE_PROXY_SSL_HEADER
    if proxy_header:
        header, secure_value = proxy_header
        value = meta.get(header)
        if value is not None:
            return "https" if value.split(",", 1)[0].strip() == secure_value else "http"
    scheme = meta.get("wsgi.url_scheme")
    return None if scheme is None else str(scheme)


def request_host(meta: Mapping[str, Any], scheme: str | None) -> str:
    """The raw host as ``HttpRequest._get_raw_host`` finds it (no case folding, so the key
    never merges hosts Django might echo back differently)."""
    if settings.USE_X_FORWARDED_HOST and "HTTP_X_FORWARDED_HOST" in meta:
        return str(meta["HTTP_X_FORWARDED_HOST"])
    if "HTTP_HOST" in meta:
        return str(meta["HTTP_HOST"])
    host = str(meta.get("SERVER_NAME", ""))
    if settings.USE_X_FORWARDED_PORT and "HTTP_X_FORWARDED_PORT" in meta:
        port = str(meta["HTTP_X_FORWARDED_PORT"])
    else:
        port = str(meta.get("SERVER_PORT", ""))
    return host if port == ("443" if scheme == "https" else "80") else f"{host}:{port}"


def cache_key(meta: Mapping[str, Any]) -> str | None:
    """The key for a request (a WSGI environ or ``request.META``), or None if it may not use
    the cache. Cookies are read with Django's own parser, so a cookie Django sees is a cookie
    here. Reader preferences (a later issue) enter the key only through
    ``PAGE_CACHE_KEY_COOKIES``: cookie name -> allowed values, anything else ignored."""
    if not settings.PAGE_CACHE_ENABLED:
        return None
    if meta.get("REQUEST_METHOD") not in ("GET", "HEAD") or "HTTP_AUTHORIZATION" in meta:
        return None
    path = str(meta.get("SCRIPT_NAME", "")) + str(meta.get("PATH_INFO", ""))
    if path.startswith(tuple(settings.CSP_ADMIN_PATH_PREFIXES)) or path.startswith(
        (settings.STATIC_URL, settings.MEDIA_URL)
    ):
        return None
    cookie_header = meta.get("HTTP_COOKIE", "")
    cookies = parse_cookie(cookie_header) if cookie_header else {}
    if settings.SESSION_COOKIE_NAME in cookies or cookies.get(MESSAGES_COOKIE):
        return None  # an empty messages cookie holds no message (Django reads it as none)
    prefs = []
    for name, allowed in getattr(settings, "PAGE_CACHE_KEY_COOKIES", {}).items():
        value = cookies.get(name, "")
        prefs.append(value if value in allowed else "")
    scheme = request_scheme(meta)
    parts = (scheme, request_host(meta, scheme), path, str(meta.get("QUERY_STRING", "")), *prefs)
    return hashlib.sha256(repr(parts).encode("utf-8", "surrogateescape")).hexdigest()


def is_storable(request: HttpRequest, response: HttpResponseBase) -> bool:
    """Whether a response may be shared with every request that has the same key."""
    if request.method != "GET" or response.status_code not in CACHEABLE_STATUSES:
        return False
    if settings.DEBUG and response.status_code == 404:
        return False  # Django's debug 404 lists every URL pattern: never shared, never kept
    if response.streaming or response.cookies or response.has_header("Set-Cookie"):
        return False
    cache_control = response.get("Cache-Control", "").lower()
    if any(word in cache_control for word in ("private", "no-store", "no-cache")):
        return False
    return not response.has_header("Vary")  # the key covers no request header


def own_max_age(response: HttpResponseBase) -> int | None:
    """The max-age a view set on its response, if any (seconds)."""
    for part in response.get("Cache-Control", "").split(","):
        name, _sep, value = part.strip().partition("=")
        if name.lower() == "max-age" and value.strip().isdigit():
            return int(value)
    return None


def valid_until(response: HttpResponseBase, moment: dt.datetime | None) -> HttpResponseBase:
    """Mark a page that changes by the clock at ``moment`` (registration opens or closes): no
    cache, ours or a browser's, keeps it past that moment. None: no such moment."""
    if moment is not None:
        seconds = max(int((moment - timezone.now()).total_seconds()), 0)
        patch_cache_control(response, max_age=seconds)
    return response


class PageStore:
    """One file per page: ``<dir>/<key>.page`` holding (expires, status, headers, body), and
    ``<dir>/generation``, which every clear rewrites (see the module docstring).

    Written to a temporary file and renamed, so a reader sees a whole entry or none. A missing,
    damaged or expired file is a miss. Past ``max_entries`` files, the oldest half goes.
    """

    suffix = ".page"

    def __init__(self, directory: Path, timeout: int, max_entries: int) -> None:
        self.directory = Path(directory)
        self.timeout = timeout
        self.max_entries = max_entries

    def _path(self, key: str) -> str:
        return os.path.join(self.directory, key + self.suffix)

    def get(self, key: str) -> Entry | None:
        try:
            with open(self._path(key), "rb") as handle:
                expires, status, headers, body = pickle.load(handle)  # noqa: S301
        except Exception:  # missing, unreadable or damaged: a miss, never an error
            return None
        if expires < time.time():
            return None
        return status, headers, body

    def generation(self) -> str | None:
        """The current generation: "" before the first clear, None when it cannot be read
        (then nothing may be stored)."""
        try:
            with open(os.path.join(self.directory, GENERATION_FILE), "rb") as handle:
                return handle.read().decode("ascii", "replace")
        except FileNotFoundError:
            return ""
        except OSError as error:
            _warn_once("read", "Page cache: cannot read, pages are served uncached: %s", error)
            return None

    def _write_atomically(self, target: str, data: bytes) -> None:
        """Write to a temporary file beside ``target`` and rename it; on failure the temporary
        file is removed and the OSError raised."""
        self.directory.mkdir(parents=True, exist_ok=True)
        fd, temporary = tempfile.mkstemp(dir=self.directory, suffix=".tmp")
        try:
            try:
                handle = os.fdopen(fd, "wb")
            except BaseException:
                os.close(fd)
                raise
            with handle:
                handle.write(data)
            os.replace(temporary, target)
        except BaseException:
            with suppress(OSError):
                os.unlink(temporary)
            raise

    def set(self, key: str, entry: Entry, *, timeout: int | None = None) -> bool:
        """Store an entry for ``timeout`` seconds at most (the store's own timeout when None or
        longer); False (and one warning per process) when the disk refuses."""
        status, headers, body = entry
        lifetime = self.timeout if timeout is None else min(timeout, self.timeout)
        data = pickle.dumps((time.time() + lifetime, status, headers, body), protocol=5)
        try:
            if random.random() < 0.01:  # noqa: S311  (sampling, not security)
                self._cull()
            self._write_atomically(self._path(key), data)
        except OSError as error:
            _warn_once("write", "Page cache: cannot write, pages are served uncached: %s", error)
            return False
        return True

    def forget(self, key: str) -> None:
        with suppress(OSError):
            os.unlink(self._path(key))

    def _entries(self) -> list[os.DirEntry[str]]:
        try:
            return [e for e in os.scandir(self.directory) if e.name.endswith(self.suffix)]
        except OSError:
            return []

    def _cull(self) -> None:
        entries = self._entries()
        if len(entries) < self.max_entries:
            return
        ages = []
        for entry in entries:
            with suppress(OSError):
                ages.append((entry.stat().st_mtime, entry.path))
        ages.sort()
        for _, path in ages[: len(ages) // 2]:
            with suppress(OSError):
                os.unlink(path)

    def clear(self) -> int:
        """New generation first, then unlink every entry; returns how many were removed."""
        try:
            self._write_atomically(
                os.path.join(self.directory, GENERATION_FILE), secrets.token_hex(16).encode()
            )
        except OSError as error:
            logger.warning("Page cache: cannot write the generation stamp: %s", error)
        removed = 0
        for entry in self._entries():
            try:
                os.unlink(entry.path)
            except FileNotFoundError:
                continue
            except OSError as error:
                _warn_once("clear", "Page cache: cannot remove an entry: %s", error)
                continue
            removed += 1
        return removed

    def __len__(self) -> int:
        return len(self._entries())


_stores: dict[tuple[str, int, int], PageStore] = {}


def store() -> PageStore:
    """The store named by the current settings (tests change them)."""
    spec = (
        str(settings.PAGE_CACHE_DIR),
        settings.PAGE_CACHE_SECONDS,
        settings.PAGE_CACHE_MAX_ENTRIES,
    )
    if spec not in _stores:
        _stores[spec] = PageStore(Path(spec[0]), spec[1], spec[2])
    return _stores[spec]


def lookup(key: str) -> Entry | None:
    return store().get(key)


def clear() -> int:
    """Empty the store now; returns how many entries went."""
    return store().clear()


# --- clearing after commit ---------------------------------------------------------------------


class _Batch:
    """The clears asked for in one transaction: the first callback to run clears, the rest
    see ``done`` and do nothing."""

    done = False


class _ClearOnCommit:
    def __init__(self, batch: _Batch) -> None:
        self.batch = batch

    def __call__(self) -> None:
        if not self.batch.done:
            self.batch.done = True
            clear()


class _Pause(threading.local):
    depth = 0
    pending = False


_pause = _Pause()


def clear_after_commit(using: str | None = None) -> None:
    """Ask for one clear when the current transaction commits (at once outside a transaction).

    Several requests in one transaction give one clear: each adds a callback, but they share
    one ``_Batch`` (found among the connection's pending on_commit callbacks) and only the
    first to run clears. A rolled-back savepoint drops its callbacks, as it should. (Sharing a
    batch instead of adding nothing keeps Django's captureOnCommitCallbacks, which runs only
    the callbacks added inside it, seeing a clear.) Inside ``paused()`` the request is only
    noted.
    """
    if _pause.depth:
        _pause.pending = True
        return
    connection = transaction.get_connection(using)
    batch = None
    if connection.in_atomic_block:
        batch = next(
            (
                func.batch
                for _, func, _ in reversed(connection.run_on_commit)
                if isinstance(func, _ClearOnCommit) and not func.batch.done
            ),
            None,
        )
    transaction.on_commit(_ClearOnCommit(batch or _Batch()), using=using, robust=True)


@contextmanager
def paused() -> Iterator[None]:
    """Bulk work (the demo loader, imports): the clears asked for inside become one clear,
    after the surrounding transaction commits."""
    depth = _pause.depth
    _pause.depth = depth + 1
    try:
        yield
    finally:
        _pause.depth = depth
        if depth == 0 and _pause.pending:
            _pause.pending = False
            clear_after_commit()


# --- the two doors -----------------------------------------------------------------------------


class PageCacheMiddleware:
    """Answers hits without the WSGI shortcut and stores what may be shared (see above)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        key = cache_key(request.META)
        if key is None:
            return self.get_response(request)
        page_store = store()
        entry = page_store.get(key)
        if entry is not None:
            status, headers, body = entry
            hit = HttpResponse(b"" if request.method == "HEAD" else body, status=status)
            for name, value in headers:
                hit[name] = value
            hit[HIT_HEADER] = "hit"
            return hit
        # Read before the view reads anything (HEAD answers are never stored).
        generation = page_store.generation() if request.method == "GET" else None
        response = self.get_response(request)
        if is_storable(request, response):
            # A page that changes by the clock (registration opens or closes) says how long it
            # stays true with its own max-age: the shorter one wins, here and in the store.
            lifetime = own_max_age(response)
            patch_cache_control(response, public=True, max_age=60)
            assert isinstance(response, HttpResponse)
            headers = [(k, v) for k, v in response.items() if k != HIT_HEADER]
            stored = generation is not None and page_store.set(
                key, (response.status_code, headers, response.content), timeout=lifetime
            )
            if stored and page_store.generation() != generation:
                page_store.forget(key)  # a clear ran while this page was rendered
            response[HIT_HEADER] = "miss"
        return response


StartResponse = Callable[..., Any]
WSGIApp = Callable[[dict[str, Any], StartResponse], Iterable[bytes]]


class PageCacheShortcut:
    """Answers cache hits before Django handles the request (see module docstring)."""

    def __init__(self, application: WSGIApp) -> None:
        self.application = application

    def __call__(self, environ: dict[str, Any], start_response: StartResponse) -> Iterable[bytes]:
        key = cache_key(environ)
        entry = lookup(key) if key is not None else None
        if entry is None:
            return self.application(environ, start_response)
        status, headers, body = entry
        reason = _REASONS.get(status, "OK")
        start_response(f"{status} {reason}", [*headers, (HIT_HEADER, "hit")])
        return [b""] if environ["REQUEST_METHOD"] == "HEAD" else [body]


_REASONS = {200: "OK", 301: "Moved Permanently", 404: "Not Found"}
