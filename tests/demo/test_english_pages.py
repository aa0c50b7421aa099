"""The demo under /en/ (issue 9, "English pages"): English URL segments with permanent redirects
from the old Polish ones, categories named in English on lists, and one term for the readers,
"disabled people" (never "persons with disabilities" or "the disabled"). Persona: an English
reader who bookmarked /en/biuletyn/ before the bulletin got its English address."""

from __future__ import annotations

import re

import pytest

from biuletyn.articles.models import ArticlePage
from biuletyn.demo import content
from biuletyn.demo.loader import load

pytestmark = pytest.mark.integration


@pytest.fixture
def demo(db, django_capture_on_commit_callbacks):
    # Wagtail creates the redirects of a changed slug once the load commits.
    with django_capture_on_commit_callbacks(execute=True):
        load(port=8000)


def test_the_english_bulletin_has_an_english_address_and_the_old_one_redirects(client, demo):
    translated = ArticlePage.objects.filter(
        locale__language_code="en", alias_of__isnull=True
    ).first()

    bulletin = client.get("/en/bulletin/")
    old = client.get("/en/biuletyn/")
    old_article = client.get(f"/en/biuletyn/{translated.slug}/")

    assert bulletin.status_code == 200
    assert (old.status_code, old["Location"]) == (301, "/en/bulletin/")
    assert (old_article.status_code, old_article["Location"]) == (301, translated.url)
    assert translated.url.startswith("/en/bulletin/")
    assert client.get("/biuletyn/").status_code == 200


def test_english_lists_name_the_categories_in_english(client, demo):
    html = client.get("/en/bulletin/").content.decode()

    metas = re.findall(r'<p class="app-article-card__meta">(.*?)</p>', html)
    polish_names = {spec["pl"]["name"] for spec in content.CATEGORIES}
    english_names = {spec["en"]["name"] for spec in content.CATEGORIES}

    assert metas
    assert [name for name in polish_names if any(name in meta for meta in metas)] == []
    assert any(name in meta for meta in metas for name in english_names)


@pytest.mark.parametrize("path", ["/en/", "/en/bulletin/", "/en/venues/"])
def test_english_pages_say_disabled_people(client, demo, path):
    html = client.get(path, follow=True).content.decode()

    assert re.findall(r"persons? with disabilit\w+|the disabled\b", html, re.IGNORECASE) == []
    assert "disabled people" in html
