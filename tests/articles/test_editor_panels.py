"""Where an editor meets an article's fields (issue 9): the categories, required to publish, are
on the first tab, next to the lead, not under "Promote"."""

from __future__ import annotations

import pytest

from biuletyn.articles.models import ArticlePage

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
