"""The "Imported, needs an editor" list in the Wagtail admin (issue 12).

The WordPress import publishes the archive as it was, even where an article breaks our
editorial rules (an image without alt text or with a generic one, a poster without its text
version, a link to a file of the old site). Those pages are listed here with the reasons in
words, each title leading to the page's editor, with its address on the site. A page leaves
the list once an editor has published it without the problem (``services.recompute_needs_editor``
runs on every publish).

Who: the administrators and the bulletin's editors (``imports.view_importeditem``, given after
every migrate: apps.ensure_editor_permissions).
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpRequest
from django.http.response import HttpResponseBase
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from . import queries

NAMESPACE = "imports_admin"
VIEW_PERMISSION = "imports.view_importeditem"
PER_PAGE = 50


def can_view(user: Any) -> bool:
    return bool(user.has_perm(VIEW_PERMISSION))


class NeedsEditorView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "imports/admin/needs_editor.html"
    header_icon = "warning"
    request: HttpRequest

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        if not can_view(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self) -> str:
        return _("Imported, needs an editor")

    def get_breadcrumbs_items(self) -> list[dict[str, Any]]:
        return [
            {"url": reverse("wagtailadmin_home"), "label": _("Home")},
            {"url": "", "label": self.get_page_title()},
        ]

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        paginator = Paginator(queries.needing_editor(), PER_PAGE)
        page_obj = paginator.get_page(self.request.GET.get("p"))
        context.update(page_obj=page_obj, records=page_obj.object_list, total=paginator.count)
        return context
