from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SourcesConfig(AppConfig):
    name = "biuletyn.sources"
    label = "sources"
    verbose_name = _("Republishing sources")
    default_auto_field = "django.db.models.BigAutoField"
