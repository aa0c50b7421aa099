"""The WordPress import: a WXR export becomes Biuletyn's pages, images and redirects (issue 12).

``import_export`` reads the export in streaming passes (``wxr.iter_items``), holding only small
maps of ids between them:

1. attachments (``content.AttachmentInfo``), reusable blocks, and each public post's and page's
   permalink, so that links between posts can be recognised;
2. each public post (an ``ArticlePage`` in the Polish bulletin) and page (a ``StandardPage``
   under the Polish home page, keeping WordPress's parent and child structure) in its own
   transaction: a failure rolls back that item alone and is summarised in the report;
3. the items whose links named a post imported after them, converted again now that every page
   exists, and the pages whose WordPress parent came later in the file.

What was public stays public: an imported article is published even when an image breaks our
editorial rules (``core.editorial_rules.publishing_imported_archive``); the reasons are kept in
``ImportedItem.needs_editor`` and the admin lists the page until an editor fixes it. Editors'
own edits keep the rules.

Re-running updates instead of duplicating: an item is found by (site, post id) or by GUID;
unchanged content does nothing; changed content gets a new published revision unless an editor
has changed the page since the import's revision, in which case the page is left alone and
reported. Every old address (the permalink, ``/?p=ID``, ``/?page_id=ID`` for pages, each
remembered old slug) redirects permanently to the new page. The page cache clears once, at the
end (``pagecache.paused``).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import html
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol
from urllib.parse import parse_qs, unquote, urlsplit
from zoneinfo import ZoneInfo

from django.conf import settings
from django.core.files import File
from django.core.files.images import ImageFile
from django.db import transaction
from django.utils import timezone
from django.utils.html import escape, strip_tags
from django.utils.text import Truncator, slugify
from django.utils.translation import gettext as _
from PIL import Image as PILImage
from wagtail.contrib.redirects.models import Redirect
from wagtail.coreutils import find_available_slug
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Locale, Page

from biuletyn.accessibility.alt_text import check_alt_text
from biuletyn.articles.models import ArticleIndexPage, ArticlePage, Category
from biuletyn.core import pagecache
from biuletyn.core.editorial_rules import images_in_rich_text, publishing_imported_archive
from biuletyn.pages.models import HomePage, StandardPage
from biuletyn.pages.services import publish_new_page

from . import content, wxr
from .models import ImportedItem
from .report import Failure, ImportReport, PageNote

# Bump when the conversion changes, so that a re-import converts every item again.
CONVERSION_VERSION = 1
WARSAW = ZoneInfo("Europe/Warsaw")
DEFAULT_CATEGORY = ("Bez kategorii", "bez-kategorii")
# Sub-addresses of the bulletin (its routes): an article may not take these slugs.
RESERVED_SLUGS = frozenset({"kategoria", "category", "tag", "archiwum", "archive"})
POSTER_WORDS = ("plakat", "poster", "afisz", "ulotka", "flyer")
LEAD_LENGTH = 300
_SIZE_SUFFIX = re.compile(r"-(?:\d+x\d+|scaled|rotated)(?=\.\w+$)")
_UPLOADS = "/wp-content/uploads/"
_HREF = re.compile(r"""(?:href|src)=["']([^"']+)["']""")
_BLOCK_REF = re.compile(r"""<!--\s*wp:block\s+\{[^}]*"ref"\s*:\s*(\d+)""")


class Progress(Protocol):
    """What the import tells while it works: how many items there are, each one done."""

    def start(self, total: int) -> None: ...
    def advance(self) -> None: ...


class _Silent:
    def start(self, total: int) -> None:
        pass

    def advance(self) -> None:
        pass


@dataclass
class _Known:
    """What pass 1 learns of a public post or page (small: ids and addresses only)."""

    post_type: str
    link: str
    parent: int


@dataclass
class _Run:
    """The state of one import, between passes."""

    site_url: str
    hosts: frozenset[str]
    media_dir: Path | None
    now: dt.datetime
    home: HomePage
    locale: Locale
    authors: dict[str, str]
    report: ImportReport
    attachments: dict[int, content.AttachmentInfo] = field(default_factory=dict)
    by_file: dict[str, int] = field(default_factory=dict)
    reusable: dict[int, str] = field(default_factory=dict)
    known: dict[int, _Known] = field(default_factory=dict)
    paths: dict[str, int] = field(default_factory=dict)
    page_ids: dict[int, int] = field(default_factory=dict)
    relink: set[int] = field(default_factory=set)
    deferred: set[int] = field(default_factory=set)
    missing_files: set[str] = field(default_factory=set)
    # Made (or found) once the whole file has been read: a damaged file writes nothing.
    bulletin: ArticleIndexPage = field(init=False)


class _Deferred(Exception):
    """A page whose WordPress parent is public but not imported yet: try again later."""


# --- the entry point ---------------------------------------------------------------------------


def import_export(
    *,
    path: Path,
    media_dir: Path | None = None,
    progress: Progress | None = None,
    now: dt.datetime | None = None,
) -> ImportReport:
    """Import the WXR export at ``path`` (images from ``media_dir``, a copy of
    ``wp-content/uploads``). Raises ``wxr.WxrError`` when the file cannot be read: the first
    pass reads it whole before anything is written, so a file that is damaged anywhere (cut
    off, malformed in the middle, in another encoding) changes nothing. Should the file change
    under the import between passes, it stops there with ``report.stopped`` set, keeping what
    was done."""
    progress = progress or _Silent()
    now = now or timezone.now()
    channel = wxr.read_channel(path)
    with pagecache.paused():
        run = _prepare(channel, media_dir=media_dir, now=now)
        total = _first_pass(run, path)
        run.bulletin = _ensure_bulletin(run.home)
        _ensure_categories(channel, run.locale)
        progress.start(total)
        try:
            for item in wxr.iter_items(path):
                _second_pass(run, item)
                progress.advance()
            _last_passes(run, path)
        except wxr.WxrError as error:
            run.report.stopped = str(error)
    run.report.missing_files = sorted(run.missing_files)
    return run.report


def _prepare(channel: wxr.Channel, *, media_dir: Path | None, now: dt.datetime) -> _Run:
    site_url = (channel.base_blog_url or channel.link or channel.base_site_url).rstrip("/")
    hosts = frozenset(
        urlsplit(url).netloc.lower()
        for url in (channel.link, channel.base_site_url, channel.base_blog_url)
        if url
    )
    locale = Locale.objects.get(language_code=settings.LANGUAGE_CODE)
    home = HomePage.objects.filter(locale=locale).first()
    if home is None:
        raise wxr.WxrError(
            _("The site has no home page yet: run “manage.py migrate” and set up the site first.")
        )
    authors = {
        a.login: a.display_name or f"{a.first_name} {a.last_name}".strip() for a in channel.authors
    }
    return _Run(
        site_url=site_url,
        hosts=hosts,
        media_dir=media_dir,
        now=now,
        home=home,
        locale=locale,
        authors=authors,
        report=ImportReport(),
    )


@transaction.atomic
def _ensure_bulletin(home: HomePage) -> ArticleIndexPage:
    bulletin = ArticleIndexPage.objects.child_of(home).first()
    if bulletin is not None:
        return bulletin
    page = ArticleIndexPage(title="Biuletyn", slug="biuletyn", locale=home.locale)
    publish_new_page(parent=home, page=page)
    return page


@transaction.atomic
def _ensure_categories(channel: wxr.Channel, locale: Locale) -> None:
    """The export's categories in the Polish locale, each under its parent. Existing ones (by
    slug) are kept; one without a parent gets the export's."""
    terms = {t.slug: t for t in channel.terms if t.taxonomy == "category"}
    done: dict[str, Category] = {}

    def ensure(slug: str, trail: frozenset[str]) -> Category:
        if slug in done:
            return done[slug]
        term = terms[slug]
        parent = None
        if term.parent_slug and term.parent_slug in terms and term.parent_slug not in trail:
            parent = ensure(term.parent_slug, trail | {slug})
        category = _category(slug, html.unescape(term.name), locale, parent=parent)
        if term.description and not category.description:
            category.description = Truncator(term.description).chars(300)
            category.save(update_fields=["description"])
        done[slug] = category
        return category

    for slug in terms:
        ensure(slug, frozenset())


def _category(slug: str, name: str, locale: Locale, *, parent: Category | None = None) -> Category:
    slug = _slug(slug or name)[:100] or DEFAULT_CATEGORY[1]
    category = Category.objects.filter(slug=slug, locale=locale).first()
    if category is None:
        return Category.objects.create(
            slug=slug, name=(name or slug)[:100], locale=locale, parent=parent
        )
    if parent is not None and category.parent_id is None and parent.pk != category.pk:
        category.parent = parent
        category.save(update_fields=["parent"])
    return category


# --- pass 1: attachments, reusable blocks, addresses -------------------------------------------


def _first_pass(run: _Run, path: Path) -> int:
    count = 0
    for item in wxr.iter_items(path):
        count += 1
        if item.post_type == "attachment":
            file = item.meta("_wp_attached_file") or _uploads_path(item.attachment_url) or ""
            info = content.AttachmentInfo(
                post_id=item.post_id,
                url=item.attachment_url,
                file=file,
                alt=item.meta("_wp_attachment_image_alt").strip(),
                caption=item.excerpt.strip(),
                title=item.title.strip(),
                description=item.content.strip(),
            )
            run.attachments[item.post_id] = info
            if file:
                run.by_file[_SIZE_SUFFIX.sub("", file)] = item.post_id
        elif item.post_type == "wp_block":
            run.reusable[item.post_id] = item.content
        elif wxr.is_public(item, now=run.now):
            run.known[item.post_id] = _Known(item.post_type, item.link, item.post_parent)
            for old in _old_paths(run, item):
                run.paths.setdefault(old, item.post_id)
            if path_ := _path_of(run, item.link):
                run.paths[path_] = item.post_id
    return count


def _uploads_path(url: str) -> str | None:
    """ "2024/05/plakat.jpg" for an address under wp-content/uploads, else None."""
    path = unquote(urlsplit(url).path)
    if _UPLOADS not in path:
        return None
    return path.split(_UPLOADS, 1)[1]


def _path_of(run: _Run, href: str) -> str | None:
    """A link's path on the old site, normalised (decoded, no trailing slash), or None when it
    points at another host."""
    parts = urlsplit(href)
    if parts.netloc and parts.netloc.lower() not in run.hosts:
        return None
    path = unquote(parts.path).rstrip("/") or "/"
    return path


def _old_paths(run: _Run, item: wxr.Item) -> list[str]:
    """The addresses WordPress answered with this item under an old slug."""
    current = _path_of(run, item.link)
    if not current or not item.post_name:
        return []
    head, _sep, last = current.rpartition("/")
    if last != item.post_name:
        return []
    return [f"{head}/{old}" for old in item.postmeta.get("_wp_old_slug", ()) if old and old != last]


# --- pass 2: one item at a time ----------------------------------------------------------------


def _second_pass(run: _Run, item: wxr.Item) -> None:
    if item.post_type == "attachment":
        return
    if item.post_type not in wxr.PUBLIC_TYPES:
        kind = item.post_type if item.post_type in ("nav_menu_item", "wp_block") else "other"
        run.report.skipped[kind] += 1
        return
    if not wxr.is_public(item, now=run.now):
        run.report.skipped[_skip_reason(item, run.now)] += 1
        with transaction.atomic():
            _withdraw(run, item)
        return
    _import_one(run, item)


# Stored as an item's digest once its page is withdrawn: no export's digest equals it, so the
# post made public again in WordPress is published again by the next import.
_WITHDRAWN = "withdrawn"


def _withdraw(run: _Run, item: wxr.Item) -> None:
    """A post an earlier import published that WordPress no longer shows (made private, a
    draft, trashed, password-protected): unpublished here too, with its English alias. Not when
    an editor changed the page since: Biuletyn owns it now, and the report names it."""
    record = _record_for(run, item)
    if record is None or record.page is None or not record.page.live:
        return
    page = record.page.specific
    if page.latest_revision_id != record.revision_id:
        run.report.edited_since.append(PageNote(page.pk, page.title))
        return
    page.unpublish(log_action=True)
    record.content_hash, record.revision_id = _WITHDRAWN, page.latest_revision_id
    record.imported_at = timezone.now()
    record.save(update_fields=["content_hash", "revision_id", "imported_at"])
    run.report.withdrawn.append(PageNote(page.pk, page.title))


def _skip_reason(item: wxr.Item, now: dt.datetime) -> str:
    if item.password and item.status == "publish":
        return "password"
    if item.status == "publish":  # dated in the future: WordPress would publish it later
        return "future"
    return item.status or "draft"


def _import_one(run: _Run, item: wxr.Item, *, again: bool = False) -> None:
    title = _title(item)
    images = run.report.images  # the images a rolled-back item made are not counted
    try:
        with transaction.atomic():
            _import_item(run, item, again=again)
    except _Deferred:
        run.deferred.add(item.post_id)
        run.report.images = images
    except Exception as error:
        run.report.images = images
        run.report.failed.append(Failure(item.post_id, title, str(error) or type(error).__name__))


def _import_item(run: _Run, item: wxr.Item, *, again: bool) -> None:
    record = _record_for(run, item)
    digest = _digest(run, item)
    if record is not None and record.page_id is None and record.content_hash:
        # An editor deleted the page: the import does not bring it back.
        run.report.edited_since.append(PageNote(0, _title(item)))
        return
    page = record.page.specific if record is not None and record.page is not None else None
    if page is not None and not again:
        run.page_ids[item.post_id] = page.pk
        if record is not None and record.content_hash == digest:
            run.report.unchanged += 1
            # Still named in the report while it needs an editor: each run's report is whole.
            run.report.note_needs(page.pk, page.title, *needs_editor(page))
            return
        if record is not None and page.latest_revision_id != record.revision_id:
            run.report.edited_since.append(PageNote(page.pk, page.title))
            return

    unresolved: list[bool] = []
    converted = content.convert(
        item.content,
        reusable_blocks=run.reusable,
        attachments=run.attachments,
        page_id_for=lambda href: _page_id_for(run, href, unresolved),
    )
    if item.post_type == "post":
        page, created = _save_article(run, item, converted, page)
    else:
        page, created = _save_standard_page(run, item, converted, page)
    if unresolved and not again:
        run.relink.add(item.post_id)
    run.page_ids[item.post_id] = page.pk
    _redirects(run, item, page)

    record = record or ImportedItem(site_url=run.site_url, post_id=item.post_id)
    record.guid, record.post_type, record.page = item.guid[:500], item.post_type, page
    record.content_hash, record.revision_id = digest, page.latest_revision_id
    record.imported_at = timezone.now()
    codes, details = needs_editor(page, extra_links=converted.media_links)
    record.needs_editor = codes
    record.save()
    run.report.note_needs(page.pk, page.title, codes, details)
    if not again:
        if created:
            run.report.imported += 1
        else:
            run.report.updated += 1


def _record_for(run: _Run, item: wxr.Item) -> ImportedItem | None:
    found = ImportedItem.objects.filter(site_url=run.site_url, post_id=item.post_id).first()
    if found is None and item.guid:
        found = (
            ImportedItem.objects.filter(guid=item.guid[:500], post_type=item.post_type)
            .order_by("pk")
            .first()
        )
    return found


def _digest(run: _Run, item: wxr.Item) -> str:
    """A hash of everything the import takes from an item (and the blocks it reuses)."""
    refs = sorted({int(ref) for ref in _BLOCK_REF.findall(item.content)})
    thumbnail = _int(item.meta("_thumbnail_id"))
    featured = run.attachments.get(thumbnail) if thumbnail else None
    data = {
        "v": CONVERSION_VERSION,
        "title": item.title,
        "content": item.content,
        "excerpt": item.excerpt,
        "date": str(item.post_date),
        "gmt": str(item.post_date_gmt),
        "name": item.post_name,
        "parent": item.post_parent,
        "order": item.menu_order,
        "creator": item.creator,
        "author": run.authors.get(item.creator, ""),
        "categories": sorted(item.categories),
        "old": sorted(item.postmeta.get("_wp_old_slug", ())),
        "link": item.link,
        "blocks": [run.reusable.get(ref, "") for ref in refs],
        "featured": [featured.file, featured.alt, featured.caption] if featured else None,
    }
    return hashlib.sha256(json.dumps(data, sort_keys=True, default=str).encode()).hexdigest()


def _page_id_for(run: _Run, href: str, unresolved: list[bool]) -> int | None:
    """The Wagtail page of a link to another imported post or page, for content.convert."""
    parts = urlsplit(href.strip())
    if parts.netloc and parts.netloc.lower() not in run.hosts:
        return None
    if parts.scheme and parts.scheme not in ("http", "https"):
        return None
    post_id = None
    query = parse_qs(parts.query)
    for key in ("p", "page_id"):
        if query.get(key) and query[key][0].isdigit():
            post_id = int(query[key][0])
            break
    if post_id is None:
        path = _path_of(run, href)
        post_id = run.paths.get(path) if path else None
    if post_id is None or post_id not in run.known:
        return None
    page_id = run.page_ids.get(post_id)
    if page_id is None:
        unresolved.append(True)
    return page_id


# --- articles ------------------------------------------------------------------------------


def _save_article(
    run: _Run, item: wxr.Item, converted: content.ConvertedBody, page: Any
) -> tuple[ArticlePage, bool]:
    blocks = _resolve_images(run, converted.blocks)
    featured = _featured_block(run, item, blocks)
    if featured is not None:
        blocks.insert(0, featured)
    when = _published_at(item, run.now)
    created = page is None
    if created:
        page = ArticlePage(locale=run.locale)
    page.title = _title(item)
    page.publication_date = when
    page.lead = _lead(item, blocks) or page.title
    page.body = blocks
    page.author = run.authors.get(item.creator, item.creator)[:200]
    page.categories = _categories_of(run, item)
    page.tags.set(_tags_of(item))
    parent = Page.objects.get(pk=run.bulletin.pk)
    if created:
        page.slug = _free_slug(parent, item, page.title)
    with publishing_imported_archive():
        if created:
            publish_new_page(parent=parent, page=page)
        else:
            page.save_revision().publish()
    Page.objects.filter(pk=page.pk).update(first_published_at=when, last_published_at=when)
    return page, created


def _published_at(item: wxr.Item, now: dt.datetime) -> dt.datetime:
    if item.post_date_gmt is not None:
        return item.post_date_gmt
    if item.post_date is not None:
        return timezone.make_aware(item.post_date, WARSAW)
    return now


def _categories_of(run: _Run, item: wxr.Item) -> list[Category]:
    found = []
    for domain, nicename, name in item.categories:
        if domain == "category":
            found.append(_category(nicename, html.unescape(name), run.locale))
    if not found:
        found.append(_category(DEFAULT_CATEGORY[1], DEFAULT_CATEGORY[0], run.locale))
    return list({c.pk: c for c in found}.values())


def _tags_of(item: wxr.Item) -> list[str]:
    names = [
        html.unescape(name).strip()[:100]
        for domain, _slug, name in item.categories
        if domain == "post_tag"
    ]
    return list(dict.fromkeys(n for n in names if n))


def _featured_block(
    run: _Run, item: wxr.Item, blocks: list[dict[str, Any]]
) -> dict[str, Any] | None:
    attachment_id = _int(item.meta("_thumbnail_id"))
    info = run.attachments.get(attachment_id) if attachment_id else None
    if info is None:
        return None
    image_id = _image_for(run, info)
    if image_id is None:
        return None
    if any(b["type"] == "image" and b["value"].get("image") == image_id for b in blocks):
        return None
    return {"type": "image", "value": {"image": image_id, "caption": _plain(info.caption)}}


def _resolve_images(run: _Run, blocks: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The converted blocks with each image use replaced by a library image; an image that
    cannot be found becomes a link to its old address, which the report names."""
    out: list[dict[str, Any]] = []
    for block in blocks:
        if block["type"] == "paragraph":
            out.append({"type": "paragraph", "value": _link_files(run, block["value"])})
            continue
        if block["type"] != "image":
            out.append(block)
            continue
        use: content.ImageUse = block["value"]["image"]
        caption = _plain(block["value"].get("caption") or use.caption)
        image_id = _image_for_use(run, use)
        if image_id is not None:
            out.append({"type": "image", "value": {"image": image_id, "caption": caption}})
        elif use.src:
            text = escape(use.alt or caption or unquote(use.src.rsplit("/", 1)[-1]))
            out.append(
                {"type": "paragraph", "value": f'<p><a href="{escape(use.src)}">{text}</a></p>'}
            )
    return out


_FILE_LINK = re.compile(r"""<a\s+href=(["'])([^"']*/wp-content/uploads/[^"']*)\1""")


def _link_files(run: _Run, rich_text: str) -> str:
    """Links to files of the old site's uploads (a PDF, a full-size photo) become links to
    documents of our own, when the file is in the uploads copy; the others stay as they were,
    and the report names them."""

    def replace(match: re.Match[str]) -> str:
        href = html.unescape(match.group(2))
        file = _uploads_path(href)
        document_id = _document_for(run, file) if file else None
        if document_id is None:
            return match.group(0)
        return f'<a linktype="document" id="{document_id}"'

    return _FILE_LINK.sub(replace, rich_text)


def _document_for(run: _Run, file: str) -> int | None:
    """The document of a file of the uploads, made once (found again by the attachment's id,
    or by the file's path when no attachment names it)."""
    attachment_id = run.by_file.get(_SIZE_SUFFIX.sub("", file))
    info = run.attachments.get(attachment_id) if attachment_id else None
    if info is not None:
        records = ImportedItem.objects.filter(site_url=run.site_url, post_id=info.post_id)
    else:
        records = ImportedItem.objects.filter(
            site_url=run.site_url, post_type="file", guid=file[:500]
        )
    record = records.first()
    if record is not None and record.document_id is not None:
        return record.document_id
    source = _media_file(run, info.file if info else file)
    if source is None:
        return None
    with source.open("rb") as handle:
        document = get_document_model()(
            title=(_plain(info.title) if info else "") or source.stem,
            file=File(handle, name=source.name),
        )
        document.save()
    if record is None:
        record = ImportedItem(
            site_url=run.site_url,
            post_id=info.post_id if info else None,
            post_type="attachment" if info else "file",
            guid=(info.url if info else file)[:500],
        )
    record.document, record.imported_at = document, timezone.now()
    record.save()
    return int(document.pk)


def _image_for_use(run: _Run, use: content.ImageUse) -> int | None:
    info = run.attachments.get(use.attachment_id) if use.attachment_id else None
    file = _uploads_path(use.src) if use.src else None
    if info is None and file:
        attachment_id = run.by_file.get(_SIZE_SUFFIX.sub("", file))
        info = run.attachments.get(attachment_id) if attachment_id else None
    if info is not None:
        if use.alt and not info.alt:
            info = content.AttachmentInfo(
                post_id=info.post_id,
                url=info.url,
                file=info.file,
                alt=use.alt,
                caption=info.caption,
                title=info.title,
                description=info.description,
            )
        return _image_for(run, info)
    if file:
        return _image_for_file(run, file, alt=use.alt or "", caption=use.caption)
    return None


def _image_for(run: _Run, info: content.AttachmentInfo) -> int | None:
    """The library image of an attachment, made once (found again by its WordPress id)."""
    record = ImportedItem.objects.filter(site_url=run.site_url, post_id=info.post_id).first()
    if record is not None and record.image_id is not None:
        return record.image_id
    source = _media_file(run, info.file)
    if source is None:
        return None
    words = f"{info.title} {info.file} {info.caption} {info.description}".lower()
    is_poster = any(word in words for word in POSTER_WORDS)
    run.report.images += 1
    image = _make_image(
        source,
        file=info.file,
        title=_plain(info.title) or Path(info.file).stem,
        alt=_plain(info.alt),
        is_poster=is_poster,
        text_version=_plain(info.description) if is_poster else "",
    )
    record = record or ImportedItem(site_url=run.site_url, post_id=info.post_id)
    record.post_type, record.image, record.imported_at = "attachment", image, timezone.now()
    record.guid = info.url[:500]
    record.save()
    return int(image.pk)


def _image_for_file(run: _Run, file: str, *, alt: str, caption: str) -> int | None:
    """A file of the uploads that no attachment names (found again by its path)."""
    record = ImportedItem.objects.filter(
        site_url=run.site_url, post_type="file", guid=file[:500]
    ).first()
    if record is not None and record.image_id is not None:
        return record.image_id
    source = _media_file(run, file)
    if source is None:
        return None
    words = f"{file} {caption}".lower()
    run.report.images += 1
    image = _make_image(
        source,
        file=file,
        title=Path(file).stem,
        alt=_plain(alt),
        is_poster=any(word in words for word in POSTER_WORDS),
        text_version="",
    )
    ImportedItem.objects.create(
        site_url=run.site_url,
        post_id=None,
        post_type="file",
        guid=file[:500],
        image=image,
        imported_at=timezone.now(),
    )
    return int(image.pk)


def _media_file(run: _Run, file: str) -> Path | None:
    """The file in the uploads copy, or None (noted as missing). Never outside the folder."""
    if not file:
        return None
    if run.media_dir is not None:
        root = run.media_dir.resolve()
        candidate = (root / file).resolve()
        if candidate.is_relative_to(root) and candidate.is_file():
            return candidate
    run.missing_files.add(file)
    return None


class NotAnImageError(Exception):
    """A file of the uploads that Pillow cannot read as an image: the post that shows it fails
    (rolled back alone, named in the report) instead of publishing a page that cannot render."""


def _check_image(source: Path, file: str) -> None:
    try:
        with PILImage.open(source) as picture:
            picture.verify()
    except Exception as error:  # Pillow raises many kinds for a damaged or foreign file
        raise NotAnImageError(
            _(
                "the file %(file)s in the uploads folder is not an image the site can show (it "
                "may be damaged or cut off): put the original file there and import again"
            )
            % {"file": file}
        ) from error


def _make_image(
    source: Path, *, file: str, title: str, alt: str, is_poster: bool, text_version: str
) -> Any:
    _check_image(source, file)
    with source.open("rb") as handle:
        image = get_image_model()(
            title=title[:255],
            description=alt[:255],
            is_poster=is_poster,
            text_version=text_version,
            file=ImageFile(handle, name=source.name),
        )
        image.save()
    return image


# --- pages ---------------------------------------------------------------------------------


def _save_standard_page(
    run: _Run, item: wxr.Item, converted: content.ConvertedBody, page: Any
) -> tuple[StandardPage, bool]:
    parent: Page = Page.objects.get(pk=run.home.pk)
    if item.post_parent and item.post_parent in run.known:
        parent_id = run.page_ids.get(item.post_parent)
        if parent_id is None:
            raise _Deferred
        parent = Page.objects.get(pk=parent_id)
    blocks = _resolve_images(run, converted.blocks)
    created = page is None
    if created:
        page = StandardPage(locale=run.locale)
    page.title = _title(item)
    page.lead = Truncator(_plain(item.excerpt)).chars(LEAD_LENGTH)
    page.body = _rich_text(blocks)
    when = _published_at(item, run.now)
    with publishing_imported_archive():
        if created:
            page.slug = _free_slug(parent, item, page.title)
            publish_new_page(parent=parent, page=page)
        else:
            page.save_revision().publish()
    Page.objects.filter(pk=page.pk).update(first_published_at=when, last_published_at=when)
    return page, created


def _rich_text(blocks: list[dict[str, Any]]) -> str:
    """Blocks as one rich text (a standard page's body): headings, paragraphs, lists, quotes,
    and images as Wagtail's image embeds with their alt text."""
    parts = []
    image_model = get_image_model()
    for block in blocks:
        kind, value = block["type"], block["value"]
        if kind == "paragraph":
            parts.append(value)
        elif kind == "heading":
            parts.append(f"<h2>{escape(value)}</h2>")
        elif kind == "subheading":
            parts.append(f"<h3>{escape(value)}</h3>")
        elif kind == "quote":
            said = f"„{escape(value.get('text', ''))}”"
            if value.get("attribution"):
                said += f" – {escape(value['attribution'])}"
            parts.append(f"<p>{said}</p>")
        elif kind == "image":
            image = image_model.objects.filter(pk=value["image"]).first()
            if image is not None:
                parts.append(
                    f'<embed alt="{escape(image.alt)}" embedtype="image" format="fullwidth" '
                    f'id="{image.pk}"/>'
                )
                if value.get("caption"):
                    parts.append(f"<p>{escape(value['caption'])}</p>")
    return "".join(parts)


# --- redirects -----------------------------------------------------------------------------


def _redirects(run: _Run, item: wxr.Item, page: Page) -> None:
    """Every old address of the item, redirecting for good to its new page."""
    new_path = Redirect.normalise_path(page.url or "")
    old = [_path_of(run, item.link)]
    old += _old_paths(run, item)
    old.append(f"/?p={item.post_id}")
    if item.post_type == "page":
        old.append(f"/?page_id={item.post_id}")
    for address in dict.fromkeys(a for a in old if a):
        normalised = Redirect.normalise_path(address)
        if normalised in ("/", new_path):
            continue
        Redirect.objects.update_or_create(
            old_path=normalised,
            site=None,
            defaults={
                "redirect_page": page,
                "redirect_link": "",
                "is_permanent": True,
                "automatically_created": False,
            },
        )


# --- the second look: links to later posts, pages under later parents ----------------------------


def _last_passes(run: _Run, path: Path) -> None:
    while run.deferred:
        waiting, run.deferred = run.deferred, set()
        for item in wxr.iter_items(path):
            if item.post_id in waiting:
                _import_one(run, item)
        if run.deferred == waiting:  # their parents never came: failed already
            for item in wxr.iter_items(path):
                if item.post_id in waiting:
                    run.report.failed.append(
                        Failure(
                            item.post_id, _title(item), _("its parent page could not be imported")
                        )
                    )
            run.deferred = set()
    if not run.relink:
        return
    waiting, run.relink = run.relink, set()
    for item in wxr.iter_items(path):
        if item.post_id in waiting:
            _import_one(run, item, again=True)


# --- what needs an editor --------------------------------------------------------------------


def needs_editor(
    page: Page, *, extra_links: list[str] | None = None
) -> tuple[list[str], list[str]]:
    """What in a page's current content breaks our editorial rules, as codes of
    ``models.REASONS``, and the old media addresses it still links to."""
    page = page.specific
    images: list[Any] = []
    html_parts: list[str] = []
    if isinstance(page, ArticlePage):
        for block in page.body:
            if block.block_type == "image" and block.value.get("image") is not None:
                images.append(block.value["image"])
            elif block.block_type == "paragraph":
                html_parts.append(block.value.source)
    elif isinstance(page, StandardPage):
        html_parts.append(page.body)
        images = images_in_rich_text(page.body)
    codes: list[str] = []
    for image in images:
        errors = image.accessibility_errors()
        if "description" in errors:
            problem = check_alt_text(image.description)
            code = {"empty": "image_without_alt", "too_long": "long_alt"}.get(
                problem.code if problem else "", "generic_alt"
            )
            codes.append(code)
        if "text_version" in errors or "is_decorative" in errors:
            codes.append("poster_without_text")
    links = [href for part in html_parts for href in _HREF.findall(part) if _UPLOADS in href]
    if links:
        codes.append("broken_media_link")
    order = [
        "image_without_alt",
        "generic_alt",
        "long_alt",
        "poster_without_text",
        "broken_media_link",
    ]
    return [c for c in order if c in codes], list(dict.fromkeys(html.unescape(h) for h in links))


def recompute_needs_editor(*, page: Page) -> None:
    """After a page is published (by anyone): what its import record says it still needs."""
    records = list(ImportedItem.objects.filter(page_id=page.pk))
    if not records:
        return
    codes, _links = needs_editor(page)
    for record in records:
        if record.needs_editor != codes:
            record.needs_editor = codes
            record.save(update_fields=["needs_editor"])


# --- small helpers ---------------------------------------------------------------------------


def _title(item: wxr.Item) -> str:
    title = _plain(item.title)
    return (title or f"WordPress {item.post_id}")[:255]


def _plain(text: str) -> str:
    return " ".join(html.unescape(strip_tags(text or "")).split())


def _lead(item: wxr.Item, blocks: list[dict[str, Any]]) -> str:
    text = _plain(item.excerpt)
    if not text:
        text = next(
            (_plain(b["value"]) for b in blocks if b["type"] == "paragraph" and _plain(b["value"])),
            "",
        )
    return Truncator(text).chars(LEAD_LENGTH)


def _slug(text: str) -> str:
    return slugify(unquote(text), allow_unicode=True)


def _free_slug(parent: Page, item: wxr.Item, title: str) -> str:
    slug = _slug(item.post_name)[:200] or _slug(title)[:200] or f"wpis-{item.post_id}"
    if slug in RESERVED_SLUGS:
        slug = f"{slug}-{item.post_id}"
    return str(find_available_slug(parent, slug))


def _int(value: str) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        return 0
