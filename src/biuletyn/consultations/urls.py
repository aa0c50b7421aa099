"""Public addresses of consultations outside their pages: the confirmation link. The comment
form, the reader's report of a comment and the report are routes of the consultation page."""

from django.urls import path
from django.utils.translation import pgettext_lazy

from . import views

app_name = "consultations"

urlpatterns: list = [
    path(
        pgettext_lazy("URL path", "consultations/confirm/<str:token>/"),
        views.confirm,
        name="confirm",
    ),
]
