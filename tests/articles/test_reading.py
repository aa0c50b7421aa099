"""Readers of the bulletin (issue 3): lists, categories, tags, months, articles with every block.

Persona: an anonymous reader."""

from __future__ import annotations

import datetime as dt
import json
import re
from zoneinfo import ZoneInfo

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories.bulletin import (
    every_block,
    make_article,
    make_category,
    make_image,
    make_organisation,
)

pytestmark = pytest.mark.integration

WARSAW = ZoneInfo("Europe/Warsaw")


@pytest.fixture
def document():
    from django.core.files.base import ContentFile
    from wagtail.documents import get_document_model

    return get_document_model().objects.create(
        title="Formularz", file=ContentFile(b"Formularz uwag do programu.", name="formularz.txt")
    )


def test_article_with_every_block_renders_them_all(client, bulletin, document):
    organisation = make_organisation(name="Wydział Spraw Społecznych", slug="wydzial")
    poster = make_image(
        description="Plakat: spotkanie organizacji z miastem, 20 czerwca, godz. 16:00",
        is_poster=True,
        text_version="Spotkanie organizacji pozarządowych\n20 czerwca 2024, godz. 16:00",
    )
    article = make_article(
        bulletin,
        title="Spotkanie z miastem",
        body=every_block(organisation, poster, document),
        source_name="lublin.eu",
        source_url="https://lublin.eu/",
        contact=organisation,
        when=dt.datetime(2024, 6, 3, 16, 0, tzinfo=WARSAW),
        tags=["ngo", "spotkanie"],
        categories=[make_category()],
    )

    html = client.get(article.url).content.decode()

    assert '<h2 class="app-heading-l">Program spotkania</h2>' in html
    assert '<h3 class="app-heading-m">Część pierwsza</h3>' in html
    assert 'alt="Plakat: spotkanie organizacji z miastem, 20 czerwca, godz. 16:00"' in html
    assert "Spotkanie organizacji pozarządowych<br>20 czerwca 2024, godz. 16:00" in html
    assert "<blockquote" in html
    assert "Formularz uwag</a>" in html
    assert "(TXT, " in html
    assert '<th scope="col">Dzień</th>' in html
    assert "<caption" in html
    assert '<a href="tel:+48814664567">' not in html  # the organisation's own number below
    assert "<address" in html
    assert 'href="tel:+48811234567"' in html
    assert 'href="sms:+48600100200"' in html
    assert 'href="mailto:' in html
    assert "Źródło:" in html
    assert '<a href="https://lublin.eu/">lublin.eu</a>' in html
    assert "3\u00a0czerwca\u00a02024\u00a0r., godz.\u00a016:00" in html  # kept on one line
    assert html.count("<h1") == 1


def test_article_has_news_article_json_ld(client, bulletin):
    article = make_article(bulletin, title="Nowe windy na dworcu", tags=["transport"])

    html = client.get(article.url).content.decode()
    data = json.loads(
        re.search(r'<script type="application/ld\+json">(.*?)</script>', html).group(1)
    )

    assert data["@type"] == "NewsArticle"
    assert data["headline"] == "Nowe windy na dworcu"
    assert data["inLanguage"] == "pl"
    assert data["keywords"] == ["transport"]


def test_bulletin_lists_newest_first_and_paginates(client, bulletin):
    titles = [make_article(bulletin, title=f"Wiadomość {n}").title for n in range(12)]

    first = client.get(bulletin.url).content.decode()
    second = client.get(bulletin.url + "?strona=2").content.decode()

    assert first.index(titles[0]) < first.index(titles[1])
    assert titles[11] in second
    assert titles[11] not in first
    assert 'aria-current="page"' in second


# Page numbers past the end or not numbers at all: tests/articles/test_forgiving_urls.py.


@pytest.mark.parametrize(
    "suffix",
    [
        "kategoria/nie-ma/",
        "tag/nie-ma/",
        "archiwum/2024/13/",
        "archiwum/2024/00/",
        "archiwum/24/06/",
    ],
)
def test_unknown_category_tag_or_month_is_a_404(client, bulletin, suffix):
    assert client.get(bulletin.url + suffix).status_code == 404


def test_category_tag_and_month_views_filter(client, bulletin):
    events = make_category("Wydarzenia", "wydarzenia")
    law = make_category("Prawo", "prawo")
    june = make_article(
        bulletin,
        title="Czerwcowe spotkanie",
        categories=[events],
        tags=["ngo"],
        when=dt.datetime(2024, 6, 20, 16, tzinfo=WARSAW),
    )
    march = make_article(
        bulletin,
        title="Nowe przepisy",
        categories=[law],
        tags=["ustawa"],
        when=dt.datetime(2024, 3, 1, 9, tzinfo=WARSAW),
    )

    by_category = client.get(bulletin.url + "kategoria/wydarzenia/").content.decode()
    by_tag = client.get(bulletin.url + "tag/ustawa/").content.decode()
    by_month = client.get(bulletin.url + "archiwum/2024/06/").content.decode()

    assert june.title in by_category
    assert march.title not in by_category
    assert march.title in by_tag
    assert june.title not in by_tag
    assert june.title in by_month
    assert march.title not in by_month
    assert "czerwiec 2024" in by_month.lower()


def _queries(client, url: str) -> int:
    client.get(url)  # warm Wagtail's per-site caches
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


@pytest.mark.parametrize("path", ["", "kategoria/wydarzenia/", "archiwum/2024/06/"])
def test_list_views_keep_a_constant_number_of_queries(client, bulletin, path):
    category = make_category("Wydarzenia", "wydarzenia")
    when = dt.datetime(2024, 6, 10, 12, tzinfo=WARSAW)
    make_article(bulletin, categories=[category], tags=["a"], when=when)
    with_one = _queries(client, bulletin.url + path)
    for _ in range(19):
        make_article(bulletin, categories=[category], tags=["a"], when=when)

    with_twenty = _queries(client, bulletin.url + path)

    assert with_twenty == with_one


def test_home_page_shows_latest_articles_with_constant_queries(client, site_tree, bulletin):
    make_article(bulletin, title="Pierwsza wiadomość", when=dt.datetime(2024, 1, 2, tzinfo=WARSAW))
    with_one = _queries(client, "/")
    for _ in range(19):
        make_article(bulletin)

    assert _queries(client, "/") == with_one
    assert "Pierwsza wiadomość" not in client.get("/").content.decode()  # only the latest six


def test_decorative_image_has_empty_alt(client, bulletin):
    image = make_image(description="", is_decorative=True)
    article = make_article(
        bulletin, body=[{"type": "image", "value": {"image": image.pk, "caption": ""}}]
    )

    html = client.get(article.url).content.decode()

    assert 'alt=""' in html


def test_untranslated_article_links_to_a_category_that_exists_in_english(client, bulletin):
    from wagtail.models import Locale

    from biuletyn.pages.services import translate_alias

    events = make_category("Wydarzenia", "wydarzenia")
    english = events.copy_for_translation(Locale.objects.get(language_code="en"))
    english.name, english.slug = "Events", "events"
    english.save()
    article = make_article(bulletin, title="Spotkanie w ratuszu", categories=[events])
    translate_alias(bulletin.get_translation(english.locale), title="Bulletin", lead="")

    # The Polish segment and slug lead to the English address (ADR 0010).
    english_list = client.get("/en/biuletyn/kategoria/wydarzenia/", follow=True)
    html = client.get("/en/biuletyn/").content.decode()

    assert english_list.redirect_chain == [("/en/biuletyn/category/events/", 301)]
    assert english_list.status_code == 200
    assert '<h1 class="app-heading-xl">Events</h1>' in english_list.content.decode()
    # Typeset: the one-letter word is tied to the next one by a no-break space.
    assert "Spotkanie w\xa0ratuszu" in english_list.content.decode()
    # The title and lead are marked Polish; the card's category is named in English.
    twin = article.get_translation(english.locale)
    assert f'id="article-{twin.pk}" lang="pl">' in html
    assert "· Events</p>" in html


def test_tag_with_polish_letters_has_a_working_page(client, bulletin):
    article = make_article(bulletin, title="Nowe świadczenie", tags=["świadczenia rodzinne"])

    article_html = client.get(article.url).content.decode()
    tag_page = client.get(bulletin.url + "tag/świadczenia-rodzinne/")

    assert (
        "tag/%C5%9Bwiadczenia-rodzinne/" in article_html
        or "tag/świadczenia-rodzinne/" in article_html
    )
    assert tag_page.status_code == 200
    assert "Nowe świadczenie" in tag_page.content.decode()
