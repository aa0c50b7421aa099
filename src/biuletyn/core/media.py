"""Uploaded images under MEDIA_URL, served by Django itself in every environment. ADR 0009.

Only the two folders Wagtail writes images to are public: ``images/`` (renditions) and
``original_images/``. Anything else under MEDIA_URL is a 404, ``documents/`` above all: a
Wagtail document is only ever served by Wagtail's own view, which checks collection privacy.

Reading the file, ``If-Modified-Since`` and ``Last-Modified`` are Django's
``django.views.static.serve``. What this module adds is the rule for which names may be asked
for at all (one file name of the characters Django's storage keeps, with an image extension),
the Content-Type from that extension and the cache lifetime of each folder. The name rule makes
``..``, empty segments, NUL bytes, over-long names and sub-folders a 404 before anything touches
the file system. ``X-Content-Type-Options: nosniff`` and ``Cross-Origin-Resource-Policy:
same-origin`` come from the middleware (SecurityMiddleware and SecurityHeadersMiddleware).
"""

from __future__ import annotations

import re
from pathlib import Path

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponseBase
from django.views.decorators.http import require_safe
from django.views.static import serve

# A rendition's file name carries the original's name, the focal point key and the filter spec,
# so a changed image or filter is a new URL: a year, never revalidated. An original keeps its
# name while its file stays, so it gets a day.
CACHE_CONTROL = {
    "images": "public, max-age=31536000, immutable",
    "original_images": "public, max-age=86400",
}

# Fixed here rather than guessed from the machine's mime.types: Python 3.11's own table has no
# WebP, so a server without /etc/mime.types would send application/octet-stream.
CONTENT_TYPES = {
    ".avif": "image/avif",
    ".gif": "image/gif",
    ".jpeg": "image/jpeg",
    ".jpg": "image/jpeg",
    ".png": "image/png",
    ".webp": "image/webp",
}

# What Django's Storage.get_valid_name leaves in a name (letters, digits, _ - .), one segment,
# not starting with a dot.
_FILE_NAME = re.compile(r"[\w-][\w.-]*")
# Most file systems refuse longer names, and stat() would raise instead of saying "missing".
_MAX_NAME_BYTES = 255


def is_public_name(name: str) -> bool:
    """Whether ``name`` may be looked up in a public media folder at all."""
    if not _FILE_NAME.fullmatch(name) or len(name.encode("utf-8")) > _MAX_NAME_BYTES:
        return False
    return Path(name).suffix.lower() in CONTENT_TYPES


@require_safe
def serve_image(request: HttpRequest, folder: str, name: str) -> HttpResponseBase:
    """One image file from ``MEDIA_ROOT/<folder>/``, ``folder`` being a key of CACHE_CONTROL."""
    if folder not in CACHE_CONTROL or not is_public_name(name):
        raise Http404("No such image.")
    response = serve(request, name, document_root=str(Path(settings.MEDIA_ROOT) / folder))
    response["Cache-Control"] = CACHE_CONTROL[folder]
    if response.status_code == 200:
        response["Content-Type"] = CONTENT_TYPES[Path(name).suffix.lower()]
    return response


def not_public(request: HttpRequest) -> HttpResponseBase:
    """Everything else under MEDIA_URL, so that no other view ever answers there."""
    raise Http404("Not a public media file.")
