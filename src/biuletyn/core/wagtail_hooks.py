"""Wagtail hooks of the core app: the view rule for aliases of private pages, and names for
inputs Wagtail's scripts leave unlabelled."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse
from django.templatetags.static import static
from django.urls import reverse
from django.utils.cache import add_never_cache_headers
from django.utils.html import format_html
from django.utils.safestring import SafeString
from wagtail import hooks
from wagtail.models import Page, PageViewRestriction

from .visibility import restrictions_for

Serve = Callable[[Page, HttpRequest, tuple[Any, ...], dict[str, Any]], HttpResponse]


@hooks.register("on_serve_page")
def check_inherited_view_restrictions(serve: Serve) -> Serve:
    """A page is served only to readers every restriction of ``restrictions_for`` accepts.

    Wagtail's own check follows an alias to its source page but not to the source's
    ancestors: the English alias of an article in a private Polish section would be readable.
    This check covers that, and answers as Wagtail does (password form or login page), never
    cached.
    """

    def inner(
        page: Page, request: HttpRequest, args: tuple[Any, ...], kwargs: dict[str, Any]
    ) -> HttpResponse:
        restrictions = list(restrictions_for(page))
        for restriction in restrictions:
            if restriction.accept_request(request):
                continue
            response: HttpResponse
            if restriction.restriction_type == PageViewRestriction.PASSWORD:
                from wagtail.forms import PasswordViewRestrictionForm

                form = PasswordViewRestrictionForm(
                    instance=restriction, initial={"return_url": request.get_full_path()}
                )
                action = reverse(
                    "wagtailcore_authenticate_with_password", args=[restriction.pk, page.pk]
                )
                response = page.serve_password_required_response(request, form, action)
            else:
                login_url = getattr(
                    settings, "WAGTAIL_FRONTEND_LOGIN_URL", reverse("wagtailcore_login")
                )
                response = redirect_to_login(request.get_full_path(), login_url)
            add_never_cache_headers(response)
            return response
        response = serve(page, request, args, kwargs)
        if restrictions:
            add_never_cache_headers(response)
        return response

    return inner


@hooks.register("insert_global_admin_js")
def label_unlabelled_admin_inputs() -> SafeString:
    return format_html('<script src="{}"></script>', static("core/admin-labels.js"))
