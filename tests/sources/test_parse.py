"""The parsers of republished content (issue 12): addresses normalised for deduplication, text
fingerprints, leads, sanitised body blocks (no scripts, no images, links kept), feeds (RSS 2.0,
Atom, broken) and single web pages without their navigation and cookie noise; and, for any
bytes at all, either items or a reported error, never an exception."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from biuletyn.sources import parse

pytestmark = pytest.mark.unit

DATA = Path(__file__).parent / "data"


@pytest.mark.parametrize(
    ("typed", "normalised"),
    [
        (
            "https://Lublin.EU/aktualnosci/a?utm_source=fb&id=3&utm_medium=x#akapit",
            "https://lublin.eu/aktualnosci/a?id=3",
        ),
        ("http://lublin.eu:80/a?fbclid=abc", "http://lublin.eu/a"),
        ("https://lublin.eu", "https://lublin.eu/"),
        ("http://127.0.0.1:8001/kanal", "http://127.0.0.1:8001/kanal"),
        ("ftp://lublin.eu/plik", ""),
        ("javascript:alert(1)", ""),
        ("nie adres", ""),
    ],
)
def test_addresses_are_normalised(typed, normalised):
    assert parse.normalise_url(typed) == normalised


def test_relative_addresses_are_made_absolute():
    assert parse.normalise_url("/b?x=1", "https://lublin.eu/a/") == "https://lublin.eu/b?x=1"


def test_the_fingerprint_ignores_case_spacing_and_unicode_forms():
    decomposed = "Zaz\u0307o\u0301ł\u0107"  # "Zażółć" with combining marks, almost
    assert parse.fingerprint("Ala  ma\nkota.") == parse.fingerprint(" ala ma KOTA. ")
    assert parse.fingerprint(decomposed) == parse.fingerprint("Zażół\u0107".replace("ż", "z\u0307"))
    assert parse.fingerprint("Ala ma kota.") != parse.fingerprint("Ala ma psa.")


def test_the_lead_is_the_first_sentences_in_plain_text():
    sentence = "Urząd otwiera nowy punkt obsługi dla osób z niepełnosprawnościami. "
    lead = parse.lead_from("", sentence * 20)
    assert lead.startswith("Urząd otwiera")
    assert lead.endswith("niepełnosprawnościami.")
    assert len(lead) <= 400
    assert parse.lead_from("<p>Krótko.</p>", "Długo") == "<p>Krótko.</p>"  # summary as given
    assert parse.lead_from("", "x" * 1000).endswith("…")


def test_blocks_keep_structure_and_drop_scripts_and_images():
    html = (
        '<div><h1>Tytuł</h1><p onclick="x()">Tekst <strong>ważny</strong> i <em>pochylony</em>'
        ' <a href="/dalej" style="color:red">dalej</a> <a href="javascript:alert(1)">zły</a>'
        '</p><img src="x.jpg"><script>alert(1)</script><h4>Drobny</h4><ol><li>jeden</li>'
        "<li>dwa</li></ol>luźny tekst</div>"
    )
    blocks, images = parse.to_blocks(html, base="https://lublin.eu/a/")
    assert images == 1
    assert blocks == [
        {"type": "heading", "value": "Tytuł"},
        {
            "type": "paragraph",
            "value": "<p>Tekst <b>ważny</b> i <i>pochylony</i> "
            '<a href="https://lublin.eu/dalej">dalej</a> zły</p>',
        },
        {"type": "subheading", "value": "Drobny"},
        {"type": "paragraph", "value": "<ol><li>jeden</li><li>dwa</li></ol>"},
        {"type": "paragraph", "value": "<p>luźny tekst</p>"},
    ]


def test_rss_feed():
    items = parse.parse_feed((DATA / "miasto.rss").read_bytes())
    assert [item.title for item in items] == [
        "Nowa winda na przystanku przy Alejach Racławickich",
        "Dyżur tłumacza PJM w ratuszu",
    ]
    first = items[0]
    assert first.url == "http://example.test/aktualnosci/winda-raclawickie"
    assert first.guid == "miasto-1001"
    assert first.images == 1
    assert "alert" not in first.text_html


def test_atom_feed():
    (item,) = parse.parse_feed((DATA / "organizacja.atom").read_bytes())
    assert item.url == "http://example.test/razem/warsztaty-audiodeskrypcja"
    assert item.guid == "urn:uuid:razem-1"
    assert item.published is not None
    assert item.published.isoformat() == "2026-11-05T10:00:00+00:00"


def test_a_broken_feed_is_an_error_in_words():
    with pytest.raises(parse.ParseError) as raised:
        parse.parse_feed((DATA / "zepsuty.rss").read_bytes())
    assert "RSS" in raised.value.message


def test_a_page_without_its_noise():
    item = parse.parse_page((DATA / "komunikat.html").read_bytes(), url="http://example.test/k")
    assert item.title == "Bezpłatne konsultacje prawne dla osób z niepełnosprawnościami"
    assert item.published is not None
    text = item.plain_text
    assert text.startswith("Od listopada w biurze rzecznika")
    for noise in ("ciasteczek", "Strona główna", "O nas", "Udostępnij", "Polecamy", "zastrzeżone"):
        assert noise not in text
    links = [b["value"] for b in item.blocks if "href" in b["value"]]
    assert links
    assert 'href="http://example.test/kontakt#formularz"' in links[0]


def test_a_page_without_article_or_main_takes_the_largest_text_block():
    html = (
        "<html><head><title>Ogłoszenie</title></head><body><div class='menu'><p>Menu</p></div>"
        "<div><p>Krótki.</p></div><div id='tresc'><p>Pierwszy dłuższy akapit o zmianach w "
        "rozkładzie jazdy.</p><p>Drugi akapit z godzinami kursów.</p></div></body></html>"
    ).encode()
    item = parse.parse_page(html, url="http://example.test/o")
    assert item.title == "Ogłoszenie"
    assert [b["value"] for b in item.blocks] == [
        "<p>Pierwszy dłuższy akapit o zmianach w rozkładzie jazdy.</p>",
        "<p>Drugi akapit z godzinami kursów.</p>",
    ]


def test_a_page_in_another_encoding():
    html = "<html><head><meta charset='iso-8859-2'></head><body><h1>Żółw</h1><p>Gęś</p></body>"
    item = parse.parse_page(html.encode("iso-8859-2"), url="http://example.test/z")
    assert item.title == "Żółw"
    assert item.plain_text == "Gęś"


def test_an_empty_page_is_an_error():
    with pytest.raises(parse.ParseError):
        parse.parse_page(b"   ", url="http://example.test/")
    with pytest.raises(parse.ParseError):
        parse.parse_page(b"<html><body><nav>Menu</nav></body></html>", url="http://example.test/")


SEEDS = [
    (DATA / name).read_bytes() for name in ("miasto.rss", "organizacja.atom", "komunikat.html")
]
BYTES = (
    st.binary(max_size=2000)
    | st.sampled_from(SEEDS)
    | st.builds(lambda seed, cut: seed[:cut], st.sampled_from(SEEDS), st.integers(0, 3000))
    | st.builds(
        lambda seed, at, junk: seed[:at] + junk + seed[at:],
        st.sampled_from(SEEDS),
        st.integers(0, 3000),
        st.binary(min_size=1, max_size=40),
    )
    | st.text(max_size=500).map(lambda t: f"<html><body><article>{t}</article>".encode())
)


def _valid(item: parse.ParsedItem) -> None:
    assert item.title
    assert len(item.title) <= 255
    assert item.url.startswith(("http://", "https://"))
    assert len(item.fingerprint) == 64
    for block in item.blocks:
        assert block["type"] in {"paragraph", "heading", "subheading"}
        assert "<script" not in block["value"].lower()


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=BYTES)
def test_any_bytes_are_a_feed_or_a_reported_error(data):
    try:
        items = parse.parse_feed(data, base_url="http://example.test/")
    except parse.ParseError as error:
        assert error.message  # noqa: PT017 (either outcome is fine; an error has words)
        return
    for item in items:
        _valid(item)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=BYTES)
def test_any_bytes_are_a_page_or_a_reported_error(data):
    try:
        item = parse.parse_page(data, url="http://example.test/strona")
    except parse.ParseError as error:
        assert error.message  # noqa: PT017 (either outcome is fine; an error has words)
        return
    _valid(item)
