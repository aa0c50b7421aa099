"""One bulletin with every public page type, in Polish and English, for whole-site checks.

Used by the HTML validity test (tests/articles/test_html_validity.py) and the browser tests
(tests/browser/test_bulletin.py). What it makes:

* a bulletin (ArticleIndexPage) with a category, a tag and a month that have articles;
* an article whose body has every block type (tests.factories.bulletin.every_block), a
  decorative image at the end, a contact, a source, tags, a category and a related article;
* a member organisation's section with an article of its own;
* a privacy policy StandardPage, linked from the footer (SiteSettings.privacy_policy_page),
  and a publisher, whose contact block is in every page's footer;
* in English: the bulletin and the every-block article translated for real (an alias converted
  to an ordinary page, as an editor does); every other English page stays an alias of its
  Polish page and shows the "not translated yet" banner.

``paths[language][page type]`` is the address of each page; with ``page_size`` 2 (the tests
patch ``ArticleIndexPage.page_size``) the bulletin also has a second page of results.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any
from zoneinfo import ZoneInfo

from django.core.files.base import ContentFile
from wagtail.documents import get_document_model
from wagtail.models import Locale, Site

from biuletyn.articles.models import ArticlePage, ArticleRelatedLink, ArticleSectionPage
from biuletyn.pages.models import HomePage, SiteSettings
from biuletyn.pages.services import publish_new_page, translate_alias
from tests.factories.bulletin import (
    every_block,
    make_article,
    make_bulletin,
    make_category,
    make_image,
    make_organisation,
)
from tests.factories.pages import make_standard_page

WARSAW = ZoneInfo("Europe/Warsaw")
LANGUAGES = ("pl", "en")
# Articles per page of the bulletin's lists while the showcase is shown: the bulletin then has
# two pages of results, so the pagination is among what is checked.
PAGE_SIZE = 2

POSTER_DESCRIPTION = "Plakat: spotkanie organizacji z miastem, 20 czerwca, godz. 16:00"
POSTER_TEXT = "Spotkanie organizacji pozarządowych\n20 czerwca 2024, godz. 16:00\nRatusz, sala 1"
PHOTO_DESCRIPTION = "Sala obrad ratusza: stoły ustawione w podkowę, rampa przy wejściu"
CONTACT_EMAIL = "sprawy.spoleczne@example.org"
NOT_FOUND = {"pl": "/nie-ma-takiej-strony/", "en": "/en/no-such-page/"}


@dataclass(frozen=True)
class Showcase:
    paths: dict[str, dict[str, str]]
    article: dict[str, ArticlePage]
    poster: Any
    photo: Any
    decorative: Any
    contact_email: str


def english_blocks(blocks: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The blocks of ``every_block`` with their text in English (same images, document, contact)."""
    english = {
        "paragraph": '<p>A paragraph with <b>bold text</b> and <a href="https://lublin.eu/">'
        "a link</a>.</p>",
        "heading": "Programme of the meeting",
        "subheading": "Part one",
    }
    translated = []
    for block in blocks:
        kind, value = block["type"], block["value"]
        if kind in english:
            value = english[kind]
        elif kind == "image":
            value = {**value, "caption": "Photo: editorial team" if value["caption"] else ""}
        elif kind == "quote":
            value = {"text": "Nothing about us without us.", "attribution": "the movement's motto"}
        elif kind == "document":
            value = {**value, "title": "Comment form"}
        elif kind == "table":
            value = {
                "caption": "Meeting dates",
                "columns": [
                    {"type": "text", "heading": "Day"},
                    {"type": "text", "heading": "Place"},
                ],
                "rows": [
                    {"values": ["12 June", "Town hall"]},
                    {"values": ["20 June", "Culture Centre"]},
                ],
            }
        translated.append({"type": kind, "value": value})
    return translated


def make_showcase(homes: dict[str, HomePage]) -> Showcase:
    english = Locale.objects.get(language_code="en")

    publisher = make_organisation(
        name="Fundacja Biuletyn", slug="fundacja-biuletyn", email="redakcja@example.org"
    )
    contact = make_organisation(
        name="Wydział Spraw Społecznych",
        slug="wydzial-spraw-spolecznych",
        email=CONTACT_EMAIL,
        website="https://lublin.eu/",
        video_call_url="https://wideo.example.org/pjm",
        video_call_hours="wtorek 10:00–14:00",
    )
    member = make_organisation(
        name="Stowarzyszenie Przyjaciół Niewidomych",
        slug="przyjaciele-niewidomych",
        short_description="Pomagamy osobom niewidomym i słabowidzącym w Lublinie.",
    )

    privacy = make_standard_page(
        homes["pl"],
        title="Polityka prywatności",
        slug="polityka-prywatnosci",
        lead="Jakie dane zbieramy i po co.",
        body="<h2>Jakie dane zbieramy</h2><p>Nie zbieramy danych osobowych czytelników.</p>",
    )
    site_settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    site_settings.publisher = publisher
    site_settings.privacy_policy_page = privacy
    site_settings.save()

    bulletin = make_bulletin(homes["pl"])
    bulletin.intro = "Wiadomości, wydarzenia i konsultacje z Lublina."
    bulletin.save_revision().publish()
    category = make_category("Wydarzenia", "wydarzenia")
    category_en = category.copy_for_translation(english)
    category_en.name = "Events"
    category_en.save()

    # Three widths, so that each of the figure's srcset variants is rendered: 640 px (two
    # widths), 1000 px (three widths) and 300 px (one width, no sizes).
    poster = make_image(description=POSTER_DESCRIPTION, is_poster=True, text_version=POSTER_TEXT)
    photo = make_image(description=PHOTO_DESCRIPTION, size=(1000, 625))
    decorative = make_image(description="", is_decorative=True, size=(300, 40))
    document = get_document_model().objects.create(
        title="Formularz", file=ContentFile(b"Formularz uwag.", name="formularz.txt")
    )

    section = publish_new_page(
        parent=bulletin,
        page=ArticleSectionPage(
            title="Stowarzyszenie Przyjaciół Niewidomych",
            slug="przyjaciele-niewidomych",
            organisation=member,
            intro="Wiadomości od stowarzyszenia.",
            locale=bulletin.locale,
        ),
    )
    section_article = make_article(
        section,
        title="Warsztaty brajla dla dorosłych",
        when=dt.datetime(2024, 5, 20, 10, tzinfo=WARSAW),
        categories=[category],
    )
    plain = make_article(
        bulletin,
        title="Nowe windy na dworcu",
        when=dt.datetime(2024, 6, 1, 9, tzinfo=WARSAW),
        tags=["transport"],
    )
    body = [
        *every_block(contact, poster, document),
        {"type": "image", "value": {"image": photo.pk, "caption": "Fot. Urząd Miasta Lublin"}},
        {"type": "image", "value": {"image": decorative.pk, "caption": ""}},
    ]
    article = make_article(
        bulletin,
        title="Spotkanie organizacji z miastem",
        body=body,
        source_name="lublin.eu",
        source_url="https://lublin.eu/",
        contact=contact,
        when=dt.datetime(2024, 6, 3, 16, tzinfo=WARSAW),
        tags=["ngo", "spotkanie"],
        categories=[category],
        related_links=[ArticleRelatedLink(article=plain)],
    )

    translate_alias(
        bulletin.get_translation(english),
        title="Bulletin",
        intro="News, events and consultations from Lublin.",
    )
    article_en = translate_alias(
        article.get_translation(english),
        title="The city meets the organisations",
        lead="On 20 June the city meets the organisations of disabled people at the town hall.",
        body=english_blocks(body),
        categories=[category_en],
        related_links=[ArticleRelatedLink(article=plain.get_translation(english).specific)],
    )
    assert section_article.get_translation(english).alias_of_id == section_article.pk

    paths: dict[str, dict[str, str]] = {}
    for language in LANGUAGES:
        prefix = "" if language == "pl" else "/en"
        index = bulletin.get_translation(Locale.objects.get(language_code=language))
        index_url = index.url
        paths[language] = {
            "home": f"{prefix}/",
            "bulletin": index_url,
            "bulletin page 2": f"{index_url}?strona=2",
            # The route segments are in the page's language (kategoria/, category/).
            "category": index_url
            + index.reverse_subpage("category", kwargs={"slug": category.slug}),
            "tag": f"{index_url}tag/ngo/",
            "month": index_url
            + index.reverse_subpage("month", kwargs={"year": "2024", "month": "06"}),
            "article": article.url if language == "pl" else article_en.url,
            "section": section.get_translation(index.locale).url,
            "organisation": (
                f"/organizacje/{member.slug}/"
                if language == "pl"
                else f"/en/organisations/{member.slug}/"
            ),
            "privacy": privacy.get_translation(index.locale).url,
            "404": NOT_FOUND[language],
        }
    return Showcase(
        paths=paths,
        article={"pl": article, "en": article_en},
        poster=poster,
        photo=photo,
        decorative=decorative,
        contact_email=CONTACT_EMAIL,
    )
