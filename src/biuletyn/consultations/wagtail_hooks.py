"""The consultations in Wagtail's admin (issue 11): the "Konsultacje" menu (the list, each
consultation's comments and moderation, comments entered on someone's behalf, the answers and
the report), the dashboard's panel of reports due, a way from a consultation's editor to its
comments, and the audit log's actions."""

from __future__ import annotations

from typing import Any

from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import pgettext_lazy
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.viewsets.base import ViewSet
from wagtail.admin.widgets.button import Button

from . import admin_views, audit


@hooks.register("register_log_actions")
def register_log_actions(actions: Any) -> None:
    audit.register_actions(actions)


class ModeratorsMenuItem(MenuItem):
    """Shown only to those who may moderate comments."""

    def is_shown(self, request: Any) -> bool:
        return admin_views.can_moderate(request.user)


class ConsultationAdminViewSet(ViewSet):
    name = admin_views.NAMESPACE
    url_prefix = "consultations"
    icon = "comment"
    menu_label = pgettext_lazy("admin menu", "Consultations")
    menu_name = "consultations"
    menu_order = 260
    add_to_admin_menu = True

    @property
    def menu_item_class(self) -> type[MenuItem]:  # type: ignore[override]
        return ModeratorsMenuItem

    def get_urlpatterns(self) -> list[Any]:
        views = admin_views
        return [
            path("", views.IndexView.as_view(), name="index"),
            path("<int:pk>/", views.CommentsView.as_view(), name="comments"),
            path("<int:pk>/add/", views.OnBehalfView.as_view(), name="on_behalf"),
            path(
                "<int:pk>/comments/<int:comment>/publish/",
                views.PublishView.as_view(),
                name="publish",
            ),
            path(
                "<int:pk>/comments/<int:comment>/reject/",
                views.RejectView.as_view(),
                name="reject",
            ),
            path(
                "<int:pk>/comments/<int:comment>/answer/",
                views.AnswerView.as_view(),
                name="answer",
            ),
            path("<int:pk>/report/", views.ReportView.as_view(), name="report"),
            path(
                "<int:pk>/report/publish/",
                views.PublishReportView.as_view(),
                name="publish_report",
            ),
        ]


consultation_admin_viewset = ConsultationAdminViewSet()


@hooks.register("register_admin_viewset")
def register_consultation_admin() -> ConsultationAdminViewSet:
    return consultation_admin_viewset


@hooks.register("construct_homepage_panels")
def reports_due_panel(request: Any, panels: list[Any]) -> None:
    if admin_views.can_moderate(request.user):
        panels.append(admin_views.ReportsDuePanel(request))


@hooks.register("register_page_header_buttons")
def consultation_comments_button(
    page: Any, user: Any, view_name: str, next_url: str | None = None
) -> Any:
    """In a consultation's header menu: its comments and its report."""
    from .models import ConsultationPage

    if not issubclass(page.specific_class or type(page), ConsultationPage):
        return
    if not admin_views.can_moderate(user):
        return
    yield Button(
        _("Comments and report"),
        url=reverse(f"{admin_views.NAMESPACE}:comments", args=(page.pk,)),
        icon_name="comment",
        priority=40,
    )
