from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ImportsConfig(AppConfig):
    name = "biuletyn.imports"
    label = "imports"
    verbose_name = _("Import from WordPress")
    default_auto_field = "django.db.models.BigAutoField"
