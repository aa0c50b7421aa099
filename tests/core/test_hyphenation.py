"""Soft hyphens in headings (``biuletyn_text.hyphenate``): a long word breaks where the
language allows, with a hyphen, on a screen too narrow for it (issue 9, "Dates and typography").
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from biuletyn.core.templatetags.biuletyn_text import SOFT_HYPHEN, hyphenate

pytestmark = pytest.mark.unit


def test_a_long_polish_word_gets_breaks_by_polish_rules():
    parts = hyphenate("niepełnosprawnościami", "pl").split(SOFT_HYPHEN)

    assert parts == ["nie", "peł", "no", "spraw", "no", "ściami"]


def test_no_break_leaves_fewer_than_three_letters_on_either_side():
    for word in ("niepełnosprawnościami", "pozarządowych", "organizacjami", "interpretation"):
        for language in ("pl", "en"):
            parts = hyphenate(word, language).split(SOFT_HYPHEN)
            assert len(parts[0]) >= 3
            assert len(parts[-1]) >= 3


def test_short_words_and_unknown_languages_are_left_alone():
    assert hyphenate("Spotkanie w ratuszu", "pl") == "Spotkanie w ratuszu"
    assert hyphenate("Gebärdensprachdolmetscher", "de") == "Gebärdensprachdolmetscher"
    assert hyphenate("", "pl") == ""


@given(
    st.text(max_size=80).filter(lambda text: SOFT_HYPHEN not in text), st.sampled_from(["pl", "en"])
)
def test_only_soft_hyphens_are_added(text, language):
    assert hyphenate(text, language).replace(SOFT_HYPHEN, "") == text


def test_rich_text_is_typeset_between_its_tags_only():
    from biuletyn.core.templatetags.biuletyn_text import typeset_html

    html = '<p>Spotkanie w <a href="/w a/" title="i o">ratuszu</a> 8 września 2024 r.</p>'

    assert typeset_html(html) == (
        '<p>Spotkanie w\u00a0<a href="/w a/" title="i o">ratuszu</a> '
        "8\u00a0września\u00a02024\u00a0r.</p>"
    )


def test_a_rich_text_block_stays_markup_after_typesetting():
    from django.template import Context, Template
    from wagtail.rich_text import RichText

    template = Template(
        "{% load wagtailcore_tags biuletyn_text biuletyn_dates %}"
        "{{ text|richtext|typeset_html }}|{{ text|richtext|tie_dates }}"
    )

    html = template.render(Context({"text": RichText("<p>Spotkanie w ratuszu</p>")}))

    assert html == "<p>Spotkanie w\u00a0ratuszu</p>|<p>Spotkanie w ratuszu</p>"
