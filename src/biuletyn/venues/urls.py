from django.urls import path
from django.utils.translation import pgettext_lazy

from . import views

app_name = "venues"

urlpatterns = [
    path(pgettext_lazy("URL path", "venues/"), views.venue_list, name="list"),
    path(pgettext_lazy("URL path", "venues/<slug:slug>/"), views.venue_detail, name="detail"),
]
