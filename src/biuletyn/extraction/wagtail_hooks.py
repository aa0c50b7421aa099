"""The admin's way to "create an event from this article" (admin_views.ProposalView): a button in
the article's header menu and in the page listing's "more" menu."""

from __future__ import annotations

from typing import Any

from django.urls import path, reverse
from django.utils.translation import gettext as _
from wagtail import hooks
from wagtail.admin.widgets.button import Button

from . import admin_views


@hooks.register("register_admin_urls")
def register_admin_urls() -> list[Any]:
    return [
        path(
            "articles/<int:pk>/event/",
            admin_views.ProposalView.as_view(),
            name=f"{admin_views.NAMESPACE}_proposal",
        )
    ]


def _button(page: Any, user: Any) -> Any:
    from biuletyn.articles.models import ArticlePage

    if not issubclass(page.specific_class or type(page), ArticlePage):
        return
    if not page.permissions_for_user(user).can_edit():
        return
    yield Button(
        _("Create an event from this article"),
        url=reverse(f"{admin_views.NAMESPACE}_proposal", args=(page.pk,)),
        icon_name="date",
        priority=50,
    )


@hooks.register("register_page_header_buttons")
def event_from_article_header_button(
    page: Any, user: Any, view_name: str, next_url: str | None = None
) -> Any:
    yield from _button(page, user)


@hooks.register("register_page_listing_more_buttons")
def event_from_article_listing_button(page: Any, user: Any, next_url: str | None = None) -> Any:
    yield from _button(page, user)
