"""Reads of the import's records: the imported pages that still need an editor."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet

from .models import ImportedItem


def needing_editor() -> QuerySet[ImportedItem]:
    """Imported pages whose content still breaks an editorial rule, most recently imported
    first, with their page (one query)."""
    return (
        ImportedItem.objects.filter(page__isnull=False)
        .exclude(needs_editor=[])
        .select_related("page")
        .order_by("-imported_at", "-pk")
    )


def record_for_page(page: Any) -> ImportedItem | None:
    return ImportedItem.objects.filter(page_id=page.pk).first()
