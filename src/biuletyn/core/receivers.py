"""Signal receivers of the core app: clearing the page cache when what shows on public pages
changes. What shows is declared in ``publicity``; everything else never clears. ADR 0001.

Each receiver only asks for a clear (``pagecache.clear_after_commit``): one clear per
transaction, after it commits, or one per ``pagecache.paused()`` block.
"""

from __future__ import annotations

from typing import Any

from django.db.models import Model
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_save
from django.dispatch import receiver
from wagtail.models import Page
from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

from . import pagecache, publicity

_WAS_LIVE = "_page_cache_was_live"


def _draft_only(update_fields: frozenset[str] | None, fields: frozenset[str]) -> bool:
    return update_fields is not None and set(update_fields) <= fields


def _page_is_live(page_id: Any) -> bool:
    return page_id is not None and Page.objects.filter(pk=page_id, live=True).exists()


def _part_shows(instance: Model) -> bool:
    """An inline row of a page shows while its page is live."""
    field = instance._meta.get_field(publicity.PAGE_PARTS[instance._meta.label_lower])
    page: Any = field.get_cached_value(instance, None)  # type: ignore[union-attr]
    if page is not None:
        return bool(page.live)
    return _page_is_live(getattr(instance, field.attname))  # type: ignore[union-attr]


@receiver(page_published)
@receiver(page_unpublished)
@receiver(page_slug_changed)
@receiver(post_page_move)  # moves and reorders (MovePageAction saves a plain Page)
def clear_on_page_event(sender: type, **kwargs: Any) -> None:
    pagecache.clear_after_commit()


@receiver(pre_save)
def remember_if_page_was_live(sender: type[Model], instance: Model, **kwargs: Any) -> None:
    """A page saved as not live may have been live until now (then the save takes it down)."""
    if kwargs.get("raw") or not issubclass(sender, Page):
        return
    if _draft_only(kwargs.get("update_fields"), publicity.PAGE_DRAFT_FIELDS):
        return
    if instance.pk is not None and not instance.live:  # type: ignore[attr-defined]
        setattr(instance, _WAS_LIVE, _page_is_live(instance.pk))


@receiver(post_save)
def clear_on_save(sender: type[Model], instance: Model, **kwargs: Any) -> None:
    if kwargs.get("raw"):
        return  # fixtures
    kind = publicity.kind(sender)
    update_fields = kwargs.get("update_fields")
    if kind == "page":
        if _draft_only(update_fields, publicity.PAGE_DRAFT_FIELDS):
            return
        was_live = instance.__dict__.pop(_WAS_LIVE, False)
        shows = instance.live or was_live  # type: ignore[attr-defined]
    elif kind == "public":
        shows = not _draft_only(update_fields, publicity.FILE_BOOKKEEPING_FIELDS)
    elif kind == "part":
        shows = _part_shows(instance)
    else:
        shows = False
    if shows:
        pagecache.clear_after_commit(kwargs.get("using"))


@receiver(post_delete)
def clear_on_delete(sender: type[Model], instance: Model, **kwargs: Any) -> None:
    kind = publicity.kind(sender)
    if kind == "page":
        shows = bool(instance.live)  # type: ignore[attr-defined]
    elif kind == "part":
        shows = _part_shows(instance)
    else:
        shows = kind == "public"
    if shows:
        pagecache.clear_after_commit(kwargs.get("using"))


@receiver(m2m_changed)
def clear_on_relation_change(sender: type[Model], instance: Model, **kwargs: Any) -> None:
    """Categories and organisers of a page, groups of a view restriction, and the like."""
    if kwargs.get("action") not in ("post_add", "post_remove", "post_clear"):
        return
    own = publicity.kind(type(instance))
    if own == "page":
        shows = bool(instance.live)  # type: ignore[attr-defined]
    elif own == "public":
        shows = True
    elif own == "part":
        shows = _part_shows(instance)
    else:
        other: type[Model] = kwargs["model"]
        other_kind = publicity.kind(other)
        pk_set = kwargs.get("pk_set")
        if other_kind == "page":
            shows = pk_set is None or Page.objects.filter(pk__in=pk_set, live=True).exists()
        else:
            shows = other_kind == "public"
    if shows:
        pagecache.clear_after_commit(kwargs.get("using"))
