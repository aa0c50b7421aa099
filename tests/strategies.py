"""Hypothesis strategies every form's property tests share: the text people (and robots) type
that a form must survive without a 500 — Polish diacritics, right-to-left text, bidi overrides,
emoji, 10 000 characters, whitespace only, NUL characters, markup and SQL."""

from __future__ import annotations

from hypothesis import strategies as st

ODD = st.sampled_from(
    [
        "",
        " ",
        "\t \n",
        "Zażółć gęślą jaźń",
        "Łukasz Żółkiewski-Ćwik",
        "مرحبا بالعالم",
        "שלום עולם",
        "\u202eodwrócony\u202c",
        "👩‍🦽🦻🏽🤟",
        "x" * 10_000,
        "ą" * 10_000,
        "\x00",
        "a\x00b",
        "<script>alert(1)</script>",
        "' OR 1=1 --",
        "\u00a0\u2003",
    ]
)
TEXT = ODD | st.text(max_size=60)
EMAIL = ODD | st.emails() | st.just("anna@example.org")
PHONE = ODD | st.from_regex(r"\+?[0-9 ]{9,15}", fullmatch=True) | st.just("600 100 200")
