from django.urls import path
from django.utils.translation import pgettext_lazy

from . import views

app_name = "organisations"

urlpatterns = [
    path(
        pgettext_lazy("URL path", "organisations/<slug:slug>/"),
        views.organisation_detail,
        name="detail",
    ),
    path(
        pgettext_lazy("URL path", "organisations/<slug:slug>.vcf"),
        views.organisation_vcard_download,
        name="vcard",
    ),
]
