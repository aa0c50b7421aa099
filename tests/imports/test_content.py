"""The WordPress content converter (issue 12): the test export's posts become our body blocks
(headings, paragraphs with lists in Wagtail's rich-text format, images with their alt text and
captions, quotes), Gutenberg comments and shortcodes go cleanly, reusable blocks are expanded
(and one that contains itself stops), classic content gets its paragraphs, links between posts
become page links, links to uploads are collected, and nothing unsafe survives the sanitiser.
Property: any HTML-ish text converts without an error into blocks of body_blocks() only, each
paragraph stable under nh3, with no shortcode or Gutenberg comment left."""

from __future__ import annotations

import re
from dataclasses import asdict, is_dataclass
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from biuletyn.imports import content, wxr
from biuletyn.imports.content import AttachmentInfo, ImageUse, clean_paragraph, convert
from biuletyn.imports.shortcodes import autop, expand_shortcodes, parse_attributes
from tests.strategies import TEXT

pytestmark = pytest.mark.unit

EXPORT = Path(__file__).parent / "data" / "bulletin.xml"
SITE = "https://rada-lublin.example.org"
UPLOADS = f"{SITE}/wp-content/uploads"
SHORTCODE = re.compile(r"\[/?[A-Za-z][\w-]*(?:\s[^\[\]]*)?/?\]")


@pytest.fixture(scope="module")
def export() -> dict[str, Any]:
    items = list(wxr.iter_items(EXPORT))
    attachments = {
        item.post_id: AttachmentInfo(
            post_id=item.post_id,
            url=item.attachment_url,
            file=item.meta("_wp_attached_file"),
            alt=item.meta("_wp_attachment_image_alt"),
            caption=item.excerpt,
            title=item.title,
            description=item.content,
        )
        for item in items
        if item.post_type == "attachment"
    }
    reusable = {item.post_id: item.content for item in items if item.post_type == "wp_block"}
    by_link = {item.link: item.post_id for item in items if item.post_type in ("post", "page")}
    ids = set(by_link.values())

    def page_id_for(href: str) -> int | None:
        match = re.fullmatch(rf"{re.escape(SITE)}/\?(?:p|page_id)=(\d+)", href)
        if match and int(match.group(1)) in ids:
            return 1000 + int(match.group(1))
        if href in by_link:
            return 1000 + by_link[href]
        return None

    return {
        "items": {item.post_id: item for item in items},
        "attachments": attachments,
        "reusable": reusable,
        "page_id_for": page_id_for,
    }


def converted(export: dict[str, Any], post_id: int) -> content.ConvertedBody:
    return convert(
        export["items"][post_id].content,
        reusable_blocks=export["reusable"],
        attachments=export["attachments"],
        page_id_for=export["page_id_for"],
    )


def kinds(body: content.ConvertedBody) -> list[str]:
    return [block["type"] for block in body.blocks]


def no_attachments(href: str) -> int | None:
    return None


def simple(html: str, **kwargs: Any) -> content.ConvertedBody:
    return convert(
        html,
        reusable_blocks=kwargs.get("reusable_blocks", {}),
        attachments=kwargs.get("attachments", {}),
        page_id_for=kwargs.get("page_id_for", no_attachments),
    )


def test_a_block_editor_post(export: dict[str, Any]) -> None:
    body = converted(export, 10)
    assert kinds(body) == [
        "paragraph",
        "image",
        "heading",
        "paragraph",
        "subheading",
        "paragraph",
        "quote",
        "paragraph",
    ]
    blocks = [block["value"] for block in body.blocks]
    assert blocks[0] == (
        "<p>Zapraszamy na <b>dzień otwarty</b> w sobotę 25 maja. Pokażemy odnowione pracownie "
        "i opowiemy, jakie zajęcia ruszą jesienią.</p>"
    )
    poster = blocks[1]["image"]
    assert poster == ImageUse(
        attachment_id=101,
        src=f"{UPLOADS}/2024/05/plakat-dzien-otwarty-724x1024.jpg",
        alt="Plakat dnia otwartego Centrum Integracji, 25 maja",  # alt="" falls back
        caption="Plakat dnia otwartego",
    )
    assert blocks[1]["caption"] == "Plakat dnia otwartego"
    assert blocks[2] == "Program dnia"
    assert blocks[3] == (
        "<ul><li>10:00 – powitanie w holu</li><li>11:00 – warsztaty z <i>audiodeskrypcji</i>"
        "</li><li>13:00 – wspólny obiad w kawiarni na parterze</li></ul>"
    )
    assert blocks[4] == "Dojazd i dostępność"
    assert '<a linktype="page" id="1011">o świadczeniu wspierającym</a>' in blocks[5]
    assert blocks[6] == {
        "text": "Chcemy, żeby każdy mógł do nas wejść bez proszenia o pomoc przy drzwiach.",
        "attribution": "Maria Kowalczyk, dyrektorka Centrum",
    }
    # The reusable block 50, expanded in place.
    assert blocks[7] == (
        '<p>Masz pytanie? Zadzwoń pod numer <a href="tel:+48815550100">81 555 01 00</a> albo '
        "napisz SMS pod ten sam numer.</p>"
    )
    assert body.internal_links == [f"{SITE}/2024/03/28/nowe-zasady-swiadczenia-wspierajacego/"]
    assert body.images == [poster]
    assert body.media_links == [f"{UPLOADS}/2024/05/plakat-dzien-otwarty-724x1024.jpg"]


def test_a_classic_post(export: dict[str, Any]) -> None:
    body = converted(export, 11)
    assert kinds(body) == ["paragraph", "image", "paragraph"]
    first, figure, rest = (block["value"] for block in body.blocks)
    assert first.startswith("<p>Od stycznia")
    assert first.count("<p>") == 1
    assert figure["image"] == ImageUse(
        attachment_id=105,
        src=f"{UPLOADS}/2024/03/tlumaczka-pjm-300x200.jpg",
        alt="Tłumaczka PJM miga podczas wtorkowego dyżuru",  # the content's own alt wins
        caption="Dyżur z tłumaczką PJM w marcu",
    )
    assert rest == (
        "<p>Pomagamy wypełnić wniosek w każdy wtorek od 10 do 14.<br>Dyżur prowadzi Łukasz, a w "
        "pierwszy wtorek miesiąca jest z nim tłumaczka PJM.</p>"
        "<p>Listę potrzebnych dokumentów zebraliśmy w "
        f'<a href="{UPLOADS}/2024/04/informator-2024.pdf">informatorze (PDF)</a>. Relację z '
        'dnia otwartego przeczytasz <a linktype="page" id="1010">w osobnym wpisie</a>.</p>'
    )
    assert "contact-form-7" not in str(body.blocks)
    assert body.internal_links == [f"{SITE}/?p=10"]
    assert f"{UPLOADS}/2024/04/informator-2024.pdf" in body.media_links


def test_inline_images_tables_html_and_galleries(export: dict[str, Any]) -> None:
    body = converted(export, 12)
    assert kinds(body) == [
        "paragraph",
        "image",
        "paragraph",
        "image",
        "paragraph",
        "paragraph",
        "paragraph",
        "image",
        "image",
        "paragraph",
    ]
    values = [block["value"] for block in body.blocks]
    assert values[1]["image"].alt == "zdjęcie"
    assert values[2] == "<p>Tak wygląda przystanek przy alei Kraśnickiej:</p>"
    assert values[3]["image"] == ImageUse(
        attachment_id=104,
        src=f"{UPLOADS}/2024/03/przystanek-bez-wiaty.jpg",
        alt=None,
        caption="",
    )
    assert values[4] == "<p>wysoki krawężnik i brak miejsca na wózek.</p>"
    assert values[5] == (
        "<p><b>Najczęstsze uwagi</b></p><p>Uwaga: Brak wiaty; Liczba osób: 96</p>"
        "<p>Uwaga: Brak ławki; Liczba osób: 71</p>"
    )
    assert values[6] == "<p>Dziękujemy wszystkim, którzy wypełnili ankietę!</p>"
    assert (values[7]["image"].attachment_id, values[7]["caption"]) == (102, "Tu omówimy wyniki")
    assert values[8]["image"].attachment_id == 105
    assert values[8]["image"].alt == "Tłumaczka PJM miga przy stoliku punktu informacyjnego"
    assert values[9] == (
        '<p>Wyniki omówimy na spotkaniu, o którym piszemy na stronie <a linktype="page" '
        'id="1030">O nas</a>. Stary regulamin ankiety jest <a href="'
        f'{UPLOADS}/2022/01/regulamin-ankiety.pdf">tutaj</a>, a ten link nigdy nie działał.</p>'
    )
    text = str(body.blocks)
    for gone in ("script", "track", "iframe", "onclick", "javascript"):
        assert gone not in text
    assert f"{UPLOADS}/2022/01/regulamin-ankiety.pdf" in body.media_links
    assert body.internal_links == [f"{SITE}/?page_id=30"]


def test_a_classic_gallery_embed_and_unknown_shortcode(export: dict[str, Any]) -> None:
    body = converted(export, 13)
    assert kinds(body) == ["heading", "paragraph", "image", "image", "image", "paragraph"]
    assert body.blocks[0]["value"] == "Co już jest"
    gallery = [block["value"]["image"] for block in body.blocks[2:5]]
    assert [image.attachment_id for image in gallery] == [108, 109, 106]
    assert gallery[0].caption == "Rabaty na wysokości wózka"  # the attachment's caption
    assert gallery[1].alt is None  # an empty alt meta is no alt
    assert gallery[2].src == f"{UPLOADS}/2023/10/ogrod-sciezka.jpg"
    assert body.blocks[5]["value"] == (
        "<p>Krótki film z otwarcia:</p><p>"
        '<a href="https://www.youtube.com/watch?v=Xy12ab34Cd5">'
        "https://www.youtube.com/watch?v=Xy12ab34Cd5</a></p>"
        "<ul><li>rabaty na wysokości wózka</li><li>ścieżka dotykowa</li></ul>"
        "<p>Prosimy nie zrywać ziół bez opiekuna ogrodu.</p>"
    )


def test_a_reusable_block_that_contains_itself_is_expanded_once(export: dict[str, Any]) -> None:
    body = converted(export, 14)
    assert kinds(body) == ["paragraph"]
    assert body.blocks[0]["value"].count("Zapisy przyjmujemy do dnia przed spotkaniem.") == 1


def test_cyrillic_and_classic_pages(export: dict[str, Any]) -> None:
    body = converted(export, 15)
    assert body.blocks[0]["value"].startswith("<p>Щосереди з 12:00")
    assert body.blocks[0]["value"].count("<p>") == 3
    page = converted(export, 32)
    assert kinds(page) == ["heading", "paragraph", "subheading", "paragraph"]
    assert page.blocks[3]["value"] == (
        "<ol><li>część plakatów nie ma wersji tekstowej,</li>"
        "<li>filmy z 2019 roku nie mają napisów.</li></ol>"
    )


@pytest.mark.parametrize("post_id", [10, 11, 12, 13, 14, 15, 22, 30, 31, 32])
def test_every_public_item_keeps_only_safe_text(export: dict[str, Any], post_id: int) -> None:
    assert_clean(converted(export, post_id))


def test_heading_levels() -> None:
    body = simple(
        "<h1>A</h1><h2>B <em>b</em></h2><h3>C</h3><h4>D</h4><h5>E</h5><h6>F</h6><h2> </h2>"
    )
    assert [(b["type"], b["value"]) for b in body.blocks] == [
        ("heading", "A"),
        ("heading", "B b"),
        ("subheading", "C"),
        ("subheading", "D"),
        ("subheading", "E"),
        ("subheading", "F"),
    ]


def test_links_lose_their_attributes_and_unsafe_schemes() -> None:
    body = simple(
        '<p><a href="https://example.org/" target="_blank" rel="noopener" class="x" '
        'onclick="y()">a</a> <a href="javascript:alert(1)">b</a> <a href="#sekcja">c</a> '
        '<a href="data:text/html,x">d</a> <a href="mailto:rada@example.org">e</a> <a>f</a></p>'
    )
    assert body.blocks[0]["value"] == (
        '<p><a href="https://example.org/">a</a> b c d <a href="mailto:rada@example.org">e</a> '
        "f</p>"
    )


def test_quotes_without_attribution_and_empty_paragraphs() -> None:
    body = simple(
        "<p></p><p>&nbsp;</p><p><br></p><blockquote><p>Pierwsze.</p><p>Drugie.</p></blockquote>"
    )
    assert body.blocks == [
        {"type": "quote", "value": {"text": "Pierwsze.\nDrugie.", "attribution": ""}}
    ]


def test_an_image_found_by_its_file_and_one_from_elsewhere() -> None:
    info = AttachmentInfo(
        post_id=7,
        url=f"{UPLOADS}/2024/05/plakat.jpg",
        file="2024/05/plakat.jpg",
        alt="Plakat koncertu",
        caption="",
        title="Plakat",
        description="",
    )
    body = simple(
        f'<img src="{UPLOADS}/2024/05/plakat-300x424.jpg"><img src="https://example.org/x.png" '
        'alt="  Mapa  dojazdu ">',
        attachments={7: info},
    )
    assert body.images == [
        ImageUse(
            attachment_id=7,
            src=f"{UPLOADS}/2024/05/plakat-300x424.jpg",
            alt="Plakat koncertu",
            caption="",
        ),
        ImageUse(
            attachment_id=None, src="https://example.org/x.png", alt="Mapa dojazdu", caption=""
        ),
    ]
    assert body.media_links == [f"{UPLOADS}/2024/05/plakat-300x424.jpg"]


def test_unknown_reusable_blocks_and_nested_references() -> None:
    reusable = {
        1: '<!-- wp:paragraph --><p>jeden</p><!-- /wp:paragraph --><!-- wp:block {"ref":2} /-->',
        2: '<!-- wp:block {"ref":1} /--><p>dwa</p>',
    }
    body = simple(
        '<!-- wp:block {"ref":1} /--><!-- wp:block {"ref":99} /--><!-- wp:block {"ref":"x"} /-->',
        reusable_blocks=reusable,
    )
    assert body.blocks == [{"type": "paragraph", "value": "<p>jeden</p><p>dwa</p>"}]


def test_shortcodes() -> None:
    assert parse_attributes("id=\"7\" title='Formularz' cols=3") == {
        "id": "7",
        "title": "Formularz",
        "cols": "3",
    }
    expanded = expand_shortcodes(
        '[[escaped]] [a][b]wewnątrz[/b][/a] [video mp4="https://example.org/f.mp4"] '
        "[gallery] [/sierota] [audio]",
        attachments={},
    )
    assert "[" not in expanded
    assert "wewnątrz" in expanded
    assert '<a href="https://example.org/f.mp4">' in expanded
    assert expand_shortcodes("[caption]bez obrazka[/caption]", attachments={}).strip() == (
        "bez obrazka"
    )
    # A shortcode made of the remains of another one is removed too.
    assert "[" not in expand_shortcodes("[a[b]]", attachments={})


def test_caption_in_its_attribute() -> None:
    body = simple(
        '[caption caption="Ratusz od strony placu"]<img src="/r.jpg" alt="Ratusz">[/caption]'
    )
    assert body.images == [
        ImageUse(attachment_id=None, src="/r.jpg", alt="Ratusz", caption="Ratusz od strony placu")
    ]


def test_autop() -> None:
    assert autop("a\nb\n\nc") == "<p>a<br>\nb</p>\n<p>c</p>"
    assert autop("<h2>T</h2>\ntekst") == "<h2>T</h2>\n<p>tekst</p>"
    assert autop("<strong>pogrubiony</strong> początek") == (
        "<p><strong>pogrubiony</strong> początek</p>"
    )


def test_pre_and_tables_without_headings() -> None:
    body = simple(
        "<pre>linia 1\nlinia 2</pre><hr><table><tr><td>Lublin</td><td>81</td></tr></table>"
    )
    assert [block["value"] for block in body.blocks] == [
        "<p>linia 1<br>linia 2</p>",
        "<p>Lublin – 81</p>",
    ]


def test_nested_lists_and_images_in_lists() -> None:
    body = simple(
        '<ul><li>a<ul><li>b</li></ul></li><li><img src="/x.jpg" alt="x"></li><li></li></ul>'
    )
    assert body.blocks[0] == {
        "type": "paragraph",
        "value": "<ul><li>a<ul><li>b</li></ul></li></ul>",
    }
    assert body.blocks[1]["type"] == "image"


def test_nothing_in_nothing_out() -> None:
    assert simple("").blocks == []
    assert simple("<!-- wp:paragraph --><p></p><!-- /wp:paragraph -->").blocks == []
    assert simple("<script>alert(1)</script>").blocks == []


# --- property ---------------------------------------------------------------------------------

FRAGMENTS = st.sampled_from(
    [
        "<p>",
        "</p>",
        "<h2>",
        "</h2>",
        "<h4>",
        "</h4>",
        "<ul><li>",
        "</li></ul>",
        "<ol>",
        "<li>",
        "<blockquote>",
        "<cite>",
        "</cite></blockquote>",
        "<b>",
        "<em>",
        "</em>",
        "<table><tr><th>",
        "</th><td>",
        "</td></tr></table>",
        "<figure>",
        "<figcaption>",
        "</figcaption></figure>",
        '<img src="https://rada-lublin.example.org/wp-content/uploads/2024/05/a.jpg" '
        'class="wp-image-1" alt="">',
        '<img src="x" onerror="alert(1)">',
        '<a href="javascript:alert(1)">',
        '<a href="https://rada-lublin.example.org/?p=1">',
        "</a>",
        "<script>alert(1)</script>",
        "<style>p{}</style>",
        "<iframe src='https://example.com'></iframe>",
        '<div onclick="x()">',
        "</div>",
        "<br>",
        "\n",
        "\n\n",
        "&nbsp;",
        "&amp;",
        "<!-- wp:paragraph -->",
        "<!-- /wp:paragraph -->",
        '<!-- wp:image {"id":1} -->',
        '<!-- wp:block {"ref":1} /-->',
        '<!-- wp:block {"ref":2} /-->',
        "<!-- wp:",
        "<!--",
        "-->",
        '[caption id="attachment_1" width="300"]',
        "[/caption]",
        '[gallery ids="1,2,3"]',
        "[embed]",
        "[/embed]",
        "https://example.org/film",
        '[contact-form-7 id="77" title="Kontakt"]',
        "[su_note]",
        "[/su_note]",
        "[[escaped]]",
        "[",
        "]",
        "[a",
        "<",
        ">",
        "\x00",
    ]
)
HTMLISH = st.lists(FRAGMENTS | TEXT, max_size=30).map("".join)
ATTACHMENTS = {
    1: AttachmentInfo(
        post_id=1,
        url="https://rada-lublin.example.org/wp-content/uploads/2024/05/a.jpg",
        file="2024/05/a.jpg",
        alt="Opis [x] obrazka",
        caption="Podpis <b>",
        title="a",
        description="",
    ),
}
REUSABLE = {1: '<p>Blok</p><!-- wp:block {"ref":1} /-->', 2: '[gallery ids="1"]<h3>Dwa</h3>'}


def strings(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if is_dataclass(value) and not isinstance(value, type):
        return strings(asdict(value))
    if isinstance(value, dict):
        return [s for v in value.values() for s in strings(v)]
    if isinstance(value, list | tuple):
        return [s for v in value for s in strings(v)]
    return []


def assert_clean(body: content.ConvertedBody) -> None:
    from biuletyn.pages.blocks import body_blocks

    names = {name for name, _block in body_blocks()}
    for block in body.blocks:
        assert block["type"] in names
        if block["type"] == "paragraph":
            assert clean_paragraph(block["value"]) == block["value"]
            assert block["value"].strip()
        elif block["type"] in ("heading", "subheading"):
            assert block["value"].strip()
            assert "<" not in block["value"] or "&lt;" not in block["value"]
        elif block["type"] == "image":
            assert isinstance(block["value"]["image"], ImageUse)
    for text in strings(body.blocks) + strings(body.images):
        assert not SHORTCODE.search(text), text
        assert "<!-- wp:" not in text
        assert "<script" not in text.lower()
        assert "javascript:" not in text.lower()


@settings(max_examples=300, deadline=None)
@given(html=HTMLISH)
def test_any_html_converts_to_safe_blocks(html: str) -> None:
    body = convert(
        html,
        reusable_blocks=REUSABLE,
        attachments=ATTACHMENTS,
        page_id_for=lambda href: 5 if href.endswith("?p=1") else None,
    )
    assert_clean(body)
