"""Property tests for the page-cache key (ADR 0001): any request line a client can send gives
either no key or a stable one, and never an exception."""

from __future__ import annotations

import pytest
from django.test import override_settings
from hypothesis import given
from hypothesis import strategies as st

from biuletyn.core.pagecache import cache_key

pytestmark = pytest.mark.unit

# WSGI hands Django the path and headers as latin-1 decoded strings.
wsgi_text = st.text(alphabet=st.characters(min_codepoint=0, max_codepoint=255), max_size=200)
methods = st.sampled_from(["GET", "HEAD", "POST", "PUT", "DELETE", "OPTIONS", "get", ""])


@override_settings(PAGE_CACHE_ENABLED=True, PAGE_CACHE_KEY_COOKIES={"prefs": {"large"}})
@given(method=methods, path=wsgi_text, query=wsgi_text, cookie=wsgi_text, host=wsgi_text)
def test_cache_key_never_fails_and_is_stable(method, path, query, cookie, host):
    meta = {
        "REQUEST_METHOD": method,
        "PATH_INFO": path,
        "QUERY_STRING": query,
        "HTTP_COOKIE": cookie,
        "HTTP_HOST": host,
    }

    key = cache_key(meta)

    assert key == cache_key(dict(meta))
    if method not in ("GET", "HEAD") or "sessionid" in {
        part.split("=", 1)[0].strip() for part in cookie.split(";")
    }:
        assert key is None
    if key is not None:
        assert len(key) == 64


@override_settings(PAGE_CACHE_ENABLED=True)
@given(path=wsgi_text, other=wsgi_text)
def test_different_paths_never_share_a_key(path, other):
    base = {"REQUEST_METHOD": "GET", "HTTP_HOST": "example.org"}
    first = cache_key({**base, "PATH_INFO": "/" + path})
    second = cache_key({**base, "PATH_INFO": "/" + other})

    if path != other and first is not None and second is not None:
        assert first != second
