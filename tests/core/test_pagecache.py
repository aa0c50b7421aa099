"""ADR 0001: anonymous pages are cacheable, set no cookie and never vary on cookies or on
Accept-Language; the page cache serves them without Django and forgets them when content changes.

Personas: an anonymous reader (no cookies); an editor (session cookie, sees uncached pages)."""

from __future__ import annotations

import pytest
from django.test import Client

from biuletyn.core import pagecache

pytestmark = pytest.mark.integration


@pytest.mark.parametrize("path", ["/", "/en/", "/nie-ma-takiej-strony/", "/sitemap.xml"])
def test_anonymous_page_sets_no_cookie_and_does_not_vary_on_cookie_or_language(
    client, site_tree, path
):
    response = client.get(path, HTTP_ACCEPT_LANGUAGE="en-GB,en;q=0.9")

    assert response.cookies == {}
    vary = {v.strip().lower() for v in response.get("Vary", "").split(",") if v.strip()}
    assert vary & {"cookie", "accept-language"} == set()


def test_polish_page_stays_polish_whatever_the_browser_asks_for(client, site_tree):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="en", HTTP_COOKIE="django_language=en")

    assert response["Content-Language"] == "pl"
    assert b'<html lang="pl"' in response.content


def test_second_request_is_a_hit_with_identical_body(client, site_tree, page_cache):
    first = client.get("/")
    second = client.get("/")

    assert first["X-Page-Cache"] == "miss"
    assert second["X-Page-Cache"] == "hit"
    assert second.content == first.content
    assert second["Content-Security-Policy"] == first["Content-Security-Policy"]


def test_editor_with_session_is_never_served_or_stored(site_tree, page_cache, django_user_model):
    editor = django_user_model.objects.create_user("editor", password="x")
    client = Client()
    client.force_login(editor)

    response = client.get("/")

    assert "X-Page-Cache" not in response
    assert "no-store" in response["Cache-Control"]
    assert "private" in response["Cache-Control"]


def test_publishing_clears_the_cache(
    client, site_tree, page_cache, django_capture_on_commit_callbacks
):
    client.get("/")
    home = site_tree["pl"]
    home.title = "Nowy tytuł"

    with django_capture_on_commit_callbacks(execute=True):
        home.save_revision().publish()
    response = client.get("/")

    assert response["X-Page-Cache"] == "miss"
    assert "Nowy tytuł" in response.content.decode()


def test_admin_and_posts_bypass_the_cache(client, site_tree, page_cache):
    assert pagecache.cache_key({"REQUEST_METHOD": "GET", "PATH_INFO": "/admin/"}) is None
    assert pagecache.cache_key({"REQUEST_METHOD": "POST", "PATH_INFO": "/"}) is None
    assert (
        pagecache.cache_key(
            {"REQUEST_METHOD": "GET", "PATH_INFO": "/", "HTTP_COOKIE": "sessionid=abc"}
        )
        is None
    )


def test_unknown_cookies_do_not_split_the_cache(settings):
    settings.PAGE_CACHE_ENABLED = True
    plain = pagecache.cache_key({"REQUEST_METHOD": "GET", "PATH_INFO": "/", "HTTP_HOST": "a"})
    with_cookie = pagecache.cache_key(
        {
            "REQUEST_METHOD": "GET",
            "PATH_INFO": "/",
            "HTTP_HOST": "a",
            "HTTP_COOKIE": "csrftoken=1; x=2",
        }
    )

    assert plain == with_cookie


def test_preference_cookie_enters_the_key_only_with_an_allowed_value(settings):
    settings.PAGE_CACHE_ENABLED = True
    settings.PAGE_CACHE_KEY_COOKIES = {"prefs": {"large", "contrast"}}
    base = {"REQUEST_METHOD": "GET", "PATH_INFO": "/", "HTTP_HOST": "a"}

    plain = pagecache.cache_key(base)
    large = pagecache.cache_key({**base, "HTTP_COOKIE": "prefs=large"})
    junk = pagecache.cache_key({**base, "HTTP_COOKIE": "prefs=<script>"})

    assert large != plain
    assert junk == plain


def test_wsgi_shortcut_answers_a_hit_before_django(client, site_tree, page_cache):
    from biuletyn.wsgi import application

    body = client.get("/").content  # stored by the middleware
    seen: dict[str, object] = {}

    def start_response(status, headers):
        seen["status"], seen["headers"] = status, dict(headers)

    environ = {
        "REQUEST_METHOD": "GET",
        "PATH_INFO": "/",
        "SCRIPT_NAME": "",
        "QUERY_STRING": "",
        "HTTP_HOST": "testserver",
        "SERVER_NAME": "testserver",
        "SERVER_PORT": "80",
        "wsgi.url_scheme": "http",
    }
    result = b"".join(application(environ, start_response))

    assert seen["status"] == "200 OK"
    assert seen["headers"]["X-Page-Cache"] == "hit"
    assert result == body


def test_responses_that_set_cookies_are_not_stored(rf, settings, page_cache):
    from django.http import HttpResponse

    request = rf.get("/x/")
    response = HttpResponse("x")
    response.set_cookie("csrftoken", "y")

    assert pagecache.is_storable(request, response) is False


def test_https_request_never_gets_the_stored_redirect_of_plain_http(
    client, site_tree, page_cache, settings
):
    settings.SECURE_SSL_REDIRECT = True

    plain = client.get("/")
    secure = client.get("/", secure=True)

    assert plain.status_code == 301
    assert secure.status_code == 200


@pytest.mark.parametrize(
    "meta",
    [
        {"HTTP_AUTHORIZATION": "Basic eDp5"},
        {"PATH_INFO": "/static/components/base.css"},
        {"PATH_INFO": "/media/original_images/a.png"},
    ],
    ids=["authorization", "static", "media"],
)
def test_requests_that_bypass_the_cache(settings, meta):
    settings.PAGE_CACHE_ENABLED = True

    assert pagecache.cache_key({"REQUEST_METHOD": "GET", "PATH_INFO": "/", **meta}) is None


def test_head_is_answered_from_the_stored_get_without_a_body(client, site_tree, page_cache):
    client.get("/")

    response = client.head("/")

    assert response["X-Page-Cache"] == "hit"
    assert response.content == b""


def test_not_found_is_stored_too(client, site_tree, page_cache):
    client.get("/nie-ma/")

    assert client.get("/nie-ma/")["X-Page-Cache"] == "hit"


@pytest.mark.parametrize("vary", ["Accept-Encoding", "Accept-Encoding, User-Agent", "Cookie"])
def test_responses_with_any_vary_are_not_stored(rf, vary):
    from django.http import HttpResponse

    request = rf.get("/x/")
    response = HttpResponse("x")
    response["Vary"] = vary

    assert pagecache.is_storable(request, response) is False


def test_responses_with_a_raw_set_cookie_header_are_not_stored(rf):
    from django.http import HttpResponse

    request = rf.get("/x/")
    response = HttpResponse("x")
    response.headers["Set-Cookie"] = "prefs=large; Path=/"

    assert pagecache.is_storable(request, response) is False


@pytest.mark.parametrize("change", ["unpublish", "make_private", "site"])
def test_content_changes_clear_the_cache(
    client, site_tree, page_cache, django_capture_on_commit_callbacks, change
):
    from wagtail.models import PageViewRestriction, Site

    from tests.factories.pages import make_standard_page

    page = make_standard_page(site_tree["pl"], title="Kontakt", slug="kontakt")
    client.get("/kontakt/")
    assert client.get("/kontakt/")["X-Page-Cache"] == "hit"

    with django_capture_on_commit_callbacks(execute=True):
        if change == "unpublish":
            page.unpublish()
        elif change == "make_private":
            PageViewRestriction.objects.create(page=page, restriction_type="login")
        else:
            Site.objects.filter(is_default_site=True).get().save()

    response = client.get("/kontakt/")
    assert response.get("X-Page-Cache") != "hit"
    assert response.status_code == (
        404 if change == "unpublish" else 302 if change == "make_private" else 200
    )


def test_expired_and_damaged_entries_are_misses(tmp_path):
    store = pagecache.PageStore(tmp_path, timeout=-1, max_entries=10)
    store.set("a" * 64, (200, [], b"old"))
    (tmp_path / ("b" * 64 + ".page")).write_bytes(b"not a pickle")

    assert store.get("a" * 64) is None
    assert store.get("b" * 64) is None
    assert store.get("c" * 64) is None


def test_store_keeps_at_most_its_limit(tmp_path, monkeypatch):
    store = pagecache.PageStore(tmp_path, timeout=60, max_entries=4)
    monkeypatch.setattr(pagecache.random, "random", lambda: 0.0)  # cull on every write
    for number in range(10):
        store.set(f"{number:064d}", (200, [], b"x"))

    assert len(list(tmp_path.glob("*.page"))) <= 4
