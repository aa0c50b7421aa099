"""Reads of the republishing sources (issue 12): what is already known, and the review queue."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db.models import Q, QuerySet

from .models import ItemState, Source, SourceItem, SourceKind

if TYPE_CHECKING:
    from .parse import ParsedItem


def is_known(*, source: Source, item: ParsedItem) -> bool:
    """Whether a fetch has seen ``item`` before: the same text (fingerprint) anywhere, the same
    address from any source (for a watched page: from another source, since its own versions
    share the address), or the same guid in this feed."""
    seen = Q(fingerprint=item.fingerprint)
    if source.kind == SourceKind.PAGE:
        seen |= Q(url=item.url) & ~Q(source=source)
    else:
        seen |= Q(url=item.url)
        if item.guid:
            seen |= Q(source=source, guid=item.guid)
    return SourceItem.objects.filter(seen).exists()


def to_review(*, source_id: int | None = None) -> QuerySet[SourceItem]:
    """The review queue: items waiting for an editor, whose draft still exists, newest first."""
    items = SourceItem.objects.filter(state=ItemState.TO_REVIEW, page__isnull=False)
    if source_id is not None:
        items = items.filter(source_id=source_id)
    return items.select_related("source", "page").order_by("-fetched_at", "-pk")


def sources_with_items_to_review() -> QuerySet[Source]:
    """The sources the queue's filter offers: those with something to review."""
    return Source.objects.filter(
        pk__in=SourceItem.objects.filter(state=ItemState.TO_REVIEW, page__isnull=False).values(
            "source_id"
        )
    ).order_by("name", "pk")
