"""Uploaded images in the real production shape (issue "Exact and private", ADR 0009).

``make serve`` as it runs: production settings (DEBUG off), migrate, collectstatic and the demo
content in a throw-away var folder, then granian serving ``biuletyn.wsgi:application`` on
loopback with the default ALLOWED_HOSTS. A reader's Chromium loads the home page and an
article with figures: every image loads, axe finds nothing, and an image carries its type,
nosniff and a year's cache. Documents stay out of /media/ there too.

Personas: an anonymous reader (sees every image, with its alt text), a reader of a private
document (never reachable under /media/)."""

from __future__ import annotations

import http.client
import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Generator, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, Page, Response

from biuletyn.core.media import CONTENT_TYPES
from tests.browser import helpers

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("production_media")]

REPO_ROOT = helpers.REPO_ROOT
GRANIAN = Path(sys.executable).with_name("granian")
# Settings read from the environment (biuletyn/settings/*.py): none may leak in from the shell
# or the test process, so the server runs on its defaults.
PROJECT_ENVIRONMENT = {
    "ALLOWED_HOSTS",
    "BIULETYN_VAR_DIR",
    "CSRF_COOKIE_SECURE",
    "CSRF_TRUSTED_ORIGINS",
    "DATABASE_URL",
    "DEBUG",
    "DJANGO_ALLOW_ASYNC_UNSAFE",
    "DJANGO_SETTINGS_MODULE",
    "MEDIA_ROOT",
    "PAGE_CACHE_DIR",
    "PAGE_CACHE_ENABLED",
    "PAGE_CACHE_MAX_ENTRIES",
    "PAGE_CACHE_SECONDS",
    "SECRET_KEY",
    "SECRET_KEY_FILE",
    "SECURE_HSTS_SECONDS",
    "SECURE_PROXY_SSL_HEADER",
    "SECURE_SSL_REDIRECT",
    "SESSION_COOKIE_SECURE",
    "WAGTAILADMIN_BASE_URL",
}
# Starting takes a few seconds; this only bounds a server that never comes up.
STARTUP_LIMIT_SECONDS = 120
COMMAND_LIMIT_SECONDS = 600


@dataclass(frozen=True)
class ProductionServer:
    url: str
    var_dir: Path

    @property
    def port(self) -> int:
        return int(urlsplit(self.url).port or 0)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def production_environment(var_dir: Path) -> dict[str, str]:
    env = {key: value for key, value in os.environ.items() if key not in PROJECT_ENVIRONMENT}
    env.update(
        DJANGO_SETTINGS_MODULE="biuletyn.settings.production",
        SECRET_KEY="production-media-test-only-" + "k" * 40,
        BIULETYN_VAR_DIR=str(var_dir),
    )
    return env


def manage(env: dict[str, str], *args: str) -> None:
    result = subprocess.run(  # noqa: S603 - our own interpreter and manage.py
        [sys.executable, "manage.py", *args],
        cwd=REPO_ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=COMMAND_LIMIT_SECONDS,
        check=False,
    )
    assert result.returncode == 0, f"manage.py {' '.join(args)}:\n{result.stdout}{result.stderr}"


def raw_get(server: ProductionServer, path: str, host: str = "") -> http.client.HTTPResponse:
    """GET ``path`` exactly as written (no dot-segment clean-up), body read."""
    connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=30)
    try:
        headers = {"Host": host} if host else {}
        connection.request("GET", path, headers=headers)
        response = connection.getresponse()
        response.read()
        return response
    finally:
        connection.close()


def wait_until_answering(process: subprocess.Popen[bytes], url: str, log: Path) -> None:
    deadline = time.monotonic() + STARTUP_LIMIT_SECONDS
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(f"granian exited with {process.returncode}:\n{log.read_text()}")
        try:
            with urllib.request.urlopen(url, timeout=5) as response:  # noqa: S310 (loopback)
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    raise AssertionError(f"granian did not answer {url}:\n{log.read_text()}")


def stop(process: subprocess.Popen[bytes]) -> None:
    """SIGTERM to granian (it stops its worker), then wait; its own process group if it hangs."""
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


@pytest.fixture(scope="module")
def production_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ProductionServer]:
    """The `make serve` shape, set up once for this module; granian always stopped after it."""
    var_dir = tmp_path_factory.mktemp("production-var")
    env = production_environment(var_dir)
    port = free_port()
    manage(env, "migrate", "--noinput", "--verbosity", "0")
    manage(env, "collectstatic", "--noinput", "--verbosity", "0")
    manage(env, "load_demo", "--port", str(port))
    assert (var_dir / "biuletyn.sqlite3").is_file()

    log = var_dir / "granian.log"
    with log.open("wb") as output:
        process = subprocess.Popen(  # noqa: S603 - the virtualenv's granian, fixed flags
            [
                str(GRANIAN),
                "--interface",
                "wsgi",
                "--host",
                "127.0.0.1",
                "--port",
                str(port),
                "--workers",
                "1",
                "--blocking-threads",
                "2",
                "--no-ws",
                "biuletyn.wsgi:application",
            ],
            cwd=REPO_ROOT,
            env=env,
            stdout=output,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    try:
        url = f"http://127.0.0.1:{port}"
        wait_until_answering(process, url + "/", log)
        yield ProductionServer(url=url, var_dir=var_dir)
    finally:
        stop(process)


@dataclass
class ReaderPage:
    page: Page
    media_responses: list[Response]


@pytest.fixture
def reader(
    browser: Browser, production_server: ProductionServer
) -> Generator[ReaderPage, None, None]:
    """A fresh browser context with a ``PageGuard`` for granian's origin (not the live server's:
    ``new_context`` from the conftest is bound to that one), checked once it is closed."""
    context = browser.new_context(viewport=helpers.DESKTOP["viewport"], bypass_csp=False)
    guard = helpers.PageGuard(origin=production_server.url)
    guard.attach(context)
    media: list[Response] = []
    context.on(
        "response",
        lambda r: media.append(r) if urlsplit(r.url).path.startswith("/media/") else None,
    )
    try:
        yield ReaderPage(page=context.new_page(), media_responses=media)
    finally:
        context.close()
    guard.assert_clean()


def fetch_text(server: ProductionServer, path: str) -> str:
    with urllib.request.urlopen(server.url + path, timeout=30) as response:  # noqa: S310 (loopback)
        return str(response.read().decode())


def bulletin_articles(server: ProductionServer) -> list[str]:
    """Article paths linked from the home page and the bulletin's first page, in order."""
    hrefs = [
        href
        for listing in ("/", "/biuletyn/")
        for href in re.findall(r'href="(/biuletyn/[^"?#]+/)"', fetch_text(server, listing))
    ]
    return [href for href in dict.fromkeys(hrefs) if href != "/biuletyn/"]


def article_with_figures(server: ProductionServer) -> str:
    """The first of those articles that shows a figure."""
    articles = bulletin_articles(server)
    for href in articles:
        if 'class="app-figure"' in fetch_text(server, href):
            return href
    raise AssertionError(f"no article with a figure among {articles}")


_IMAGE_STATE = """
async (img) => {
  // decode() settles once the image has loaded (or failed); broken images reject.
  await img.decode().catch(() => null);
  return {src: img.currentSrc || img.src, complete: img.complete, width: img.naturalWidth};
}
"""


def assert_every_image_loaded(page: Page) -> list[dict[str, Any]]:
    """Scroll each <img> into view (lazy ones start loading), then it must have loaded."""
    states = []
    images = page.locator("img")
    for index in range(images.count()):
        image = images.nth(index)
        image.scroll_into_view_if_needed()
        states.append(image.evaluate(_IMAGE_STATE))
    broken = [s for s in states if not (s["complete"] and s["width"] > 0)]
    assert not broken, f"images that did not load on {page.url}: {broken}"
    return states


def test_home_page_and_an_article_show_every_image(
    reader: ReaderPage, production_server: ProductionServer
) -> None:
    page = reader.page
    helpers.visit(page, production_server.url + "/")
    assert_every_image_loaded(page)

    article = article_with_figures(production_server)
    helpers.visit(page, production_server.url + article)
    states = assert_every_image_loaded(page)
    helpers.assert_no_axe_violations(page)  # with every lazy image now on the page

    assert states, f"{article} shows no image"
    assert all(urlsplit(s["src"]).path.startswith("/media/images/") for s in states)
    assert reader.media_responses
    assert {r.status for r in reader.media_responses} == {200}


def test_an_image_response_has_its_type_nosniff_and_a_year_of_cache(
    reader: ReaderPage, production_server: ProductionServer
) -> None:
    page = reader.page
    helpers.visit(page, production_server.url + article_with_figures(production_server))
    assert_every_image_loaded(page)

    response = reader.media_responses[0]
    headers = response.all_headers()
    extension = Path(urlsplit(response.url).path).suffix

    assert response.status == 200
    assert headers["content-type"] == CONTENT_TYPES[extension]
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["cross-origin-resource-policy"] == "same-origin"
    assert headers["cache-control"] == "public, max-age=31536000, immutable"
    assert "set-cookie" not in headers


def test_documents_stay_out_of_media_and_download_as_attachments(
    production_server: ProductionServer,
) -> None:
    documents = production_server.var_dir / "media" / "documents"
    stored = sorted(p.name for p in documents.iterdir())
    assert stored, "the demo content has documents"

    for path in [
        f"/media/documents/{stored[0]}",
        f"/media/images/../documents/{stored[0]}",
        f"/media/images/%2e%2e/documents/{stored[0]}",
        "/media/images/..%2f..%2fbiuletyn.sqlite3",
        "/media/images/%00.png",
        "/media/images/missing.png",
    ]:
        assert raw_get(production_server, path).status == 404, path

    links = [
        link
        for href in bulletin_articles(production_server)
        for link in re.findall(
            r'href="(/documents/\d+/[^"]+)"', fetch_text(production_server, href)
        )
    ]
    assert links, "no article links a document"

    download = raw_get(production_server, links[0])
    assert download.status == 200
    assert download.headers["Content-Disposition"].startswith("attachment;")
    assert download.headers["X-Content-Type-Options"] == "nosniff"


@pytest.mark.parametrize("host", ["127.0.0.1", "localhost"])
def test_default_allowed_hosts_are_answered(production_server: ProductionServer, host: str) -> None:
    assert raw_get(production_server, "/", host=f"{host}:{production_server.port}").status == 200
    assert (
        raw_get(production_server, "/", host=f"example.org:{production_server.port}").status == 400
    )
