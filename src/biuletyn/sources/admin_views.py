"""The review queue in Wagtail's admin (issue 12): "Do przejrzenia".

* ``QueueView``: the items fetched from the sources and waiting for an editor, newest first:
  the source, the title linking to the draft's edit view (where the editor reviews, changes
  and publishes it), when it was fetched, how many images the original had (they are not
  fetched), and "Odrzuć". A filter by source (links, each with its count).
* ``RejectView``: a POST with CSRF that calls ``services.reject`` (the draft is deleted, the
  item remembered) and comes back with a message.

An item leaves the queue when its draft is published (``page_published``, apps.py) or rejected.
Who: ``REVIEW_PERMISSION`` (the item's change permission), which the editorial groups get after
every migrate (apps.ensure_editor_permissions).
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import Count
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import pgettext
from django.views.generic import TemplateView, View
from wagtail.admin import messages
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from . import queries, services
from .models import ItemState, SourceItem

NAMESPACE = "sources_admin"
REVIEW_PERMISSION = "sources.change_sourceitem"


def url(name: str, *args: Any) -> str:
    return reverse(f"{NAMESPACE}:{name}", args=args)


def can_review(user: Any) -> bool:
    return bool(user.has_perm(REVIEW_PERMISSION))


class ReviewersOnly(View):
    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        if not can_review(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


def _chosen_source(request: HttpRequest) -> int | None:
    value = request.GET.get("source") or request.POST.get("source") or ""
    return int(value) if value.isdigit() else None


def queue_url(source_id: int | None) -> str:
    return url("queue") + (f"?source={source_id}" if source_id else "")


class QueueView(ReviewersOnly, WagtailAdminTemplateMixin, TemplateView):
    template_name = "sources/admin/queue.html"
    header_icon = "tasks"

    def get_page_title(self) -> str:
        return pgettext("admin menu", "To review")

    def get_breadcrumbs_items(self) -> list[dict[str, Any]]:
        return [
            {"url": reverse("wagtailadmin_home"), "label": _("Home")},
            {"url": "", "label": self.get_page_title()},
        ]

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        chosen = _chosen_source(self.request)
        counts = {
            row["source_id"]: row["count"]
            for row in queries.to_review()
            .order_by()
            .values("source_id")
            .annotate(count=Count("pk"))
        }
        sources = list(queries.sources_with_items_to_review())
        if chosen not in counts:
            chosen = None
        filters = [
            {
                "label": pgettext("sources filter", "All sources"),
                "count": sum(counts.values()),
                "url": queue_url(None),
                "current": chosen is None,
            },
            *(
                {
                    "label": source.name,
                    "count": counts.get(source.pk, 0),
                    "url": queue_url(source.pk),
                    "current": chosen == source.pk,
                }
                for source in sources
            ),
        ]
        context.update(
            items=list(queries.to_review(source_id=chosen)),
            filters=filters,
            chosen=chosen,
            chosen_source=next((s for s in sources if s.pk == chosen), None),
        )
        return context


class RejectView(ReviewersOnly):
    http_method_names = ["post"]

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        item = get_object_or_404(SourceItem, pk=pk)
        back = queue_url(_chosen_source(request)) + "#queue"
        try:
            services.reject(item=item, user=request.user)
        except services.SourceError as error:
            messages.error(request, error.message)
            return redirect(back)
        messages.success(
            request,
            _("“%(title)s” is rejected; its draft is deleted. It will not be fetched again.")
            % {"title": item.title},
        )
        return redirect(back)


def waiting_count() -> int:
    return SourceItem.objects.filter(state=ItemState.TO_REVIEW, page__isnull=False).count()
