"""The import in Wagtail: the "Imported, needs an editor" list in the admin menu, and the old
``/?p=ID`` and ``/?page_id=ID`` addresses of WordPress.

Wagtail's RedirectMiddleware acts only on a 404, and ``/?p=ID`` asks for the home page, which
answers 200: so before a page is served with a ``p`` or ``page_id`` query, the redirect made
for that exact address (path and query, as Wagtail normalises them) is followed."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse, HttpResponsePermanentRedirect
from django.urls import path, reverse
from django.utils.translation import pgettext_lazy
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Site

from . import admin_views

WORDPRESS_QUERIES = ("p", "page_id")


class EditorsMenuItem(MenuItem):
    def is_shown(self, request: Any) -> bool:
        return admin_views.can_view(request.user)


@hooks.register("register_admin_urls")
def register_admin_urls() -> list[Any]:
    return [
        path(
            "imported/",
            admin_views.NeedsEditorView.as_view(),
            name=f"{admin_views.NAMESPACE}_needs_editor",
        )
    ]


@hooks.register("register_admin_menu_item")
def register_menu_item() -> MenuItem:
    return EditorsMenuItem(
        # Short enough for the menu's width (the page's own title says it in full).
        pgettext_lazy("admin menu", "Import fixes"),
        reverse(f"{admin_views.NAMESPACE}_needs_editor"),
        name="imported-needs-editor",
        icon_name="warning",
        order=270,
    )


@hooks.register("before_serve_page")
def follow_wordpress_query(
    page: Any, request: HttpRequest, serve_args: Any, serve_kwargs: Any
) -> HttpResponse | None:
    if not any(key in request.GET for key in WORDPRESS_QUERIES):
        return None
    old_path = Redirect.normalise_path(request.get_full_path())
    site = Site.find_for_request(request)
    redirect = Redirect.get_for_site(site).filter(old_path=old_path).order_by("-site_id").first()
    if redirect is None or redirect.link is None:
        return None
    return HttpResponsePermanentRedirect(redirect.link)
