"""Fetching on the server (issue 12): only http and https, our user agent, redirects followed
only to web addresses, and every failure as a ``FetchError`` in words. Against a local server
in a thread; nothing here reaches the internet."""

from __future__ import annotations

import pytest

from biuletyn.sources import fetch

pytestmark = pytest.mark.unit


def test_a_file_is_fetched_with_our_user_agent(local_server):
    fetched = fetch.fetch(local_server.url("miasto.rss"))
    assert fetched.body.startswith(b"<?xml")
    assert fetched.content_type == "application/rss+xml"
    assert fetched.charset == "utf-8"
    assert local_server.requests[-1]["user_agent"] == fetch.DEFAULT_USER_AGENT


def test_a_redirect_is_followed(local_server):
    fetched = fetch.fetch(local_server.redirect("organizacja.atom"))
    assert fetched.url == local_server.url("organizacja.atom")


def test_a_redirect_to_ftp_is_refused(local_server):
    with pytest.raises(fetch.FetchError) as raised:
        fetch.fetch(f"{local_server.base}/ftp-redirect/x")
    assert "ftp://127.0.0.1/plik.rss" in raised.value.message


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://127.0.0.1/x", "gopher://x", "x"])
def test_only_web_addresses_are_fetched(url):
    with pytest.raises(fetch.FetchError):
        fetch.fetch(url)


def test_the_settings_choose_the_user_agent_and_the_cap(local_server, settings):
    settings.SOURCES_USER_AGENT = "Biuletyn-test"
    settings.SOURCES_MAX_BYTES = 10
    with pytest.raises(fetch.FetchError):
        fetch.fetch(local_server.url("miasto.rss"))
    assert local_server.requests[-1]["user_agent"] == "Biuletyn-test"


def test_no_answer_is_a_timeout(silent_url):
    with pytest.raises(fetch.FetchError) as raised:
        fetch.fetch(silent_url)
    assert "0,5" in raised.value.message or "0.5" in raised.value.message


def test_a_closed_port_is_refused(closed_url):
    with pytest.raises(fetch.FetchError):
        fetch.fetch(closed_url)
