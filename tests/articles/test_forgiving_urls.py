"""Addresses as readers type them (issue 9, ADR 0010): tags and categories with Polish letters,
capitals or spaces redirect to their address; page numbers past the end go to the last page,
anything else to the first; English bulletin pages have English route segments.

Persona: a reader who typed or pasted an address, and one who follows an old link."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from django.test import Client
from django.utils.encoding import iri_to_uri
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from taggit.models import Tag
from wagtail.models import Locale

from biuletyn.articles.models import ArticleIndexPage
from biuletyn.core import forgiving, paging, slugs
from tests.factories.bulletin import make_article, make_category

pytestmark = pytest.mark.integration

WARSAW = ZoneInfo("Europe/Warsaw")


@pytest.fixture
def english_bulletin(bulletin):
    from biuletyn.pages.services import translate_alias

    english = Locale.objects.get(language_code="en")
    return translate_alias(bulletin.get_translation(english), title="Bulletin", intro="")


def _location(response) -> tuple[int, str]:
    return response.status_code, response.get("Location", "")


# --- tags and categories ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "typed",
    [
        "osoby-głuche",  # Polish letters
        "Osoby-Głuche",  # capitals
        "OSOBY-GLUCHE",
        "osoby_gluche",
    ],
)
def test_a_tag_typed_another_way_redirects_to_its_address(client, bulletin, typed):
    tag = Tag.objects.create(name="osoby głuche", slug="osoby-gluche")
    make_article(bulletin, title="Tłumacz na sesji rady", tags=[tag])

    response = client.get(f"{bulletin.url}tag/{typed}/")

    assert _location(response) == (301, "/biuletyn/tag/osoby-gluche/")
    page = client.get(response["Location"])
    assert page.status_code == 200
    assert "Tłumacz na sesji rady" in page.content.decode()


def test_a_tag_whose_slug_keeps_polish_letters_is_found_without_them(client, bulletin):
    article = make_article(bulletin, title="Nowe świadczenie", tags=["świadczenia rodzinne"])
    (tag,) = article.tags.all()
    assert tag.slug == "świadczenia-rodzinne"  # taggit keeps the letters

    exact = client.get(f"{bulletin.url}tag/świadczenia-rodzinne/")
    without = client.get(f"{bulletin.url}tag/Swiadczenia-Rodzinne/")

    assert exact.status_code == 200
    assert without.status_code == 301
    assert client.get(without["Location"]).status_code == 200
    assert "Nowe świadczenie" in client.get(without["Location"]).content.decode()


@pytest.mark.urls("tests.articles.urls_with_forgiving_paths")
@pytest.mark.parametrize(
    ("typed", "first_stop"),
    [
        ("osoby głuche", "/biuletyn/tag/osoby-głuche/"),  # a space, as in the tag's name
        (" Osoby  Głuche ", "/biuletyn/tag/Osoby-Głuche/"),
    ],
)
def test_a_tag_typed_with_spaces_redirects_to_its_address(client, bulletin, typed, first_stop):
    tag = Tag.objects.create(name="osoby głuche", slug="osoby-gluche")
    make_article(bulletin, title="Tłumacz na sesji rady", tags=[tag])

    response = client.get(f"{bulletin.url}tag/{typed}/?strona=1", follow=True)

    assert response.redirect_chain[0] == (iri_to_uri(first_stop) + "?strona=1", 301)
    assert response.redirect_chain[-1] == ("/biuletyn/tag/osoby-gluche/?strona=1", 301)
    assert "Tłumacz na sesji rady" in response.content.decode()


@pytest.mark.unit
@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("biuletyn/tag/osoby głuche/", "/biuletyn/tag/osoby-głuche/"),
        ("/ /evil.example/ x", "/evil.example/x"),
        ("en/ biuletyn /tag/a  b", "/en/biuletyn/tag/a-b"),
        ("   ", "/"),
    ],
)
def test_white_space_in_a_path(path, expected):
    assert forgiving.without_white_space(path) == expected


@pytest.mark.parametrize("typed", ["nie-ma", "osoby-słyszące", "ŻÓŁW", "-", "%2F"])
def test_an_unknown_tag_is_a_polish_404(client, bulletin, typed):
    Tag.objects.create(name="osoby głuche", slug="osoby-gluche")
    make_article(bulletin, tags=["świadczenia rodzinne"])

    response = client.get(f"{bulletin.url}tag/{typed}/")

    assert response.status_code == 404
    html = response.content.decode()
    assert '<html lang="pl"' in html
    assert '<h1 class="app-heading-xl">Nie znaleziono strony</h1>' in html


@pytest.mark.parametrize(
    "typed", ["Prawo-i-Świadczenia", "PRAWO-I-SWIADCZENIA", "prawo_i_świadczenia"]
)
def test_a_category_typed_another_way_redirects(client, bulletin, typed):
    law = make_category("Prawo i świadczenia", "prawo-i-swiadczenia")
    make_article(bulletin, title="Nowa ustawa", categories=[law])

    response = client.get(f"{bulletin.url}kategoria/{typed}/")

    assert _location(response) == (301, "/biuletyn/kategoria/prawo-i-swiadczenia/")
    assert "Nowa ustawa" in client.get(response["Location"]).content.decode()


def test_an_unknown_category_is_a_404(client, bulletin):
    make_category("Prawo", "prawo")
    assert client.get(f"{bulletin.url}kategoria/prawo-pracy/").status_code == 404
    assert client.get(f"{bulletin.url}kategoria/ó/").status_code == 404


def test_a_month_without_its_zero_redirects(client, bulletin):
    make_article(bulletin, when=dt.datetime(2024, 6, 20, 16, tzinfo=WARSAW))

    assert _location(client.get(f"{bulletin.url}archiwum/2024/6/")) == (
        301,
        "/biuletyn/archiwum/2024/06/",
    )
    assert client.get(f"{bulletin.url}archiwum/2024/13/").status_code == 404


@pytest.mark.unit
@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("osoby-głuche", ["osoby-głuche", "osoby-gluche"]),
        ("Osoby Głuche", ["osoby-głuche", "osoby-gluche"]),
        ("ŻÓŁTA ŁÓDŹ", ["żółta-łódź", "zolta-lodz"]),
        ("prawo", ["prawo"]),
        ("  ", []),
    ],
)
def test_spellings_of_a_slug(typed, expected):
    assert slugs.spellings(typed) == expected


# --- page numbers -----------------------------------------------------------------------------


@pytest.fixture
def three_pages(bulletin, monkeypatch):
    monkeypatch.setattr(ArticleIndexPage, "page_size", 2)
    law = make_category("Prawo", "prawo")
    for n in range(5):
        make_article(bulletin, title=f"Wiadomość {n}", categories=[law])
    return bulletin


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("?strona=99", (302, "/biuletyn/?strona=3")),  # past the end: the last page, for now
        ("?strona=4", (302, "/biuletyn/?strona=3")),
        ("?strona=abc", (301, "/biuletyn/")),  # never a page: the first, for good
        ("?strona=0", (301, "/biuletyn/")),
        ("?strona=-1", (301, "/biuletyn/")),
        ("?strona=", (301, "/biuletyn/")),
        ("?strona=02", (301, "/biuletyn/?strona=2")),
        ("?strona=3", (200, "")),
        ("?strona=1", (200, "")),
    ],
)
def test_a_page_number_that_does_not_exist_redirects(client, three_pages, query, expected):
    assert _location(client.get(three_pages.url + query)) == expected


def test_a_category_keeps_its_other_parameters_on_the_way_to_its_last_page(client, three_pages):
    response = client.get(f"{three_pages.url}kategoria/prawo/?strona=99&utm=x")

    assert _location(response) == (302, "/biuletyn/kategoria/prawo/?strona=3&utm=x")
    assert client.get(response["Location"]).status_code == 200


def test_an_empty_list_has_one_page(client, bulletin):
    make_category("Prawo", "prawo")
    assert _location(client.get(f"{bulletin.url}kategoria/prawo/?strona=2")) == (
        302,
        "/biuletyn/kategoria/prawo/",
    )


def test_a_redirect_never_leaves_the_site(client, three_pages):
    """ "//host/" in a Location header would be another site (a protocol-relative address)."""
    status, location = _location(client.get("//biuletyn/?strona=99"))
    if status in (301, 302):
        assert not location.startswith("//")


def test_a_member_section_goes_to_its_last_page_too(client, site_tree, bulletin):
    from tests.factories.bulletin import make_organisation

    section = _make_section(bulletin, make_organisation())
    make_article(section, title="Z sekcji")

    assert _location(client.get(section.url + "?strona=7")) == (302, section.url)
    assert client.get(section.url + "?strona=1").status_code == 200


def _make_section(bulletin, organisation):
    from biuletyn.articles.models import ArticleSectionPage
    from biuletyn.pages.services import publish_new_page

    page = ArticleSectionPage(
        title="Sekcja", slug="sekcja", organisation=organisation, locale=bulletin.locale
    )
    return publish_new_page(parent=bulletin, page=page)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    number=st.text(alphabet=st.characters(blacklist_categories=["Cs"], blacklist_characters="\x00"))
)
def test_any_page_number_gives_a_page_or_a_redirect_to_one(three_pages, number):
    client = Client(raise_request_exception=False)
    response = client.get(three_pages.url, {"strona": number})
    assert response.status_code in (200, 301, 302), number
    if response.status_code != 200:
        assert client.get(response["Location"]).status_code == 200


@pytest.mark.unit
@pytest.mark.parametrize(
    ("value", "number"),
    [("3", 3), (" 3 ", 3), ("0", 1), ("-2", 1), ("abc", 1), ("", 1), (None, 1), ("²", 1)],
)
def test_page_number(value, number):
    assert paging.page_number(value) == number


# --- English segments -------------------------------------------------------------------------


def test_english_pages_use_english_segments(client, bulletin, english_bulletin):
    events = make_category("Wydarzenia", "wydarzenia")
    english = events.copy_for_translation(Locale.objects.get(language_code="en"))
    english.name, english.slug = "Events", "events"
    english.save()
    make_article(
        bulletin,
        title="Spotkanie w ratuszu",
        categories=[events],
        tags=["ngo"],
        when=dt.datetime(2024, 6, 20, 16, tzinfo=WARSAW),
    )

    html = client.get("/en/biuletyn/").content.decode()

    assert 'href="/en/biuletyn/category/events/"' in html
    assert 'href="/en/biuletyn/archive/2024/06/"' in html
    assert "/kategoria/" not in html
    assert "/archiwum/" not in html
    for path in ("category/events/", "archive/2024/06/", "tag/ngo/"):
        assert client.get(f"/en/biuletyn/{path}").status_code == 200, path
    # And the Polish pages keep theirs.
    polish = client.get("/biuletyn/").content.decode()
    assert 'href="/biuletyn/kategoria/wydarzenia/"' in polish
    assert 'href="/biuletyn/archiwum/2024/06/"' in polish


@pytest.mark.parametrize(
    ("path", "target"),
    [
        ("/en/biuletyn/kategoria/events/", "/en/biuletyn/category/events/"),
        ("/en/biuletyn/kategoria/wydarzenia/", "/en/biuletyn/category/events/"),
        ("/en/biuletyn/archiwum/2024/06/", "/en/biuletyn/archive/2024/06/"),
        ("/en/biuletyn/archiwum/2024/06/?strona=1", "/en/biuletyn/archive/2024/06/?strona=1"),
        # A Polish page given an English segment is forgiving too.
        ("/biuletyn/category/wydarzenia/", "/biuletyn/kategoria/wydarzenia/"),
        ("/biuletyn/archive/2024/06/", "/biuletyn/archiwum/2024/06/"),
    ],
)
def test_the_other_languages_segments_redirect_for_good(
    client, bulletin, english_bulletin, path, target
):
    events = make_category("Wydarzenia", "wydarzenia")
    english = events.copy_for_translation(Locale.objects.get(language_code="en"))
    english.name, english.slug = "Events", "events"
    english.save()
    make_article(bulletin, categories=[events], when=dt.datetime(2024, 6, 20, tzinfo=WARSAW))

    assert _location(client.get(path)) == (301, target)
