from django.urls import path
from django.utils.translation import pgettext_lazy

from . import views

app_name = "events"

urlpatterns = [
    path(pgettext_lazy("URL path", "calendar.ics"), views.calendar_feed, name="feed"),
    path(pgettext_lazy("URL path", "calendar/event-<int:pk>.ics"), views.event_ics, name="ics"),
]
