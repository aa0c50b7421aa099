"""The republishing sources in Wagtail's admin (issue 12): the sources as a snippet
("Źródła przedruków") and the review queue ("Do przejrzenia")."""

from __future__ import annotations

from typing import Any

from django.urls import path
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.viewsets.base import ViewSet
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from . import admin_views
from .models import Source


class ReviewersMenuItem(MenuItem):
    """Shown only to those who may review fetched items."""

    def is_shown(self, request: Any) -> bool:
        return admin_views.can_review(request.user)


class QueueViewSet(ViewSet):
    name = admin_views.NAMESPACE
    url_prefix = "sources"
    icon = "tasks"
    menu_label = pgettext_lazy("admin menu", "To review")
    menu_name = "sources_queue"
    menu_order = 265
    add_to_admin_menu = True

    @property
    def menu_item_class(self) -> type[MenuItem]:  # type: ignore[override]
        return ReviewersMenuItem

    def get_urlpatterns(self) -> list[Any]:
        return [
            path("", admin_views.QueueView.as_view(), name="queue"),
            path("<int:pk>/reject/", admin_views.RejectView.as_view(), name="reject"),
        ]


@hooks.register("register_admin_viewset")
def register_queue() -> QueueViewSet:
    return QueueViewSet()


class SourceViewSet(SnippetViewSet):
    model = Source
    icon = "link"
    menu_label = _("Republishing sources")
    menu_name = "sources"
    menu_order = 266
    add_to_admin_menu = True
    list_display = ["name", "kind", "attribution", "active", "last_outcome"]
    list_filter = ["kind", "active"]
    search_fields = ["name", "attribution", "url"]


register_snippet(SourceViewSet)
