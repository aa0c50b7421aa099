"""Property tests for the page-cache key (ADR 0001, issue "Exact and private"): any request line
a client can send gives either no key or a stable one, never an exception; the scheme, host and
cookies are read exactly as Django reads them; requests Django would answer differently never
share an entry, and requests Django treats alike do."""

from __future__ import annotations

import io
import random

import pytest
from django.core.handlers.wsgi import WSGIRequest
from django.http.cookie import parse_cookie
from django.test import override_settings
from hypothesis import given
from hypothesis import strategies as st

from biuletyn.core.pagecache import cache_key, request_host, request_scheme

pytestmark = pytest.mark.unit

# WSGI hands Django the path and headers as latin-1 decoded strings.
wsgi_text = st.text(alphabet=st.characters(min_codepoint=0, max_codepoint=255), max_size=200)
methods = st.sampled_from(["GET", "HEAD", "POST", "PUT", "DELETE", "OPTIONS", "get", ""])
# Forwarded-proto values: the secure one, near misses, lists, spaces, junk.
proto_values = st.one_of(
    st.sampled_from(
        ["https", "http", "HTTPS", " https", "https ", "https,http", "http, https", " https , x"]
    ),
    st.lists(st.sampled_from(["https", "http", " ", ",", "x", "HTTPS", ""]), max_size=6).map(
        "".join
    ),
    wsgi_text,
)
proxy_settings = st.sampled_from([None, ("HTTP_X_FORWARDED_PROTO", "https")])
url_schemes = st.sampled_from(["http", "https"])


def environ(**meta: object) -> dict[str, object]:
    base: dict[str, object] = {
        "REQUEST_METHOD": "GET",
        "PATH_INFO": "/",
        "SCRIPT_NAME": "",
        "QUERY_STRING": "",
        "SERVER_NAME": "testserver",
        "SERVER_PORT": "80",
        "wsgi.url_scheme": "http",
        "wsgi.input": io.BytesIO(b""),
    }
    base.update(meta)
    return base


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
    cookies = parse_cookie(cookie)  # what Django puts in request.COOKIES
    if method not in ("GET", "HEAD") or "sessionid" in cookies or cookies.get("messages"):
        assert key is None
    if key is not None:
        assert len(key) == 64


@given(
    proxy=proxy_settings,
    forwarded=st.one_of(st.none(), proto_values),
    url_scheme=url_schemes,
)
def test_scheme_is_the_one_django_computes(proxy, forwarded, url_scheme):
    meta = environ(**{"wsgi.url_scheme": url_scheme})
    if forwarded is not None:
        meta["HTTP_X_FORWARDED_PROTO"] = forwarded

    with override_settings(SECURE_PROXY_SSL_HEADER=proxy):
        assert request_scheme(meta) == WSGIRequest(meta).scheme


@given(
    host=st.one_of(st.none(), wsgi_text),
    forwarded_host=st.one_of(st.none(), wsgi_text),
    port=st.sampled_from(["80", "443", "8000", ""]),
    forwarded_port=st.one_of(st.none(), st.sampled_from(["80", "443", "8443"])),
    use_forwarded=st.booleans(),
    url_scheme=url_schemes,
)
def test_host_is_the_one_django_reads(
    host, forwarded_host, port, forwarded_port, use_forwarded, url_scheme
):
    meta = environ(SERVER_PORT=port, **{"wsgi.url_scheme": url_scheme})
    for name, value in (
        ("HTTP_HOST", host),
        ("HTTP_X_FORWARDED_HOST", forwarded_host),
        ("HTTP_X_FORWARDED_PORT", forwarded_port),
    ):
        if value is not None:
            meta[name] = value

    with override_settings(USE_X_FORWARDED_HOST=use_forwarded, USE_X_FORWARDED_PORT=use_forwarded):
        request = WSGIRequest(meta)
        assert request_host(meta, request.scheme) == request._get_raw_host()


def seen_by_django(meta: dict[str, object]) -> tuple[object, ...]:
    request = WSGIRequest(environ(**meta))
    return (request.scheme, request._get_raw_host(), request.path, request.META["QUERY_STRING"])


request_parts = st.fixed_dictionaries(
    {
        "PATH_INFO": st.sampled_from(["/", "/kontakt/", "/Kontakt/", "/kontakt", "/en/"]),
        "QUERY_STRING": st.sampled_from(["", "strona=2", "strona=3", "q=a&b=c", "b=c&q=a"]),
        "HTTP_HOST": st.sampled_from(["example.org", "Example.org", "example.org:8000", "a.pl"]),
        "wsgi.url_scheme": url_schemes,
        "HTTP_X_FORWARDED_PROTO": st.sampled_from(["https", "http", "https, http"]),
    }
)


@override_settings(PAGE_CACHE_ENABLED=True, SECURE_PROXY_SSL_HEADER=None)
@given(first=request_parts, second=request_parts)
def test_requests_django_answers_differently_never_share_an_entry(first, second):
    if seen_by_django(first) != seen_by_django(second):
        assert cache_key(environ(**first)) != cache_key(environ(**second))


@override_settings(
    PAGE_CACHE_ENABLED=True, SECURE_PROXY_SSL_HEADER=("HTTP_X_FORWARDED_PROTO", "https")
)
@given(first=request_parts, second=request_parts)
def test_behind_a_proxy_the_forwarded_scheme_splits_entries(first, second):
    if seen_by_django(first) != seen_by_django(second):
        assert cache_key(environ(**first)) != cache_key(environ(**second))


cookie_names = st.sampled_from(["csrftoken", "_ga", "x", "theme", "prefs", "lang"])
cookie_values = st.text(alphabet="abcdefghijklmnopqrstuvwxyz0123456789-", max_size=8)


@override_settings(PAGE_CACHE_ENABLED=True, PAGE_CACHE_KEY_COOKIES={"prefs": {"large"}})
@given(
    cookies=st.dictionaries(cookie_names, cookie_values, max_size=5),
    prefs=st.sampled_from([None, "large", "junk", ""]),
    seed=st.integers(min_value=0, max_value=1000),
)
def test_requests_django_treats_alike_share_an_entry(cookies, prefs, seed):
    """Cookie order and cookies the key does not name never split the cache."""
    cookies.pop("prefs", None)
    pairs = [f"{name}={value}" for name, value in cookies.items()]
    if prefs is not None:
        pairs.append(f"prefs={prefs}")
    shuffled = pairs[:]
    random.Random(seed).shuffle(shuffled)
    only_prefs = [] if prefs is None else [f"prefs={prefs}"]

    with_all = cache_key(environ(HTTP_COOKIE="; ".join(pairs)))
    reordered = cache_key(environ(HTTP_COOKIE=";".join(shuffled)))
    minimal = cache_key(environ(HTTP_COOKIE="; ".join(only_prefs)))

    assert with_all == reordered == minimal
    assert (minimal == cache_key(environ())) == (prefs != "large")
