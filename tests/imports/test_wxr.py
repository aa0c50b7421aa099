"""The WordPress export reader (issue 12): the test export read field by field (slugs
percent-decoded, both dates across the DST changes, metas, terms and their parents), which items
are public for every status, and a clear WxrError, with its line, for a truncated file, an RSS
feed that is not an export, a wrong encoding, an unsupported version and a missing file. The
reader streams: items come out one by one and the tree does not keep them."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from django.utils import translation
from hypothesis import given, settings
from hypothesis import strategies as st

from biuletyn.imports import wxr

pytestmark = pytest.mark.unit

DATA = Path(__file__).parent / "data"
EXPORT = DATA / "bulletin.xml"
NOW = datetime(2026, 1, 1, tzinfo=UTC)


@pytest.fixture(autouse=True)
def _english() -> object:
    """The messages are asserted in English (msgids); one test reads them in Polish."""
    with translation.override("en"):
        yield


@pytest.fixture(scope="module")
def items() -> dict[int, wxr.Item]:
    return {item.post_id: item for item in wxr.iter_items(EXPORT)}


def test_channel() -> None:
    channel = wxr.read_channel(EXPORT)
    assert channel.title == "Biuletyn Lubelskiej Rady Dostępności"
    assert channel.link == channel.base_site_url == "https://rada-lublin.example.org"
    assert channel.base_blog_url == "https://rada-lublin.example.org"
    assert channel.language == "pl-PL"
    assert channel.wxr_version == "1.2"
    assert channel.authors[1] == wxr.Author(
        login="lukasz",
        email="lukasz.zoltowski@rada-lublin.example.org",
        display_name="Łukasz Żółtowski",
        first_name="Łukasz",
        last_name="Żółtowski",
    )
    terms = {(t.taxonomy, t.slug): t for t in channel.terms}
    assert terms["category", "warsztaty"].parent_slug == "wydarzenia"
    assert terms["category", "wydarzenia"].parent_slug is None
    assert terms["category", "wydarzenia"].description.startswith("Spotkania")
    assert terms["category", "для-біженців"].name == "Для біженців"
    assert terms["category", "для-біженців"].parent_slug == "aktualnosci"
    assert terms["post_tag", "łączniczka"].name == "łączniczka"
    assert terms["post_tag", "dostepnosc"].name == "dostępność"
    assert terms["nav_menu", "menu-glowne"].name == "Menu główne"
    assert len(channel.terms) == 11


def test_every_item_is_read_in_file_order(items: dict[int, wxr.Item]) -> None:
    assert len(items) == 30 == wxr.count_items(EXPORT)
    assert list(items)[:2] == [101, 102]


def test_a_block_editor_post(items: dict[int, wxr.Item]) -> None:
    post = items[10]
    assert (post.post_type, post.status, post.post_name) == (
        "post",
        "publish",
        "dzien-otwarty-w-centrum-integracji",
    )
    assert post.title == "Dzień otwarty w Centrum Integracji przy Narutowicza"
    assert (
        post.link
        == "https://rada-lublin.example.org/2024/05/14/dzien-otwarty-w-centrum-integracji/"
    )
    assert post.guid == "https://rada-lublin.example.org/?p=10"
    assert post.creator == "anna.wisniewska"
    assert post.is_sticky
    assert post.content.startswith("<!-- wp:paragraph -->")
    assert "Czy na dzień otwarty" not in post.content  # comments are not content
    assert post.excerpt.startswith("Odnowione pracownie")
    assert post.categories == (
        ("post_tag", "dostepnosc", "dostępność"),
        ("post_tag", "lublin", "Lublin"),
        ("category", "wydarzenia", "Wydarzenia"),
    )
    assert post.postmeta["_thumbnail_id"] == ("101",)
    assert post.meta("_thumbnail_id") == "101"
    assert post.meta("nothing", "x") == "x"
    assert post.post_modified_gmt == datetime(2024, 5, 20, 7, 12, 3, tzinfo=UTC)


def test_dates_across_the_dst_changes(items: dict[int, wxr.Item]) -> None:
    # Before the spring change (CET, +1), the night of it (CEST, +2), the ambiguous autumn hour.
    assert items[11].post_date == datetime(2024, 3, 28, 10, 0)
    assert items[11].post_date_gmt == datetime(2024, 3, 28, 9, 0, tzinfo=UTC)
    assert items[12].post_date == datetime(2024, 3, 31, 3, 30)
    assert items[12].post_date_gmt == datetime(2024, 3, 31, 1, 30, tzinfo=UTC)
    assert items[13].post_date == datetime(2023, 10, 29, 2, 30)
    assert items[13].post_date_gmt == datetime(2023, 10, 29, 1, 30, tzinfo=UTC)
    assert items[12].post_date.tzinfo is None


def test_zero_gmt_dates_are_none(items: dict[int, wxr.Item]) -> None:
    assert items[16].post_date_gmt is None
    assert items[16].post_date == datetime(2024, 6, 18, 11, 0)
    assert items[22].post_date_gmt is None
    assert items[22].post_date == datetime(2019, 2, 1, 12, 0)


def test_slugs_are_percent_decoded(items: dict[int, wxr.Item]) -> None:
    assert items[14].post_name == "zaproszenie-na-spotkanie-z-łączniczką"
    assert items[15].post_name == "консультації-для-біженців"
    assert ("category", "для-біженців", "Для біженців") in items[15].categories
    assert ("post_tag", "łączniczka", "łączniczka") in items[14].categories
    # The link stays as WordPress wrote it.
    assert "%c5%82%c4%85czniczk%c4%85" in items[14].link
    assert items[16].post_name == ""


def test_old_slugs_and_trash_metas(items: dict[int, wxr.Item]) -> None:
    assert items[14].postmeta["_wp_old_slug"] == (
        "spotkanie-z-koordynatorka",
        "spotkanie-z-koordynatorka-dostepnosci",
    )
    assert items[21].post_name == "nieaktualny-termin-zebrania__trashed"
    assert items[21].meta("_wp_desired_post_slug") == "nieaktualny-termin-zebrania"


def test_attachments(items: dict[int, wxr.Item]) -> None:
    poster = items[101]
    assert poster.post_type == "attachment"
    assert poster.status == "inherit"
    assert poster.post_parent == 10
    assert poster.attachment_url == (
        "https://rada-lublin.example.org/wp-content/uploads/2024/05/plakat-dzien-otwarty.jpg"
    )
    assert poster.meta("_wp_attached_file") == "2024/05/plakat-dzien-otwarty.jpg"
    assert poster.meta("_wp_attachment_image_alt").startswith("Plakat dnia otwartego")
    assert poster.meta("_wp_attachment_metadata").startswith("a:5:{")
    assert items[102].excerpt == "Sala na parterze, gotowa na spotkanie"
    assert items[103].meta("_wp_attachment_image_alt") == "zdjęcie"
    assert "_wp_attachment_image_alt" not in items[104].postmeta
    assert items[109].postmeta["_wp_attachment_image_alt"] == ("",)


def test_pages_and_their_parents(items: dict[int, wxr.Item]) -> None:
    assert items[31].post_type == "page"
    assert items[31].post_parent == 30
    assert items[31].menu_order == 1
    assert items[30].guid == "https://rada-lublin.example.org/?page_id=30"


PUBLIC = {10, 11, 12, 13, 14, 15, 22, 30, 31, 32}


def test_which_items_are_public(items: dict[int, wxr.Item]) -> None:
    assert {pid for pid, item in items.items() if wxr.is_public(item, now=NOW)} == PUBLIC


@pytest.mark.parametrize(
    ("post_id", "why"),
    [
        (16, "draft"),
        (17, "pending"),
        (18, "private"),
        (19, "password"),
        (20, "scheduled"),
        (21, "trashed post"),
        (33, "trashed page"),
        (40, "menu item"),
        (50, "reusable block"),
        (101, "attachment"),
    ],
)
def test_never_public(items: dict[int, wxr.Item], post_id: int, why: str) -> None:
    assert not wxr.is_public(items[post_id], now=datetime(2040, 1, 1, tzinfo=UTC)), why


def test_published_but_dated_after_now_is_not_public(items: dict[int, wxr.Item]) -> None:
    post = items[14]
    assert not wxr.is_public(post, now=datetime(2024, 6, 3, 9, 59, tzinfo=UTC))
    assert wxr.is_public(post, now=datetime(2024, 6, 3, 10, 0, tzinfo=UTC))


def test_is_public_needs_an_aware_now(items: dict[int, wxr.Item]) -> None:
    with pytest.raises(ValueError, match="aware"):
        wxr.is_public(items[10], now=datetime(2026, 1, 1))


def test_truncated_file_yields_the_items_before_the_damage() -> None:
    read: list[int] = []

    def read_all() -> None:
        for item in wxr.iter_items(DATA / "truncated.xml"):
            read.append(item.post_id)

    with pytest.raises(wxr.WxrError) as caught:
        read_all()
    assert read == [101, 102]
    assert caught.value.line == 190
    assert "ends too early (line 190)" in str(caught.value)


def test_an_rss_feed_is_not_an_export() -> None:
    with pytest.raises(wxr.WxrError, match="RSS feed, not a WordPress export"):
        wxr.read_channel(DATA / "not_wxr.xml")
    with pytest.raises(wxr.WxrError, match="RSS feed, not a WordPress export"):
        list(wxr.iter_items(DATA / "not_wxr.xml"))


def test_a_wrong_encoding_is_named() -> None:
    with pytest.raises(wxr.WxrError) as caught:
        wxr.read_channel(DATA / "cp1250.xml")
    assert caught.value.line == 11
    assert "not in the encoding it declares (line 11)" in str(caught.value)


def test_messages_follow_the_active_language() -> None:
    with translation.override("pl"), pytest.raises(wxr.WxrError) as polish:
        wxr.read_channel(DATA / "not_wxr.xml")
    assert str(polish.value).startswith("Ten plik to kanał RSS")


WXR_HEAD = (
    '<?xml version="1.0" encoding="UTF-8" ?>\n'
    '<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"'
    ' xmlns:dc="http://purl.org/dc/elements/1.1/"'
    ' xmlns:excerpt="http://wordpress.org/export/{v}/excerpt/"'
    ' xmlns:wp="http://wordpress.org/export/{v}/">\n<channel>\n'
)


def write(tmp_path: Path, body: str, version: str = "1.2", name: str = "export.xml") -> Path:
    path = tmp_path / name
    path.write_text(WXR_HEAD.format(v=version) + body, encoding="utf-8")
    return path


def test_unsupported_version(tmp_path: Path) -> None:
    path = write(tmp_path, "<wp:wxr_version>2.0</wp:wxr_version></channel></rss>")
    with pytest.raises(wxr.WxrError, match=r"version 2\.0"):
        wxr.read_channel(path)
    path = write(tmp_path, "</channel></rss>", version="9.9")
    with pytest.raises(wxr.WxrError, match=r"version 9\.9"):
        list(wxr.iter_items(path))


def test_an_old_export_without_a_version_element(tmp_path: Path) -> None:
    path = write(tmp_path, "<title>Stary</title></channel></rss>", version="1.1")
    assert wxr.read_channel(path).wxr_version == "1.1"


def test_other_wrong_files(tmp_path: Path) -> None:
    html = tmp_path / "page.xml"
    html.write_text("<html><body><p>Nie eksport</p></body></html>", encoding="utf-8")
    with pytest.raises(wxr.WxrError, match="<html>"):
        wxr.read_channel(html)
    empty = tmp_path / "empty.xml"
    empty.write_bytes(b"")
    with pytest.raises(wxr.WxrError, match="empty"):
        wxr.read_channel(empty)
    with pytest.raises(wxr.WxrError, match="could not be read"):
        wxr.read_channel(tmp_path / "nowhere.xml")
    broken = write(tmp_path, "<item><title>a</titel></item></channel></rss>\n\n")
    with pytest.raises(wxr.WxrError, match="not well-formed XML"):
        list(wxr.iter_items(broken))


def test_entities_are_never_expanded(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("tajne", encoding="utf-8")
    path = tmp_path / "xxe.xml"
    path.write_text(
        f'<?xml version="1.0"?>\n<!DOCTYPE rss [<!ENTITY x SYSTEM "file://{secret}">]>\n'
        + WXR_HEAD.format(v="1.2").split("\n", 1)[1]
        + "<item><title>&x;</title><wp:post_id>1</wp:post_id></item></channel></rss>",
        encoding="utf-8",
    )
    try:
        titles = [item.title for item in wxr.iter_items(path)]
    except wxr.WxrError:
        return  # refusing the file is as safe as not expanding it
    assert "tajne" not in "".join(titles)


def test_cdata_split_around_its_end_marker(tmp_path: Path) -> None:
    # WordPress writes "]]>" inside content as "]]]]><![CDATA[>".
    path = write(
        tmp_path,
        "<item><wp:post_id>5</wp:post_id>"
        "<content:encoded><![CDATA[a]]]]><![CDATA[>b]]></content:encoded></item>"
        "</channel></rss>",
    )
    assert [item.content for item in wxr.iter_items(path)] == ["a]]>b"]


def test_an_item_without_an_id(tmp_path: Path) -> None:
    path = write(tmp_path, "<item><title>bez numeru</title></item></channel></rss>")
    with pytest.raises(wxr.WxrError, match="no WordPress id"):
        list(wxr.iter_items(path))


def test_items_are_cleared_as_they_are_read(tmp_path: Path) -> None:
    body = "".join(
        f"<item><wp:post_id>{n}</wp:post_id><content:encoded><![CDATA[{'ą' * 500}]]>"
        "</content:encoded></item>"
        for n in range(200)
    )
    path = write(tmp_path, body + "</channel></rss>")
    seen = 0
    for item in wxr.iter_items(path):
        seen += 1
        assert len(item.content) == 500
    assert seen == 200 == wxr.count_items(path)


def test_forget_drops_the_item_and_its_elder_siblings() -> None:
    from lxml import etree

    channel = etree.fromstring("<channel><title/><item/><item/><item/></channel>")
    third = channel[3]
    wxr._forget(third)
    assert len(channel) == 1
    assert len(third) == 0


@settings(max_examples=60, deadline=None)
@given(slug=st.text(max_size=30))
def test_any_slug_round_trips_through_percent_encoding(tmp_path_factory, slug: str) -> None:
    from urllib.parse import quote
    from xml.sax.saxutils import escape

    clean = slug.strip()
    encoded = quote(clean, safe="")
    path = write(
        tmp_path_factory.mktemp("slug"),
        f"<item><wp:post_id>1</wp:post_id><wp:post_name>{escape(encoded)}</wp:post_name>"
        "</item></channel></rss>",
    )
    assert [item.post_name for item in wxr.iter_items(path)] == [clean]
