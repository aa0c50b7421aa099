"""What a fetched feed or web page says, as items the bulletin can republish (issue 12).

* ``parse_feed``: RSS 2.0 and Atom with feedparser, from bytes. A feed feedparser calls
  malformed (its "bozo" flag) is still read when entries came out of it; when nothing usable
  came, it is a ``ParseError`` with the reason in words.
* ``parse_page``: one web page with lxml.html. The title from og:title, else the first <h1>,
  else <title>; the main text from <article>, else <main>, else the element holding the most
  paragraph text; the publication time from ``article:published_time``, else the first
  <time datetime>. Navigation, headers, footers, cookie banners, share buttons, forms and
  scripts are dropped first.
* ``to_blocks``: sanitised HTML (nh3) as our body blocks: paragraphs (bold, italic, links, line
  breaks), lists inside a paragraph block (as editors make them), h2 headings from <h1>/<h2>
  and h3 subheadings from <h3>–<h6>. Images are never fetched and never become blocks: they
  are counted, and the review queue tells the editor how many the original had (a reader
  never meets a stray note about a missing picture).

Everything here is pure: bytes in, items or a ``ParseError`` out, for any bytes.
"""

from __future__ import annotations

import calendar
import datetime as dt
import hashlib
import re
import unicodedata
import zoneinfo
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit, urlunsplit

import feedparser
import lxml.etree
import lxml.html
import nh3
from django.utils.translation import gettext as _

WARSAW = zoneinfo.ZoneInfo("Europe/Warsaw")

# What survives sanitising: the structure our blocks can hold, plus images (to count them).
_ALLOWED_TAGS = {
    "p", "br", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "a", "b", "strong", "i",
    "em", "blockquote", "img", "div", "section", "article", "figure", "figcaption", "span",
    "table", "tbody", "thead", "tr", "td", "th", "pre", "dl", "dt", "dd",
}  # fmt: skip
_ALLOWED_ATTRIBUTES = {"a": {"href"}, "img": {"alt"}}
_DROPPED_CONTENT = {"script", "style", "noscript", "template", "iframe", "object", "svg"}
_SCHEMES = {"http", "https", "mailto"}
_INLINE = {"a", "b", "i", "br", "strong", "em", "span"}
# Elements whose end separates words in plain text.
_SPACED = {
    "p", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "div", "td", "th", "dd", "dt",
    "blockquote", "section", "article", "figcaption", "tr", "pre",
}  # fmt: skip
_LEAD_LIMIT = 400
_TITLE_LIMIT = 255

# Page furniture dropped before the main text is looked for.
_NOISE_TAGS = {
    "script", "style", "noscript", "template", "iframe", "object", "embed", "svg", "canvas",
    "nav", "header", "footer", "aside", "form", "button", "input", "select", "textarea",
    "dialog", "menu",
}  # fmt: skip
_NOISE_ROLES = {"navigation", "banner", "contentinfo", "complementary", "search", "dialog"}
_NOISE_WORDS = re.compile(
    r"(^|[-_\s])(cookie|cookies|consent|gdpr|rodo|share|sharing|social|udostepnij|newsletter|"
    r"breadcrumbs?|menu|navbar|sidebar|related|comments?|advert|ads|popup|modal)($|[-_\s])",
    re.IGNORECASE,
)
_TRACKING_PARAMS = re.compile(r"^(utm_.*|fbclid|gclid|mc_cid|mc_eid)$", re.IGNORECASE)
_SENTENCE_END = re.compile(r"(?<=[.!?…])\s+(?=[A-ZĄĆĘŁŃÓŚŹŻ0-9„\"(])")
_SPACES = re.compile(r"\s+")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff]")
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([-\w:.]+)""", re.IGNORECASE)


class ParseError(Exception):
    """The content could not be read; ``message`` says why, in the user's language."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass
class ParsedItem:
    url: str
    title: str
    text_html: str  # sanitised HTML of the main text
    summary: str = ""  # plain text
    guid: str = ""
    published: dt.datetime | None = None
    blocks: list[dict[str, Any]] = field(default_factory=list)
    images: int = 0

    @property
    def plain_text(self) -> str:
        return plain(self.text_html)

    @property
    def fingerprint(self) -> str:
        """The same text under another address is the same item."""
        return fingerprint(self.plain_text or self.title)

    @property
    def lead(self) -> str:
        return lead_from(self.summary, self.plain_text) or self.title


# --- text helpers ----------------------------------------------------------------------------


def clean_text(text: str) -> str:
    """One line of plain text: control characters out, whitespace collapsed, NFC."""
    text = unicodedata.normalize("NFC", _CONTROL.sub("", text))
    return _SPACES.sub(" ", text).strip()


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def sanitise(html: str) -> str:
    """Only the structure our blocks can hold; links only to http(s) and e-mail addresses."""
    return nh3.clean(
        _CONTROL.sub("", html),
        tags=_ALLOWED_TAGS,
        clean_content_tags=_DROPPED_CONTENT,
        attributes=_ALLOWED_ATTRIBUTES,
        url_schemes=_SCHEMES,
        link_rel=None,
    )


def _fragment(html: str) -> Any:
    """``html`` (sanitised) as children of one <div>."""
    return lxml.html.fragment_fromstring(html, create_parent="div")


def plain(html: str) -> str:
    """The text of an HTML fragment, as one line (blocks and line breaks become spaces)."""
    cleaned = sanitise(html)
    if not cleaned.strip():
        return ""
    root = _fragment(cleaned)
    for element in root.iter():
        if element is not root and element.tag in _SPACED:
            element.tail = " " + (element.tail or "")
    return clean_text(root.text_content())


def fingerprint(text: str) -> str:
    """A hash of the text as a reader reads it: case, spacing and Unicode forms ignored."""
    normalised = clean_text(text).casefold()
    return hashlib.sha256(normalised.encode("utf-8")).hexdigest()


def lead_from(summary: str, text: str) -> str:
    """The summary as plain text, else the first sentences of the text, at most ~400 chars."""
    source = clean_text(summary) or clean_text(text)
    if len(source) <= _LEAD_LIMIT:
        return source
    lead = ""
    for sentence in _SENTENCE_END.split(source):
        if lead and len(lead) + 1 + len(sentence) > _LEAD_LIMIT:
            break
        lead = f"{lead} {sentence}".strip()
    if len(lead) > _LEAD_LIMIT:
        cut = lead[:_LEAD_LIMIT].rsplit(" ", 1)[0]
        lead = cut.rstrip(",;:–- ") + "…"
    return lead


def normalise_url(url: str, base: str = "") -> str:
    """An item's address as we compare it: absolute, no fragment, no utm_* (and other click
    tracking) parameters, host in lower case, no default port. Empty when it is not an http(s)
    address."""
    url = clean_text(url)
    try:
        if base:
            url = urljoin(clean_text(base), url)
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        return ""
    scheme = parts.scheme.lower()
    if scheme not in {"http", "https"} or not parts.hostname:
        return ""
    host = parts.hostname.lower()
    if ":" in host:
        host = f"[{host}]"
    if port is not None and (scheme, port) not in {("http", 80), ("https", 443)}:
        host = f"{host}:{port}"
    pairs = parse_qsl(parts.query, keep_blank_values=True)
    query = urlencode([(k, v) for k, v in pairs if not _TRACKING_PARAMS.match(k)])
    return urlunsplit((scheme, host, parts.path or "/", query, ""))


def _title(text: str) -> str:
    text = clean_text(text)
    if len(text) > _TITLE_LIMIT:
        text = text[: _TITLE_LIMIT - 1].rsplit(" ", 1)[0] + "…"
    return text


# --- blocks ----------------------------------------------------------------------------------


def _inline_html(element: Any, base: str) -> str:
    """The inner HTML of ``element`` with only the inline markup rich text holds: <b>, <i>,
    <a href> (made absolute) and <br>."""
    copy = lxml.html.fragment_fromstring(lxml.html.tostring(element, encoding="unicode"))
    copy.tail = None
    for node in list(copy.iter()):
        if node is copy:
            continue
        if node.tag == "strong":
            node.tag = "b"
        elif node.tag == "em":
            node.tag = "i"
        elif node.tag == "a":
            href = node.get("href") or ""
            try:
                absolute = urljoin(base, href) if href and base else href
                scheme = urlsplit(absolute).scheme
            except ValueError:
                absolute, scheme = "", ""
            node.attrib.clear()
            if absolute and scheme in _SCHEMES:
                node.set("href", absolute)
            else:
                node.drop_tag()
    html = (_escape(copy.text) if copy.text else "") + "".join(
        lxml.html.tostring(child, encoding="unicode", method="html") for child in copy
    )
    cleaned = nh3.clean(
        html,
        tags={"a", "b", "i", "br"},
        attributes={"a": {"href"}},
        url_schemes=_SCHEMES,
        link_rel=None,
    )
    cleaned = _SPACES.sub(" ", cleaned).strip()
    return re.sub(r"^(<br>\s*)+|(\s*<br>)+$", "", cleaned).strip()


def _list_html(element: Any, base: str) -> str:
    """A list as rich text holds it: one level, nested items read as items of their own."""
    items = []
    for li in element.iter("li"):
        nested = [child for child in li if child.tag in {"ul", "ol"}]
        for child in nested:
            li.remove(child)
        text = _inline_html(li, base)
        for child in nested:
            li.append(child)
        if plain(text):
            items.append(f"<li>{text}</li>")
    if not items:
        return ""
    tag = "ol" if element.tag == "ol" else "ul"
    return f"<{tag}>{''.join(items)}</{tag}>"


class _Builder:
    def __init__(self, base: str) -> None:
        self.base = base
        self.blocks: list[dict[str, Any]] = []
        self.loose: list[str] = []

    def paragraph(self, value: str) -> None:
        if plain(value):
            self.blocks.append({"type": "paragraph", "value": value})

    def flush(self) -> None:
        if self.loose:
            holder = lxml.html.fragment_fromstring("".join(self.loose), create_parent="p")
            self.paragraph(f"<p>{_inline_html(holder, self.base)}</p>")
            self.loose.clear()

    def heading(self, kind: str, element: Any) -> None:
        self.flush()
        if text := _title(element.text_content()):
            self.blocks.append({"type": kind, "value": text})

    def walk(self, element: Any) -> None:
        if element.text and element.text.strip():
            self.loose.append(_escape(element.text))
        for child in element:
            tag = child.tag if isinstance(child.tag, str) else ""
            tail, child.tail = child.tail, None
            if tag in _INLINE:
                self.loose.append(lxml.html.tostring(child, encoding="unicode", method="html"))
            elif tag in {"h1", "h2"}:
                self.heading("heading", child)
            elif tag in {"h3", "h4", "h5", "h6", "dt"}:
                self.heading("subheading", child)
            elif tag in {"ul", "ol"}:
                self.flush()
                if value := _list_html(child, self.base):
                    self.blocks.append({"type": "paragraph", "value": value})
            elif tag in {"p", "pre", "figcaption", "dd", "td", "th", "li"} and not any(
                isinstance(e.tag, str) and e.tag not in _INLINE for e in child.iterdescendants()
            ):
                self.flush()
                self.paragraph(f"<p>{_inline_html(child, self.base)}</p>")
            elif tag:  # div, section, blockquote, table, figure, a <p> holding blocks...
                self.flush()
                self.walk(child)
                self.flush()
            if tail and tail.strip():
                self.loose.append(_escape(tail))


def to_blocks(html: str, *, base: str = "") -> tuple[list[dict[str, Any]], int]:
    """Sanitised ``html`` as body blocks, and the number of images left out."""
    cleaned = sanitise(html)
    if not cleaned.strip():
        return [], 0
    root = _fragment(cleaned)
    images = 0
    for img in list(root.iter("img")):
        images += 1
        img.drop_tree()
    builder = _Builder(base)
    builder.walk(root)
    builder.flush()
    return builder.blocks, images


# --- feeds -----------------------------------------------------------------------------------


def _feed_time(entry: Any) -> dt.datetime | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        # dict.get: feedparser's own get() maps a missing key to another, with a warning.
        value = dict.get(entry, key)
        if value:
            try:
                return dt.datetime.fromtimestamp(calendar.timegm(value), tz=dt.UTC)
            except (OverflowError, ValueError, OSError, TypeError):
                continue
    return None


def _text(value: Any) -> str:
    return value if isinstance(value, str) else ""


def _entry_html(entry: Any) -> str:
    for content in entry.get("content") or []:
        value = _text(content.get("value")) if hasattr(content, "get") else ""
        if value.strip():
            return value
    return _text(entry.get("summary")) or _text(entry.get("description"))


def parse_feed(data: bytes, *, base_url: str = "") -> list[ParsedItem]:
    """The entries of an RSS or Atom feed, in the feed's order. An entry without an http(s)
    address or a title is skipped (it could not be attributed or named)."""
    try:
        feed = feedparser.parse(data, sanitize_html=False, resolve_relative_uris=False)
    except Exception as error:  # feedparser rarely raises; a reason in words if it does
        raise ParseError(_("The feed could not be read: %(reason)s") % {"reason": error}) from error
    entries = list(feed.get("entries") or [])
    if not entries:
        if feed.get("bozo"):
            reason = clean_text(str(feed.get("bozo_exception") or ""))[:200]
            if reason:
                raise ParseError(
                    _("This is not a readable RSS or Atom feed (%(reason)s).") % {"reason": reason}
                )
            raise ParseError(_("This is not a readable RSS or Atom feed."))
        if not feed.get("version"):
            raise ParseError(_("This is not an RSS or Atom feed."))
        return []
    items = []
    feed_link = _text(feed.get("feed", {}).get("link")) or base_url
    for entry in entries:
        guid = clean_text(_text(entry.get("id")))[:500]
        url = normalise_url(_text(entry.get("link")), feed_link) or normalise_url(guid)
        if not url or len(url) > 1000:
            continue
        html = _entry_html(entry)
        summary = plain(_text(entry.get("summary")))
        blocks, images = to_blocks(html, base=url)
        title = _title(_text(entry.get("title"))) or _title(lead_from(summary, plain(html)))
        if not title:
            continue
        items.append(
            ParsedItem(
                url=url,
                title=title,
                text_html=sanitise(html),
                summary=summary,
                guid=guid,
                published=_feed_time(entry),
                blocks=blocks,
                images=images,
            )
        )
    return items


# --- single web pages ------------------------------------------------------------------------


def _decode(data: bytes, charset: str | None) -> str:
    candidates = [charset] if charset else []
    if match := _META_CHARSET.search(data[:4096]):
        candidates.append(match.group(1).decode("ascii", "replace"))
    candidates.append("utf-8")
    for name in candidates:
        try:
            return data.decode(name or "utf-8")
        except (LookupError, UnicodeDecodeError):
            continue
    return data.decode("utf-8", errors="replace")


def _is_noise(element: Any) -> bool:
    if not isinstance(element.tag, str):
        return True  # comments, processing instructions
    if element.tag in _NOISE_TAGS:
        return True
    if (element.get("role") or "").lower() in _NOISE_ROLES:
        return True
    if element.get("aria-hidden") == "true" or element.get("hidden") is not None:
        return True
    marks = f"{element.get('id') or ''} {element.get('class') or ''}"
    return bool(_NOISE_WORDS.search(marks))


def _drop_noise(root: Any) -> None:
    for element in list(root.iter()):
        if element is root or element.getparent() is None:
            continue
        if element.tag in {"head", "body"}:
            continue
        if _is_noise(element):
            element.drop_tree()


def _paragraph_weight(element: Any) -> int:
    return sum(len(clean_text(p.text_content())) for p in element.findall("p"))


def _main(root: Any) -> Any:
    for tag in ("article", "main"):
        found = [e for e in root.iter(tag) if clean_text(e.text_content())]
        if found:
            return max(found, key=lambda e: len(clean_text(e.text_content())))
    best, weight = None, 0
    for element in root.iter("div", "section", "td", "body"):
        score = _paragraph_weight(element)
        if score > weight:
            best, weight = element, score
    return best if best is not None else root.find("body")


def _meta(root: Any, *names: str) -> str:
    for name in names:
        for element in root.iter("meta"):
            names_here = {element.get("property"), element.get("name")}
            if name in names_here and (content := clean_text(element.get("content") or "")):
                return content
    return ""


def parse_time(text: str) -> dt.datetime | None:
    """An ISO 8601 time; a time without an offset, or a date alone (at noon), in Warsaw."""
    text = clean_text(text)
    if not text:
        return None
    try:
        value = dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        try:
            day = dt.date.fromisoformat(text[:10])
        except ValueError:
            return None
        value = dt.datetime.combine(day, dt.time(12, 0))
    if value.tzinfo is None:
        value = value.replace(tzinfo=WARSAW)
    return value


def parse_page(data: bytes, *, url: str, charset: str | None = None) -> ParsedItem:
    """One web page's main content as an item."""
    text = _CONTROL.sub("", _decode(data, charset))
    text = re.sub(r"^\s*<\?xml[^>]*>", "", text)
    if not text.strip():
        raise ParseError(_("The page is empty."))
    try:
        root = lxml.html.document_fromstring(text)
    except (lxml.etree.ParserError, ValueError) as error:
        raise ParseError(_("The page could not be read as HTML.")) from error
    base = normalise_url(url)
    title = _title(_meta(root, "og:title"))
    published = parse_time(_meta(root, "article:published_time"))
    summary = _meta(root, "og:description", "description")
    _drop_noise(root)
    main = _main(root)
    if main is None:
        raise ParseError(_("The page has no text to republish."))
    if not title:
        heading = main.find(".//h1")
        if heading is None:
            heading = root.find(".//h1")
        title = _title(heading.text_content()) if heading is not None else ""
    if not title:
        element = root.find(".//title")
        title = _title(element.text_content()) if element is not None else ""
    if published is None:
        for element in root.iter("time"):
            if published := parse_time(element.get("datetime") or ""):
                break
    # The page's own headline: the draft's title takes its place.
    headline = main.find(".//h1")
    if headline is not None:
        headline.drop_tree()
    html = lxml.html.tostring(main, encoding="unicode", method="html")
    blocks, images = to_blocks(html, base=base)
    if not blocks or not title:
        raise ParseError(_("The page has no text to republish."))
    return ParsedItem(
        url=base,
        title=title,
        text_html=sanitise(html),
        summary=summary,
        published=published,
        blocks=blocks,
        images=images,
    )
