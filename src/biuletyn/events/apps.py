from django.apps import AppConfig


class EventsConfig(AppConfig):
    """Events: the calendar, event pages with accessibility offers, ICS files and feeds."""

    name = "biuletyn.events"
    label = "events"
    verbose_name = "Biuletyn: events"
