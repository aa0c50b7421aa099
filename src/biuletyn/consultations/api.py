"""A consultation as JSON, always current (issue 11). STUB."""

from __future__ import annotations

from django.http import HttpRequest, JsonResponse


def consultation_json(request: HttpRequest, pk: int) -> JsonResponse:
    return JsonResponse({"error": "not_found"}, status=404)
