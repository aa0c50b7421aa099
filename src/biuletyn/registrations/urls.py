"""Public addresses of registrations: the signed link's pages and the event's live JSON. The
form itself is a route of the event page (so the event's privacy applies to it)."""

from django.urls import path
from django.utils.translation import pgettext_lazy

from . import manage_views

app_name = "registrations"

urlpatterns: list = [
    # The signed link (manage_views): view, change, cancel, export, delete.
    path(
        pgettext_lazy("URL path", "registration/<str:token>/"),
        manage_views.manage,
        name="manage",
    ),
    path(
        pgettext_lazy("URL path", "registration/<str:token>/change/"),
        manage_views.change,
        name="manage_change",
    ),
    path(
        pgettext_lazy("URL path", "registration/<str:token>/cancel/"),
        manage_views.cancel,
        name="manage_cancel",
    ),
    path(
        pgettext_lazy("URL path", "registration/<str:token>/delete-my-data/"),
        manage_views.delete,
        name="manage_delete",
    ),
    path(
        pgettext_lazy("URL path", "registration/<str:token>/my-data.json"),
        manage_views.export,
        name="manage_export",
    ),
    # The event's JSON (views): capacity, seats taken, waiting list, registration URL.
]
