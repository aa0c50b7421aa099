"""Addresses typed with spaces (ADR 0010): ``/biuletyn/tag/osoby głuche/`` redirects to
``/biuletyn/tag/osoby-głuche/``, where the page's own routes take over (the bulletin then
redirects to the tag's slug, ``osoby-gluche``).

Wagtail serves only paths made of letters, digits, ``-`` and ``_``, so a space never reaches
a page; this view sits before Wagtail's catch-all (``urlpatterns`` below, added in
``biuletyn/urls.py``) and answers only paths that contain white space.
"""

from __future__ import annotations

import re

from django.http import Http404, HttpRequest, HttpResponsePermanentRedirect
from django.urls import re_path

_WHITE_SPACE = re.compile(r"\s+")


def without_white_space(path: str) -> str:
    """``path`` with white space trimmed from each segment and hyphens inside; empty segments
    dropped, so the result always starts with exactly one "/" and stays on this site."""
    segments = [_WHITE_SPACE.sub("-", s.strip()) for s in path.split("/")]
    cleaned = "/".join(s for s in segments if s)
    trailing = "/" if path.rstrip().endswith("/") and cleaned else ""
    return f"/{cleaned}{trailing}"


def white_space_to_hyphens(request: HttpRequest, path: str) -> HttpResponsePermanentRedirect:
    target = without_white_space(path)
    if target == f"/{path}":
        raise Http404
    query = request.META.get("QUERY_STRING", "")
    return HttpResponsePermanentRedirect(f"{target}?{query}" if query else target)


urlpatterns = [re_path(r"^(?P<path>.*\s.*)\Z", white_space_to_hyphens)]
