"""A consultation as JSON, always current (issue 11): ``/api/consultations/<page id>.json``,
which each consultation page links with ``<link rel="alternate" type="application/json">``.

The page id names one language version; ``url``, ``comment_url`` and ``report_url`` are in that
page's language. Only visible pages answer (``core.visibility``: a private page, a page under a
private one, or the alias of one, is a 404 in JSON like any unknown id). Never stored by the
page cache (``private, no-cache``): the status changes by the clock and the counts with every
published comment. Times are ISO 8601 in Warsaw time with their offset.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, JsonResponse
from django.utils import timezone, translation
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_GET

from biuletyn.core.visibility import is_visible, visible

from . import queries
from .enums import ConsultationStatus
from .models import ConsultationPage

# Larger numbers are no page (and would overflow SQLite's integer).
_LARGEST_ID = 2**63 - 1


def _answer(data: dict[str, Any], status: int = 200, language: str | None = None) -> JsonResponse:
    """The JSON, never stored; ``Content-Language`` is the page's language (the address lies
    outside the language prefixes, so the middleware would otherwise name the default)."""
    response = JsonResponse(data, status=status, json_dumps_params={"ensure_ascii": False})
    patch_cache_control(response, private=True, no_cache=True)
    if language:
        response["Content-Language"] = language
    return response


def _iso(moment: Any) -> str | None:
    return None if moment is None else timezone.localtime(moment).isoformat()


@require_GET
def consultation_json(request: HttpRequest, pk: int) -> JsonResponse:
    if pk > _LARGEST_ID:
        return _answer({"error": "not_found"}, status=404)
    page = visible(ConsultationPage.objects.filter(pk=pk)).select_related("locale").first()
    if page is None or not is_visible(page):
        return _answer({"error": "not_found"}, status=404)
    language = page.locale.language_code
    with translation.override(language):
        url = page.get_full_url(request) or ""
        status = page.status_at(timezone.now())
        counts = queries.published_counts(page)
        report = page.report
        published = report is not None and report.published_at is not None
        data: dict[str, Any] = {
            "id": page.pk,
            "title": page.title,
            "language": language,
            "url": url,
            "subject": page.subject,
            "status": str(status),
            "opens": _iso(page.opens_at),
            "closes": _iso(page.closes_at),
            "report_due": page.report_due.isoformat() if page.report_due else None,
            "comment_url": (
                url + page.reverse_subpage("comment") if status == ConsultationStatus.OPEN else None
            ),
            "comments_published": sum(counts.values()),
            "report_url": url + page.reverse_subpage("report") if published else None,
            "sections": [
                {
                    "key": section["key"],
                    "heading": section["heading"],
                    "commentable": section["commentable"],
                    "comments_published": counts.get(section["key"], 0),
                }
                for section in page.section_list()
            ],
        }
    return _answer(data, language=language)
