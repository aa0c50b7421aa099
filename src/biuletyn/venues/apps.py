from django.apps import AppConfig


class VenuesConfig(AppConfig):
    """Places where events happen, and what a disabled visitor can expect there."""

    name = "biuletyn.venues"
    label = "venues"
    verbose_name = "Biuletyn: venues"
