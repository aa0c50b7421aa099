"""The parser's test export (tests/imports/data, its README lists every item), imported, and the
variants of it the re-import and failure tests build (README, "Variants built by the tests")."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path
from typing import Any

import pytest

DATA = Path(__file__).parent / "data"
EXPORT = DATA / "bulletin.xml"
UPLOADS = DATA / "uploads"
SITE = "https://rada-lublin.example.org"
# Between the export's last post (2024-06) and its scheduled one (2035-09-14): README.
NOW = dt.datetime(2025, 1, 15, 12, 0, tzinfo=dt.UTC)
PUBLIC_POSTS = (10, 11, 12, 13, 14, 15, 22)
PUBLIC_PAGES = (30, 31, 32)


def run_import(path: Path = EXPORT, **kwargs: Any) -> Any:
    from biuletyn.imports.services import import_export

    kwargs.setdefault("media_dir", UPLOADS)
    kwargs.setdefault("now", NOW)
    return import_export(path=path, **kwargs)


def page_of(post_id: int) -> Any:
    """The live page WordPress item ``post_id`` became."""
    from biuletyn.imports.models import ImportedItem

    return ImportedItem.objects.get(site_url=SITE, post_id=post_id).page.specific


@pytest.fixture
def imported(site_tree: Any) -> Any:
    """The test export imported once, with its uploads: the report."""
    return run_import()


# --- variants of the export ----------------------------------------------------------------------


def replace_once(text: str, old: str, new: str) -> str:
    """``old`` replaced by ``new``; ``old`` must occur exactly once (the variant stays what its
    test says it is when bulletin.xml changes)."""
    assert text.count(old) == 1, f"expected once in bulletin.xml: {old!r}"
    return text.replace(old, new)


def post_xml(
    post_id: int,
    *,
    title: str,
    slug: str,
    local: str,
    gmt: str,
    content: str,
    post_type: str = "post",
    attachment: str = "",
    alt: str = "",
) -> str:
    """One ``<item>`` the way WordPress 6.5 writes it: a published post (or an attachment of the
    file ``attachment`` under wp-content/uploads, with its alt text)."""
    day = local[:10].replace("-", "/")
    link = f"{SITE}/{day}/{slug}/"
    extra = ""
    if attachment:
        link = f"{SITE}/wp-content/uploads/{attachment}"
        extra = f"\t\t<wp:attachment_url><![CDATA[{link}]]></wp:attachment_url>\n"
        extra += _meta("_wp_attached_file", attachment)
        if alt:
            extra += _meta("_wp_attachment_image_alt", alt)
    else:
        extra = '\t\t<category domain="category" nicename="aktualnosci"><![CDATA[Aktualności]]>'
        extra += "</category>\n"
    return f"""\t<item>
\t\t<title><![CDATA[{title}]]></title>
\t\t<link>{link}</link>
\t\t<dc:creator><![CDATA[anna.wisniewska]]></dc:creator>
\t\t<guid isPermaLink="false">{SITE}/?p={post_id}</guid>
\t\t<description></description>
\t\t<content:encoded><![CDATA[{content}]]></content:encoded>
\t\t<excerpt:encoded><![CDATA[]]></excerpt:encoded>
\t\t<wp:post_id>{post_id}</wp:post_id>
\t\t<wp:post_date><![CDATA[{local}]]></wp:post_date>
\t\t<wp:post_date_gmt><![CDATA[{gmt}]]></wp:post_date_gmt>
\t\t<wp:post_name><![CDATA[{slug}]]></wp:post_name>
\t\t<wp:status><![CDATA[{"inherit" if attachment else "publish"}]]></wp:status>
\t\t<wp:post_parent>0</wp:post_parent>
\t\t<wp:menu_order>0</wp:menu_order>
\t\t<wp:post_type><![CDATA[{"attachment" if attachment else post_type}]]></wp:post_type>
\t\t<wp:post_password><![CDATA[]]></wp:post_password>
\t\t<wp:is_sticky>0</wp:is_sticky>
{extra}\t</item>
"""


def _meta(key: str, value: str) -> str:
    return (
        f"\t\t<wp:postmeta>\n\t\t\t<wp:meta_key><![CDATA[{key}]]></wp:meta_key>\n"
        f"\t\t\t<wp:meta_value><![CDATA[{value}]]></wp:meta_value>\n\t\t</wp:postmeta>\n"
    )


def with_items(text: str, *items: str) -> str:
    """The export with ``items`` added at its end, as a later export of the same site has them."""
    return replace_once(text, "</channel>", "".join(items) + "</channel>")


NEW_POST = post_xml(
    23,
    title="Nowy dyżur tłumaczki PJM w urzędzie",
    slug="nowy-dyzur-tlumaczki-pjm",
    local="2024-06-20 09:00:00",
    gmt="2024-06-20 07:00:00",
    content="<!-- wp:paragraph -->\n<p>Od lipca tłumaczka PJM dyżuruje w urzędzie także "
    "w środy, od 12:00 do 16:00.</p>\n<!-- /wp:paragraph -->",
)
CHANGED_TITLE = "Pierwsze wydanie biuletynu Rady (poprawione)"
CHANGED_TEXT = "Witamy w pierwszym, poprawionym wydaniu biuletynu Rady!"


def changed_export(directory: Path) -> Path:
    """A later export of the same site: post 22's title, text and date changed (so its permalink
    too), post 10's text changed, and a new post 23 at the end."""
    text = EXPORT.read_text(encoding="utf-8")
    text = replace_once(
        text,
        "<title><![CDATA[Pierwsze wydanie biuletynu]]></title>",
        f"<title><![CDATA[{CHANGED_TITLE}]]></title>",
    )
    text = replace_once(
        text,
        "<content:encoded><![CDATA[Witamy w pierwszym wydaniu biuletynu Rady!",
        f"<content:encoded><![CDATA[{CHANGED_TEXT}",
    )
    text = replace_once(
        text,
        "<link>https://rada-lublin.example.org/2019/02/01/pierwsze-wydanie-biuletynu/</link>",
        "<link>https://rada-lublin.example.org/2019/02/04/pierwsze-wydanie-biuletynu/</link>",
    )
    text = replace_once(
        text,
        "<wp:post_date><![CDATA[2019-02-01 12:00:00]]></wp:post_date>",
        "<wp:post_date><![CDATA[2019-02-04 12:00:00]]></wp:post_date>",
    )
    text = replace_once(
        text,
        "Pokażemy odnowione pracownie i opowiemy",
        "Pokażemy odnowione pracownie i nową windę, a potem opowiemy",
    )
    path = directory / "bulletin-changed.xml"
    path.write_text(with_items(text, NEW_POST), encoding="utf-8")
    return path


@pytest.fixture
def changed(tmp_path: Path) -> Path:
    return changed_export(tmp_path)


DAMAGED_POST = 24
LATER_POST = 25


def damaged_image_export(directory: Path) -> tuple[Path, Path]:
    """The export with three more items at its end, and a copy of the uploads: attachment 110
    (a good photo), attachment 111 (a "photo" that is an HTML error page the old server wrote
    instead of the file, as half-done copies of wp-content/uploads hold), post 24 that shows 110
    and then 111, and post 25 after it. Returns (export, uploads)."""
    uploads = directory / "uploads"
    shutil.copytree(UPLOADS, uploads)
    (uploads / "2024/06").mkdir(parents=True)
    shutil.copy(
        UPLOADS / "2024/03/sala-konferencyjna.jpg", uploads / "2024/06/sala-warsztatowa.jpg"
    )
    (uploads / "2024/06/mapa-dojazdu.jpg").write_text(
        "<html><body><h1>503 Service Unavailable</h1></body></html>", encoding="utf-8"
    )
    items = [
        post_xml(
            110,
            title="Sala warsztatowa",
            slug="sala-warsztatowa",
            local="2024-06-21 09:00:00",
            gmt="2024-06-21 07:00:00",
            content="",
            attachment="2024/06/sala-warsztatowa.jpg",
            alt="Jasna sala z dużym stołem i krzesłami z podłokietnikami",
        ),
        post_xml(
            111,
            title="Mapa dojazdu",
            slug="mapa-dojazdu",
            local="2024-06-21 09:00:00",
            gmt="2024-06-21 07:00:00",
            content="",
            attachment="2024/06/mapa-dojazdu.jpg",
            alt="Mapa: przystanek Plac Litewski i 200 metrów do wejścia od ulicy Kościuszki",
        ),
        post_xml(
            DAMAGED_POST,
            title="Warsztaty w nowej sali",
            slug="warsztaty-w-nowej-sali",
            local="2024-06-22 09:00:00",
            gmt="2024-06-22 07:00:00",
            content=_image_block(110, "2024/06/sala-warsztatowa.jpg")
            + "\n\n"
            + _image_block(111, "2024/06/mapa-dojazdu.jpg"),
        ),
        post_xml(
            LATER_POST,
            title="Zmiana godzin dyżuru",
            slug="zmiana-godzin-dyzuru",
            local="2024-06-23 09:00:00",
            gmt="2024-06-23 07:00:00",
            content="<!-- wp:paragraph -->\n<p>W lipcu dyżur zaczyna się o 9:00.</p>\n"
            "<!-- /wp:paragraph -->",
        ),
    ]
    path = directory / "bulletin-damaged-image.xml"
    path.write_text(with_items(EXPORT.read_text(encoding="utf-8"), *items), encoding="utf-8")
    return path, uploads


def _image_block(attachment_id: int, file: str) -> str:
    return (
        f'<!-- wp:image {{"id":{attachment_id},"sizeSlug":"large"}} -->\n'
        f'<figure class="wp-block-image size-large"><img src="{SITE}/wp-content/uploads/{file}" '
        f'alt="" class="wp-image-{attachment_id}"/></figure>\n<!-- /wp:image -->'
    )


def malformed_export(directory: Path) -> tuple[Path, int]:
    """The export with item 13's title closed by a misspelt tag (``</titel>``): well-formed up to
    item 12, broken in the middle. Returns (export, the line of the damage)."""
    text = EXPORT.read_text(encoding="utf-8")
    broken = "<title><![CDATA[Ogród sensoryczny na Czechowie]]></titel>"
    text = replace_once(text, "<title><![CDATA[Ogród sensoryczny na Czechowie]]></title>", broken)
    line = text[: text.index(broken)].count("\n") + 1
    path = directory / "bulletin-malformed.xml"
    path.write_text(text, encoding="utf-8")
    return path, line


HTML_PAGE = """<!DOCTYPE html>
<html lang="pl">
<head><meta charset="utf-8"><title>Biuletyn Rady – strona główna</title></head>
<body><h1>Biuletyn Lubelskiej Rady Dostępności</h1><p>Zapraszamy do lektury.</p></body>
</html>
"""
