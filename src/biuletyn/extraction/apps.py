from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ExtractionConfig(AppConfig):
    name = "biuletyn.extraction"
    label = "extraction"
    verbose_name = _("Event data from text")
    default_auto_field = "django.db.models.BigAutoField"
