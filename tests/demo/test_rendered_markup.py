"""Editors' rich text reaches readers as markup, never as visible tags.

A filter that takes Wagtail's rendered rich text (a ``RichText``, which renders itself as safe
HTML without being a SafeString) and returns a plain string makes Django escape it, and every
paragraph then shows "<p>…</p>" to the reader. Neither axe nor the HTML checker sees that, so
every page of the demo bulletin, in both languages, is read here for escaped tags.
"""

from __future__ import annotations

import re

import pytest
from wagtail.models import Page

from biuletyn.demo.loader import load

pytestmark = pytest.mark.integration

# An escaped tag of the rich text editors write: "&lt;p&gt;", "&lt;/li&gt;", "&lt;a href=…".
ESCAPED_TAG = re.compile(r"&lt;/?(p|ul|ol|li|a|b|i|strong|em|h2|h3|br)(\s|&gt;|/)", re.IGNORECASE)


@pytest.fixture
def demo(db):
    load(port=8000)


def test_no_page_of_the_demo_shows_a_tag_as_text(client, demo):
    pages = [page for page in Page.objects.live().public().specific() if page.depth > 1]
    assert len(pages) > 20
    shown = {}
    for page in pages:
        response = client.get(page.url, follow=True)
        if response.status_code == 200:
            shown[page.url] = response.content.decode()

    escaped = {
        url: ESCAPED_TAG.search(html)[0] for url, html in shown.items() if ESCAPED_TAG.search(html)
    }
    assert escaped == {}
    assert sum("<p>" in html for html in shown.values()) > 20
