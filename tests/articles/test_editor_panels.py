"""Where an editor meets an article's fields (issue 9): the categories, required to publish, are
on the first tab, next to the lead, not under "Promote"; and only those of the page's language."""

from __future__ import annotations

import pytest
from django.urls import reverse
from wagtail.models import Locale

from biuletyn.articles.models import ArticlePage
from tests.factories.bulletin import make_article, make_bulletin, make_category
from tests.factories.events import make_calendar, make_event

pytestmark = pytest.mark.integration


def _fields(panel) -> list[str]:
    names = [panel.field_name] if getattr(panel, "field_name", None) else []
    for child in getattr(panel, "children", []):
        names += _fields(child)
    return names


def test_categories_are_on_the_first_tab():
    first_tab, *other_tabs = ArticlePage.get_edit_handler().children

    assert "categories" in _fields(first_tab)
    assert _fields(first_tab).index("categories") == _fields(first_tab).index("lead") + 1
    assert all("categories" not in _fields(tab) for tab in other_tabs)
    assert ArticlePage._meta.get_field("categories").blank is False  # required


@pytest.fixture
def categories_in_two_languages(site_tree):
    polish = make_category(name="Wydarzenia i spotkania", slug="wydarzenia")
    english = polish.copy_for_translation(Locale.objects.get(language_code="en"))
    english.name, english.slug = "Events and meetings", "events"
    english.save()
    return polish, english


@pytest.mark.parametrize("kind", ["article", "event"])
def test_a_page_offers_only_the_categories_of_its_own_language(
    admin_client, site_tree, categories_in_two_languages, kind
):
    polish, _english = categories_in_two_languages
    home = site_tree["pl"]
    parent = make_bulletin(home) if kind == "article" else make_calendar(home)
    page = (
        make_article(parent, title="Nowy artykuł", categories=[polish])
        if kind == "article"
        else make_event(parent, categories=[polish])
    )

    html = admin_client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()
    new = admin_client.get(
        reverse(
            "wagtailadmin_pages:add", args=[page._meta.app_label, page._meta.model_name, parent.pk]
        )
    ).content.decode()

    assert "Wydarzenia i spotkania" in html
    assert "Events and meetings" not in html
    assert "Wydarzenia i spotkania" in new
    assert "Events and meetings" not in new
