"""State changes of the republishing sources (issue 12).

* ``fetch_all`` / ``fetch_source``: fetch each active source, turn what is new into draft
  articles in the source's section, and store the outcome on the source. Each source on its
  own: the network first (outside any transaction), then one transaction for its items and
  its outcome. A failure of any kind (network, timeout, HTTP error, unreadable content, or a
  bug) is the source's outcome in words and never stops the others.
* What is new: an item whose normalised address no item (of any source) has, and whose
  content fingerprint no item has: the same text republished under another address is not
  new. A watched web page brings one item per version of its content: a new item only when
  its fingerprint changes.
* A draft is never published by a fetch. It carries the attribution (``source_name``, shown
  as "Źródło: …"), the item's address, the source's default categories, the item's date (or
  the fetch's time) and an alias in every other language, as when an editor creates a page in
  the admin (simple_translation).
* ``mark_published`` (on Wagtail's ``page_published``) and ``reject`` take an item out of the
  review queue. Rejecting deletes the draft (it was never published and nobody wrote it) and
  keeps the item, so that a re-fetch does not bring it back.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass
from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from wagtail.actions.delete_page import DeletePageAction
from wagtail.models import Locale, Page

from biuletyn.articles.models import ArticleIndexPage, ArticlePage, ArticleSectionPage, Category
from biuletyn.core.slugs import fold

from . import fetch, parse, queries
from .models import ItemState, Source, SourceItem, SourceKind

logger = logging.getLogger(__name__)

_SLUG_LENGTH = 80


class SourceError(Exception):
    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class SourceOutcome:
    """What one fetch of one source did, for the command's line and the source's record."""

    source_id: int
    name: str
    ok: bool
    new: int = 0
    known: int = 0
    error: str = ""

    def __str__(self) -> str:
        if not self.ok:
            return f"{self.name}: {self.error}"
        return f"{self.name}: {describe_counts(self.new, self.known)}"


def describe_counts(new: int, known: int) -> str:
    from django.utils.translation import ngettext

    return ", ".join(
        [
            ngettext("%(count)d new", "%(count)d new", new) % {"count": new},
            ngettext("%(count)d already known", "%(count)d already known", known)
            % {"count": known},
        ]
    )


def fetch_all(*, now: dt.datetime | None = None) -> list[SourceOutcome]:
    """Fetch every active source, each on its own; their outcomes in the sources' order."""
    return [fetch_source(source=source, now=now) for source in Source.objects.filter(active=True)]


def fetch_source(*, source: Source, now: dt.datetime | None = None) -> SourceOutcome:
    """Fetch one source and keep what is new as drafts; the outcome is stored on the source."""
    now = now or timezone.now()
    try:
        items = _read(source)
        new, known = _store(source=source, items=items, now=now)
    except (fetch.FetchError, parse.ParseError, SourceError) as error:
        return _record_failure(source=source, message=error.message, now=now)
    except Exception as error:  # a bug must not stop the other sources either
        logger.exception("Fetching source %s failed", source.pk)
        return _record_failure(
            source=source,
            message=_("Something went wrong while reading this source: %(error)s")
            % {"error": error.__class__.__name__},
            now=now,
        )
    return SourceOutcome(
        source_id=source.pk, name=source.attribution, ok=True, new=new, known=known
    )


def _section(source: Source) -> Page:
    section = source.section.specific if source.section is not None else None
    if not isinstance(section, ArticleIndexPage | ArticleSectionPage):
        raise SourceError(
            _("The source has no section of the bulletin to put its drafts in. Choose one.")
        )
    return section


def _read(source: Source) -> list[parse.ParsedItem]:
    _section(source)  # before the network: nowhere to put the items is the first error
    fetched = fetch.fetch(source.url)
    if source.kind == SourceKind.PAGE:
        return [parse.parse_page(fetched.body, url=fetched.url, charset=fetched.charset)]
    try:
        return parse.parse_feed(fetched.body, base_url=fetched.url)
    except parse.ParseError as error:
        if fetched.content_type == "text/html":
            raise SourceError(
                _(
                    "The address gives a web page, not a feed. If this page is what you "
                    "want to watch, choose “single web page” as the source's kind."
                )
            ) from error
        raise


@transaction.atomic
def _store(*, source: Source, items: list[parse.ParsedItem], now: dt.datetime) -> tuple[int, int]:
    section = _section(source)
    new = known = 0
    seen: set[str] = set()
    for item in items:
        key = item.fingerprint
        if key in seen or queries.is_known(source=source, item=item):
            known += 1
            continue
        seen.add(key)
        page = _draft(source=source, section=section, item=item, now=now)
        SourceItem.objects.create(
            source=source,
            url=item.url,
            guid=item.guid,
            fingerprint=key,
            title=item.title,
            fetched_at=now,
            images=item.images,
            page=page,
        )
        new += 1
    source.last_fetched_at, source.last_ok, source.last_error = now, True, ""
    source.last_new, source.last_known = new, known
    source.save(
        update_fields=["last_fetched_at", "last_ok", "last_error", "last_new", "last_known"]
    )
    return new, known


def _record_failure(*, source: Source, message: str, now: dt.datetime) -> SourceOutcome:
    try:
        with transaction.atomic():
            Source.objects.filter(pk=source.pk).update(
                last_fetched_at=now, last_ok=False, last_error=message, last_new=0, last_known=0
            )
    except IntegrityError:  # pragma: no cover - the row is gone; nothing to record
        pass
    source.last_fetched_at, source.last_ok, source.last_error = now, False, message
    source.last_new = source.last_known = 0
    return SourceOutcome(source_id=source.pk, name=source.attribution, ok=False, error=message)


def _unique_slug(parent: Page, title: str) -> str:
    base = slugify(fold(title))[:_SLUG_LENGTH].strip("-") or "artykul"
    taken = set(
        Page.objects.child_of(parent).filter(slug__startswith=base).values_list("slug", flat=True)
    )
    slug, number = base, 2
    while slug in taken:
        slug = f"{base}-{number}"
        number += 1
    return slug


def _draft(
    *, source: Source, section: Page, item: parse.ParsedItem, now: dt.datetime
) -> ArticlePage:
    page = ArticlePage(
        title=item.title,
        slug=_unique_slug(section, item.title),
        lead=item.lead,
        body=item.blocks,
        publication_date=item.published or now,
        source_name=source.attribution,
        source_url=item.url,
        locale=section.locale,
        live=False,
        has_unpublished_changes=True,
    )
    keys = source.categories.values("translation_key")
    page.categories = list(Category.objects.filter(translation_key__in=keys, locale=section.locale))
    section.add_child(instance=page)
    page.save_revision()
    # As when an editor creates the page in the admin (simple_translation's after_create_page).
    for locale in Locale.objects.exclude(pk=page.locale_id):
        if not page.has_translation(locale):
            page.copy_for_translation(locale, copy_parents=True, alias=True)
    return page


@transaction.atomic
def mark_published(*, page: Page, now: dt.datetime | None = None) -> int:
    """The items whose draft ``page`` is leave the queue: published. Safe to run again."""
    return SourceItem.objects.filter(page_id=page.pk, state=ItemState.TO_REVIEW).update(
        state=ItemState.PUBLISHED, decided_at=now or timezone.now()
    )


@transaction.atomic
def reject(*, item: SourceItem, user: Any, now: dt.datetime | None = None) -> SourceItem:
    """Take ``item`` out of the queue: its draft (never published) is deleted, with its aliases,
    and the item is remembered as rejected so a re-fetch does not bring it back."""
    item = SourceItem.objects.select_for_update().get(pk=item.pk)
    if item.state != ItemState.TO_REVIEW:
        raise SourceError(_("This item was already decided on."))
    page = item.page
    if page is not None:
        if page.live or page.first_published_at is not None:
            raise SourceError(
                _("Its article has been published; unpublish it in the page editor instead.")
            )
        for twin in Page.objects.filter(alias_of=page):
            DeletePageAction(twin, user=user).execute(skip_permission_checks=True)
        DeletePageAction(page, user=user).execute(skip_permission_checks=True)
    item.refresh_from_db()
    item.state, item.decided_at, item.decided_by = ItemState.REJECTED, now or timezone.now(), user
    item.save(update_fields=["state", "decided_at", "decided_by", "page"])
    return item
