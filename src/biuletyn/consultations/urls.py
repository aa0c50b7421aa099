"""Public addresses of consultations outside their pages: the confirmation link, and the files
of a page (its ICS, the list's ICS feed, the report's CSV) served through the page's privacy.
The comment form, the reader's report of a comment and the report are routes of the page."""

from django.urls import path, re_path
from django.utils.translation import pgettext_lazy

from . import public_views, views

app_name = "consultations"

urlpatterns: list = [
    path(
        pgettext_lazy("URL path", "consultations/confirm/<str:token>/"),
        views.confirm,
        name="confirm",
    ),
    # The calendar files and the report's CSV of consultation pages: Wagtail serves only
    # addresses ending in "/", so these come before its catch-all (public_views.page_file).
    re_path(public_views.FILE_PATTERN, public_views.page_file, name="page_file"),
]
