"""The full-page cache for anonymous readers. ADR 0001.

Two doors to one store (``PageStore``: one file per page on local disk, shared by every worker):

* ``PageCacheShortcut`` wraps the WSGI application. A cache hit is answered before Django's
  request handling starts: no middleware, no URL resolving, no database.
* ``PageCacheMiddleware`` is the outermost Django middleware. It answers hits for servers that
  do not go through ``wsgi.py`` (runserver, the test client) and stores the responses that are
  safe to share.

A request may use the cache only when it is a GET or HEAD without a session cookie or an
``Authorization`` header, outside the admin. A response is stored only when it is a GET's
200, 301 or 404, sets no cookie, is not private/no-store and varies on nothing but
``Accept-Encoding``. Anything that changes content clears the store (see ``receivers``).

Django's own cache middleware was not enough: it runs inside the full handler (slower than the
target in docs/decisions/0001) and keys on `Vary: Cookie` and `Accept-Language`. Django's
FileBasedCache was our first store; a hit spent most of its time there (zlib, expiry file
reads, key hashing), so the store is now one uncompressed file per page (`make bench`).
"""

from __future__ import annotations

import hashlib
import os
import pickle
import random
import tempfile
import time
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.utils.cache import patch_cache_control

CACHEABLE_STATUSES = frozenset({200, 301, 404})
HIT_HEADER = "X-Page-Cache"
_VARY_ALLOWED = frozenset({"accept-encoding"})

Entry = tuple[int, list[tuple[str, str]], bytes]


def _cookie_names(cookie_header: str) -> set[str]:
    return {part.split("=", 1)[0].strip() for part in cookie_header.split(";") if part.strip()}


def _cookie_value(cookie_header: str, name: str) -> str:
    for part in cookie_header.split(";"):
        key, _, value = part.strip().partition("=")
        if key == name:
            return value
    return ""


def _scheme(meta: Mapping[str, Any]) -> str:
    """http or https, as Django will see it: an HTTP request may be answered with a redirect to
    HTTPS, which must never be served to the HTTPS request for the same URL."""
    proxy_header = getattr(settings, "SECURE_PROXY_SSL_HEADER", None)
    if proxy_header:
        header, secure_value = proxy_header
        return "https" if meta.get(header) == secure_value else "http"
    return str(meta.get("wsgi.url_scheme", "http"))


def cache_key(meta: Mapping[str, Any]) -> str | None:
    """The key for a request (a WSGI environ or ``request.META``), or None if it may not use
    the cache. Reader preferences (a later issue) enter the key only through
    ``PAGE_CACHE_KEY_COOKIES``: cookie name -> allowed values, anything else ignored."""
    if not settings.PAGE_CACHE_ENABLED:
        return None
    if meta.get("REQUEST_METHOD") not in ("GET", "HEAD") or meta.get("HTTP_AUTHORIZATION"):
        return None
    path = meta.get("SCRIPT_NAME", "") + meta.get("PATH_INFO", "")
    if path.startswith(tuple(settings.CSP_ADMIN_PATH_PREFIXES)) or path.startswith(
        (settings.STATIC_URL, settings.MEDIA_URL)
    ):
        return None
    cookies = meta.get("HTTP_COOKIE", "")
    if cookies and settings.SESSION_COOKIE_NAME in _cookie_names(cookies):
        return None
    prefs = []
    for name, allowed in getattr(settings, "PAGE_CACHE_KEY_COOKIES", {}).items():
        value = _cookie_value(cookies, name) if cookies else ""
        prefs.append(f"{name}={value if value in allowed else ''}")
    host = meta.get("HTTP_HOST", meta.get("SERVER_NAME", "")).lower()
    raw = "\n".join([_scheme(meta), host, path, meta.get("QUERY_STRING", ""), *prefs])
    return hashlib.sha256(raw.encode("utf-8", "surrogateescape")).hexdigest()


def is_storable(request: HttpRequest, response: HttpResponseBase) -> bool:
    if request.method != "GET" or response.status_code not in CACHEABLE_STATUSES:
        return False
    if response.streaming or response.cookies:
        return False
    cache_control = response.get("Cache-Control", "").lower()
    if any(word in cache_control for word in ("private", "no-store", "no-cache")):
        return False
    vary = {v.strip().lower() for v in response.get("Vary", "").split(",") if v.strip()}
    return vary <= _VARY_ALLOWED


class PageStore:
    """One file per page: ``<dir>/<key>.page`` holding (expires, status, headers, body).

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
        except (OSError, EOFError, ValueError, TypeError, pickle.UnpicklingError):
            return None
        if expires < time.time():
            return None
        return status, headers, body

    def set(self, key: str, entry: Entry) -> None:
        self.directory.mkdir(parents=True, exist_ok=True)
        if random.random() < 0.01:  # noqa: S311  (sampling, not security)
            self._cull()
        status, headers, body = entry
        data = pickle.dumps((time.time() + self.timeout, status, headers, body), protocol=5)
        fd, temporary = tempfile.mkstemp(dir=self.directory, suffix=".tmp")
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(temporary, self._path(key))

    def _entries(self) -> list[os.DirEntry[str]]:
        try:
            return [e for e in os.scandir(self.directory) if e.name.endswith(self.suffix)]
        except FileNotFoundError:
            return []

    def _cull(self) -> None:
        entries = self._entries()
        if len(entries) < self.max_entries:
            return
        entries.sort(key=lambda e: e.stat().st_mtime)
        for entry in entries[: len(entries) // 2]:
            Path(entry.path).unlink(missing_ok=True)

    def clear(self) -> None:
        for entry in self._entries():
            Path(entry.path).unlink(missing_ok=True)


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


def clear() -> None:
    store().clear()


class PageCacheMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        key = cache_key(request.META)
        if key is not None:
            entry = lookup(key)
            if entry is not None:
                status, headers, body = entry
                hit = HttpResponse(b"" if request.method == "HEAD" else body, status=status)
                for name, value in headers:
                    hit[name] = value
                hit[HIT_HEADER] = "hit"
                return hit
        response = self.get_response(request)
        if key is not None and is_storable(request, response):
            patch_cache_control(response, public=True, max_age=60)
            assert isinstance(response, HttpResponse)
            headers = [(k, v) for k, v in response.items() if k != HIT_HEADER]
            store().set(key, (response.status_code, headers, response.content))
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
