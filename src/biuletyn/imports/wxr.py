"""Reading a WordPress export (WXR, the RSS file WordPress's Tools → Export writes), streaming.

The file is read with ``lxml.etree.iterparse``: each ``<item>`` is turned into a frozen
:class:`Item` and then cleared from the tree, together with the items before it, so memory stays
flat however large the export is. Entities are never expanded and nothing is fetched from the
network (``resolve_entities=False``, ``no_network=True``, no DTD), so an export cannot make the
parser read local files or another host.

What the reader gives, and what it leaves to the importer:

- Slugs come out **percent-decoded**: WordPress stores a non-Latin slug percent-encoded in
  lower case (``zaproszenie-na-spotkanie-z-%c5%82…``); :attr:`Item.post_name`,
  :attr:`Term.slug`, :attr:`Term.parent_slug`, the nicename in :attr:`Item.categories` and the
  values of the ``_wp_old_slug`` and ``_wp_desired_post_slug`` metas are decoded
  (``zaproszenie-na-spotkanie-z-łączniczką``). Every other meta value is given as written.
- :attr:`Item.link` and :attr:`Item.guid` are the URLs as WordPress wrote them (still
  percent-encoded): compare paths with ``urllib.parse.unquote`` on both sides.
- Dates: ``post_date`` is WordPress's local time, naive (the export does not say the site's
  time zone); ``post_date_gmt`` is aware UTC. WordPress writes ``0000-00-00 00:00:00`` for the
  GMT date of drafts and pending posts (and some migrated posts carry it too): that is ``None``.
  Never derive one from the other across a DST change: the export holds both.
- Comments (``wp:comment``) are skipped.

Refinement of the agreed interface (additive): :attr:`Item.post_modified_gmt` (aware UTC or
``None``) and :attr:`Item.line` (the item's line in the file, for messages), both with
defaults; and :func:`count_items`, a streaming count of the items for a progress bar.

Errors are :class:`WxrError`, whose ``str()`` is a sentence for an editor in the active
language, with the line where lxml gives one: malformed or truncated XML, a file that is not a
WXR export (not RSS, or RSS without the WordPress namespace), an unsupported WXR version, text
that is not in the encoding the file declares. :func:`iter_items` yields every item before the
damage, then raises: the importer commits per item and reports the failure.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from types import MappingProxyType
from typing import Any
from urllib.parse import unquote

from django.utils.translation import gettext as _
from lxml import etree

__all__ = [
    "SUPPORTED_VERSIONS",
    "Author",
    "Channel",
    "Item",
    "Term",
    "WxrError",
    "count_items",
    "is_public",
    "iter_items",
    "read_channel",
]

SUPPORTED_VERSIONS = ("1.0", "1.1", "1.2")
WP_NAMESPACE = re.compile(r"^https?://wordpress\.org/export/(\d+\.\d+)/$")
CONTENT_NS = "http://purl.org/rss/1.0/modules/content/"
DC_NS = "http://purl.org/dc/elements/1.1/"
ZERO_DATE = "0000-00-00 00:00:00"
PUBLIC_TYPES = frozenset({"post", "page"})
DECODED_METAS = frozenset({"_wp_old_slug", "_wp_desired_post_slug"})


class WxrError(Exception):
    """The export cannot be read. ``str()`` is a whole sentence for an editor; ``line`` is the
    line of the file where the problem was found, when known."""

    def __init__(self, message: str, *, line: int | None = None) -> None:
        super().__init__(message)
        self.line = line


@dataclass(frozen=True)
class Author:
    login: str
    email: str
    display_name: str
    first_name: str
    last_name: str


@dataclass(frozen=True)
class Term:
    taxonomy: str  # "category", "post_tag", "nav_menu", ...
    slug: str  # percent-decoded
    name: str
    parent_slug: str | None  # percent-decoded; None at the top
    description: str


@dataclass(frozen=True)
class Channel:
    title: str
    link: str
    base_site_url: str
    base_blog_url: str
    language: str
    wxr_version: str
    authors: tuple[Author, ...]
    terms: tuple[Term, ...]


@dataclass(frozen=True)
class Item:
    post_id: int
    post_type: str
    status: str
    title: str
    link: str
    guid: str
    creator: str
    content: str
    excerpt: str
    post_date: datetime | None  # naive, the site's local time
    post_date_gmt: datetime | None  # aware UTC; None for "0000-00-00 00:00:00"
    post_name: str  # percent-decoded slug
    post_parent: int
    menu_order: int
    password: str
    is_sticky: bool
    categories: tuple[tuple[str, str, str], ...]  # (domain, nicename decoded, name)
    postmeta: Mapping[str, tuple[str, ...]]
    attachment_url: str
    post_modified_gmt: datetime | None = None
    line: int | None = field(default=None, compare=False)

    def meta(self, key: str, default: str = "") -> str:
        """The first value of a post meta, or ``default``."""
        values = self.postmeta.get(key)
        return values[0] if values else default


def is_public(item: Item, *, now: datetime) -> bool:
    """Whether readers could see the item on the WordPress site at ``now`` (aware): a post or a
    page, published, without a password, dated no later than ``now``. Drafts, pending, private,
    scheduled ("future") and trashed items, attachments, menu items and reusable blocks are not.
    A published item whose GMT date is unknown ("0000-00-00 00:00:00") counts as public: it was
    on the site."""
    if now.tzinfo is None:
        raise ValueError("now must be an aware datetime")
    if item.post_type not in PUBLIC_TYPES or item.status != "publish" or item.password:
        return False
    return item.post_date_gmt is None or item.post_date_gmt <= now


def read_channel(path: Path) -> Channel:
    """The export's site, authors and terms. Streams, and stops at the first ``<item>``."""
    values: dict[str, str] = {}
    authors: list[Author] = []
    terms: list[Term] = []
    version = ""
    namespace_version = ""
    for event, elem, depth, ns in _walk(path):
        namespace_version = ns.version
        if event == "start":
            if depth == 3 and elem.tag == "item":
                break
            continue
        if depth != 2:  # only the channel's own children, when complete
            continue
        tag = elem.tag
        if not isinstance(tag, str):
            continue
        if tag == f"{{{ns.wp}}}author":
            kids = _children(elem)
            authors.append(
                Author(
                    login=kids.get(f"{{{ns.wp}}}author_login", "").strip(),
                    email=kids.get(f"{{{ns.wp}}}author_email", "").strip(),
                    display_name=kids.get(f"{{{ns.wp}}}author_display_name", "").strip(),
                    first_name=kids.get(f"{{{ns.wp}}}author_first_name", "").strip(),
                    last_name=kids.get(f"{{{ns.wp}}}author_last_name", "").strip(),
                )
            )
        elif tag in (f"{{{ns.wp}}}category", f"{{{ns.wp}}}tag", f"{{{ns.wp}}}term"):
            terms.append(_term(elem, ns))
        elif tag == f"{{{ns.wp}}}wxr_version":
            version = _text(elem).strip()
        elif tag in ("title", "link", "language"):
            values[tag] = _text(elem).strip()
        elif tag in (f"{{{ns.wp}}}base_site_url", f"{{{ns.wp}}}base_blog_url"):
            values[etree.QName(tag).localname] = _text(elem).strip()
    return Channel(
        title=values.get("title", ""),
        link=values.get("link", ""),
        base_site_url=values.get("base_site_url", ""),
        base_blog_url=values.get("base_blog_url", "") or values.get("base_site_url", ""),
        language=values.get("language", ""),
        wxr_version=version or namespace_version,
        authors=tuple(authors),
        terms=tuple(terms),
    )


def iter_items(path: Path) -> Iterator[Item]:
    """Every ``<item>`` of the export, in file order, whatever its type and status. Each item's
    element is cleared once it is read (flat memory). Raises :class:`WxrError` where the file
    is damaged, after yielding the items before the damage."""
    for event, elem, depth, ns in _walk(path):
        if event != "end" or depth != 2 or elem.tag != "item":
            continue
        item = _item(elem, ns)
        _forget(elem)
        yield item


def count_items(path: Path) -> int:
    """How many ``<item>`` elements the export holds (streaming; for a progress bar)."""
    count = 0
    for event, elem, depth, _ns in _walk(path):
        if event == "end" and depth == 2 and elem.tag == "item":
            count += 1
            _forget(elem)
    return count


# --- internals ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Namespaces:
    wp: str
    excerpt: str
    version: str  # the one the namespace names; read_channel's fallback for old exports


def _walk(path: Path) -> Iterator[tuple[str, Any, int, _Namespaces]]:
    """iterparse's events with the element's depth after the event (the root is 1 at its start,
    an item 3 at its start and 2 at its end), once the file is known to be a supported WXR
    export. XML errors become :class:`WxrError`."""
    try:
        # The file is opened here, not by lxml, so it is closed however the walk ends (an
        # error, or read_channel stopping at the first item).
        with open(path, "rb") as file:
            yield from _events(file)
    except etree.XMLSyntaxError as exc:
        raise _syntax_error(exc, path) from exc
    except OSError as exc:
        raise WxrError(
            _("The file %(name)s could not be read: %(reason)s.")
            % {"name": Path(path).name, "reason": exc.strerror or exc}
        ) from exc


def _events(file: Any) -> Iterator[tuple[str, Any, int, _Namespaces]]:
    ns: _Namespaces | None = None
    depth = 0
    context = etree.iterparse(
        file,
        events=("start", "end"),
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        remove_comments=True,
        remove_pis=True,
    )
    for event, elem in context:
        if event == "start":
            depth += 1
            if depth == 1:
                _check_root(elem)
            elif depth == 2 and ns is None:
                if elem.tag != "channel":
                    raise WxrError(_no_channel(), line=elem.sourceline)
                ns = _namespaces(elem)
        else:
            depth -= 1
            if ns is not None and depth == 2 and elem.tag == f"{{{ns.wp}}}wxr_version":
                _check_version(_text(elem).strip(), elem.sourceline)
        if ns is not None:
            yield event, elem, depth, ns
    if ns is None:
        raise WxrError(_no_channel())


def _check_root(root: Any) -> None:
    tag = root.tag if isinstance(root.tag, str) else ""
    if tag != "rss":
        raise WxrError(
            _(
                "This file is not a WordPress export: a WordPress export is an RSS document, "
                "but this file's main element is <%(tag)s>. In WordPress, use Tools → Export "
                "and choose “All content”."
            )
            % {"tag": etree.QName(tag).localname if tag else "?"},
            line=root.sourceline,
        )
    if not any(WP_NAMESPACE.match(uri or "") for uri in root.nsmap.values()):
        raise WxrError(
            _(
                "This file is an RSS feed, not a WordPress export: it has none of WordPress's "
                "own data (authors, categories, statuses). In WordPress, use Tools → Export "
                "and choose “All content”."
            ),
            line=root.sourceline,
        )


def _namespaces(channel: Any) -> _Namespaces:
    uris = [uri for uri in channel.nsmap.values() if uri and WP_NAMESPACE.match(uri)]
    wp = sorted(uris)[-1]  # the newest if an export declares several
    version = WP_NAMESPACE.match(wp).group(1)  # type: ignore[union-attr]
    _check_version(version, channel.sourceline)
    return _Namespaces(wp=wp, excerpt=f"{wp}excerpt/", version=version)


def _check_version(version: str, line: int | None) -> None:
    if version not in SUPPORTED_VERSIONS:
        raise WxrError(
            _(
                "This WordPress export is in WXR version %(version)s, which the import does not "
                "know; it reads versions %(supported)s."
            )
            % {"version": version or "?", "supported": ", ".join(SUPPORTED_VERSIONS)},
            line=line,
        )


def _no_channel() -> str:
    return _(
        "This file is not a WordPress export: it has no <channel> with the site's content. "
        "In WordPress, use Tools → Export and choose “All content”."
    )


ENCODING_ERRORS = {
    etree.ErrorTypes.ERR_INVALID_CHAR,
    etree.ErrorTypes.ERR_INVALID_ENCODING,
    etree.ErrorTypes.ERR_UNKNOWN_ENCODING,
    etree.ErrorTypes.ERR_UNSUPPORTED_ENCODING,
}
TRUNCATION_ERRORS = {
    etree.ErrorTypes.ERR_DOCUMENT_END,
    etree.ErrorTypes.ERR_TAG_NOT_FINISHED,
    etree.ErrorTypes.ERR_LTSLASH_REQUIRED,
    etree.ErrorTypes.ERR_GT_REQUIRED,
}


def _syntax_error(exc: etree.XMLSyntaxError, path: Path) -> WxrError:
    line = exc.lineno or (exc.position[0] if exc.position else None) or None
    message = str(exc.msg or exc)
    lowered = message.lower()
    if _is_html(path):
        return WxrError(
            _(
                "This file is a web page (HTML), not a WordPress export: it was probably saved "
                "from the browser. In WordPress, use Tools → Export, choose “All content” and "
                "import the .xml file it downloads."
            ),
            line=line,
        )
    if (
        exc.code == etree.ErrorTypes.ERR_DOCUMENT_EMPTY
        or "document is empty" in lowered
        or "no element found" in lowered
    ):
        return WxrError(_("The file is empty: it is not a WordPress export."), line=line)
    if exc.code in ENCODING_ERRORS or "encoding" in lowered or "utf-8" in lowered:
        return WxrError(
            _(
                "The file is not in the encoding it declares (line %(line)s): it was probably "
                "saved again in another encoding, such as Windows-1250. Export it from "
                "WordPress again and import the file as downloaded."
            )
            % {"line": line or "?"},
            line=line,
        )
    if exc.code in TRUNCATION_ERRORS or "premature end" in lowered or _at_end(path, line):
        return WxrError(
            _(
                "The file ends too early (line %(line)s): it was probably cut off while it was "
                "downloaded or copied. Export it from WordPress again. Technical detail: "
                "%(detail)s"
            )
            % {"line": line or "?", "detail": message},
            line=line,
        )
    return WxrError(
        _(
            "The file is not well-formed XML (line %(line)s), so it cannot be read as a "
            "WordPress export. Export it from WordPress again. Technical detail: %(detail)s"
        )
        % {"line": line or "?", "detail": message},
        line=line,
    )


_HTML_START = re.compile(rb"^\s*(?:<\?xml[^>]*>\s*)?(?:<!doctype\s+html|<html[\s>])", re.I)


def _is_html(path: Path) -> bool:
    """Whether the file starts like a web page (HTML is rarely well-formed XML)."""
    try:
        with open(path, "rb") as file:
            head = file.read(1024).removeprefix(b"\xef\xbb\xbf")
    except OSError:
        return False
    return bool(_HTML_START.match(head))


def _at_end(path: Path, line: int | None) -> bool:
    """Whether the error is on the file's last line: the file stops in the middle of it."""
    if line is None:
        return False
    lines = 0
    last = b""
    try:
        with open(path, "rb") as file:
            while chunk := file.read(1 << 20):
                lines += chunk.count(b"\n")
                last = chunk[-1:]
    except OSError:
        return False
    if last and last != b"\n":
        lines += 1
    return line >= lines


def _forget(elem: Any) -> None:
    """Clear an item once read, and the siblings before it, so the tree does not grow."""
    elem.clear(keep_tail=False)
    parent = elem.getparent()
    if parent is not None:
        while elem.getprevious() is not None:
            del parent[0]


def _text(elem: Any) -> str:
    # itertext joins the pieces of a CDATA section WordPress splits around "]]>".
    return "".join(elem.itertext())


def _children(elem: Any) -> dict[str, str]:
    """The element's children by tag, as text (the first of each tag)."""
    out: dict[str, str] = {}
    for child in elem:
        if isinstance(child.tag, str) and child.tag not in out:
            out[child.tag] = _text(child)
    return out


def _decode(slug: str) -> str:
    return unquote(slug.strip(), errors="replace")


def _int(value: str, default: int = 0) -> int:
    try:
        return int(value.strip())
    except ValueError:
        return default


def _local_date(value: str) -> datetime | None:
    value = value.strip()
    if not value or value == ZERO_DATE:
        return None
    try:
        return datetime.strptime(value, "%Y-%m-%d %H:%M:%S")
    except ValueError:
        return None


def _gmt_date(value: str) -> datetime | None:
    naive = _local_date(value)
    return naive.replace(tzinfo=UTC) if naive else None


def _term(elem: Any, ns: _Namespaces) -> Term:
    kids = _children(elem)
    wp = ns.wp
    kind = etree.QName(elem.tag).localname
    if kind == "category":
        taxonomy = "category"
        slug = kids.get(f"{{{wp}}}category_nicename", "")
        name = kids.get(f"{{{wp}}}cat_name", "")
        parent = kids.get(f"{{{wp}}}category_parent", "")
        description = kids.get(f"{{{wp}}}category_description", "")
    elif kind == "tag":
        taxonomy = "post_tag"
        slug = kids.get(f"{{{wp}}}tag_slug", "")
        name = kids.get(f"{{{wp}}}tag_name", "")
        parent = ""
        description = kids.get(f"{{{wp}}}tag_description", "")
    else:
        taxonomy = kids.get(f"{{{wp}}}term_taxonomy", "").strip()
        slug = kids.get(f"{{{wp}}}term_slug", "")
        name = kids.get(f"{{{wp}}}term_name", "")
        parent = kids.get(f"{{{wp}}}term_parent", "")
        description = kids.get(f"{{{wp}}}term_description", "")
    return Term(
        taxonomy=taxonomy,
        slug=_decode(slug),
        name=name.strip(),
        parent_slug=_decode(parent) or None,
        description=description.strip(),
    )


def _item(elem: Any, ns: _Namespaces) -> Item:
    wp = ns.wp
    values: dict[str, str] = {}
    categories: list[tuple[str, str, str]] = []
    meta: dict[str, list[str]] = {}
    for child in elem:
        tag = child.tag
        if not isinstance(tag, str):
            continue
        if tag == "category":
            categories.append(
                (
                    child.get("domain", "").strip(),
                    _decode(child.get("nicename", "")),
                    _text(child).strip(),
                )
            )
        elif tag == f"{{{wp}}}postmeta":
            kids = _children(child)
            key = kids.get(f"{{{wp}}}meta_key", "").strip()
            if key:
                value = kids.get(f"{{{wp}}}meta_value", "")
                meta.setdefault(key, []).append(_decode(value) if key in DECODED_METAS else value)
        elif tag not in values:
            values[tag] = _text(child)
    post_id = _int(values.get(f"{{{wp}}}post_id", ""), default=-1)
    if post_id < 0:
        raise WxrError(
            _("An item of the export (line %(line)s) has no WordPress id, so it cannot be read.")
            % {"line": elem.sourceline or "?"},
            line=elem.sourceline,
        )
    return Item(
        post_id=post_id,
        post_type=values.get(f"{{{wp}}}post_type", "").strip(),
        status=values.get(f"{{{wp}}}status", "").strip(),
        title=values.get("title", "").strip(),
        link=values.get("link", "").strip(),
        guid=values.get("guid", "").strip(),
        creator=values.get(f"{{{DC_NS}}}creator", "").strip(),
        content=values.get(f"{{{CONTENT_NS}}}encoded", ""),
        excerpt=values.get(f"{{{ns.excerpt}}}encoded", ""),
        post_date=_local_date(values.get(f"{{{wp}}}post_date", "")),
        post_date_gmt=_gmt_date(values.get(f"{{{wp}}}post_date_gmt", "")),
        post_name=_decode(values.get(f"{{{wp}}}post_name", "")),
        post_parent=_int(values.get(f"{{{wp}}}post_parent", "")),
        menu_order=_int(values.get(f"{{{wp}}}menu_order", "")),
        password=values.get(f"{{{wp}}}post_password", ""),
        is_sticky=values.get(f"{{{wp}}}is_sticky", "").strip() == "1",
        categories=tuple(categories),
        postmeta=MappingProxyType({key: tuple(vals) for key, vals in meta.items()}),
        attachment_url=values.get(f"{{{wp}}}attachment_url", "").strip(),
        post_modified_gmt=_gmt_date(values.get(f"{{{wp}}}post_modified_gmt", "")),
        line=elem.sourceline,
    )
