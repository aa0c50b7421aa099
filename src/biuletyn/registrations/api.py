"""An event's registration as JSON, always current (issue 10): the small view each event page
links with ``<link rel="alternate" type="application/json">``, until the API's event resource.

``/api/events/<page id>.json``, outside the language prefixes: the page id names one language
version, and ``registration_url`` is the form's address in that page's language. Only visible
pages answer (``core.visibility``), anything else is a 404, in JSON too. An event without
registration answers with its registration fields null. Never stored by the page cache
(``private, no-cache``): a rush of sign-ups changes these figures every second.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, JsonResponse
from django.utils import timezone, translation
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_GET

from biuletyn.core.visibility import is_visible, visible
from biuletyn.events.models import EventPage

from . import queries, services

REGISTRATION_FIELDS = (
    "registration_state",
    "registration_url",
    "registration_opens_at",
    "registration_closes_at",
    "capacity",
    "seats_taken",
    "seats_free",
    "waitlist_enabled",
    "waitlist_length",
    "waitlist_people",
    "wheelchair_spaces",
    "wheelchair_spaces_taken",
    "wheelchair_spaces_free",
    "wheelchair_spaces_held",
)


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
def event_json(request: HttpRequest, pk: int) -> JsonResponse:
    page = visible(EventPage.objects.filter(pk=pk)).select_related("locale").first()
    if page is None or not is_visible(page):
        return _answer({"error": "not_found"}, status=404)
    language = page.locale.language_code
    with translation.override(language):
        page_url = page.get_full_url(request)
        data: dict[str, Any] = {
            "id": page.pk,
            "title": page.title,
            "language": language,
            "url": page_url,
            **dict.fromkeys(REGISTRATION_FIELDS),
        }
        setup = queries.setup_for(page)
        if setup is None:
            return _answer(data, language=language)
        now = timezone.now()
        counts = services.counts(setup)
        capacity = counts.capacity
        state = setup.state_at(now, page)
        data.update(
            registration_state=state,
            registration_url=(page_url or "") + page.reverse_subpage("registration"),
            registration_opens_at=_iso(setup.opens_at),
            registration_closes_at=_iso(setup.closing_time(page)),
            capacity=capacity,
            seats_taken=counts.seats_taken,
            seats_free=None if capacity is None else max(capacity - counts.seats_taken, 0),
            waitlist_enabled=setup.waiting_list,
            waitlist_length=counts.waiting,
            waitlist_people=counts.waiting_places,
            wheelchair_spaces=counts.wheelchair_spaces,
            wheelchair_spaces_taken=counts.wheelchair_taken,
            wheelchair_spaces_free=max(counts.wheelchair_spaces - counts.wheelchair_taken, 0),
            wheelchair_spaces_held=setup.wheelchair_spaces_held(now),
        )
    return _answer(data, language=language)
