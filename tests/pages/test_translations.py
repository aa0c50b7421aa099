"""ADR 0004: Polish at /, English at /en/. A page that exists only in Polish is announced as such
on its English URL, with its text marked lang="pl"; hreflang and the sitemap name real
translations only."""

from __future__ import annotations

import re

import pytest
from wagtail.models import Locale, Page

from biuletyn.pages.services import translate_alias
from tests.factories.pages import make_standard_page

pytestmark = pytest.mark.integration


@pytest.fixture
def polish_only(site_tree):
    return make_standard_page(
        site_tree["pl"], title="Dostępność", slug="dostepnosc", lead="Jak dbamy o dostępność."
    )


def _hreflangs(html: str) -> dict[str, str]:
    return dict(re.findall(r'<link rel="alternate" hreflang="([a-z-]+)" href="([^"]+)">', html))


def test_home_pages_answer_in_their_language(client, site_tree):
    polish = client.get("/")
    english = client.get("/en/")

    assert b'<html lang="pl"' in polish.content
    assert b'<html lang="en"' in english.content
    assert _hreflangs(polish.content.decode()) == {
        "pl": "http://testserver/",
        "en": "http://testserver/en/",
    }


def test_new_polish_page_gets_an_english_alias(polish_only):
    english = Locale.objects.get(language_code="en")

    twin = polish_only.get_translation(english)

    assert twin.alias_of_id == polish_only.pk


def test_untranslated_page_says_so_and_marks_polish_text(client, polish_only):
    html = client.get("/en/dostepnosc/").content.decode()

    assert '<html lang="en"' in html
    assert "This page has not been translated yet. The text below is in Polish." in html
    assert '<article lang="pl">' in html
    assert _hreflangs(html) == {"pl": "http://testserver/dostepnosc/"}


def test_polish_page_links_only_to_real_translations(client, polish_only):
    html = client.get("/dostepnosc/").content.decode()

    assert _hreflangs(html) == {"pl": "http://testserver/dostepnosc/"}
    assert "nie została jeszcze przetłumaczona" not in html
    assert 'href="/en/dostepnosc/" lang="en" hreflang="en"' in html  # the switch still leads there


def test_translated_page_is_announced_everywhere(client, polish_only):
    alias = polish_only.get_translation(Locale.objects.get(language_code="en"))
    translate_alias(alias, title="Accessibility", lead="How we look after accessibility.")

    html = client.get("/en/dostepnosc/").content.decode()
    sitemap = client.get("/sitemap.xml").content.decode()

    assert "has not been translated" not in html
    assert '<article lang="pl">' not in html
    assert _hreflangs(html) == {
        "pl": "http://testserver/dostepnosc/",
        "en": "http://testserver/en/dostepnosc/",
    }
    assert "<loc>http://localhost/en/dostepnosc/</loc>" in sitemap


def test_sitemap_lists_real_pages_of_both_languages_and_no_alias(client, polish_only):
    sitemap = client.get("/sitemap.xml").content.decode()

    locations = re.findall(r"<loc>([^<]+)</loc>", sitemap)
    # The sitemap names the Site's own host (the test client's "testserver" is not a Site).
    assert locations == [
        "http://localhost/",
        "http://localhost/dostepnosc/",
        "http://localhost/en/",
    ]
    assert 'hreflang="en" href="http://localhost/en/"' in sitemap


def _sitemap_queries(client, expected: int) -> int:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get("/sitemap.xml")  # warms Wagtail's cached site root paths and content types
    with CaptureQueriesContext(connection) as captured:
        response = client.get("/sitemap.xml")
    assert response.content.decode().count("<url>") == expected
    return len(captured)


def test_sitemap_query_count_does_not_grow_with_pages(client, site_tree):
    for number in range(3):
        make_standard_page(site_tree["pl"], title=f"Strona {number}", slug=f"strona-{number}")
    with_three = _sitemap_queries(client, 5)
    for number in range(3, 20):
        make_standard_page(site_tree["pl"], title=f"Strona {number}", slug=f"strona-{number}")

    with_twenty = _sitemap_queries(client, 22)

    assert with_twenty == with_three


def test_language_prefix_for_polish_is_not_a_page(client, site_tree):
    assert client.get("/pl/").status_code == 404


def test_every_page_has_a_language_tree(site_tree):
    assert sorted(Page.objects.filter(depth=2).values_list("locale__language_code", flat=True)) == [
        "en",
        "pl",
    ]
