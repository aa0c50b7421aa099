"""ADR 0001, issue "Exact and private": the page store cannot take the site down (a disk that
refuses writes, reads or clears still serves every page, warns once and leaves no temporary
file), a render that began before a clear never stores its result, a hit is one file read, and
only responses without any Vary or Set-Cookie are stored.

Persona: an anonymous reader, who must get the page even when the cache's disk is full."""

from __future__ import annotations

import errno
import logging
import os

import pytest

from biuletyn.core import pagecache

pytestmark = [pytest.mark.integration, pytest.mark.urls("tests.urls_pagecache")]


@pytest.fixture
def warnings_logged(caplog):
    """Warnings of the ``biuletyn`` logger (which does not propagate to the root logger)."""
    pagecache._warned.clear()
    logger = logging.getLogger("biuletyn")
    logger.addHandler(caplog.handler)
    caplog.handler.setLevel(logging.WARNING)
    yield lambda: [r for r in caplog.records if r.name.startswith("biuletyn.core.pagecache")]
    logger.removeHandler(caplog.handler)
    pagecache._warned.clear()


def temporary_files(directory) -> list[str]:
    return [name for name in os.listdir(directory) if name.endswith(".tmp")]


# --- failures -----------------------------------------------------------------------------------


def test_a_store_that_is_a_file_serves_pages_and_warns_once(
    db, client, settings, tmp_path, warnings_logged
):
    settings.PAGE_CACHE_ENABLED = True
    settings.PAGE_CACHE_DIR = tmp_path / "not-a-directory"
    settings.PAGE_CACHE_DIR.write_text("")

    responses = [client.get("/test-cache/plain/") for _ in range(3)]

    assert [r.status_code for r in responses] == [200, 200, 200]
    assert [r.content.decode() for r in responses] == ["zwykła odpowiedź"] * 3
    assert len(warnings_logged()) == 1
    assert warnings_logged()[0].levelno == logging.WARNING


@pytest.mark.parametrize("failing", ["replace", "fdopen"])
def test_a_full_disk_serves_pages_warns_once_and_leaves_no_temporary_file(
    db, client, page_cache, monkeypatch, warnings_logged, failing
):
    real = getattr(os, failing)
    store_dir = str(page_cache.directory)

    def no_space(*args, **kwargs):
        if failing == "fdopen" or str(args[0]).startswith(store_dir):
            raise OSError(errno.ENOSPC, "No space left on device")
        return real(*args, **kwargs)

    client.get("/test-cache/plain/")  # the directory exists from here on
    page_cache.clear()
    monkeypatch.setattr(pagecache.os, failing, no_space)

    responses = [client.get("/test-cache/plain/") for _ in range(3)]

    monkeypatch.undo()
    assert [r.status_code for r in responses] == [200, 200, 200]
    assert len(warnings_logged()) == 1
    assert temporary_files(page_cache.directory) == []
    assert len(page_cache) == 0


def test_a_clear_that_cannot_write_does_not_raise(db, settings, tmp_path, warnings_logged):
    settings.PAGE_CACHE_ENABLED = True
    settings.PAGE_CACHE_DIR = tmp_path / "not-a-directory"
    settings.PAGE_CACHE_DIR.write_text("")

    assert pagecache.clear() == 0
    assert pagecache.store().generation() is None
    assert warnings_logged()


def test_an_unreadable_generation_stores_nothing(db, client, page_cache, monkeypatch):
    monkeypatch.setattr(pagecache.PageStore, "generation", lambda self: None)

    response = client.get("/test-cache/plain/")

    assert response.status_code == 200
    assert len(page_cache) == 0


# --- the generation stamp -----------------------------------------------------------------------


def test_a_clear_while_rendering_keeps_the_result_out_of_the_store(db, client, page_cache):
    first = client.get("/test-cache/clears-while-rendering/")
    second = client.get("/test-cache/clears-while-rendering/")

    assert first.status_code == 200
    assert len(page_cache) == 0
    assert second["X-Page-Cache"] == "miss"


def test_a_clear_from_a_receiver_during_a_page_render_stores_nothing(client, site_tree, page_cache):
    from django.test.signals import template_rendered

    def clear_once(**kwargs):
        template_rendered.disconnect(clear_once)
        pagecache.clear()

    template_rendered.connect(clear_once)
    try:
        response = client.get("/")
    finally:
        template_rendered.disconnect(clear_once)

    assert response.status_code == 200
    assert len(page_cache) == 0
    assert client.get("/")["X-Page-Cache"] == "miss"
    assert client.get("/")["X-Page-Cache"] == "hit"


def test_clear_writes_a_new_generation_before_it_removes_entries(tmp_path, monkeypatch):
    store = pagecache.PageStore(tmp_path, timeout=60, max_entries=10)
    store.set("a" * 64, (200, [], b"x"))
    before = store.generation()
    seen_at_unlink: list[str | None] = []
    real_unlink = os.unlink

    def unlink(path, *args, **kwargs):
        seen_at_unlink.append(store.generation())
        return real_unlink(path, *args, **kwargs)

    monkeypatch.setattr(pagecache.os, "unlink", unlink)
    assert store.clear() == 1
    monkeypatch.undo()

    assert before == ""
    assert seen_at_unlink
    assert all(g not in (None, before) for g in seen_at_unlink)
    assert store.get("a" * 64) is None


def test_a_hit_through_the_wsgi_shortcut_is_one_file_read(db, client, page_cache, monkeypatch):
    import builtins

    from biuletyn.wsgi import application

    client.get("/test-cache/plain/")
    opened: list[str] = []
    real_open = builtins.open

    def counting_open(file, *args, **kwargs):
        opened.append(str(file))
        return real_open(file, *args, **kwargs)

    environ = {
        "REQUEST_METHOD": "GET",
        "PATH_INFO": "/test-cache/plain/",
        "SCRIPT_NAME": "",
        "QUERY_STRING": "",
        "HTTP_HOST": "testserver",
        "SERVER_NAME": "testserver",
        "SERVER_PORT": "80",
        "wsgi.url_scheme": "http",
    }
    monkeypatch.setattr(builtins, "open", counting_open)
    body = b"".join(application(environ, lambda status, headers: None))
    monkeypatch.undo()

    assert body == "zwykła odpowiedź".encode()
    assert len(opened) == 1
    assert opened[0].endswith(".page")


# --- what is stored -----------------------------------------------------------------------------


def test_a_plain_response_is_stored(db, client, page_cache):
    client.get("/test-cache/plain/")

    assert client.get("/test-cache/plain/")["X-Page-Cache"] == "hit"


def test_a_raw_set_cookie_header_is_never_stored(db, client, page_cache):
    first = client.get("/test-cache/raw-cookie/")
    second = client.get("/test-cache/raw-cookie/")

    assert first["Set-Cookie"].startswith("preferencje=")
    assert "X-Page-Cache" not in second
    assert len(page_cache) == 0


@pytest.mark.parametrize("header", ["Accept-Encoding", "User-Agent", "Accept-Language", "*"])
def test_any_vary_is_never_stored(db, client, page_cache, header):
    client.get(f"/test-cache/vary/{header}/")

    assert "X-Page-Cache" not in client.get(f"/test-cache/vary/{header}/")
    assert len(page_cache) == 0


def test_a_page_that_changes_by_the_clock_is_kept_no_longer_than_its_own_max_age(
    tmp_path, settings
):
    """Registration opens or closes at a moment: the page says so with its max-age, and the
    store keeps the entry no longer (issue 10)."""
    import datetime as dt

    from django.http import HttpResponse
    from django.test import RequestFactory
    from django.utils import timezone

    from biuletyn.core import pagecache

    settings.PAGE_CACHE_ENABLED = True
    settings.PAGE_CACHE_DIR = tmp_path
    soon = timezone.now() + dt.timedelta(seconds=20)

    def view(request):
        return pagecache.valid_until(HttpResponse(b"registration open"), soon)

    middleware = pagecache.PageCacheMiddleware(view)
    response = middleware(RequestFactory().get("/wydarzenie/"))
    assert response["X-Page-Cache"] == "miss"
    max_age = int(response["Cache-Control"].split("max-age=")[1].split(",")[0])
    assert 0 < max_age <= 20
    (entry,) = tmp_path.glob("*.page")
    import pickle

    expires = pickle.loads(entry.read_bytes())[0]  # noqa: S301
    assert expires <= soon.timestamp() + 1
