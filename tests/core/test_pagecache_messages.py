"""ADR 0001, issue "Exact and private": a message Django leaves after a POST (a registration or a
comment, later) shows on the cached page the reader is sent to; the request that carries it
bypasses the page cache and is not stored, and the page is a hit again once it is read.

Persona: an anonymous reader who sends a form and must be told it worked."""

from __future__ import annotations

import pytest

from biuletyn.core import pagecache
from tests.factories.pages import make_standard_page

pytestmark = [pytest.mark.integration, pytest.mark.urls("tests.urls_pagecache")]

MESSAGE = "Dziękujemy, zapisaliśmy zgłoszenie."


def test_a_message_after_a_post_shows_on_a_cached_page(client, site_tree, page_cache):
    make_standard_page(site_tree["pl"], title="Kontakt", slug="kontakt")
    client.get("/kontakt/")
    assert client.get("/kontakt/")["X-Page-Cache"] == "hit"

    posted = client.post("/test-cache/thank-you/?next=/kontakt/")
    assert posted.status_code == 302
    assert posted.cookies["messages"].value

    shown = client.get(posted["Location"])
    assert "X-Page-Cache" not in shown
    html = shown.content.decode()
    assert 'role="status"' in html
    assert MESSAGE in html

    again = client.get("/kontakt/")
    assert again["X-Page-Cache"] == "hit"
    assert MESSAGE not in again.content.decode()


def test_a_request_with_a_pending_message_uses_neither_door(settings):
    settings.PAGE_CACHE_ENABLED = True
    base = {"REQUEST_METHOD": "GET", "PATH_INFO": "/", "HTTP_HOST": "a"}

    assert pagecache.cache_key({**base, "HTTP_COOKIE": 'messages="abc:def"'}) is None
    assert pagecache.cache_key({**base, "HTTP_COOKIE": "messages="}) == pagecache.cache_key(base)


def test_a_page_without_messages_shows_no_status_region(client, site_tree, page_cache):
    html = client.get("/").content.decode()

    assert 'role="status"' not in html
