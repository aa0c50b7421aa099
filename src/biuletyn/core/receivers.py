"""Signal receivers of the core app: clearing the page cache when content changes. ADR 0001."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.db.models import Model
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.signals import page_published, page_slug_changed, page_unpublished

from . import pagecache

# Models outside our own apps whose changes show on public pages.
_CONTENT_MODELS = {
    ("wagtailcore", "site"),
    ("wagtailcore", "locale"),
    ("wagtailcore", "pageviewrestriction"),  # a page made private must leave the cache at once
    ("wagtailimages", "image"),
    ("wagtaildocs", "document"),
    ("wagtailredirects", "redirect"),
}


def _clear_after_commit() -> None:
    transaction.on_commit(pagecache.clear)


def _shows_on_public_pages(model: type[Model]) -> bool:
    meta = model._meta
    if meta.app_config is None or getattr(model, "page_cache_neutral", False):
        return False  # historical models in migrations, or models that never show publicly
    return meta.app_config.name.startswith("biuletyn.") or (
        (meta.app_label, meta.model_name) in _CONTENT_MODELS
    )


@receiver(page_published)
@receiver(page_unpublished)
@receiver(page_slug_changed)
def clear_on_page_change(sender: type, **kwargs: Any) -> None:
    _clear_after_commit()


@receiver(post_save)
@receiver(post_delete)
def clear_on_content_change(sender: type[Model], **kwargs: Any) -> None:
    if kwargs.get("raw"):
        return
    if _shows_on_public_pages(sender):
        _clear_after_commit()
