from django.apps import AppConfig


class AccessibilityConfig(AppConfig):
    """Shared accessibility vocabulary and checks: alt text, (later) features and readability."""

    name = "biuletyn.accessibility"
    label = "accessibility"
    verbose_name = "Biuletyn: accessibility"
