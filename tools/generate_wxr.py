"""A realistic WordPress export (WXR 1.2) of N posts, for the import's bench and tests:
``python tools/generate_wxr.py N OUT.xml``.

Written item by item to the file (never built in memory), as WordPress's exporter writes it:
the channel with its authors, categories (some with parents) and tags, then attachments (some
without alt text; their files are not written, so the importer reports them missing), posts
with block-editor and classic content (headings, lists, quotes, captions, links to other posts),
a few pages, drafts and a menu item. The texts are made up from a small Polish vocabulary.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
from pathlib import Path
from typing import TextIO
from urllib.parse import quote
from xml.sax.saxutils import escape

SITE = "https://stary-biuletyn.example.org"
_WORDS_TEXT = (
    "miasto rada spotkanie konsultacje dostępność tłumacz język migowy wydarzenie "
    "warsztaty biblioteka rampa winda przystanek autobus dzielnica stowarzyszenie "
    "fundacja wolontariat szkolenie kultura teatr koncert wystawa park ścieżka lato "
    "zima wiosna jesień mieszkańcy seniorzy młodzież rodzina opiekun asystent zdrowie "
    "rehabilitacja sport basen kino festiwal plac ulica Lublin Zamość Chełm Puławy "
    "Kraśnik Biała Podlaska"
)
WORDS = _WORDS_TEXT.split()
CATEGORIES = [
    ("aktualnosci", "Aktualności", ""),
    ("kultura", "Kultura", ""),
    ("teatr", "Teatr", "kultura"),
    ("muzyka", "Muzyka", "kultura"),
    ("dostepnosc", "Dostępność", ""),
    ("transport", "Transport", "dostepnosc"),
    ("sport", "Sport", ""),
]
TAGS = ["pjm", "napisy", "seniorzy", "rodziny", "bezpłatne", "lublin", "warsztaty", "zdrowie"]
AUTHORS = [("redakcja", "Redakcja"), ("anna", "Anna Nowak"), ("piotr", "Piotr Wiśniewski")]


def cdata(text: str) -> str:
    return "<![CDATA[" + text.replace("]]>", "]]]]><![CDATA[>") + "]]>"


def sentence(rng: random.Random, n: int = 12) -> str:
    words = [rng.choice(WORDS) for _ in range(n)]
    return " ".join(words).capitalize() + "."


def block_content(rng: random.Random, post_id: int, image_id: int | None) -> str:
    parts = [
        f"<!-- wp:paragraph -->\n<p>{sentence(rng, 20)} {sentence(rng)}</p>\n"
        "<!-- /wp:paragraph -->",
        f"<!-- wp:heading -->\n<h2>{sentence(rng, 4)}</h2>\n<!-- /wp:heading -->",
        "<!-- wp:list -->\n<ul><li>"
        + "</li><li>".join(sentence(rng, 5) for _ in range(3))
        + "</li></ul>\n<!-- /wp:list -->",
    ]
    if image_id is not None:
        parts.append(
            f'<!-- wp:image {{"id":{image_id},"sizeSlug":"large"}} -->\n'
            '<figure class="wp-block-image size-large">'
            f'<img src="{SITE}/wp-content/uploads/2024/05/zdjecie-{image_id}.jpg" '
            f'alt="" class="wp-image-{image_id}"/><figcaption>{sentence(rng, 6)}</figcaption>'
            "</figure>\n<!-- /wp:image -->"
        )
    if post_id > 1:
        parts.append(
            f'<!-- wp:paragraph -->\n<p>Zobacz też <a href="{SITE}/?p={post_id - 1}">poprzedni '
            "wpis</a>.</p>\n<!-- /wp:paragraph -->"
        )
    parts.append(
        f'<!-- wp:quote -->\n<blockquote class="wp-block-quote"><p>{sentence(rng, 10)}</p>'
        f"<cite>{rng.choice(AUTHORS)[1]}</cite></blockquote>\n<!-- /wp:quote -->"
    )
    return "\n\n".join(parts)


def classic_content(rng: random.Random, image_id: int | None) -> str:
    text = f"{sentence(rng, 25)}\n\n<strong>{sentence(rng, 6)}</strong> {sentence(rng)}\n\n"
    if image_id is not None:
        text += (
            f'[caption id="attachment_{image_id}" align="aligncenter" width="640"]<img '
            f'class="size-large wp-image-{image_id}" src="{SITE}/wp-content/uploads/2024/05/'
            f'zdjecie-{image_id}.jpg" alt="{sentence(rng, 5)}" width="640" height="400" /> '
            f"{sentence(rng, 5)}[/caption]\n\n"
        )
    text += "<h3>" + sentence(rng, 3) + "</h3>\n\n" + sentence(rng, 30)
    return text


def item(out: TextIO, **f: object) -> None:
    meta = "".join(
        f"\t\t<wp:postmeta>\n\t\t\t<wp:meta_key>{cdata(str(k))}</wp:meta_key>\n"
        f"\t\t\t<wp:meta_value>{cdata(str(v))}</wp:meta_value>\n\t\t</wp:postmeta>\n"
        for k, v in f.get("meta", [])  # type: ignore[attr-defined]
    )
    terms = "".join(
        f'\t\t<category domain="{domain}" nicename="{slug}">{cdata(name)}</category>\n'
        for domain, slug, name in f.get("terms", [])  # type: ignore[attr-defined]
    )
    date: dt.datetime = f["date"]  # type: ignore[assignment]
    gmt = date - dt.timedelta(hours=2)
    attachment = (
        f"\t\t<wp:attachment_url>{cdata(str(f['attachment_url']))}</wp:attachment_url>\n"
        if f.get("attachment_url")
        else ""
    )
    out.write(
        "\t<item>\n"
        f"\t\t<title>{cdata(str(f['title']))}</title>\n"
        f"\t\t<link>{escape(str(f['link']))}</link>\n"
        f"\t\t<pubDate>{date:%a, %d %b %Y %H:%M:%S} +0000</pubDate>\n"
        f"\t\t<dc:creator>{cdata(str(f['author']))}</dc:creator>\n"
        f'\t\t<guid isPermaLink="false">{SITE}/?p={f["id"]}</guid>\n'
        "\t\t<description></description>\n"
        f"\t\t<content:encoded>{cdata(str(f.get('content', '')))}</content:encoded>\n"
        f"\t\t<excerpt:encoded>{cdata(str(f.get('excerpt', '')))}</excerpt:encoded>\n"
        f"\t\t<wp:post_id>{f['id']}</wp:post_id>\n"
        f"\t\t<wp:post_date>{cdata(f'{date:%Y-%m-%d %H:%M:%S}')}</wp:post_date>\n"
        f"\t\t<wp:post_date_gmt>{cdata(f'{gmt:%Y-%m-%d %H:%M:%S}')}</wp:post_date_gmt>\n"
        f"\t\t<wp:post_modified>{cdata(f'{date:%Y-%m-%d %H:%M:%S}')}</wp:post_modified>\n"
        f"\t\t<wp:post_modified_gmt>{cdata(f'{gmt:%Y-%m-%d %H:%M:%S}')}</wp:post_modified_gmt>\n"
        "\t\t<wp:comment_status><![CDATA[closed]]></wp:comment_status>\n"
        "\t\t<wp:ping_status><![CDATA[closed]]></wp:ping_status>\n"
        f"\t\t<wp:post_name>{cdata(str(f['slug']))}</wp:post_name>\n"
        f"\t\t<wp:status>{cdata(str(f.get('status', 'publish')))}</wp:status>\n"
        f"\t\t<wp:post_parent>{f.get('parent', 0)}</wp:post_parent>\n"
        "\t\t<wp:menu_order>0</wp:menu_order>\n"
        f"\t\t<wp:post_type>{cdata(str(f['type']))}</wp:post_type>\n"
        "\t\t<wp:post_password><![CDATA[]]></wp:post_password>\n"
        "\t\t<wp:is_sticky>0</wp:is_sticky>\n"
        f"{attachment}{terms}{meta}"
        "\t</item>\n"
    )


def generate(count: int, out: TextIO, *, seed: int = 12) -> None:
    rng = random.Random(seed)  # noqa: S311  (made-up texts, not security)
    out.write(
        '<?xml version="1.0" encoding="UTF-8" ?>\n'
        '<rss version="2.0"\n\txmlns:excerpt="http://wordpress.org/export/1.2/excerpt/"\n'
        '\txmlns:content="http://purl.org/rss/1.0/modules/content/"\n'
        '\txmlns:wfw="http://wellformedweb.org/CommentAPI/"\n'
        '\txmlns:dc="http://purl.org/dc/elements/1.1/"\n'
        '\txmlns:wp="http://wordpress.org/export/1.2/"\n>\n<channel>\n'
        "\t<title>Stary biuletyn</title>\n"
        f"\t<link>{SITE}</link>\n"
        "\t<description>Wiadomości dla mieszkańców</description>\n"
        "\t<pubDate>Mon, 01 Jul 2024 10:00:00 +0000</pubDate>\n"
        "\t<language>pl-PL</language>\n"
        "\t<wp:wxr_version>1.2</wp:wxr_version>\n"
        f"\t<wp:base_site_url>{SITE}</wp:base_site_url>\n"
        f"\t<wp:base_blog_url>{SITE}</wp:base_blog_url>\n"
    )
    for number, (login, name) in enumerate(AUTHORS, start=1):
        out.write(
            f"\t<wp:author><wp:author_id>{number}</wp:author_id><wp:author_login>{cdata(login)}"
            f"</wp:author_login><wp:author_email>{cdata(login + '@example.org')}"
            f"</wp:author_email><wp:author_display_name>{cdata(name)}</wp:author_display_name>"
            "<wp:author_first_name><![CDATA[]]></wp:author_first_name><wp:author_last_name>"
            "<![CDATA[]]></wp:author_last_name></wp:author>\n"
        )
    for number, (slug, name, parent) in enumerate(CATEGORIES, start=1):
        out.write(
            f"\t<wp:category><wp:term_id>{number}</wp:term_id><wp:category_nicename>"
            f"{cdata(slug)}</wp:category_nicename><wp:category_parent>{cdata(parent)}"
            f"</wp:category_parent><wp:cat_name>{cdata(name)}</wp:cat_name></wp:category>\n"
        )
    for number, slug in enumerate(TAGS, start=100):
        out.write(
            f"\t<wp:tag><wp:term_id>{number}</wp:term_id><wp:tag_slug>{cdata(slug)}"
            f"</wp:tag_slug><wp:tag_name>{cdata(slug)}</wp:tag_name></wp:tag>\n"
        )
    start = dt.datetime(2015, 1, 5, 9, 0)
    attachments = max(1, count // 10)
    next_id = 1
    for number in range(attachments):
        item(
            out,
            id=next_id,
            type="attachment",
            status="inherit",
            title=f"Zdjęcie {number + 1}",
            slug=f"zdjecie-{next_id}",
            link=f"{SITE}/zdjecie-{next_id}/",
            author="redakcja",
            date=start,
            attachment_url=f"{SITE}/wp-content/uploads/2024/05/zdjecie-{next_id}.jpg",
            meta=[("_wp_attached_file", f"2024/05/zdjecie-{next_id}.jpg")]
            + ([("_wp_attachment_image_alt", sentence(rng, 6))] if number % 3 else []),
        )
        next_id += 1
    first_post = next_id
    for number in range(count):
        post_id = first_post + number
        date = start + dt.timedelta(hours=13 * number)
        image_id = rng.randrange(1, attachments + 1) if number % 4 == 0 else None
        content = (
            block_content(rng, post_id, image_id) if number % 2 else classic_content(rng, image_id)
        )
        # WordPress keeps a non-Latin slug percent-encoded, in lower case, in the slug and link.
        slug = quote(f"wpis-{post_id}-{rng.choice(WORDS).lower()}").lower()
        category = rng.choice(CATEGORIES)
        tags = rng.sample(TAGS, 2)
        item(
            out,
            id=post_id,
            type="post",
            status="draft" if number % 50 == 49 else "publish",
            title=sentence(rng, 6).rstrip("."),
            slug=slug,
            link=f"{SITE}/{date:%Y/%m/%d}/{slug}/",
            author=rng.choice(AUTHORS)[0],
            date=date,
            content=content,
            excerpt=sentence(rng, 15) if number % 3 == 0 else "",
            terms=[("category", category[0], category[1])]
            + [("post_tag", tag, tag) for tag in tags],
            meta=[("_thumbnail_id", image_id)] if image_id else [],
        )
    page_id = first_post + count
    for number in range(max(1, count // 500)):
        item(
            out,
            id=page_id + number,
            type="page",
            title=f"Strona {number + 1}",
            slug=f"strona-{number + 1}",
            link=f"{SITE}/strona-{number + 1}/",
            author="redakcja",
            date=start,
            content=f"<p>{sentence(rng, 30)}</p>",
            parent=page_id if number else 0,
        )
    item(
        out,
        id=page_id + count,
        type="nav_menu_item",
        title="",
        slug=str(page_id + count),
        link=f"{SITE}/?p={page_id + count}",
        author="redakcja",
        date=start,
        meta=[("_menu_item_object_id", page_id)],
    )
    out.write("</channel>\n</rss>\n")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python tools/generate_wxr.py", description=__doc__)
    parser.add_argument("count", type=int, help="how many posts")
    parser.add_argument("out", type=Path, help="where to write the export")
    args = parser.parse_args(argv)
    with args.out.open("w", encoding="utf-8") as out:
        generate(args.count, out)


if __name__ == "__main__":
    main()
