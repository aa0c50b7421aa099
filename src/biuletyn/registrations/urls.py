"""Public addresses of registrations: the signed link's pages and the event's live JSON. The
form itself is a route of the event page (so the event's privacy applies to it)."""

from django.urls import path  # noqa: F401
from django.utils.translation import pgettext_lazy  # noqa: F401

app_name = "registrations"

urlpatterns: list = [
    # The signed link (manage_views): view, change, cancel, export, delete.
    # The event's JSON (views): capacity, seats taken, waiting list, registration URL.
]
