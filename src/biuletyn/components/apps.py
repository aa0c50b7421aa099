from django.apps import AppConfig


class ComponentsConfig(AppConfig):
    """Accessible template components (templates/components/) and their CSS/JS."""

    name = "biuletyn.components"
    label = "components"
    verbose_name = "Biuletyn: components"
