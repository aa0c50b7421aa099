"""Two Content Security Policies: a strict one for public pages and a wider one for the admin.

Public pages allow nothing inline and nothing from another host. Wagtail's admin still relies
on inline styles and a few inline scripts, so paths under the admin prefixes get their own
policy; it, too, allows no other host. ADR 0002.
"""

from __future__ import annotations

from typing import Any

from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings
from django.http import HttpRequest, HttpResponseBase

_SELF = "'self'"

ADMIN_DIRECTIVES: dict[str, Any] = {
    "default-src": [_SELF],
    "script-src": [_SELF, "'unsafe-inline'"],
    "style-src": [_SELF, "'unsafe-inline'"],
    "img-src": [_SELF, "data:", "blob:"],
    "font-src": [_SELF, "data:"],
    "connect-src": [_SELF],
    "media-src": [_SELF, "blob:"],
    "worker-src": [_SELF, "blob:"],
    "object-src": ["'none'"],
    "frame-src": [_SELF],
    "frame-ancestors": [_SELF],
    "base-uri": [_SELF],
    "form-action": [_SELF],
}


def is_admin_path(path: str) -> bool:
    return path.startswith(tuple(settings.CSP_ADMIN_PATH_PREFIXES))


class SplitCSPMiddleware(CSPMiddleware):
    def get_policy_parts(  # type: ignore[override]
        self, request: HttpRequest, response: HttpResponseBase, report_only: bool = False
    ) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only)
        if not report_only and parts.config is None and is_admin_path(request.path_info):
            parts.config = ADMIN_DIRECTIVES
        return parts
