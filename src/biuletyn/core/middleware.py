"""Middleware that keeps public pages cacheable and safe. ADR 0001 and ADR 0004."""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.middleware.locale import LocaleMiddleware
from django.utils import translation
from django.utils.cache import add_never_cache_headers, patch_cache_control
from django.utils.translation import get_language_from_path

Handler = Callable[[HttpRequest], HttpResponse]


class PathLocaleMiddleware(LocaleMiddleware):
    """The language comes from the URL alone: `/en/…` is English, everything else Polish.

    Django's LocaleMiddleware also reads a cookie and Accept-Language and then adds
    `Vary: Accept-Language`, which would split every cached Polish page by browser settings.
    The admin follows the editor's own language preference, which Wagtail sets itself.
    """

    def process_request(self, request: HttpRequest) -> None:
        language = get_language_from_path(request.path_info) or settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = translation.get_language()

    def process_response(
        self, request: HttpRequest, response: HttpResponseBase
    ) -> HttpResponseBase:
        response.headers.setdefault("Content-Language", translation.get_language())
        return response


class AnonymousCacheHeadersMiddleware:
    """Anonymous responses never vary on cookies; signed-in ones are never stored anywhere.

    A reader without a session cookie always gets the same bytes for a URL, so `Vary: Cookie`
    (added by Django as soon as a template touches `request.user`) is dropped for them. A request
    that carries a session cookie gets `Cache-Control: private, no-store`, so no shared cache
    ever keeps an editor's view of a page.
    """

    def __init__(self, get_response: Handler) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        has_session = settings.SESSION_COOKIE_NAME in request.COOKIES
        response = self.get_response(request)
        if has_session:
            add_never_cache_headers(response)
            patch_cache_control(response, private=True)
        elif response.has_header("Vary") and not response.cookies:
            kept = [v.strip() for v in response["Vary"].split(",") if v.strip().lower() != "cookie"]
            if kept:
                response["Vary"] = ", ".join(kept)
            else:
                del response["Vary"]
        return response


class SecurityHeadersMiddleware:
    """Headers Django's SecurityMiddleware does not set."""

    def __init__(self, get_response: Handler) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        response.headers.setdefault("Cross-Origin-Resource-Policy", "same-origin")
        return response
