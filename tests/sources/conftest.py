"""Fixtures of the sources' tests: a local HTTP server in a thread that serves tests/sources/data
(and answers 404, 500 and redirects on demand), a port that accepts and never answers, a closed
port, and sources in a bulletin. Nothing here reaches the internet."""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

DATA = Path(__file__).parent / "data"
TYPES = {".rss": "application/rss+xml", ".atom": "application/atom+xml", ".html": "text/html"}


class LocalServer:
    """``url(name)`` serves data/<name>; ``watch`` is an address whose file a test swaps."""

    def __init__(self, httpd: ThreadingHTTPServer) -> None:
        self.httpd = httpd
        self.base = f"http://127.0.0.1:{httpd.server_address[1]}"
        self.watched: dict[str, str] = {}
        self.requests: list[dict[str, str]] = []

    def url(self, name: str) -> str:
        return f"{self.base}/data/{name}"

    def status(self, code: int) -> str:
        return f"{self.base}/status/{code}"

    def redirect(self, name: str) -> str:
        return f"{self.base}/redirect/{name}"

    def watch(self, key: str, name: str) -> str:
        self.watched[key] = name
        return f"{self.base}/watch/{key}"


class _Handler(BaseHTTPRequestHandler):
    server_version = "LocalTestServer"

    def log_message(self, format: str, *args: Any) -> None:  # keep the test output quiet
        pass

    def do_GET(self) -> None:
        local: LocalServer = self.server.local  # type: ignore[attr-defined]
        local.requests.append({"path": self.path, "user_agent": self.headers["User-Agent"]})
        parts = self.path.split("?")[0].strip("/").split("/")
        if len(parts) == 2 and parts[0] == "status":
            self._send(int(parts[1]), b"<h1>Error</h1>", "text/html")
        elif len(parts) == 2 and parts[0] == "redirect":
            self.send_response(302)
            self.send_header("Location", f"/data/{parts[1]}")
            self.send_header("Content-Length", "0")
            self.end_headers()
        elif len(parts) == 2 and parts[0] == "ftp-redirect":
            self.send_response(301)
            self.send_header("Location", "ftp://127.0.0.1/plik.rss")
            self.send_header("Content-Length", "0")
            self.end_headers()
        elif len(parts) == 2 and parts[0] in {"data", "watch"}:
            name = local.watched.get(parts[1], "") if parts[0] == "watch" else parts[1]
            path = DATA / name
            if not name or not path.is_file():
                self._send(404, b"not found", "text/plain")
                return
            kind = TYPES.get(path.suffix, "application/octet-stream")
            self._send(200, path.read_bytes(), f"{kind}; charset=utf-8")
        elif parts == ["big"]:
            self._send(200, b"<p>" + b"a" * 300_000 + b"</p>", "text/html")
        else:
            self._send(404, b"not found", "text/plain")

    def _send(self, code: int, body: bytes, kind: str) -> None:
        self.send_response(code)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture
def local_server() -> Iterator[LocalServer]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    httpd.daemon_threads = True
    local = LocalServer(httpd)
    httpd.local = local  # type: ignore[attr-defined]
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield local
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join()


@pytest.fixture
def silent_url(settings) -> Iterator[str]:
    """An address whose server accepts the connection and never answers; the wait is short."""
    settings.SOURCES_TIMEOUT = 0.5
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.bind(("127.0.0.1", 0))
    listener.listen(8)  # the kernel completes connections; nobody ever accepts or answers
    try:
        yield f"http://127.0.0.1:{listener.getsockname()[1]}/kanal.rss"
    finally:
        listener.close()


@pytest.fixture
def closed_url() -> str:
    """An address on a port where nothing listens: the connection is refused."""
    probe = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    probe.bind(("127.0.0.1", 0))
    port = probe.getsockname()[1]
    probe.close()
    return f"http://127.0.0.1:{port}/kanal.rss"


@pytest.fixture
def bulletin(site_tree):
    from tests.factories.bulletin import make_bulletin

    return make_bulletin(site_tree["pl"])


@pytest.fixture
def make_source(bulletin):
    from biuletyn.sources.models import Source, SourceKind

    def make(url: str, *, kind: str = SourceKind.FEED, **fields: Any) -> Source:
        categories = fields.pop("categories", [])
        defaults = {
            "name": "Urząd Miasta Lublin: aktualności",
            "attribution": "lublin.eu",
            "section": bulletin,
        }
        source = Source.objects.create(url=url, kind=kind, **{**defaults, **fields})
        source.categories.set(categories)
        return source

    return make
