from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RegistrationsConfig(AppConfig):
    name = "biuletyn.registrations"
    label = "registrations"
    verbose_name = _("Registrations")
    default_auto_field = "django.db.models.BigAutoField"
