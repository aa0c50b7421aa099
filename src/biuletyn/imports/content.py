"""A WordPress post's content turned into Biuletyn's body blocks (issue 12).

:func:`convert` takes the HTML of ``content:encoded`` (block editor or classic) and gives the
StreamField raw data for :func:`biuletyn.pages.blocks.body_blocks`, in this order of work:

1. **Reusable blocks** (``<!-- wp:block {"ref":N} /-->``) are replaced by the content of the
   ``wp_block`` item N from ``reusable_blocks``, recursively; a block that refers to itself,
   directly or through others, is expanded once, and an unknown reference disappears.
2. **Shortcodes** (:mod:`.shortcodes`): ``[caption]`` → an image with its caption,
   ``[gallery ids=…]`` → image blocks from ``attachments``, ``[embed]URL[/embed]``,
   ``[video]`` and ``[audio]`` → a paragraph with a link; any other shortcode is removed, its
   inner text kept.
3. **Paragraphs**: content without Gutenberg comments is classic and gets WordPress's
   ``wpautop`` treatment (blank lines are paragraphs, a single line break is ``<br>``).
4. **Sanitising** with nh3: only the tags our blocks can hold survive (and containers whose
   text we keep); ``<script>``, ``<style>``, ``<iframe>``, ``<object>``, ``<svg>`` and the
   like go with their content; every attribute goes except ``href`` on links and ``src``,
   ``alt``, ``class`` and ``data-id`` on images (to find the attachment); links keep only the
   http, https, mailto and tel schemes (``javascript:`` and the like are dropped); HTML comments,
   Gutenberg's among them, are removed.
5. **Blocks**, walking the tree:

   - ``h1``/``h2`` → ``heading``, ``h3``–``h6`` → ``subheading``, as plain text;
   - paragraphs and lists → ``paragraph`` in Wagtail's rich-text database format (bold as
     ``<b>``, italic as ``<i>``, links, ``<ul>``/``<ol>`` as top-level elements of the value;
     consecutive paragraphs and lists share one block); empty paragraphs are dropped;
   - ``blockquote`` → ``quote`` (``cite`` → attribution), plain text;
   - every ``img`` → an ``image`` block with an :class:`ImageUse` (the importer replaces it by
     an image id), its caption from the ``figcaption`` of its figure (galleries give one block
     per image); an image inside a paragraph splits the paragraph around it;
   - **tables are flattened to paragraphs**: the caption first, in bold, then one paragraph per
     row, "heading: value; heading: value" when the table has a heading row, else the cells
     joined by " – " (our table block holds typed cells an import cannot guess);
   - ``pre`` → a paragraph with line breaks; ``hr`` starts a new paragraph block;
   - a paragraph that is only a URL (an oEmbed line, an embed block) becomes a link to it.

   Links: ``rel``, ``target`` and every other attribute are stripped; a link that
   ``page_id_for(href)`` recognises (the permalink, ``?p=ID`` or ``?page_id=ID`` of another
   imported item) becomes ``<a linktype="page" id="N">`` and its href goes to
   ``internal_links``; hrefs and image sources under ``/wp-content/uploads/`` go to
   ``media_links`` for the importer to check; a fragment-only link (``#dojazd``) keeps its
   text only (the anchors are gone).

An image's alt text is the ``alt`` of the ``img`` in the content when it is not empty, else the
attachment's ``_wp_attachment_image_alt`` (through ``attachments``; WordPress writes
``alt=""`` when the editor left the field empty), else ``None``. The attachment is found from
the ``wp-image-N`` class, the ``data-id`` attribute, a ``[caption id="attachment_N"]``, or
else by the file's path (without WordPress's ``-300x200`` size suffix).

Every paragraph value is cleaned by nh3 again with :data:`PARAGRAPH_TAGS` and
:data:`PARAGRAPH_ATTRIBUTES` as the last step, so nothing unsafe can survive, and no shortcode
or Gutenberg comment is left in any value.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from html import escape, unescape
from typing import Any
from urllib.parse import unquote, urlsplit

import lxml.html
import nh3

from .shortcodes import autop, expand_shortcodes, strip_shortcodes

__all__ = [
    "PARAGRAPH_ATTRIBUTES",
    "PARAGRAPH_TAGS",
    "AttachmentInfo",
    "ConvertedBody",
    "ImageUse",
    "clean_paragraph",
    "convert",
]


@dataclass(frozen=True)
class ImageUse:
    attachment_id: int | None
    src: str
    alt: str | None
    caption: str


@dataclass(frozen=True)
class AttachmentInfo:
    post_id: int
    url: str
    file: str  # "2024/05/plakat.jpg", the _wp_attached_file
    alt: str  # _wp_attachment_image_alt, "" when none
    caption: str  # the attachment's excerpt
    title: str
    description: str  # the attachment's content


@dataclass
class ConvertedBody:
    blocks: list[dict[str, Any]] = field(default_factory=list)
    images: list[ImageUse] = field(default_factory=list)
    internal_links: list[str] = field(default_factory=list)
    media_links: list[str] = field(default_factory=list)


URL_SCHEMES = {"http", "https", "mailto", "tel"}
PARAGRAPH_TAGS = {"p", "br", "b", "i", "a", "ul", "ol", "li"}
PARAGRAPH_ATTRIBUTES = {"a": {"href", "linktype", "id"}}
CONTAINERS = {
    "div",
    "section",
    "article",
    "aside",
    "header",
    "footer",
    "main",
    "nav",
    "address",
    "details",
    "summary",
    "dl",
    "dt",
    "dd",
    "figcaption",
    "li",
    "td",
    "th",
    "tr",
    "thead",
    "tbody",
    "tfoot",
    "caption",
    "cite",
}
BLOCK_TAGS = CONTAINERS | {
    "p",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "ul",
    "ol",
    "blockquote",
    "figure",
    "table",
    "pre",
    "hr",
}
INLINE_TAGS = {"a", "b", "strong", "i", "em", "br", "img", "span"}
SANITISE_TAGS = (BLOCK_TAGS | INLINE_TAGS) - {"span"}
SANITISE_ATTRIBUTES = {"a": {"href"}, "img": {"src", "alt", "class", "data-id"}}
DROPPED_WITH_CONTENT = {
    "script",
    "style",
    "iframe",
    "object",
    "embed",
    "noscript",
    "template",
    "svg",
    "math",
    "canvas",
    "video",
    "audio",
    "form",
    "select",
    "textarea",
    "button",
}
REUSABLE = re.compile(r"<!--\s*wp:(?:core/)?block\s+(\{.*?\})\s*/?-->", re.DOTALL)
GUTENBERG = re.compile(r"<!--\s*/?wp:")
WP_IMAGE_CLASS = re.compile(r"\bwp-image-(\d+)\b")
SIZE_SUFFIX = re.compile(r"-\d+x\d+(?=\.[A-Za-z0-9]+$)")
UPLOADS = "/wp-content/uploads/"
WHITESPACE = re.compile(r"[ \t\n\r\f\v]+")
BARE_URL = re.compile(r"^https?://[^\s<>\"]+$")
MAX_REUSABLE_DEPTH = 10
# Characters no HTML text may hold (and lxml refuses): C0 controls but tab and line breaks,
# DEL, C1 controls, surrogates and the non-characters U+FFFE/U+FFFF.
CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


def convert(
    html: str,
    *,
    reusable_blocks: Mapping[int, str],
    attachments: Mapping[int, AttachmentInfo],
    page_id_for: Callable[[str], int | None],
) -> ConvertedBody:
    """The body blocks of a post's content (see the module's documentation)."""
    html = CONTROL.sub("", html or "")
    html = expand_reusable_blocks(html, reusable_blocks)
    classic = GUTENBERG.search(html) is None
    html = expand_shortcodes(html, attachments=attachments)
    if classic:
        html = autop(html)
    clean = nh3.clean(
        html,
        tags=SANITISE_TAGS,
        clean_content_tags=DROPPED_WITH_CONTENT,
        attributes=SANITISE_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel=None,
        strip_comments=True,
    )
    builder = _Builder(attachments=attachments, page_id_for=page_id_for)
    if clean.strip():
        root = lxml.html.fragment_fromstring(clean, create_parent="div")
        builder.container(root)
    builder.flush()
    return builder.body


def expand_reusable_blocks(
    html: str, reusable_blocks: Mapping[int, str], _seen: frozenset[int] = frozenset()
) -> str:
    """``<!-- wp:block {"ref":N} /-->`` replaced by block N's content, recursively; a block
    inside itself is left out the second time."""

    def replace(match: re.Match[str]) -> str:
        try:
            ref = int(json.loads(match.group(1)).get("ref"))
        except (ValueError, TypeError, AttributeError):
            return ""
        if ref in _seen or len(_seen) >= MAX_REUSABLE_DEPTH or ref not in reusable_blocks:
            return ""
        return expand_reusable_blocks(reusable_blocks[ref] or "", reusable_blocks, _seen | {ref})

    return REUSABLE.sub(replace, html)


def clean_paragraph(value: str) -> str:
    """A paragraph's rich text, cleaned with the paragraph block's own allowance."""
    return nh3.clean(
        value,
        tags=PARAGRAPH_TAGS,
        attributes=PARAGRAPH_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel=None,
        strip_comments=True,
    )


def _text(value: str) -> str:
    """Plain text: whitespace collapsed, shortcodes gone."""
    return WHITESPACE.sub(" ", strip_shortcodes(value)).strip()


def _is_empty(html: str) -> bool:
    return not unescape(re.sub(r"<[^>]*>", "", html)).replace("\xa0", " ").strip()


Segment = str | tuple[ImageUse, str]


class _Builder:
    def __init__(
        self,
        *,
        attachments: Mapping[int, AttachmentInfo],
        page_id_for: Callable[[str], int | None],
    ) -> None:
        self.attachments = attachments
        self.page_id_for = page_id_for
        self.body = ConvertedBody()
        self.rich: list[str] = []  # the top-level elements of the paragraph being built

    # --- the output ---

    def flush(self) -> None:
        if not self.rich:
            return
        value = clean_paragraph(strip_shortcodes("".join(self.rich)))
        self.rich = []
        if not _is_empty(value):
            self.body.blocks.append({"type": "paragraph", "value": value})

    def add(self, kind: str, value: Any) -> None:
        self.flush()
        self.body.blocks.append({"type": kind, "value": value})

    def add_image(self, image: ImageUse) -> None:
        self.body.images.append(image)
        self.add("image", {"image": image, "caption": image.caption})

    def add_paragraph(self, inner: str) -> None:
        inner = inner.strip()
        inner = re.sub(r"^(?:<br>\s*)+|(?:\s*<br>)+$", "", inner).strip()
        inner = re.sub(r"\s*<br>\s*", "<br>", inner)
        if _is_empty(inner):
            return
        if BARE_URL.match(unescape(inner)):
            url = unescape(inner)
            inner = self.link(url, escape(url, quote=False)) or inner
        self.rich.append(f"<p>{inner}</p>")

    # --- block level ---

    def container(self, element: Any) -> None:
        run: list[Any] = []
        if element.text:
            run.append(element.text)
        for child in element:
            if not isinstance(child.tag, str):
                pass
            elif child.tag in BLOCK_TAGS:
                self.inline_run(run)
                run = []
                self.block(child)
            else:
                run.append(child)
            if child.tail:
                run.append(child.tail)
        self.inline_run(run)

    def inline_run(self, nodes: list[Any]) -> None:
        segments: list[Segment] = []
        for node in nodes:
            self.inline(node, segments, in_link=False)
        buffer: list[str] = []
        for segment in segments:
            if isinstance(segment, str):
                buffer.append(segment)
            else:
                self.add_paragraph("".join(buffer))
                buffer = []
                self.add_image(segment[0])
        self.add_paragraph("".join(buffer))

    def block(self, element: Any) -> None:
        tag = element.tag
        if tag == "p":
            self.inline_run(_nodes(element))
        elif tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
            text = _text(element.text_content())
            if text:
                self.add("heading" if tag in ("h1", "h2") else "subheading", text)
            self.images_in(element)
        elif tag in ("ul", "ol"):
            images: list[ImageUse] = []
            html = self.list_html(element, images)
            if html:
                self.rich.append(html)
            for image in images:
                self.add_image(image)
        elif tag == "blockquote":
            self.quote(element)
        elif tag == "figure":
            self.figure(element)
        elif tag == "table":
            self.table(element, caption="")
        elif tag == "pre":
            lines = [
                escape(line.strip(), quote=False) for line in element.text_content().split("\n")
            ]
            self.add_paragraph("<br>".join(line for line in lines if line))
        elif tag == "hr":
            self.flush()
        else:
            self.container(element)

    def images_in(self, element: Any) -> None:
        for img in element.iter("img"):
            image = self.image(img, caption="")
            if image is not None:
                self.add_image(image)

    def quote(self, element: Any) -> None:
        attribution = " ".join(_text(cite.text_content()) for cite in element.iter("cite"))
        for cite in list(element.iter("cite")):
            _drop_keeping_tail(cite)
        lines: list[str] = []
        if element.text and element.text.strip():
            lines.append(_text(element.text))
        for child in element:
            if isinstance(child.tag, str):
                line = _text(child.text_content())
                if line:
                    lines.append(line)
            if child.tail and child.tail.strip():
                lines.append(_text(child.tail))
        text = "\n".join(line for line in lines if line)
        if text:
            self.add("quote", {"text": text, "attribution": attribution.strip()})
        elif attribution:
            self.add_paragraph(escape(attribution, quote=False))
        self.images_in(element)

    def figure(self, element: Any) -> None:
        images = list(element.iter("img"))
        if images:
            for img in images:
                image = self.image(img, caption=_figure_caption(img))
                if image is not None:
                    self.add_image(image)
            return
        tables = list(element.iter("table"))
        if tables:
            caption = " ".join(
                _text(child.text_content()) for child in element if child.tag == "figcaption"
            )
            for table in tables:
                self.table(table, caption=caption)
                caption = ""
            return
        self.container(element)

    def table(self, element: Any, *, caption: str) -> None:
        captions = [_text(c.text_content()) for c in element.iter("caption")]
        caption = " ".join(part for part in [caption, *captions] if part)
        rows = [
            [_text(cell.text_content()) for cell in row if cell.tag in ("td", "th")]
            for row in element.iter("tr")
        ]
        rows = [row for row in rows if any(row)]
        headings: list[str] = []
        if rows and (element.find(".//thead") is not None or _all_headings(element)):
            headings = rows.pop(0)
        self.flush()
        if caption:
            self.add_paragraph(f"<b>{escape(caption, quote=False)}</b>")
        for row in rows:
            if headings and len(headings) == len(row):
                text = "; ".join(
                    f"{head}: {cell}" if head else cell
                    for head, cell in zip(headings, row, strict=True)
                    if cell
                )
            else:
                text = " – ".join(cell for cell in row if cell)
            self.add_paragraph(escape(text, quote=False))
        self.flush()

    def list_html(self, element: Any, images: list[ImageUse]) -> str:
        items: list[str] = []
        for li in element:
            if li.tag != "li":
                continue
            parts: list[str] = []
            nested: list[str] = []
            segments: list[Segment] = []
            for node in _nodes(li):
                if not isinstance(node, str) and node.tag in ("ul", "ol"):
                    nested.append(self.list_html(node, images))
                else:
                    self.inline(node, segments, in_link=False)
            for segment in segments:
                if isinstance(segment, str):
                    parts.append(segment)
                else:
                    images.append(segment[0])
            inner = WHITESPACE.sub(" ", "".join(parts)).strip()
            inner = re.sub(r"^(?:<br>\s*)+|(?:\s*<br>)+$", "", inner)
            if _is_empty(inner) and not nested:
                continue
            items.append(f"<li>{inner}{''.join(nested)}</li>")
        if not items:
            return ""
        tag = "ol" if element.tag == "ol" else "ul"
        return f"<{tag}>{''.join(items)}</{tag}>"

    # --- inline level ---

    def inline(self, node: Any, out: list[Segment], *, in_link: bool) -> None:
        if isinstance(node, str):
            out.append(escape(WHITESPACE.sub(" ", node), quote=False))
            return
        tag = node.tag
        if not isinstance(tag, str):
            return
        if tag == "br":
            out.append("<br>")
            return
        if tag == "img":
            image = self.image(node, caption="")
            if image is not None:
                out.append((image, ""))
            return
        if tag in BLOCK_TAGS:
            out.append(" ")
        wrap = {"b": "b", "strong": "b", "i": "i", "em": "i"}.get(tag)
        if tag == "a" and not in_link:
            inner: list[Segment] = []
            for child in _nodes(node):
                self.inline(child, inner, in_link=True)
            text = "".join(s for s in inner if isinstance(s, str))
            link = self.link(node.get("href") or "", text) if not _is_empty(text) else None
            out.append(link if link is not None else text)
            out.extend(s for s in inner if not isinstance(s, str))
            return
        if wrap:
            out.append(f"<{wrap}>")
        for child in _nodes(node):
            self.inline(child, out, in_link=in_link)
        if wrap:
            out.append(f"</{wrap}>")
        if tag in BLOCK_TAGS:
            out.append(" ")

    def link(self, href: str, text: str) -> str | None:
        """The link in rich-text format, or None to keep the text only."""
        href = href.strip()
        if not href or href.startswith("#"):
            return None
        scheme = urlsplit(href).scheme.lower()
        if scheme and scheme not in URL_SCHEMES:
            return None
        if UPLOADS in href:
            self.body.media_links.append(href)
        page_id = self.page_id_for(href)
        if page_id is not None:
            self.body.internal_links.append(href)
            return f'<a linktype="page" id="{int(page_id)}">{text}</a>'
        return f'<a href="{escape(href)}">{text}</a>'

    def image(self, img: Any, *, caption: str) -> ImageUse | None:
        src = strip_shortcodes((img.get("src") or "").strip())
        attachment_id = self.attachment_id(img, src)
        if not src and attachment_id is None:
            return None
        info = self.attachments.get(attachment_id) if attachment_id is not None else None
        if not src and info is not None:
            src = info.url
        if UPLOADS in src:
            self.body.media_links.append(src)
        alt = _text(img.get("alt") or "") or (_text(info.alt) if info is not None else "")
        return ImageUse(
            attachment_id=attachment_id,
            src=src,
            alt=alt or None,
            caption=_text(caption),
        )

    def attachment_id(self, img: Any, src: str) -> int | None:
        for candidate in (
            img.get("data-id") or "",
            *WP_IMAGE_CLASS.findall(img.get("class") or ""),
        ):
            candidate = candidate.strip()
            if candidate.isdigit() and int(candidate) in self.attachments:
                return int(candidate)
        if UPLOADS not in src:
            return None
        wanted = SIZE_SUFFIX.sub("", unquote(urlsplit(src).path).split(UPLOADS, 1)[1])
        for post_id, info in self.attachments.items():
            if info.file == wanted:
                return post_id
        return None


def _nodes(element: Any) -> list[Any]:
    """The element's text and children, each child followed by its tail (a child is walked
    from its own text: its tail is never read twice)."""
    nodes: list[Any] = []
    if element.text:
        nodes.append(element.text)
    for child in element:
        nodes.append(child)
        if child.tail:
            nodes.append(child.tail)
    return nodes


def _figure_caption(img: Any) -> str:
    parent = img.getparent()
    while parent is not None and parent.tag != "figure":
        parent = parent.getparent()
    if parent is None:
        return ""
    return " ".join(_text(child.text_content()) for child in parent if child.tag == "figcaption")


def _all_headings(table: Any) -> bool:
    first = next(iter(table.iter("tr")), None)
    if first is None:
        return False
    cells = [cell for cell in first if cell.tag in ("td", "th")]
    return bool(cells) and all(cell.tag == "th" for cell in cells)


def _drop_keeping_tail(element: Any) -> None:
    parent = element.getparent()
    if parent is None:
        return
    tail = element.tail or ""
    previous = element.getprevious()
    if previous is not None:
        previous.tail = (previous.tail or "") + tail
    else:
        parent.text = (parent.text or "") + tail
    parent.remove(element)
