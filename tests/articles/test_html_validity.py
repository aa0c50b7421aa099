"""Every page type of the bulletin is valid HTML (Nu HTML Checker, 0 errors), in pl and en.

Home, bulletin (and its second page), category, tag, month, an article with every block, a
member organisation's section, an organisation's contact page, a privacy policy page and the
404 page; the footer of each carries the publisher's contact block and the privacy link. In
English the bulletin and the article are real translations; the section and the privacy page
are aliases that say they have not been translated yet. One checker run for the lot.
"""

from __future__ import annotations

import pytest

from biuletyn.articles.models import ArticleIndexPage
from tests.factories.showcase import LANGUAGES, PAGE_SIZE, make_showcase
from tests.htmlcheck import assert_valid_html

pytestmark = pytest.mark.integration

NOT_TRANSLATED = {
    "pl": "nie została jeszcze przetłumaczona",
    "en": "This page has not been translated yet.",
}
# English pages that stay aliases of their Polish page.
ALIASES = {"section", "privacy"}


def test_every_page_type_is_valid_html(site_tree, client, monkeypatch):
    monkeypatch.setattr(ArticleIndexPage, "page_size", PAGE_SIZE)
    showcase = make_showcase(site_tree)
    pages = {}
    for language in LANGUAGES:
        privacy_url = showcase.paths[language]["privacy"]
        for kind, path in showcase.paths[language].items():
            response = client.get(path)
            expected = 404 if kind == "404" else 200
            assert response.status_code == expected, f"{path}: {response.status_code}"
            assert response["Content-Type"].startswith("text/html")
            html = response.content.decode("utf-8")
            assert f'<html lang="{language}"' in html, path
            assert html.count("<h1") == 1, path
            untranslated = language == "en" and kind in ALIASES
            assert (NOT_TRANSLATED[language] in html) == untranslated, path
            assert '<address class="app-contact">' in html, f"{path}: no publisher in the footer"
            # The English twin of the privacy page is an alias: its title is marked lang="pl".
            privacy_link = f'<a href="{privacy_url}"' + (' lang="pl">' if language == "en" else ">")
            assert privacy_link in html, f"{path}: no privacy link"
            pages[f"{kind} {language}"] = html

    article = pages["article pl"]
    for block in ("<blockquote", "<table", "app-document-link", "app-poster-text", "mailto:"):
        assert block in article, block
    assert "The city meets the organisations" in pages["article en"]
    assert 'aria-current="page"' in pages["bulletin page 2 pl"]
    assert len(pages) == 2 * len(showcase.paths["pl"])
    assert_valid_html(pages)
